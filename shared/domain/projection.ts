import type { SessionEvent } from '../protocol/events.js';
import type { Answer, Group, Participant, SessionState } from '../schemas/session.js';
import type { SynthesisDoc } from '../schemas/synthesis.js';
import { groupOf, groupSeesAnswer } from './permissions.js';
import { withoutPlan } from './plan.js';
import { evaluationForParticipant, withoutRespondents } from './evaluation.js';
import { withTexts } from './curation/texts.js';

/** What one reader holds: the whole state for facilitators, a filtered one for participants. */
export type SessionView = SessionState;

export type Viewer = { role: 'facilitator' } | { role: 'participant'; participantId: string };

/** Where an event may go. Answers and signals stay inside their group (and its merged successors) and the facilitators. */
export type Audience = { kind: 'everyone' } | { kind: 'groups'; groupIds: string[] };

/** `index`: the answers by group, when the caller keeps one (a reconnect storm builds a thousand views of one state). */
export function viewFor(state: SessionState, viewer: Viewer, index?: AnswerIndex): SessionView {
  const s = evaluationSeenBy(state, viewer);
  if (viewer.role === 'facilitator') return s;
  // The session plan is the facilitators' script: participants see none of it (they see the phase and the round).
  return withSlice(
    { ...withoutPlan(s), synthesis: synthesisForParticipants(s.synthesis, viewer.participantId) },
    sliceFor(s, viewer.participantId, s.seq, index),
  );
}

/**
 * Who answered the evaluation is nobody's to see (issue 16): facilitators get none of it, a participant only their
 * own entry (and no responses nor results: theirs are anonymous once sent).
 */
function evaluationSeenBy(s: SessionState, viewer: Viewer): SessionState {
  if (!s.evaluation) return s;
  const evaluation = viewer.role === 'facilitator' ? withoutRespondents(s.evaluation) : evaluationForParticipant(s.evaluation, viewer.participantId);
  return evaluation === s.evaluation ? s : { ...s, evaluation };
}

/** The event as facilitators receive it, on every path (live, catch-up, export): never who answered the evaluation. */
export function eventForFacilitators(e: SessionEvent): SessionEvent {
  return e.type === 'evaluation.respondentRecorded' && e.participantId !== null ? { ...e, participantId: null } : e;
}

/**
 * Where the dots of everyone but the reader go in a participant's view: counts stay right (every client counts
 * all lists), but nobody learns who put which dot. Not a participant id (those are 16 characters from nanoid).
 */
export const OTHERS_VOTES = '_others';

/** The reader's own dots under their id, everyone else's pooled under OTHERS_VOTES. */
export function votesSeenBy(votes: SynthesisDoc['votes'], readerId: string | null): SynthesisDoc['votes'] {
  const out: SynthesisDoc['votes'] = {};
  const others: string[] = [];
  let anyOther = false;
  for (const [pid, ids] of Object.entries(votes)) {
    if (pid === readerId) out[pid] = ids;
    else {
      anyOther = true;
      others.push(...ids);
    }
  }
  // Present as soon as anyone else voted, even if every such dot was taken back since: as the live events leave it.
  if (anyOther) out[OTHERS_VOTES] = others;
  return out;
}

/**
 * The part of a participant's view that depends on their group. After a regrouping the server sends each
 * participant concerned only this (instead of them attaching again for a whole view); the rest of their view
 * follows from the regrouping event itself.
 */
export interface GroupSlice {
  /** The event that changed the reader's group or group-mates. */
  seq: number;
  participantId: string;
  groupId: string | null;
  /** The reader and their group-mates: a view stays small in a room of thousands. */
  participants: SessionState['participants'];
  /** Their own group as it is, members and activity (other groups' activity is theirs and the facilitators'). */
  group: Group | null;
  /** Every answer their group may see, redacted for them. */
  answers: Record<string, Answer>;
}

/** Answers by the group they were written in, so one regrouping builds every group's slice in one pass. */
export type AnswerIndex = Map<string, Answer[]>;

export function indexAnswers(s: SessionState): AnswerIndex {
  const index: AnswerIndex = new Map();
  for (const a of Object.values(s.answers)) {
    const list = index.get(a.groupId);
    if (list) list.push(a);
    else index.set(a.groupId, [a]);
  }
  return index;
}

/** A group's answers as its members may see them (those of every group in its lineage). */
export function answersSeenBy(s: SessionState, group: Group, index?: AnswerIndex): Answer[] {
  if (index) return group.lineage.flatMap((id) => index.get(id) ?? []);
  return Object.values(s.answers).filter((a) => groupSeesAnswer(group, a));
}

export function sliceFor(s: SessionState, participantId: string, seq: number, index?: AnswerIndex): GroupSlice {
  const group = groupOf(s, participantId);
  const answers: Record<string, Answer> = {};
  if (group) for (const a of answersSeenBy(s, group, index)) answers[a.id] = redactAnswer(s, a, participantId);
  return {
    seq,
    participantId,
    groupId: group?.id ?? null,
    participants: participantsSeenBy(s, participantId),
    group,
    answers,
  };
}

/** A participant sees themselves and their group-mates, not the whole room (a join does not have to reach everyone). */
export function participantsSeenBy(s: SessionState, participantId: string): SessionState['participants'] {
  const participants: SessionState['participants'] = {};
  for (const id of [participantId, ...(groupOf(s, participantId)?.memberIds ?? [])]) {
    const p = s.participants[id];
    if (p) participants[id] = id === participantId ? p : asGroupMate(p);
  }
  return participants;
}

/** What group-mates see of a person: not their organisation's type nor whether they agreed to the attendance list. */
export function asGroupMate(p: Participant): Participant {
  if (p.organisationType === undefined && p.attendanceConsent === undefined) return p;
  const { organisationType: _type, attendanceConsent: _consent, ...seen } = p;
  return seen;
}

/**
 * A participant's view with its group part replaced. A participant holds its own group only: the other groups, their
 * members, signals and activity, and past splits are the facilitators' (a room of 5,000 would otherwise send each
 * person 625 groups at every regrouping); participants see how many groups raised a theme, not which.
 */
export function withSlice(view: SessionView, slice: Omit<GroupSlice, 'seq'>): SessionView {
  const own = slice.groupId && slice.group ? slice.group : null;
  return {
    ...view,
    participants: slice.participants,
    answers: slice.answers,
    groups: own ? { [own.id]: own } : {},
    groupOrder: own ? [own.id] : [],
    history: [],
  };
}

/**
 * Participants see the synthesis once published, without the themes a facilitator hid, and without the engine
 * note (a fallback's reason may name a host on the operator's network).
 */
export function synthesisForParticipants(doc: SynthesisDoc | null, readerId: string | null = null): SynthesisDoc | null {
  if (!doc?.published) return null;
  const prompts = doc.prompts.map((p) => ({ ...p, themes: p.themes.filter((t) => !t.hidden) }));
  const shown = new Set(prompts.flatMap((p) => [...p.themes.flatMap((t) => t.answerIds), ...p.otherAnswerIds]));
  const answers = Object.fromEntries(Object.entries(doc.answers).filter(([id]) => shown.has(id)));
  const { engine: _engine, ...rest } = doc;
  return { ...rest, prompts, answers, votes: votesSeenBy(doc.votes, readerId) };
}

/** In an anonymous session only the author (and the facilitators) see who wrote an answer. */
function redactAnswer(s: SessionState, a: Answer, readerId: string | null): Answer {
  return s.anonymous && a.authorId !== null && a.authorId !== readerId ? { ...a, authorId: null } : a;
}

/** Computed on the state after the event was applied. */
export function audienceOf(s: SessionState, e: SessionEvent): Audience {
  switch (e.type) {
    case 'answer.added':
      return groupsSeeing(s, e.answer.groupId);
    case 'answer.edited':
    case 'answer.deleted':
    case 'group.signalled':
      return groupsSeeing(s, e.groupId);
    case 'participant.joined':
      return { kind: 'groups', groupIds: e.participant.groupId ? [e.participant.groupId] : [] };
    case 'facilitator.invited':
    case 'facilitator.revoked':
      // Who the co-facilitators are is the facilitators' business.
      return FACILITATORS_ONLY;
    case 'plan.set':
    case 'plan.stepped':
      // The session plan is the facilitators' script (issue 16): participants follow the phase and the round instead.
      return FACILITATORS_ONLY;
    case 'evaluation.responded':
      // Responses and their results are the facilitators' (anonymous); participants only learn that it is open.
      return FACILITATORS_ONLY;
    case 'synthesis.themeRenamed':
    case 'synthesis.themesMerged':
    case 'synthesis.answerMoved':
    case 'synthesis.themeSplit':
    case 'synthesis.themeHidden':
    case 'synthesis.consensusSet':
    case 'synthesis.summaryEdited':
    case 'synthesis.votesOpened':
      // Judged when decided (published, no hidden theme involved), so live, catch-up and replay agree.
      return e.visible ? { kind: 'everyone' } : FACILITATORS_ONLY;
    default:
      return { kind: 'everyone' };
  }
}

const FACILITATORS_ONLY: Audience = { kind: 'groups', groupIds: [] };

function groupsSeeing(s: SessionState, groupId: string): Audience {
  // A current group is in no other current group's lineage (a merge makes a new group and archives its parts), so
  // its own answers reach it alone: no scan of every group per answer (625 of them in a room of 5,000).
  const own = s.groups[groupId];
  if (own && Object.hasOwn(s.groups, groupId) && !own.archived) return { kind: 'groups', groupIds: [groupId] };
  const groupIds = s.groupOrder.filter((id) => s.groups[id]?.lineage.includes(groupId));
  return { kind: 'groups', groupIds };
}

/**
 * The event as one participant receives it (`readerId`), or as every participant without a version of their own
 * receives it (null). Computed per reader on every path (live broadcast, catch-up, snapshot), so they agree: a voter
 * sees their own dots and everyone sees counts; an anonymous answer's author sees it as theirs and nobody else does.
 */
export function eventForParticipants(s: SessionState, e: SessionEvent, readerId: string | null = null): SessionEvent {
  switch (e.type) {
    case 'synthesis.updated':
      // Texts only for a published draft: participants receive nothing of an unpublished one.
      return { ...e, synthesis: e.synthesis?.published ? synthesisForParticipants(withTexts(e.synthesis, s.answers, s.synthesis?.answers), readerId) : null };
    // As a whole unpublished document reaches them: null.
    case 'synthesis.unpublished':
      return { type: 'synthesis.updated', synthesis: null };
    case 'vote.cast':
    case 'vote.retracted':
      return e.participantId === readerId ? e : { ...e, participantId: OTHERS_VOTES };
    case 'answer.added': {
      const answer = redactAnswer(s, e.answer, readerId);
      return answer === e.answer ? e : { ...e, answer };
    }
    // The groups are the facilitators'; each participant learns its own new group from the slice that follows
    // (5,000 people would otherwise each receive 625 groups and their members).
    case 'groups.formed':
    case 'groups.merged':
      return { ...e, groups: [] };
    case 'participant.joined': {
      const participant = asGroupMate(e.participant);
      return participant === e.participant ? e : { ...e, participant };
    }
    // Only the respondent learns it is them; the evaluation's themes are the facilitators'.
    case 'evaluation.respondentRecorded':
      return e.participantId === readerId || e.participantId === null ? e : { ...e, participantId: null };
    case 'evaluation.closed':
      return e.themes === null ? e : { ...e, themes: null };
    default:
      return e;
  }
}

/** The participants who receive a version of this event of their own (the voter, the anonymous author, every voter). */
export function readersWithOwnVersion(s: SessionState, e: SessionEvent): string[] {
  switch (e.type) {
    case 'vote.cast':
    case 'vote.retracted':
      return [e.participantId];
    case 'answer.added':
      return s.anonymous && e.answer.authorId !== null ? [e.answer.authorId] : [];
    case 'evaluation.respondentRecorded':
      return e.participantId === null ? [] : [e.participantId];
    case 'synthesis.updated':
      return e.synthesis?.published ? Object.keys(e.synthesis.votes).filter((pid) => e.synthesis!.votes[pid].length > 0) : [];
    default:
      return [];
  }
}

/** Whether a participant may receive an event during catch-up, judged on the current state. */
export function participantSees(s: SessionState, participantId: string, e: SessionEvent): boolean {
  const audience = audienceOf(s, e);
  if (audience.kind === 'everyone') return true;
  const gid = s.participants[participantId]?.groupId;
  return gid !== null && gid !== undefined && audience.groupIds.includes(gid);
}

/**
 * Whether an event changes what this participant may see, judged on their view before the event: a new split or
 * merge does for everyone; a move only for the person moved and the two groups. Catch-up answers such a gap with
 * a snapshot; live, the server follows the event with a GroupSlice for those concerned.
 */
export function changesVisibility(e: SessionEvent, view: SessionState | null = null, participantId: string | null = null): boolean {
  if (e.type === 'groups.formed' || e.type === 'groups.merged') return true;
  if (e.type !== 'participant.moved') return false;
  if (!view || !participantId) return true;
  const mine = view.participants[participantId]?.groupId ?? null;
  return e.participantId === participantId || e.groupId === mine || view.participants[e.participantId]?.groupId === mine;
}
