import type { Language } from '../../shared/schemas/primitives.js';
import type { OrganisationType } from '../../shared/schemas/attendance.js';

/** Words of the attendance list, its counts and the indicators, in the session's language (issue 16). */
export interface AttendanceLabels {
  attendanceList: string;
  event: string;
  date: string;
  place: string;
  online: string;
  programme: string;
  number: string;
  name: string;
  organisation: string;
  /** The sending organisation's address (shown when the programme's partner list gives it). */
  organisationAddress: string;
  type: string;
  country: string;
  partnerOrExternal: string;
  partner: string;
  external: string;
  signature: string;
  /** `{n}`: how many took part without consenting to be named. */
  unlisted: string;
  unlistedOne: string;
  handwritten: string;
  declarationTitle: string;
  /** `{event}`, `{date}` */
  declaration: string;
  organiserName: string;
  organiserOrganisation: string;
  placeAndDate: string;
  attendanceCounts: string;
  participants: string;
  listedByName: string;
  byOrganisation: string;
  byType: string;
  byCountry: string;
  byTag: string;
  noOrganisation: string;
  indicators: string;
  organisations: string;
  partnerOrganisations: string;
  externalOrganisations: string;
  countries: string;
  crossBorderGroups: string;
  crossBorderOrganisations: string;
  session: string;
  programmeTotal: string;
  types: Record<OrganisationType | 'unknown', string>;
}

export const ATTENDANCE_LABELS: Record<Language, AttendanceLabels> = {
  en: {
    attendanceList: 'Attendance list',
    event: 'Event',
    date: 'Date',
    place: 'Place',
    online: 'Online',
    programme: 'Programme',
    number: 'No.',
    name: 'Name',
    organisation: 'Organisation',
    organisationAddress: 'Address of the organisation',
    type: 'Type of organisation',
    country: 'Country or region',
    partnerOrExternal: 'Partner or external',
    partner: 'partner',
    external: 'external',
    signature: 'Signature',
    unlisted: '{n} further participants took part without consenting to be named; they are counted, not listed.',
    handwritten: 'Rows for people who sign by hand',
    declarationTitle: 'Declaration of the organiser',
    declaration: 'I, the undersigned, declare that the persons listed below took part online in “{event}” on {date}.',
    unlistedOne: 'One further participant took part without consenting to be named; they are counted, not listed.',
    organiserName: 'Name of the organiser',
    organiserOrganisation: 'Organisation',
    placeAndDate: 'Place and date',
    attendanceCounts: 'Attendance',
    participants: 'Participants',
    listedByName: 'listed by name',
    byOrganisation: 'By organisation',
    byType: 'By type of organisation',
    byCountry: 'By country or region',
    byTag: 'Partner and external',
    noOrganisation: 'no organisation given',
    indicators: 'Indicators',
    organisations: 'Organisations',
    partnerOrganisations: 'Partner organisations',
    externalOrganisations: 'External organisations',
    countries: 'Countries',
    crossBorderGroups: 'Groups with organisations from 2+ countries',
    crossBorderOrganisations: 'Organisations that worked across borders',
    session: 'Session',
    programmeTotal: 'Whole programme',
    types: {
      public: 'Public authority',
      ngo: 'Association or NGO',
      'social-enterprise': 'Social enterprise',
      business: 'Company',
      education: 'School, university or training',
      other: 'Other',
      unknown: 'Not given',
    },
  },
  nl: {
    attendanceList: 'Presentielijst',
    event: 'Activiteit',
    date: 'Datum',
    place: 'Plaats',
    online: 'Online',
    programme: 'Programma',
    number: 'Nr.',
    name: 'Naam',
    organisation: 'Organisatie',
    organisationAddress: 'Adres van de organisatie',
    type: 'Soort organisatie',
    country: 'Land of regio',
    partnerOrExternal: 'Partner of extern',
    partner: 'partner',
    external: 'extern',
    signature: 'Handtekening',
    unlisted: 'Nog {n} deelnemers namen deel zonder toestemming om met naam vermeld te worden; zij zijn geteld, niet vermeld.',
    handwritten: 'Rijen voor wie met de hand tekent',
    declarationTitle: 'Verklaring van de organisator',
    declaration: 'Ondergetekende verklaart dat de hieronder vermelde personen online deelnamen aan “{event}” op {date}.',
    unlistedOne: 'Nog één deelnemer nam deel zonder toestemming om met naam vermeld te worden; die is geteld, niet vermeld.',
    organiserName: 'Naam van de organisator',
    organiserOrganisation: 'Organisatie',
    placeAndDate: 'Plaats en datum',
    attendanceCounts: 'Aanwezigheid',
    participants: 'Deelnemers',
    listedByName: 'met naam vermeld',
    byOrganisation: 'Per organisatie',
    byType: 'Per soort organisatie',
    byCountry: 'Per land of regio',
    byTag: 'Partner en extern',
    noOrganisation: 'geen organisatie opgegeven',
    indicators: 'Indicatoren',
    organisations: 'Organisaties',
    partnerOrganisations: 'Partnerorganisaties',
    externalOrganisations: 'Externe organisaties',
    countries: 'Landen',
    crossBorderGroups: 'Groepen met organisaties uit 2+ landen',
    crossBorderOrganisations: 'Organisaties die grensoverschrijdend samenwerkten',
    session: 'Sessie',
    programmeTotal: 'Hele programma',
    types: {
      public: 'Overheid',
      ngo: 'Vereniging of ngo',
      'social-enterprise': 'Sociale onderneming',
      business: 'Bedrijf',
      education: 'School, hogeschool of opleiding',
      other: 'Andere',
      unknown: 'Niet opgegeven',
    },
  },
  fr: {
    attendanceList: 'Liste de présence',
    event: 'Événement',
    date: 'Date',
    place: 'Lieu',
    online: 'En ligne',
    programme: 'Programme',
    number: 'N°',
    name: 'Nom',
    organisation: 'Organisation',
    organisationAddress: 'Adresse de l’organisation',
    type: 'Type d’organisation',
    country: 'Pays ou région',
    partnerOrExternal: 'Partenaire ou externe',
    partner: 'partenaire',
    external: 'externe',
    signature: 'Signature',
    unlisted: '{n} autres participants ont pris part sans consentir à être nommés ; ils sont comptés, pas listés.',
    handwritten: 'Lignes pour les personnes qui signent à la main',
    declarationTitle: 'Déclaration de l’organisateur',
    declaration: 'Je soussigné·e déclare que les personnes listées ci-dessous ont participé en ligne à « {event} » le {date}.',
    unlistedOne: 'Un autre participant a pris part sans consentir à être nommé ; il est compté, pas listé.',
    organiserName: 'Nom de l’organisateur',
    organiserOrganisation: 'Organisation',
    placeAndDate: 'Lieu et date',
    attendanceCounts: 'Présence',
    participants: 'Participants',
    listedByName: 'nommés sur la liste',
    byOrganisation: 'Par organisation',
    byType: 'Par type d’organisation',
    byCountry: 'Par pays ou région',
    byTag: 'Partenaires et externes',
    noOrganisation: 'organisation non précisée',
    indicators: 'Indicateurs',
    organisations: 'Organisations',
    partnerOrganisations: 'Organisations partenaires',
    externalOrganisations: 'Organisations externes',
    countries: 'Pays',
    crossBorderGroups: 'Groupes réunissant des organisations de 2 pays ou plus',
    crossBorderOrganisations: 'Organisations ayant coopéré par-delà les frontières',
    session: 'Session',
    programmeTotal: 'Tout le programme',
    types: {
      public: 'Autorité publique',
      ngo: 'Association ou ONG',
      'social-enterprise': 'Entreprise sociale',
      business: 'Entreprise',
      education: 'École, université ou formation',
      other: 'Autre',
      unknown: 'Non précisé',
    },
  },
  da: {
    attendanceList: 'Deltagerliste',
    event: 'Arrangement',
    date: 'Dato',
    place: 'Sted',
    online: 'Online',
    programme: 'Program',
    number: 'Nr.',
    name: 'Navn',
    organisation: 'Organisation',
    organisationAddress: 'Organisationens adresse',
    type: 'Type organisation',
    country: 'Land eller region',
    partnerOrExternal: 'Partner eller ekstern',
    partner: 'partner',
    external: 'ekstern',
    signature: 'Underskrift',
    unlisted: 'Yderligere {n} deltog uden at give samtykke til at stå med navn; de er talt med, ikke opført.',
    handwritten: 'Rækker til dem, der skriver under i hånden',
    declarationTitle: 'Arrangørens erklæring',
    declaration: 'Undertegnede erklærer, at personerne nedenfor deltog online i “{event}” den {date}.',
    unlistedOne: 'Yderligere én deltog uden at give samtykke til at stå med navn; vedkommende er talt med, ikke opført.',
    organiserName: 'Arrangørens navn',
    organiserOrganisation: 'Organisation',
    placeAndDate: 'Sted og dato',
    attendanceCounts: 'Fremmøde',
    participants: 'Deltagere',
    listedByName: 'opført med navn',
    byOrganisation: 'Efter organisation',
    byType: 'Efter type organisation',
    byCountry: 'Efter land eller region',
    byTag: 'Partnere og eksterne',
    noOrganisation: 'ingen organisation angivet',
    indicators: 'Indikatorer',
    organisations: 'Organisationer',
    partnerOrganisations: 'Partnerorganisationer',
    externalOrganisations: 'Eksterne organisationer',
    countries: 'Lande',
    crossBorderGroups: 'Grupper med organisationer fra 2+ lande',
    crossBorderOrganisations: 'Organisationer, der samarbejdede på tværs af grænser',
    session: 'Session',
    programmeTotal: 'Hele programmet',
    types: {
      public: 'Offentlig myndighed',
      ngo: 'Forening eller NGO',
      'social-enterprise': 'Socialøkonomisk virksomhed',
      business: 'Virksomhed',
      education: 'Skole, universitet eller uddannelse',
      other: 'Andet',
      unknown: 'Ikke angivet',
    },
  },
};

export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

/** The note on people counted but not named, singular or plural. */
export const unlistedNote = (l: AttendanceLabels, n: number) => (n === 1 ? l.unlistedOne : fill(l.unlisted, { n }));
