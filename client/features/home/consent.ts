import type { OrganisationType } from '../../../shared/schemas/attendance.js';

/** What a participant may add at join for the attendance list (issue 16); both optional. */
export interface AttendanceAnswers {
  organisationType?: OrganisationType | null;
  attendanceConsent?: boolean;
}

/** Only the answers given go on the wire: the join of someone who skipped them looks as it did before. */
export function attendanceAnswers(a: AttendanceAnswers): { organisationType?: OrganisationType; attendanceConsent?: boolean } {
  return {
    ...(a.organisationType ? { organisationType: a.organisationType } : {}),
    ...(a.attendanceConsent !== undefined ? { attendanceConsent: a.attendanceConsent } : {}),
  };
}
