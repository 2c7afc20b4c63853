import { Router } from 'express';
import { z } from 'zod';
import { Language, LIMITS, optionalText, text } from '../../shared/schemas/primitives.js';
import type { SessionState } from '../../shared/schemas/session.js';
import { recurringThemes } from '../export/programme-model.js';
import { hashSecret, newSecretKey } from '../security/secrets.js';
import type { RouteDeps } from './route-deps.js';
import { requestOrigin, requireKey } from './auth.js';
import { DEFAULT_QUESTIONS_SETTING, EvaluationQuestions, EvaluationQuestionsInput, ratingSummary } from '../../shared/domain/evaluation.js';
import type { Store } from '../store/types.js';
import { requireCoordinator } from './access.js';
import { HttpError, invalid } from './errors.js';
import { coordinatorUrl } from './links.js';

const CreateProgramme = z.strictObject({
  name: text(LIMITS.title),
  description: optionalText(LIMITS.description),
  organisers: z.array(text(LIMITS.organisation, 'name')).max(50).default([]),
  languages: z.array(Language).max(4).default([]),
});

export type ProgrammeDeps = Pick<RouteDeps, 'store' | 'registry' | 'now' | 'newId' | 'limits' | 'address'>;

const countBy = (values: (string | null)[]) => {
  const out: Record<string, number> = {};
  for (const v of values) if (v) out[v] = (out[v] ?? 0) + 1;
  return out;
};

/** Series of sessions for coordinators: create, dashboard, attach an existing session. */
export function programmeRoutes(deps: ProgrammeDeps): Router {
  const router = Router();

  router.post('/programmes', async (req, res) => {
    const parsed = CreateProgramme.safeParse(req.body ?? {});
    if (!parsed.success) throw invalid(parsed.error);
    const wait = await deps.limits.take('sessions', deps.address(req));
    if (wait > 0) throw new HttpError(429, 'rate_limited', `Too many new programmes from your network: wait ${wait} s`, { retryAfterSeconds: wait });
    const programmeId = deps.newId();
    const coordinatorKey = newSecretKey();
    await deps.store.createProgramme({ programmeId, createdAt: deps.now(), ...parsed.data }, [
      { hash: hashSecret(coordinatorKey), role: 'coordinator', scopeId: programmeId, subject: null, createdAt: deps.now() },
    ]);
    res.status(201).json({ ok: true, programmeId, coordinatorKey, coordinatorUrl: coordinatorUrl(requestOrigin(req), programmeId, coordinatorKey) });
  });

  router.get('/programmes/:id', async (req, res) => {
    await requireCoordinator(req, deps.store, req.params.id);
    const programme = await deps.store.findProgramme(req.params.id);
    if (!programme) throw new HttpError(404, 'not_found', 'No such programme');
    const rows = await deps.store.listProgrammeSessions(programme.programmeId);
    const states: SessionState[] = [];
    for (const r of rows) {
      const host = await deps.registry.get(r.sessionId);
      if (host) states.push(await host.committedState());
    }
    // The creator, plus every key invited and not revoked since.
    const facilitators = await Promise.all(
      rows.map(async (r) => (await deps.store.listCredentials(r.sessionId)).filter((c) => c.role === 'facilitator').length),
    );
    res.json({
      ok: true,
      programme,
      sessions: states.map((s, i) => {
        const people = Object.values(s.participants);
        return {
          sessionId: s.id,
          title: s.title,
          date: s.date,
          language: s.language,
          status: s.phase,
          facilitators: facilitators[i],
          participants: people.length,
          byOrganisation: countBy(people.map((p) => p.organisation)),
          byCountry: countBy(people.map((p) => p.country)),
          groups: s.groupOrder.length,
          answers: Object.keys(s.answers).length,
          /** The evaluation round (issue 16): responses and average rating; null when none was opened. */
          evaluation: s.evaluation ? (({ count, average }) => ({ responses: count, average }))(ratingSummary(s.evaluation)) : null,
        };
      }),
      recurringThemes: recurringThemes(states, (programme.languages[0] as Language | undefined) ?? states[0]?.language ?? 'en'),
    });
  });

  /** Attach an existing session: the coordinator's key, plus that session's facilitator key in a header (never the URL). */
  router.put('/programmes/:id/sessions/:sessionId', async (req, res) => {
    await requireCoordinator(req, deps.store, req.params.id);
    const facilitatorKey = req.get('x-facilitator-key') ?? '';
    const cred = await deps.store.findCredential(hashSecret(facilitatorKey));
    if (cred?.role !== 'facilitator' || cred.scopeId !== req.params.sessionId)
      throw new HttpError(403, 'forbidden', 'Send that session’s facilitator key in X-Facilitator-Key');
    await deps.store.setSessionProgramme(req.params.sessionId, req.params.id);
    res.json({ ok: true });
  });

  /* The programme's evaluation questions (issue 16, item 2): the coordinator sets them once; every session's console opens its evaluation with them. */
  router.get('/programmes/:id/evaluation', async (req, res) => {
    await requireCoordinator(req, deps.store, req.params.id);
    res.json({ ok: true, questions: await programmeQuestions(deps.store, req.params.id) });
  });

  router.put('/programmes/:id/evaluation', async (req, res) => {
    await requireCoordinator(req, deps.store, req.params.id);
    const parsed = z.strictObject({ questions: EvaluationQuestionsInput }).safeParse(req.body ?? {});
    if (!parsed.success) throw invalid(parsed.error);
    await deps.store.writeProgrammeEvaluation(req.params.id, JSON.stringify(parsed.data.questions), deps.now());
    res.json({ ok: true, questions: parsed.data.questions });
  });

  /** What a session's console offers when it opens the evaluation: its programme's questions, else the defaults. */
  router.get('/sessions/:id/evaluation-questions', async (req, res) => {
    await requireKey(req, deps.store, 'facilitator', req.params.id);
    const row = await deps.store.findSession(req.params.id);
    if (!row) throw new HttpError(404, 'not_found', 'No such session');
    res.json({ ok: true, questions: row.programmeId ? await programmeQuestions(deps.store, row.programmeId) : DEFAULT_QUESTIONS_SETTING });
  });

  return router;
}

/** Stored questions, validated again on the way out (the store keeps them opaque); the defaults when none or unreadable. */
async function programmeQuestions(store: Store, programmeId: string): Promise<EvaluationQuestions> {
  const raw = await store.readProgrammeEvaluation(programmeId);
  const parsed = raw ? EvaluationQuestions.safeParse(JSON.parse(raw)) : null;
  return parsed?.success ? parsed.data : DEFAULT_QUESTIONS_SETTING;
}
