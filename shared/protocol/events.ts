import { z } from 'zod';
import { Answer, Group, Participant, Prompt } from '../schemas/session.js';
import { Id, IsoDate, Language } from '../schemas/primitives.js';
import { SynthesisDocOnWire } from '../schemas/synthesis.js';
import { EvaluationQuestions, EvaluationResponse, EvaluationThemes } from '../domain/evaluation.js';
import { PLAN_LIMITS, PlanBlock } from '../domain/plan.js';

/**
 * Server→client events: what happened, in the session log's order.
 * The same pure reducer (shared/domain/reducer.ts) applies them on server and client.
 */
const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.object({ type: z.literal(type), ...shape });

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
  /** A facilitator key was made (its id: the start of its hash; absent in logs from before keys were listed). */
  ev('facilitator.invited', {
    label: z.string(),
    keyId: z
      .string()
      .regex(/^[0-9a-f]{16}$/)
      .optional(),
  }),
  /** A facilitator key was revoked by the session's creator: it opens nothing any more. */
  ev('facilitator.revoked', { keyId: z.string().regex(/^[0-9a-f]{16}$/) }),
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
  /** The whole synthesis: after a run, on publishing, or a curation step that shows or withdraws content for participants (who receive null until it is published). */
  ev('synthesis.updated', { synthesis: SynthesisDocOnWire.nullable() }),
  /*
   * One curation step, applied by the reducer with the pure operations in shared/domain/curation/operations.ts,
   * so the whole document travels only when the engine makes a new draft. `visible`: whether participants see
   * this step, judged when it was decided (published, and no hidden theme involved); steps that would show or
   * withdraw content for participants travel as a whole `synthesis.updated` instead.
   */
  ev('synthesis.themeRenamed', { themeId: Id, label: z.string(), visible: z.boolean() }),
  ev('synthesis.themesMerged', { themeIds: z.array(Id).min(2), visible: z.boolean() }),
  ev('synthesis.answerMoved', { answerId: Id, themeId: Id.nullable(), visible: z.boolean() }),
  ev('synthesis.themeSplit', { themeId: Id, answerIds: z.array(Id).min(1), newThemeId: Id, visible: z.boolean() }),
  ev('synthesis.themeHidden', { themeId: Id, hidden: z.boolean(), visible: z.boolean() }),
  ev('synthesis.consensusSet', { themeId: Id, consensus: z.boolean().nullable(), visible: z.boolean() }),
  ev('synthesis.summaryEdited', { promptId: Id, summary: z.string().nullable(), visible: z.boolean() }),
  /** Participants receive it as `synthesis.updated` with null (publishing travels whole: they need the document). */
  ev('synthesis.unpublished', {}),
  ev('synthesis.votesOpened', { votesPerParticipant: z.number().int(), visible: z.boolean() }),
  ev('vote.cast', { participantId: Id, themeId: Id }),
  ev('vote.retracted', { participantId: Id, themeId: Id }),
  /** The session plan (issue 16, item 4), facilitators only: its blocks, and a step that ends the current block and starts the next (null: none). */
  ev('plan.set', { blocks: z.array(PlanBlock).max(PLAN_LIMITS.blocks) }),
  ev('plan.stepped', { blockId: Id.nullable() }),
  /*
   * The evaluation round (issue 16, item 2). A response carries no author; that someone answered is a separate
   * event whose participantId only the respondent ever receives (null for everyone else, facilitators included).
   * `themes` on closing: the synthesis engine's themes of the open answers (null for participants).
   */
  ev('evaluation.opened', { questions: EvaluationQuestions }),
  ev('evaluation.closed', { themes: EvaluationThemes.nullable() }),
  ev('evaluation.responded', { response: EvaluationResponse }),
  ev('evaluation.respondentRecorded', { participantId: Id.nullable() }),
]);
export type SessionEvent = z.infer<typeof SessionEvent>;
export type EventType = SessionEvent['type'];
export type EventOf<T extends EventType> = Extract<SessionEvent, { type: T }>;

/** The small events of curation (each replaces a whole-document `synthesis.updated`). */
export type CurationEvent = EventOf<
  | 'synthesis.themeRenamed'
  | 'synthesis.themesMerged'
  | 'synthesis.answerMoved'
  | 'synthesis.themeSplit'
  | 'synthesis.themeHidden'
  | 'synthesis.consensusSet'
  | 'synthesis.summaryEdited'
  | 'synthesis.unpublished'
  | 'synthesis.votesOpened'
>;

/** An event as stored and sent: its place in the log and the server time it happened. */
export interface EventEnvelope {
  seq: number;
  at: number;
  event: SessionEvent;
}
