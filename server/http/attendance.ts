import { Router } from 'express';
import { z } from 'zod';
import { attendanceList, partnerMatcher } from '../../shared/domain/attendance.js';
import { programmeIndicators } from '../../shared/domain/indicators.js';
import { PartnerSettings } from '../../shared/schemas/attendance.js';
import { LIMITS, optionalText } from '../../shared/schemas/primitives.js';
import type { SessionState } from '../../shared/schemas/session.js';
import { attendanceCsv } from '../export/attendance-csv.js';
import { attendanceDocx } from '../export/attendance-docx.js';
import { ATTENDANCE_STYLE, attendanceHtml } from '../export/attendance-html.js';
import { attendanceReport } from '../export/attendance-model.js';
import type { RouteDeps } from './route-deps.js';
import { requireCoordinator, requireSessionReader } from './access.js';
import { HttpError, invalid } from './errors.js';
import { partnerSettingsOf } from './partner-settings.js';

export type AttendanceDeps = Pick<RouteDeps, 'store' | 'registry' | 'now'>;

const Format = z.enum(['csv', 'docx', 'html']);
const TYPES: Record<z.infer<typeof Format>, string> = {
  csv: 'text/csv; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};

/** `mode`: in the room (a signature column) or online (the organiser's declaration); `place` goes in the header. */
const AttendanceQuery = z.object({
  mode: z.enum(['room', 'online']).default('room'),
  place: optionalText(LIMITS.title, 'name'),
});

/**
 * Attendance (issue 16): a programme's partner organisations, the indicators of its sessions, and each session's
 * attendance list. Partners and corrections are the coordinator's; a session's list opens to its facilitators too.
 */
export function attendanceRoutes(deps: AttendanceDeps): Router {
  const router = Router();

  async function stateOf(sessionId: string): Promise<SessionState> {
    const host = await deps.registry.get(sessionId);
    if (!host) throw new HttpError(404, 'not_found', 'No such session');
    await host.sync();
    return host.committedState();
  }

  async function programmeOf(programmeId: string) {
    const programme = await deps.store.findProgramme(programmeId);
    if (!programme) throw new HttpError(404, 'not_found', 'No such programme');
    const rows = await deps.store.listProgrammeSessions(programmeId);
    const states = await Promise.all(rows.map((r) => stateOf(r.sessionId)));
    return { programme, states, settings: await partnerSettingsOf(deps.store, programmeId) };
  }

  /** The partner list, and every organisation met in the programme's sessions with its tag (for corrections). */
  router.get('/programmes/:id/partners', async (req, res) => {
    await requireCoordinator(req, deps.store, req.params.id);
    const { states, settings } = await programmeOf(req.params.id);
    const match = partnerMatcher(settings);
    const seen = new Map<string, { name: string; tag: 'partner' | 'external'; corrected: boolean; participants: number }>();
    for (const s of states)
      for (const e of attendanceList(s, settings).entries) {
        if (!e.organisationKey || !e.organisation) continue;
        const known = seen.get(e.organisationKey);
        if (known) known.participants += 1;
        else {
          const t = match(e.organisation);
          seen.set(e.organisationKey, { name: e.organisation, tag: t.tag, corrected: t.corrected, participants: 1 });
        }
      }
    const organisations = [...seen.values()].sort((a, b) => b.participants - a.participants || a.name.localeCompare(b.name));
    res.json({ ok: true, partners: settings, organisations });
  });

  router.put('/programmes/:id/partners', async (req, res) => {
    await requireCoordinator(req, deps.store, req.params.id);
    const parsed = PartnerSettings.safeParse(req.body ?? {});
    if (!parsed.success) throw invalid(parsed.error);
    if (!(await deps.store.findProgramme(req.params.id))) throw new HttpError(404, 'not_found', 'No such programme');
    await deps.store.writeProgrammePartners(req.params.id, JSON.stringify(parsed.data), deps.now());
    res.json({ ok: true, partners: parsed.data });
  });

  router.get('/programmes/:id/indicators', async (req, res) => {
    await requireCoordinator(req, deps.store, req.params.id);
    const { states, settings } = await programmeOf(req.params.id);
    res.json({ ok: true, indicators: programmeIndicators(states, settings) });
  });

  /** The print view's stylesheet: no data in it, so no key needed. */
  router.get('/attendance/print.css', (_req, res) => {
    res.setHeader('Content-Type', 'text/css; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.send(ATTENDANCE_STYLE);
  });

  router.get('/sessions/:id/attendance.:format', async (req, res) => {
    const format = Format.safeParse(req.params.format);
    if (!format.success) throw new HttpError(404, 'not_found', 'Formats: csv, docx, html');
    const query = AttendanceQuery.safeParse(req.query);
    if (!query.success) throw invalid(query.error);
    await requireSessionReader(req, deps.store, req.params.id);
    const state = await stateOf(req.params.id);
    const row = await deps.store.findSession(req.params.id);
    const programme = row?.programmeId ? await deps.store.findProgramme(row.programmeId) : null;
    const settings = await partnerSettingsOf(deps.store, programme?.programmeId ?? null);
    const report = attendanceReport(state, settings, { mode: query.data.mode, place: query.data.place, programme: programme?.name ?? null });
    const body = format.data === 'csv' ? attendanceCsv(report) : format.data === 'docx' ? await attendanceDocx(report) : attendanceHtml(report);
    const file =
      `${report.l.attendanceList}-${state.title}`
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 60) || 'attendance';
    res.setHeader('Content-Type', TYPES[format.data]);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${`${file}.${format.data}`.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(`${file}.${format.data}`)}`,
    );
    // Names of people: never cached by a proxy or the browser.
    res.setHeader('Cache-Control', 'no-store');
    res.send(body);
  });

  return router;
}
