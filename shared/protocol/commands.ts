import { z } from 'zod';
import { hasNoReservedKeys, Id, IsoDate, JoinCode, Language, LIMITS, maybeEmptyText, OpId, optionalText, text } from '../schemas/primitives.js';
import { OrganisationType } from '../schemas/attendance.js';
import { EVALUATION_LIMITS, EvaluationQuestionsInput, Rating } from '../domain/evaluation.js';
import { PLAN_LIMITS, PlanBlockInput } from '../domain/plan.js';

/**
 * Client→server commands. Every one carries a client-made opId so a retry is applied once.
 * Objects are strict: unknown keys are an error, not silently dropped.
 */
const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.strictObject({ type: z.literal(type), opId: OpId, ...shape });

export const PromptInput = z.strictObject({ id: Id.optional(), text: text(LIMITS.promptText) });
export const GroupSizing = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('count'), count: z.number().int().min(1).max(LIMITS.groupCount) }),
  z.strictObject({ by: z.literal('size'), size: z.number().int().min(1).max(1000) }),
]);
export type GroupSizing = z.infer<typeof GroupSizing>;
export const GroupingMode = z.enum(['random', 'mixed', 'new-faces', 'same']);
export type GroupingMode = z.infer<typeof GroupingMode>;

export const Command = z.discriminatedUnion('type', [
  cmd('session.update', {
    title: text(LIMITS.title).optional(),
    description: optionalText(LIMITS.description).optional(),
    language: Language.optional(),
    date: IsoDate.nullable().optional(),
    anonymous: z.boolean().optional(),
    prompts: z.array(PromptInput).min(1).max(LIMITS.prompts).optional(),
  }),
  cmd('session.setPhase', { phase: z.enum(['lobby', 'plenary']) }),
  cmd('session.close', {}),
  cmd('groups.form', { mode: GroupingMode, sizing: GroupSizing.optional() }),
  cmd('groups.merge', { groupIds: z.array(z.array(Id).min(2).max(20)).max(LIMITS.groupCount).optional() }),
  cmd('participant.move', { participantId: Id, groupId: Id }),
  cmd('prompts.deal', {
    mode: z.enum(['all', 'jigsaw', 'manual']),
    assignments: z
      .custom<Record<string, string[]>>(hasNoReservedKeys, 'not a valid id')
      .pipe(z.record(Id, z.array(Id).max(LIMITS.prompts)))
      .optional(),
  }),
  cmd('prompts.rotate', {}),
  cmd('round.start', {
    durationSeconds: z.number().int().min(LIMITS.roundSeconds.min).max(LIMITS.roundSeconds.max),
  }),
  cmd('round.extend', {
    seconds: z.number().int().min(LIMITS.extendSeconds.min).max(LIMITS.extendSeconds.max),
  }),
  cmd('round.end', { roundNumber: z.number().int().optional() }),
  cmd('broadcast.send', { message: maybeEmptyText(LIMITS.broadcast) }),
  cmd('answer.add', { promptId: Id, text: text(LIMITS.answerText), groupId: Id.optional(), language: Language.optional() }),
  cmd('answer.edit', { answerId: Id, text: text(LIMITS.answerText) }),
  cmd('answer.delete', { answerId: Id }),
  cmd('group.signal', { groupId: Id.optional(), done: z.boolean().optional(), help: z.boolean().optional() }),
  cmd('synthesis.run', { threshold: z.number().min(0.1).max(1).optional() }),
  cmd('synthesis.renameTheme', { themeId: Id, label: text(LIMITS.themeLabel) }),
  cmd('synthesis.mergeThemes', { themeIds: z.array(Id).min(2).max(50) }),
  cmd('synthesis.moveAnswer', { answerId: Id, themeId: Id.nullable() }),
  cmd('synthesis.splitTheme', { themeId: Id, answerIds: z.array(Id).min(1).max(1000) }),
  cmd('synthesis.hideTheme', { themeId: Id, hidden: z.boolean() }),
  cmd('synthesis.setConsensus', { themeId: Id, consensus: z.boolean().nullable() }),
  cmd('synthesis.editSummary', { promptId: Id, summary: text(LIMITS.summary).nullable() }),
  cmd('synthesis.publish', { published: z.boolean() }),
  cmd('votes.open', { votesPerParticipant: z.number().int().min(0).max(LIMITS.votesPerParticipant) }),
  cmd('vote.cast', { themeId: Id }),
  cmd('vote.retract', { themeId: Id }),
  /* The session plan (issue 16, item 4): the whole list of blocks, and a step to the next block (null: the plan is over). */
  cmd('plan.set', { blocks: z.array(PlanBlockInput).max(PLAN_LIMITS.blocks) }),
  cmd('plan.step', { blockId: Id.nullable() }),
  /* The evaluation round (issue 16, item 2): open (with the questions, default ones when left out), close, answer once. */
  cmd('evaluation.open', { questions: EvaluationQuestionsInput.optional() }),
  cmd('evaluation.close', {}),
  cmd('evaluation.respond', {
    rating: Rating,
    takeBack: optionalText(EVALUATION_LIMITS.answer),
    change: optionalText(EVALUATION_LIMITS.answer),
    language: Language.optional(),
  }),
]);
export type Command = z.infer<typeof Command>;
/** What a client sends (before zod's defaults and transforms); `Command` is what the server gets after parsing. */
export type CommandInput = z.input<typeof Command>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
export const COMMAND_TYPES = Command.options.map((o) => o.shape.type.value) as CommandType[];

const Secret = z.string().regex(/^[A-Za-z0-9_-]{21,64}$/, 'must be 21-64 URL-safe characters');

/** A participant joining with the code: not yet anyone, so not a session command. */
export const JoinRequest = z.strictObject({
  opId: OpId,
  joinCode: JoinCode,
  name: text(LIMITS.name, 'name'),
  organisation: optionalText(LIMITS.organisation, 'name'),
  country: optionalText(LIMITS.country, 'name'),
  /** Optional (issue 16): the kind of organisation, and consent to appear by name on the attendance list. */
  organisationType: OrganisationType.optional(),
  attendanceConsent: z.boolean().optional(),
  /** Made by the client (nanoid or 21+ random URL-safe characters) and kept on the device; the server stores its hash. */
  token: Secret,
});
export type JoinRequest = z.infer<typeof JoinRequest>;
export type JoinRequestInput = z.input<typeof JoinRequest>;

/** (Re)attaching a socket to a session, with the secret that says who you are and the last seq you hold. */
export const AttachRequest = z.strictObject({
  sessionId: Id,
  credential: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('facilitator'), key: Secret }),
    z.strictObject({ kind: z.literal('participant'), token: Secret }),
  ]),
  lastSeq: z.number().int().min(0).optional(),
});
export type AttachRequest = z.infer<typeof AttachRequest>;
export type AttachRequestInput = z.input<typeof AttachRequest>;

/** A facilitator asking for a co-facilitator link (the key is made by the server, shown once). */
export const InviteRequest = z.strictObject({ opId: OpId, label: optionalText(LIMITS.name, 'name') });
export type InviteRequest = z.infer<typeof InviteRequest>;
export type InviteRequestInput = z.input<typeof InviteRequest>;
