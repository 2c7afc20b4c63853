import { z } from 'zod';
import { Id, IsoDate, Language } from './primitives.js';
import { SynthesisDoc } from './synthesis.js';
import { OrganisationType } from './attendance.js';
import { Plan } from '../domain/plan.js';
import { EvaluationState } from '../domain/evaluation.js';

export const Phase = z.enum(['lobby', 'breakout', 'plenary', 'closed']);
export type Phase = z.infer<typeof Phase>;

export const Prompt = z.object({ id: Id, text: z.string() });
export type Prompt = z.infer<typeof Prompt>;

export const Participant = z.object({
  id: Id,
  name: z.string(),
  organisation: z.string().nullable(),
  country: z.string().nullable(),
  joinedAt: z.number(),
  groupId: Id.nullable(),
  /** Given at join if they like (issue 16); absent in logs from before it was asked. */
  organisationType: OrganisationType.optional(),
  /** Consent to be named on the attendance list; without it (or in older logs) they are counted, not named. */
  attendanceConsent: z.boolean().optional(),
});
export type Participant = z.infer<typeof Participant>;

export const Group = z.object({
  id: Id,
  /** Position in the current split, 1-based; the UI renders "Group 3" in its own language. */
  number: z.number().int(),
  memberIds: z.array(Id),
  /** Prompts dealt to this group; null = all prompts. */
  promptIds: z.array(Id).nullable(),
  /** This group and every group merged into it: its members see the answers of all of them. */
  lineage: z.array(Id),
  /** Numbers of the groups merged into this one (for a "1 + 2" label); empty when not merged. */
  mergedFrom: z.array(z.number().int()),
  done: z.boolean(),
  help: z.boolean(),
  /** When the pending help request was made (server time); null or absent when none (absent in older logs). */
  helpSince: z.number().nullable().optional(),
  lastActivityAt: z.number().nullable(),
  /** Archived groups belong to an earlier split; their answers stay, attributed to them. */
  archived: z.boolean(),
});
export type Group = z.infer<typeof Group>;

export const Answer = z.object({
  id: Id,
  promptId: Id,
  groupId: Id,
  /** Null in a participant's view when the session is anonymous and the answer is not theirs. */
  authorId: Id.nullable(),
  text: z.string(),
  /** The language it is written in (the writer's interface language); absent in logs from before it was recorded. */
  language: Language.optional(),
  round: z.number().int(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Answer = z.infer<typeof Answer>;

export const Round = z.object({
  number: z.number().int(),
  startedAt: z.number(),
  endsAt: z.number(),
  endedAt: z.number().nullable(),
});
export type Round = z.infer<typeof Round>;

export const Broadcast = z.object({ message: z.string(), at: z.number() });

export const SessionState = z.object({
  id: Id,
  title: z.string(),
  description: z.string().nullable(),
  language: Language,
  date: IsoDate.nullable(),
  joinCode: z.string(),
  createdAt: z.number(),
  prompts: z.array(Prompt),
  phase: Phase,
  anonymous: z.boolean(),
  participants: z.record(z.string(), Participant),
  groups: z.record(z.string(), Group),
  /** Ids of the current (not archived) groups, in display order. */
  groupOrder: z.array(Id),
  /** Member lists of every earlier split, for "new faces". */
  history: z.array(z.array(z.array(Id))),
  round: Round.nullable(),
  answers: z.record(z.string(), Answer),
  broadcast: Broadcast.nullable(),
  /** Themes across groups, curated by the facilitators; participants see it once published. */
  synthesis: SynthesisDoc.nullable(),
  /** The session plan (issue 16, item 4); absent until a facilitator lays one out, and in participants' views. */
  plan: Plan.optional(),
  /** The evaluation round (issue 16, item 2); absent until a facilitator opens one. */
  evaluation: EvaluationState.nullable().optional(),
  /** Seq of the last event applied. */
  seq: z.number().int(),
});
export type SessionState = z.infer<typeof SessionState>;
