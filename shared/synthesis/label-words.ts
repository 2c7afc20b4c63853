import type { Language } from '../schemas/primitives.js';

/**
 * Closed-class words of each language, for labels only (the similarity of answers does not use them). The stopword
 * lists miss many of them ("chez", "hvert", "neemt", "us"), and a label that starts or ends with one reads cut off:
 * "Porte le projet en interne chez", "Politikerne skifter hvert", "Lokaal bestuur neemt".
 *
 * CLAUSE: words that open a clause of their own (subordinating conjunctions, relative pronouns, "but", "so"): a
 * label never runs across one ("tagging partner orgs so posts travel further" is not "Orgs so posts").
 * EDGE: words a label neither starts nor ends with: prepositions, determiners, pronouns, auxiliaries and modal
 * verbs, adverbs of degree and time, quantifiers. END: verbs a label may start with but does not end with.
 */
const CLAUSE: Record<Language, string> = {
  en: 'so because since when whenever if unless although though while whereas that which who whom whose where but or than',
  nl: 'dat die wie wat waar wanneer als omdat doordat terwijl hoewel zodat zodra tenzij maar want dus of dan',
  fr: 'que qui quoi dont où quand lorsque si parce puisque comme tandis quoique afin mais donc car ou sinon alors',
  da: 'at som der hvis når fordi mens selvom skønt så men eller end hvor hvem hvad hvilken hvilke',
};

const EDGE: Record<Language, string> = {
  en: [
    'a an the this that these those some any each every all both few many much more most less least lot lots other another own such',
    'i me my we us our you your he him his she her it its they them their one ones someone something everyone everything anyone anything nobody nothing',
    'of to in on at by for with without from into onto about between across through over under up down out off per via before after during within around against',
    'is are was were be been being am do does did done have has had having can could should would will shall may might must',
    'very really just also still even only too quite rather always never often sometimes already yet again then now here there how why what',
    'not no yes more like',
  ].join(' '),
  nl: [
    'de het een deze dit die dat elk elke ieder iedere alle allemaal veel weinig meer meest minder sommige enkele ander andere eigen zo’n zulke',
    'ik mij me mijn wij we ons onze jij je jou jouw u uw hij hem zijn zij ze haar het hen hun iemand iets iedereen alles niemand niets men',
    'van in op aan bij met zonder voor na naar om tot uit over onder door tussen tegen langs rond binnen buiten per via tijdens vanaf sinds',
    'is zijn was waren ben bent wordt worden werd werden heeft hebben had hadden kan kunnen kon konden moet moeten mag mogen zal zullen wil willen',
    'er erg heel zeer echt wel niet geen ook nog al toch even steeds altijd nooit vaak soms nu hier daar hoe waarom',
  ].join(' '),
  fr: [
    'le la les l un une des du de d ce cet cette ces chaque tout tous toute toutes plusieurs quelques certains certaines autre autres même mêmes aucun aucune',
    'je j me m moi mon ma mes nous notre nos vous votre vos il elle ils elles lui leur leurs se s son sa ses on y en ça cela ceci celui celle ceux celles chacun quelqu rien',
    'à au aux avec sans pour par sur sous dans chez entre vers avant après depuis pendant contre selon via malgré parmi près loin',
    'est sont était étaient être été ai as a avons avez ont avoir eu peut peuvent pouvoir pourrait doit doivent devoir devrait faut',
    'très trop aussi encore déjà toujours jamais souvent parfois plus moins bien mal peu beaucoup assez juste vraiment ici là maintenant ensuite puis comment pourquoi',
    'ne n pas non oui',
  ].join(' '),
  da: [
    'en et den det de denne dette disse hver hvert hvers enhver ethvert alle alt al mange mere mest færre få nogen noget nogle anden andet andre egen eget egne sådan',
    'jeg mig min mit mine vi os vores du dig din dit dine han ham hans hun hende hendes den det de dem deres sig sin sit sine man nogen ingen intet alle',
    'af i på til fra med uden for om over under efter før ved mellem gennem mod hos langs omkring inden uden via pr',
    'er var være været bliver blev blive har havde have kan kunne skal skulle vil ville må måtte',
    'meget mest også bare kun endnu stadig allerede altid aldrig ofte tit nogle gange nu her der hvordan hvorfor stedet',
    'ikke ja nej',
  ].join(' '),
};

/** The most common light verbs: a label may start with one ("Give members energy") but does not end with one. */
const END: Record<Language, string> = {
  en: 'get gets got getting make makes made making take takes took taken go goes went gone going come comes came let lets put puts keep keeps give gives gave need needed want wants',
  nl: 'doet doen deed gaat gaan ging komt komen kwam krijgt krijgen kreeg maakt maken maakte neemt nemen nam geeft geven gaf laat laten houdt houden staat staan trekt werkt',
  fr: 'fait font faire va vont aller donne donnent prend prennent met mettent reste restent marche marchent',
  da: 'gør gjorde gøre tager tog tage giver gav give går gik gå kommer kom komme får fik virker virke',
};

const sets = (lists: Record<Language, string>) => new Map((Object.keys(lists) as Language[]).map((l) => [l, new Set(lists[l].split(/\s+/))]));
const CLAUSE_SETS = sets(CLAUSE);
const EDGE_SETS = sets(EDGE);
const END_SETS = sets(END);

/** A word (lower-cased) that opens a clause of its own: a label does not run across it. */
export const opensClause = (word: string, lang: Language): boolean => CLAUSE_SETS.get(lang)!.has(word);

/** A word (lower-cased) that a label does not start with. */
export const cannotStartLabel = (word: string, lang: Language): boolean => EDGE_SETS.get(lang)!.has(word) || CLAUSE_SETS.get(lang)!.has(word);

/** A word (lower-cased) that a label does not end with. */
export const cannotEndLabel = (word: string, lang: Language): boolean => cannotStartLabel(word, lang) || END_SETS.get(lang)!.has(word);
