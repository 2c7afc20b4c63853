import { z } from 'zod';
import { LIMITS, maybeEmptyText, text } from './primitives.js';

/**
 * Kinds of organisation a participant may give at join (funders count participants by them). A short fixed list,
 * so counts add up across sessions and languages; the UI names each one in the reader's language.
 */
export const ORGANISATION_TYPES = ['public', 'ngo', 'social-enterprise', 'business', 'education', 'other'] as const;
export const OrganisationType = z.enum(ORGANISATION_TYPES);
export type OrganisationType = z.infer<typeof OrganisationType>;

/** Whether an organisation is one of the programme's partners (grants count only the external ones). */
export const PartnerTag = z.enum(['partner', 'external']);
export type PartnerTag = z.infer<typeof PartnerTag>;

/** The longest partner address kept (a postal address on one line). */
export const PARTNER_ADDRESS_MAX = 300;

/** One partner organisation of a programme, with the other spellings people type for it ("VVSG", "Vereniging van Vlaamse Steden en Gemeenten"). */
export const PartnerOrganisation = z.strictObject({
  name: text(LIMITS.organisation, 'name'),
  aliases: z.array(text(LIMITS.organisation, 'name')).max(20).default([]),
  /** Its postal address, for the Erasmus+ attendance list ("sending organisation and its address"); empty or left out: not known. */
  address: maybeEmptyText(PARTNER_ADDRESS_MAX)
    .transform((v) => v.replace(/\s*\n\s*/g, ', ') || undefined)
    .optional(),
});
export type PartnerOrganisation = z.infer<typeof PartnerOrganisation>;

/** The coordinator's correction of one organisation's tag (matched by organisationKey, so spelling variants follow). */
export const TagCorrection = z.strictObject({ organisation: text(LIMITS.organisation, 'name'), tag: PartnerTag });
export type TagCorrection = z.infer<typeof TagCorrection>;

/**
 * A programme's partners, and the coordinator's corrections: an organisation tagged by hand wins over the
 * automatic match. A list, not a record keyed by name: organisation names are free text.
 */
export const PartnerSettings = z.strictObject({
  partners: z.array(PartnerOrganisation).max(200).default([]),
  corrections: z.array(TagCorrection).max(1000).default([]),
});
export type PartnerSettings = z.infer<typeof PartnerSettings>;
export type PartnerSettingsInput = z.input<typeof PartnerSettings>;

export const NO_PARTNERS: PartnerSettings = { partners: [], corrections: [] };
