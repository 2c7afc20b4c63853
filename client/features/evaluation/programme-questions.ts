import { EvaluationQuestions } from '../../../shared/domain/evaluation.js';
import { storage } from '../../storage.js';

/** The questions of the session's programme (its coordinator's wording); null outside a programme or when unreachable. */
export async function fetchProgrammeQuestions(sessionId: string): Promise<EvaluationQuestions | null> {
  const key = storage.facilitatorKey(sessionId);
  if (!key) return null;
  try {
    const res = await fetch(`/api/sessions/${sessionId}/evaluation-questions`, { headers: { authorization: `Bearer ${key}` } });
    const parsed = EvaluationQuestions.safeParse(res.ok ? (await res.json()).questions : null);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
