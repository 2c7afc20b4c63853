import { z } from 'zod';
import type { EventRecord } from '../store/types.js';

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
  events: z.array(z.object({ seq: z.number().int().min(1), at: z.number(), type: z.string(), data: z.record(z.string(), z.unknown()) })).min(1).max(200_000),
});
export type SessionExport = z.infer<typeof SessionExport>;

export const ProgrammeExport = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: z.literal('programme'),
  programme: z.object({ name: z.string(), description: z.string().nullable(), organisers: z.array(z.string()), languages: z.array(z.string()), createdAt: z.number() }),
  sessions: z.array(SessionExport).max(500),
});
export type ProgrammeExport = z.infer<typeof ProgrammeExport>;

export function sessionExport(sessionId: string, createdAt: number, events: EventRecord[]): SessionExport {
  return { schemaVersion: SCHEMA_VERSION, kind: 'session', sessionId, createdAt, events: events.map((e) => ({ seq: e.seq, at: e.at, type: e.type, data: e.data as Record<string, unknown> })) };
}
