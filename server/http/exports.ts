import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { SessionState } from '../../shared/schemas/session.js';
import { sessionDocx, programmeDocx } from '../export/docx.js';
import { programmeCsv, sessionCsv } from '../export/csv.js';
import { programmeHtml, sessionHtml } from '../export/html.js';
import { importSession, ImportError, replayable } from '../export/import.js';
import { ProgrammeExport, programmeExport, SessionExport, sessionExport } from '../export/json.js';
import { programmeMarkdown, sessionMarkdown } from '../export/markdown.js';
import { programmeReport } from '../export/programme-model.js';
import { sessionReport } from '../export/report-model.js';
import { hashSecret, newSecretKey } from '../security/secrets.js';
import type { RouteDeps } from './route-deps.js';
import { requireOperator } from './operator.js';
import { requestOrigin } from './auth.js';
import { requireCoordinator, requireSessionReader } from './access.js';
import { HttpError, invalid } from './errors.js';
import { coordinatorUrl, facilitatorUrl, participantUrl } from './links.js';
import { partnerSettingsOf, reportSectionOptions } from './partner-settings.js';

export type ExportDeps = Pick<RouteDeps, 'store' | 'registry' | 'now' | 'newId' | 'limits' | 'address' | 'operatorToken'>;

const Format = z.enum(['md', 'html', 'docx', 'csv', 'json']);
type Format = z.infer<typeof Format>;
const TYPES: Record<Format, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

function send(res: Response, format: Format, name: string, body: string | Buffer): void {
  const file = `${
    name
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'report'
  }.${format}`;
  res.setHeader('Content-Type', TYPES[format]);
  res.setHeader('Content-Disposition', `attachment; filename="${file.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file)}`);
  // Reports hold people's words: never cached by a proxy or the browser.
  res.setHeader('Cache-Control', 'no-store');
  res.send(body);
}

/** Exports of one session or a whole programme, and imports of the JSON export. */
export function exportRoutes(deps: ExportDeps): Router {
  const router = Router();
  const names = (q: unknown) => q === '1' || q === 'true';

  async function stateOf(sessionId: string): Promise<SessionState> {
    const host = await deps.registry.get(sessionId);
    if (!host) throw new HttpError(404, 'not_found', 'No such session');
    await host.sync();
    return host.committedState();
  }

  router.get('/sessions/:id/export.:format', async (req, res) => {
    const format = Format.safeParse(req.params.format);
    if (!format.success) throw new HttpError(404, 'not_found', 'Formats: md, html, docx, csv, json');
    await requireSessionReader(req, deps.store, req.params.id);
    const state = await stateOf(req.params.id);
    const row = await deps.store.findSession(req.params.id);
    const programme = row?.programmeId ? await deps.store.findProgramme(row.programmeId) : null;
    const report = sessionReport(state, {
      names: names(req.query.names),
      programme: programme?.name ?? null,
      ...(await reportSectionOptions(deps.store, req.query.omit, programme?.programmeId ?? null)),
    });
    switch (format.data) {
      case 'md':
        return send(res, 'md', state.title, sessionMarkdown(report));
      case 'html':
        return send(res, 'html', state.title, sessionHtml(report));
      case 'docx':
        return send(res, 'docx', state.title, await sessionDocx(report));
      case 'csv':
        return send(res, 'csv', state.title, sessionCsv(report, names(req.query.names)));
      case 'json':
        return send(
          res,
          'json',
          state.title,
          JSON.stringify(sessionExport(state.id, row!.createdAt, await deps.store.readEvents(state.id, 0), names(req.query.names)), null, 1),
        );
    }
  });

  router.get('/programmes/:id/export.:format', async (req, res) => {
    const format = Format.safeParse(req.params.format);
    if (!format.success) throw new HttpError(404, 'not_found', 'Formats: md, html, docx, csv, json');
    await requireCoordinator(req, deps.store, req.params.id);
    const programme = await deps.store.findProgramme(req.params.id);
    if (!programme) throw new HttpError(404, 'not_found', 'No such programme');
    const rows = await deps.store.listProgrammeSessions(programme.programmeId);
    const states = await Promise.all(rows.map((r) => stateOf(r.sessionId)));
    if (format.data === 'json') {
      const sessions = await Promise.all(
        rows.map(async (r) => sessionExport(r.sessionId, r.createdAt, await deps.store.readEvents(r.sessionId, 0), names(req.query.names))),
      );
      const body = programmeExport(programme, await partnerSettingsOf(deps.store, programme.programmeId), sessions, names(req.query.names));
      return send(res, 'json', programme.name, JSON.stringify(body, null, 1));
    }
    const report = programmeReport(programme, states, names(req.query.names), await reportSectionOptions(deps.store, req.query.omit, programme.programmeId));
    switch (format.data) {
      case 'md':
        return send(res, 'md', programme.name, programmeMarkdown(report));
      case 'html':
        return send(res, 'html', programme.name, programmeHtml(report));
      case 'docx':
        return send(res, 'docx', programme.name, await programmeDocx(report));
      case 'csv':
        return send(res, 'csv', programme.name, programmeCsv(report, names(req.query.names)));
    }
  });

  /** Imports are the operator's (SECURITY.md, "Imports"): an import writes a whole log in one request. */
  async function mayImport(req: Request): Promise<void> {
    requireOperator(req, deps.operatorToken, 'Importing');
    const wait = await deps.limits.take('imports', deps.address(req));
    if (wait > 0) throw new HttpError(429, 'rate_limited', `Too many imports: wait ${wait} s`, { retryAfterSeconds: wait });
  }

  router.post('/sessions/import', async (req, res) => {
    await mayImport(req);
    const parsed = SessionExport.safeParse(req.body);
    if (!parsed.success) throw invalid(parsed.error);
    const created = await importOrFail(() => importSession(deps.store, parsed.data, deps));
    const origin = requestOrigin(req);
    res.status(201).json({
      ok: true,
      ...created,
      facilitatorUrl: facilitatorUrl(origin, created.sessionId, created.facilitatorKey),
      participantUrl: participantUrl(origin, created.joinCode),
    });
  });

  router.post('/programmes/import', async (req, res) => {
    await mayImport(req);
    const parsed = ProgrammeExport.safeParse(req.body);
    if (!parsed.success) throw invalid(parsed.error);
    // Every session is checked before the programme or any session is written: all of it, or nothing.
    await importOrFail(async () => parsed.data.sessions.forEach(replayable));
    const programmeId = deps.newId();
    const coordinatorKey = newSecretKey();
    const p = parsed.data.programme;
    await deps.store.createProgramme(
      { programmeId, createdAt: p.createdAt, name: p.name, description: p.description, organisers: p.organisers, languages: p.languages },
      [{ hash: hashSecret(coordinatorKey), role: 'coordinator', scopeId: programmeId, subject: null, createdAt: deps.now() }],
    );
    if (parsed.data.partners) await deps.store.writeProgrammePartners(programmeId, JSON.stringify(parsed.data.partners), deps.now());
    const sessions = [];
    for (const s of parsed.data.sessions) sessions.push(await importOrFail(() => importSession(deps.store, s, deps, programmeId)));
    res.status(201).json({ ok: true, programmeId, coordinatorKey, coordinatorUrl: coordinatorUrl(requestOrigin(req), programmeId, coordinatorKey), sessions });
  });

  return router;
}

async function importOrFail<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ImportError) throw new HttpError(400, 'invalid', err.message);
    throw err;
  }
}
