import { z } from 'zod';
import { Answer, Group, Participant, Prompt } from '../schemas/session.js';
import { Id, IsoDate, Language } from '../schemas/primitives.js';
import { SynthesisDoc } from '../schemas/synthesis.js';

/**
 * Server→client events: what happened, in the session log's order.
 * The same pure reducer (shared/domain/reducer.ts) applies them on server and client.
 */
const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...shape });

export const SessionEvent = z.discriminatedUnion('type', [
  ev('session.created', {
    id: Id,
    title: z.string(),
    description: z.string().nullable(),
    language: Language,
    date: IsoDate.nullable(),
    joinCode: z.string(),
    prompts: z.array(Prompt),
    anonymous: z.boolean(),
  }),
  ev('session.updated', {
    title: z.string().optional(),
    description: z.string().nullable().optional(),
    language: Language.optional(),
    date: IsoDate.nullable().optional(),
    anonymous: z.boolean().optional(),
    prompts: z.array(Prompt).optional(),
  }),
  ev('session.phaseChanged', { phase: z.enum(['lobby', 'plenary']) }),
  ev('session.closed', {}),
  ev('facilitator.invited', { label: z.string() }),
  ev('participant.joined', { participant: Participant }),
  ev('participant.moved', { participantId: Id, groupId: Id }),
  ev('groups.formed', { mode: z.string(), groups: z.array(Group) }),
  ev('groups.merged', { groups: z.array(Group) }),
  ev('prompts.dealt', { assignments: z.record(z.string(), z.array(Id).nullable()) }),
  ev('round.started', { number: z.number().int(), endsAt: z.number() }),
  ev('round.extended', { endsAt: z.number() }),
  ev('round.ended', { reason: z.enum(['facilitator', 'timer']) }),
  ev('broadcast.sent', { message: z.string().nullable() }),
  ev('answer.added', { answer: Answer }),
  ev('answer.edited', { answerId: Id, groupId: Id, text: z.string() }),
  ev('answer.deleted', { answerId: Id, groupId: Id }),
  ev('group.signalled', { groupId: Id, done: z.boolean().optional(), help: z.boolean().optional() }),
  /** The whole synthesis after a run or a curation step (participants receive null until it is published). */
  ev('synthesis.updated', { synthesis: SynthesisDoc.nullable() }),
  ev('vote.cast', { participantId: Id, themeId: Id }),
  ev('vote.retracted', { participantId: Id, themeId: Id }),
]);
export type SessionEvent = z.infer<typeof SessionEvent>;
export type EventType = SessionEvent['type'];
export type EventOf<T extends EventType> = Extract<SessionEvent, { type: T }>;

/** An event as stored and sent: its place in the log and the server time it happened. */
export interface EventEnvelope {
  seq: number;
  at: number;
  event: SessionEvent;
}
