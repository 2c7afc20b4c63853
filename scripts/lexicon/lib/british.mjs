// Rule-based American -> British spelling variants (only the safe, regular cases).

// -ize/-yze: everything ending in these, except words where "ize" is not the suffix.
const IZE_EXCEPT = /(?:size|prize|seize|maize|baize)$/; // size, oversize, prize, seize ... (capsize too)
const IZE_EXCEPT_WORDS = new Set([
  'size',
  'prize',
  'seize',
  'maize',
  'baize',
  'capsize',
  'downsize',
  'resize',
  'oversize',
  'outsize',
  'upsize',
  'midsize',
  'bite-size',
  'king-size',
  'queen-size',
  'life-size',
  'assize',
]);

// -or -> -our stems (American "-or" words whose British spelling is "-our").
const OUR_STEMS = [
  'arb',
  'ard',
  'arm',
  'behavi',
  'cand',
  'clam',
  'col',
  'demean',
  'enam',
  'endeav',
  'fav',
  'ferv',
  'flav',
  'glam',
  'harb',
  'hon',
  'hum',
  'lab',
  'neighb',
  'od',
  'parl',
  'rig',
  'ranc',
  'rum',
  'sav',
  'splend',
  'succ',
  'tum',
  'val',
  'vap',
  'vig',
];
// British keeps "-or-" before these endings (humorous, honorary, laborious, vigorous, coloration...).
const OUR_ENDINGS = ['', 's', 'ed', 'ing', 'er', 'ers', 'ful', 'fully', 'less', 'able', 'ably', 'al', 'ally', 'ite', 'ites', 'y'];
const OUR_RE = new RegExp(`^((?:[a-z-]*?[^a-z]?)?)(${OUR_STEMS.join('|')})or(${OUR_ENDINGS.filter(Boolean).join('|')})?$`);

// A handful of frequent irregular pairs.
const EXPLICIT = {
  center: 'centre',
  centers: 'centres',
  centered: 'centred',
  theater: 'theatre',
  fiber: 'fibre',
  liter: 'litre',
  caliber: 'calibre',
  somber: 'sombre',
  meager: 'meagre',
  luster: 'lustre',
  saber: 'sabre',
  maneuver: 'manoeuvre',
  defense: 'defence',
  offense: 'offence',
  pretense: 'pretence',
  license: 'licence',
  catalog: 'catalogue',
  dialog: 'dialogue',
  analog: 'analogue',
  judgment: 'judgement',
  acknowledgment: 'acknowledgement',
  aging: 'ageing',
  gray: 'grey',
  skeptic: 'sceptic',
  skeptical: 'sceptical',
  skepticism: 'scepticism',
  traveler: 'traveller',
  counselor: 'counsellor',
  counseling: 'counselling',
  modeling: 'modelling',
  labeling: 'labelling',
  enrollment: 'enrolment',
  fulfillment: 'fulfilment',
  installment: 'instalment',
  program: 'programme',
  mold: 'mould',
  plow: 'plough',
  tire: 'tyre',
  check: 'cheque',
};
// "program", "tire", "check" are genuinely ambiguous (computer program, to tire, to check): keep them out.
for (const k of ['program', 'tire', 'check']) delete EXPLICIT[k];

/** British spelling(s) for an American lemma, or [] when no rule applies. */
export function britishVariants(w) {
  const out = new Set();
  if (Object.hasOwn(EXPLICIT, w)) out.add(EXPLICIT[w]);
  // organize, organization, organizer, organizational, analyze, paralyze ...
  const ize = /^(.{2,}?)(i|y)z(e|es|ed|ing|er|ers|able|ation|ations|ational|ationally)$/.exec(w);
  if (ize && !IZE_EXCEPT_WORDS.has(w) && !IZE_EXCEPT.test(w.replace(/(e|es|ed|ing|er|ers|able|ation|ations|ational|ationally)$/, 'e'))) {
    out.add(`${ize[1]}${ize[2]}s${ize[3]}`);
  }
  const our = OUR_RE.exec(w);
  if (our && !/(?:ous|ary|ific|ation)$/.test(w)) out.add(`${our[1]}${our[2]}our${our[3] ?? ''}`);
  out.delete(w);
  return [...out];
}
