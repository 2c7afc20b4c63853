import { NO_PARTNERS, PartnerSettings } from '../../shared/schemas/attendance.js';
import { OmitQuery, sectionsWithout, type SectionOptions } from '../export/report-sections.js';
import type { Store } from '../store/types.js';
import { invalid } from './errors.js';

/**
 * A programme's partners as stored (validated again on the way out: the store keeps them opaque). None for a
 * session outside a programme, or a programme whose coordinator has not listed any.
 */
export async function partnerSettingsOf(store: Store, programmeId: string | null): Promise<PartnerSettings> {
  if (!programmeId) return NO_PARTNERS;
  const raw = await store.readProgrammePartners(programmeId);
  if (!raw) return NO_PARTNERS;
  const parsed = PartnerSettings.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : NO_PARTNERS;
}

/** The issue-16 report options of an export request: the programme's partners, and the sections `?omit=` leaves out. */
export async function reportSectionOptions(store: Store, omit: unknown, programmeId: string | null): Promise<SectionOptions> {
  const parsed = OmitQuery.safeParse(omit);
  if (!parsed.success) throw invalid(parsed.error);
  return { partners: await partnerSettingsOf(store, programmeId), sections: sectionsWithout(parsed.data) };
}
