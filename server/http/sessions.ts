import { Router } from 'express';
import { z } from 'zod';
import { IsoDate, Language, LIMITS, optionalText, text } from '../../shared/schemas/primitives.js';
import { templateById, TEMPLATES } from '../../shared/domain/templates.js';
import { decideCreate } from '../../shared/domain/decide/entry.js';
import { viewFor } from '../../shared/domain/projection.js';
import { hashSecret, newJoinCode, newSecretKey } from '../security/secrets.js';
import { JoinCodeTakenError, type Store } from '../store/types.js';
import type { RouteDeps } from './route-deps.js';
import { toRecord } from '../sessions/session-host.js';
import { requireKey, requestOrigin } from './auth.js';
import { requireCoordinator } from './access.js';
import { HttpError, invalid } from './errors.js';
import { facilitatorUrl, participantUrl } from './links.js';

const CreateSession = z
  .strictObject({
    title: text(LIMITS.title).optional(),
    description: optionalText(LIMITS.description),
    /** Default: the programme's first language inside a programme, else English. */
    language: Language.optional(),
    date: IsoDate.nullish(),
    anonymous: z.boolean().default(false),
    prompts: z
      .array(z.strictObject({ text: text(LIMITS.promptText) }))
      .min(1)
      .max(LIMITS.prompts)
      .optional(),
    template: z.string().max(64).optional(),
    /** Create inside a programme: needs that programme's coordinator key as Bearer. */
    programmeId: z.string().max(64).optional(),
  })
  .refine((b) => b.prompts || b.template, { message: 'Give prompts or name a template', path: ['prompts'] })
  .refine((b) => b.title || b.template, { message: 'Give a title or name a template', path: ['title'] });

export type SessionRoutesDeps = Pick<RouteDeps, 'store' | 'registry' | 'now' | 'newId' | 'limits' | 'address'>;

export function sessionRoutes(deps: SessionRoutesDeps): Router {
  const router = Router();

  router.get('/templates', (_req, res) => {
    res.json({ ok: true, templates: TEMPLATES });
  });

  router.post('/sessions', async (req, res) => {
    const parsed = CreateSession.safeParse(req.body ?? {});
    if (!parsed.success) throw invalid(parsed.error);
    const body = parsed.data;
    // Creating is open to anyone, so it is limited per address (SECURITY.md): a script cannot fill the disk.
    const wait = await deps.limits.take('sessions', deps.address(req));
    if (wait > 0) throw new HttpError(429, 'rate_limited', `Too many new sessions from your network: wait ${wait} s`, { retryAfterSeconds: wait });
    if (body.template && !templateById(body.template)) throw new HttpError(400, 'invalid', `No template "${body.template}"; try one of ${listTemplates()}`);
    if (body.programmeId) await requireCoordinator(req, deps.store, body.programmeId);
    const programme = body.programmeId ? await deps.store.findProgramme(body.programmeId) : null;
    const language = body.language ?? Language.safeParse(programme?.languages[0]).data ?? 'en';
    const sessionId = deps.newId();
    const key = newSecretKey();
    const now = deps.now();
    const created = await createWithFreshCode(deps.store, (joinCode) => ({
      row: { sessionId, joinCode, createdAt: now, programmeId: body.programmeId ?? null },
      credential: { hash: hashSecret(key), role: 'facilitator' as const, scopeId: sessionId, subject: 'facilitator', createdAt: now },
      event: decideCreate({ ...body, sessionId, joinCode, language }, deps).event,
    }));
    const origin = requestOrigin(req);
    res.status(201).json({
      ok: true,
      sessionId,
      joinCode: created,
      facilitatorKey: key,
      facilitatorUrl: facilitatorUrl(origin, sessionId, key),
      participantUrl: participantUrl(origin, created),
    });
  });

  router.get('/sessions/:id', async (req, res) => {
    const sessionId = req.params.id;
    await requireKey(req, deps.store, 'facilitator', sessionId);
    const host = await deps.registry.get(sessionId);
    if (!host) throw new HttpError(404, 'not_found', 'No such session');
    await host.sync();
    // The facilitators' view, as on the socket: not who answered the evaluation (issue 16).
    res.json({ ok: true, session: viewFor(await host.committedState(), { role: 'facilitator' }) });
  });

  return router;
}

const listTemplates = () => TEMPLATES.map((t) => t.id).join(', ');

/** Join codes are random; on the rare collision, draw another. Returns the code used. */
async function createWithFreshCode(
  store: Store,
  make: (joinCode: string) => {
    row: Parameters<Store['createSession']>[0];
    credential: Parameters<Store['createSession']>[1][number];
    event: { type: 'session.created' } & Record<string, unknown>;
  },
): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const joinCode = newJoinCode();
    const { row, credential, event } = make(joinCode);
    try {
      await store.createSession(row, [credential], {
        sessionId: row.sessionId,
        opId: null,
        result: null,
        events: [toRecord({ seq: 1, at: row.createdAt, event: event as never })],
      });
      return joinCode;
    } catch (err) {
      if (!(err instanceof JoinCodeTakenError) || attempt >= 5) throw err;
    }
  }
}
