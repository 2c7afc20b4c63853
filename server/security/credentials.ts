/** Who created a session, and how a co-facilitator is labelled, are the domain's (shared/domain/decide/entry.ts). */
export { CREATOR_SUBJECTS, coFacilitatorSubject } from '../../shared/domain/decide/entry.js';
