import type { SessionEvent } from '../protocol/events.js';
import type { Answer, SessionState } from '../schemas/session.js';
import type { SynthesisDoc } from '../schemas/synthesis.js';
import { groupOf, groupSeesAnswer } from './permissions.js';

/** What one reader holds: the whole state for facilitators, a filtered one for participants. */
export type SessionView = SessionState;

export type Viewer = { role: 'facilitator' } | { role: 'participant'; participantId: string };

/** Where an event may go. Answers and signals stay inside their group (and its merged successors) and the facilitators. */
export type Audience = { kind: 'everyone' } | { kind: 'groups'; groupIds: string[] };

export function viewFor(s: SessionState, viewer: Viewer): SessionView {
  if (viewer.role === 'facilitator') return s;
  const group = groupOf(s, viewer.participantId);
  const answers: Record<string, Answer> = {};
  if (group) {
    for (const a of Object.values(s.answers)) {
      if (groupSeesAnswer(group, a)) answers[a.id] = redactAnswer(s, a, viewer.participantId);
    }
  }
  // A participant sees themselves and their group-mates, not the whole room: a view stays small in a room of
  // thousands, and a join does not have to reach everyone.
  const participants: SessionState['participants'] = {};
  for (const id of [viewer.participantId, ...(group?.memberIds ?? [])]) if (s.participants[id]) participants[id] = s.participants[id];
  // Other groups' signals and activity are theirs and the facilitators' (their events never reach this reader).
  const groups: SessionState['groups'] = {};
  for (const [id, g] of Object.entries(s.groups)) groups[id] = id === group?.id ? g : { ...g, done: false, help: false, lastActivityAt: null };
  return { ...s, participants, groups, answers, history: [], synthesis: synthesisForParticipants(s.synthesis) };
}

/**
 * Participants see the synthesis once published, without the themes a facilitator hid, and without the engine
 * note (a fallback's reason may name a host on the operator's network).
 */
export function synthesisForParticipants(doc: SynthesisDoc | null): SynthesisDoc | null {
  if (!doc?.published) return null;
  const prompts = doc.prompts.map((p) => ({ ...p, themes: p.themes.filter((t) => !t.hidden) }));
  const shown = new Set(prompts.flatMap((p) => [...p.themes.flatMap((t) => t.answerIds), ...p.otherAnswerIds]));
  const answers = Object.fromEntries(Object.entries(doc.answers).filter(([id]) => shown.has(id)));
  const { engine: _engine, ...rest } = doc;
  return { ...rest, prompts, answers };
}

function redactAnswer(s: SessionState, a: Answer, readerId: string | null): Answer {
  return s.anonymous && a.authorId !== readerId ? { ...a, authorId: null } : a;
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
    default:
      return { kind: 'everyone' };
  }
}

function groupsSeeing(s: SessionState, groupId: string): Audience {
  const groupIds = s.groupOrder.filter((id) => s.groups[id]?.lineage.includes(groupId));
  return { kind: 'groups', groupIds };
}

/** The event as participants receive it in a group broadcast (the author learns their own answer's id from the ack). */
export function eventForParticipants(s: SessionState, e: SessionEvent, readerId: string | null = null): SessionEvent {
  if (e.type === 'synthesis.updated') return { ...e, synthesis: synthesisForParticipants(e.synthesis) };
  if (e.type !== 'answer.added') return e;
  const answer = redactAnswer(s, e.answer, readerId);
  return answer === e.answer ? e : { ...e, answer };
}

/** Whether a participant may receive an event during catch-up, judged on the current state. */
export function participantSees(s: SessionState, participantId: string, e: SessionEvent): boolean {
  const audience = audienceOf(s, e);
  if (audience.kind === 'everyone') return true;
  const gid = s.participants[participantId]?.groupId;
  return gid !== null && gid !== undefined && audience.groupIds.includes(gid);
}

/**
 * Whether an event changes what this participant may see (so their view must be rebuilt), judged on their view
 * before the event: a new split or merge does for everyone; a move only for the person moved and the two groups.
 */
export function changesVisibility(e: SessionEvent, view: SessionState | null = null, participantId: string | null = null): boolean {
  if (e.type === 'groups.formed' || e.type === 'groups.merged') return true;
  if (e.type !== 'participant.moved') return false;
  if (!view || !participantId) return true;
  const mine = view.participants[participantId]?.groupId ?? null;
  return e.participantId === participantId || e.groupId === mine || view.participants[e.participantId]?.groupId === mine;
}
