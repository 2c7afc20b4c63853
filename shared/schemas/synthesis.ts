import { z } from 'zod';
import { Id } from './primitives.js';

/** A theme as the room sees it: the engine's proposal, possibly curated by a facilitator. */
export const SynthesisTheme = z.object({
  id: Id,
  label: z.string(),
  answerIds: z.array(Id),
  groupIds: z.array(Id),
  representativeAnswerId: Id.nullable(),
  consensus: z.boolean(),
  /** Set by a facilitator: consensus no longer follows the threshold. */
  consensusManual: z.boolean(),
  hidden: z.boolean(),
  /** Touched by a facilitator: a re-run keeps it (its label, its answers) and only adds new answers to it. */
  curated: z.boolean(),
});
export type SynthesisTheme = z.infer<typeof SynthesisTheme>;

export const PromptSynthesis = z.object({
  promptId: Id,
  themes: z.array(SynthesisTheme),
  otherAnswerIds: z.array(Id),
  /** Answers a facilitator moved to "other ideas": a re-run leaves them there. */
  pinnedOther: z.array(Id),
  groupsAnswering: z.number().int(),
  summary: z.string(),
  summaryEdited: z.boolean(),
});
export type PromptSynthesis = z.infer<typeof PromptSynthesis>;

/**
 * Which engine made the machine themes: word similarity alone, or with an operator's embedding model too.
 * `fallbackReason` says why a configured semantic engine was not used for this run.
 */
export const SynthesisEngine = z.object({
  kind: z.enum(['lexical', 'semantic']),
  fallbackReason: z.string().max(300).optional(),
});
export type SynthesisEngine = z.infer<typeof SynthesisEngine>;

export const SynthesisDoc = z.object({
  generatedAt: z.number(),
  threshold: z.number(),
  published: z.boolean(),
  prompts: z.array(PromptSynthesis),
  /** The texts it was made from, so the doc is readable on its own (by participants of other groups too). */
  answers: z.record(z.string(), z.object({ text: z.string(), groupId: Id, promptId: Id })),
  /** Dot-voting: votes each participant may place (0 = closed). */
  votesPerParticipant: z.number().int(),
  /** participantId → theme ids they put a dot on (a theme may get several dots from one person). */
  votes: z.record(z.string(), z.array(Id)),
  /** Absent in logs from before it was recorded. */
  engine: SynthesisEngine.optional(),
});
export type SynthesisDoc = z.infer<typeof SynthesisDoc>;

/**
 * The document as a `synthesis.updated` event carries it. A fresh draft leaves its texts out: every reader that
 * receives it whole (facilitators, a replay of the log) already holds every answer, and at 10,000 answers the
 * texts were 1.4 MB of a 1.7 MB event, written to the log and sent to each facilitator on the event loop.
 * Participants, who hold their own group's answers only, receive it with the texts they may read.
 */
export const SynthesisDocOnWire = SynthesisDoc.extend({ answers: SynthesisDoc.shape.answers.optional() });
export type SynthesisDocOnWire = z.infer<typeof SynthesisDocOnWire>;
