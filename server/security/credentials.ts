/** The subjects the creator's key is stored with (made with the session, or with its import). */
export const CREATOR_SUBJECTS: readonly string[] = ['facilitator', 'facilitator (imported)'];

/** A co-facilitator's label, never one of the creator's subjects (so a label cannot pose as the creator). */
export const coFacilitatorSubject = (label: string | null): string => {
  const l = label ?? 'co-facilitator';
  return CREATOR_SUBJECTS.includes(l) ? `${l} (co)` : l;
};
