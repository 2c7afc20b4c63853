import { z } from 'zod';
import { Language, LIMITS, optionalText, text } from '../../shared/schemas/primitives.js';
import { PartnerSettings } from '../../shared/schemas/attendance.js';
import type { EventRecord, ProgrammeRow } from '../store/types.js';
import { withoutNames } from './anonymise.js';

/**
 * The JSON export is the session's whole event log: replaying it recreates the session exactly (answers, groups,
 * rounds, synthesis, votes). Keys and tokens are never exported; an import gets new ones.
 */
export const SCHEMA_VERSION = 1;

export const SessionExport = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: z.literal('session'),
  sessionId: z.string(),
  createdAt: z.number(),
  events: z
    .array(z.object({ seq: z.number().int().min(1), at: z.number(), type: z.string().max(64), data: z.record(z.string(), z.unknown()) }))
    .min(1)
    .max(200_000),
});
export type SessionExport = z.infer<typeof SessionExport>;

export const ProgrammeExport = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: z.literal('programme'),
  programme: z.object({
    name: text(LIMITS.title),
    description: optionalText(LIMITS.description),
    organisers: z.array(text(LIMITS.organisation, 'name')).max(50),
    languages: z.array(Language).max(4),
    createdAt: z.number(),
  }),
  /** The programme's partner organisations (issue 16), with their aliases and addresses; absent in older exports. */
  partners: PartnerSettings.optional(),
  sessions: z.array(SessionExport).max(500),
});
export type ProgrammeExport = z.infer<typeof ProgrammeExport>;

/** `names`: whether the person exporting asked for names, organisations and countries (`?names=1`); left out otherwise. */
export function sessionExport(sessionId: string, createdAt: number, events: EventRecord[], names: boolean): SessionExport {
  const log = names ? events : withoutNames(events);
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'session',
    sessionId,
    createdAt,
    // Who answered the evaluation is left out even with names: next to the response, it would say who gave it.
    events: log.map((e) => ({
      seq: e.seq,
      at: e.at,
      type: e.type,
      data: e.type === 'evaluation.respondentRecorded' ? { ...(e.data as object), participantId: null } : (e.data as Record<string, unknown>),
    })),
  };
}

/**
 * A programme with its sessions and its partner list. The coordinator's tag corrections name organisations as
 * participants typed them, so they travel only with names (`?names=1`), like the organisations in the log.
 */
export function programmeExport(
  programme: ProgrammeRow,
  partners: PartnerSettings,
  sessions: SessionExport[],
  names: boolean,
): z.input<typeof ProgrammeExport> {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'programme',
    programme: {
      name: programme.name,
      description: programme.description,
      organisers: programme.organisers,
      languages: programme.languages as z.infer<typeof Language>[],
      createdAt: programme.createdAt,
    },
    partners: names ? partners : { ...partners, corrections: [] },
    sessions,
  };
}
