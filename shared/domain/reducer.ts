import type { EventEnvelope, SessionEvent } from '../protocol/events.js';
import type { Answer, Group, SessionState } from '../schemas/session.js';
import type { SynthesisDoc } from '../schemas/synthesis.js';
import { assertNever } from './assert-never.js';
import { DomainError } from './context.js';
import { editSummary, hideTheme, mergeThemes, moveAnswer, renameTheme, setConsensus, splitTheme } from './curation/operations.js';

/** The state before the first event. */
export const EMPTY_STATE: SessionState = {
  id: '',
  title: '',
  description: null,
  language: 'en',
  date: null,
  joinCode: '',
  createdAt: 0,
  prompts: [],
  phase: 'lobby',
  anonymous: false,
  participants: {},
  groups: {},
  groupOrder: [],
  history: [],
  round: null,
  answers: {},
  broadcast: null,
  synthesis: null,
  seq: 0,
};

/** Applies one logged event. Pure and total: the same code runs on the server and in every browser. */
export function apply(state: SessionState, envelope: EventEnvelope): SessionState {
  const next = applyEvent(state, envelope.event, envelope.at);
  return { ...next, seq: envelope.seq };
}

/**
 * Applies events in order. Replaying a log (a load, a catch-up, an import) adds answers one by one, and copying
 * the answer map for each would make a replay quadratic in the session's size (minutes at 10,000 answers). Here
 * the map is copied once per run of additions and filled in place: only maps made in this call are written, and
 * the intermediate states never leave it, so callers still see a pure function.
 */
export function applyAll(state: SessionState, envelopes: readonly EventEnvelope[]): SessionState {
  let s = state;
  let owned: Record<string, Answer> | null = null;
  for (const envelope of envelopes) {
    const e = envelope.event;
    if (e.type !== 'answer.added') {
      s = apply(s, envelope);
      continue;
    }
    if (s.answers !== owned) owned = { ...s.answers };
    owned[e.answer.id] = e.answer;
    s = { ...touchGroup({ ...s, answers: owned }, e.answer.groupId, envelope.at), seq: envelope.seq };
  }
  return s;
}

function applyEvent(s: SessionState, e: SessionEvent, at: number): SessionState {
  switch (e.type) {
    case 'session.created': {
      const { type: _t, ...fields } = e;
      return { ...EMPTY_STATE, ...fields, createdAt: at };
    }
    case 'session.updated': {
      const { type: _t, ...patch } = e;
      return { ...s, ...patch };
    }
    case 'session.phaseChanged':
      return { ...s, phase: e.phase };
    case 'session.closed':
      return { ...s, phase: 'closed', round: endRound(s, at) };
    case 'facilitator.invited':
      return s;
    case 'participant.joined': {
      const p = e.participant;
      const s2 = { ...s, participants: { ...s.participants, [p.id]: p } };
      return p.groupId ? updateGroup(s2, p.groupId, (g) => ({ ...g, memberIds: [...g.memberIds, p.id] })) : s2;
    }
    case 'participant.moved':
      return moveParticipant(s, e.participantId, e.groupId);
    case 'groups.formed':
    case 'groups.merged':
      return replaceGroups(s, e.groups);
    case 'prompts.dealt': {
      const groups = { ...s.groups };
      for (const [gid, promptIds] of Object.entries(e.assignments)) {
        if (groups[gid]) groups[gid] = { ...groups[gid], promptIds };
      }
      return { ...s, groups };
    }
    case 'round.started':
      return {
        ...s,
        phase: 'breakout',
        round: { number: e.number, startedAt: at, endsAt: e.endsAt, endedAt: null },
        groups: mapActiveGroups(s, (g) => ({ ...g, done: false, help: false })),
      };
    case 'round.extended':
      return s.round ? { ...s, round: { ...s.round, endsAt: e.endsAt } } : s;
    case 'round.ended':
      return { ...s, phase: 'plenary', round: endRound(s, at) };
    case 'broadcast.sent':
      return { ...s, broadcast: e.message === null ? null : { message: e.message, at } };
    case 'answer.added':
      return touchGroup({ ...s, answers: { ...s.answers, [e.answer.id]: e.answer } }, e.answer.groupId, at);
    case 'answer.edited': {
      const a = s.answers[e.answerId];
      if (!a) return s; // not visible to this reader
      const answers = { ...s.answers, [a.id]: { ...a, text: e.text, updatedAt: at } };
      return touchGroup({ ...s, answers }, a.groupId, at);
    }
    case 'answer.deleted': {
      if (!s.answers[e.answerId]) return s;
      const { [e.answerId]: _gone, ...answers } = s.answers;
      return touchGroup({ ...s, answers }, e.groupId, at);
    }
    case 'group.signalled':
      return updateGroup(s, e.groupId, (g) => ({
        ...g,
        done: e.done ?? g.done,
        help: e.help ?? g.help,
        lastActivityAt: at,
      }));
    case 'synthesis.updated':
      return { ...s, synthesis: e.synthesis };
    case 'synthesis.themeRenamed':
      return curate(s, (d, l) => renameTheme(d, l, e.themeId, e.label));
    case 'synthesis.themesMerged':
      return curate(s, (d, l) => mergeThemes(d, l, e.themeIds));
    case 'synthesis.answerMoved':
      return curate(s, (d, l) => moveAnswer(d, l, e.answerId, e.themeId));
    case 'synthesis.themeSplit':
      return curate(s, (d, l) => splitTheme(d, l, e.themeId, e.answerIds, e.newThemeId));
    case 'synthesis.themeHidden':
      return curate(s, (d, l) => hideTheme(d, l, e.themeId, e.hidden));
    case 'synthesis.consensusSet':
      return curate(s, (d, l) => setConsensus(d, l, e.themeId, e.consensus));
    case 'synthesis.summaryEdited':
      return curate(s, (d, l) => editSummary(d, l, e.promptId, e.summary));
    case 'synthesis.unpublished':
      return curate(s, (d) => ({ ...d, published: false }));
    case 'synthesis.votesOpened':
      return curate(s, (d) => ({ ...d, votesPerParticipant: e.votesPerParticipant }));
    case 'vote.cast':
    case 'vote.retracted': {
      if (!s.synthesis) return s;
      const mine = s.synthesis.votes[e.participantId] ?? [];
      const i = mine.indexOf(e.themeId);
      const next = e.type === 'vote.cast' ? [...mine, e.themeId] : i < 0 ? mine : [...mine.slice(0, i), ...mine.slice(i + 1)];
      return { ...s, synthesis: { ...s.synthesis, votes: { ...s.synthesis.votes, [e.participantId]: next } } };
    }
    default:
      return assertNever(e);
  }
}

/**
 * A curation step, with the same operation the decider ran. The decider validated it against the full document, so
 * it applies there; a reader whose view lacks what it names (no synthesis yet) keeps their view rather than fail.
 */
function curate(s: SessionState, f: (doc: SynthesisDoc, language: SessionState['language']) => SynthesisDoc): SessionState {
  if (!s.synthesis) return s;
  try {
    return { ...s, synthesis: f(s.synthesis, s.language) };
  } catch (err) {
    if (err instanceof DomainError) return s;
    throw err;
  }
}

function endRound(s: SessionState, at: number): SessionState['round'] {
  return s.round && s.round.endedAt === null ? { ...s.round, endedAt: at } : s.round;
}

function updateGroup(s: SessionState, groupId: string, f: (g: Group) => Group): SessionState {
  const g = s.groups[groupId];
  return g ? { ...s, groups: { ...s.groups, [groupId]: f(g) } } : s;
}

function touchGroup(s: SessionState, groupId: string, at: number): SessionState {
  return updateGroup(s, groupId, (g) => ({ ...g, lastActivityAt: at }));
}

function mapActiveGroups(s: SessionState, f: (g: Group) => Group): SessionState['groups'] {
  const groups = { ...s.groups };
  for (const id of s.groupOrder) if (groups[id]) groups[id] = f(groups[id]);
  return groups;
}

function moveParticipant(s: SessionState, participantId: string, groupId: string): SessionState {
  const p = s.participants[participantId];
  // A participant's view holds only their group-mates but every group's member list: a move between two other
  // groups still changes those lists.
  const fromId = p ? p.groupId : (s.groupOrder.find((id) => s.groups[id]?.memberIds.includes(participantId)) ?? null);
  if (!p && !fromId && !s.groups[groupId]) return s;
  const groups = { ...s.groups };
  if (fromId && groups[fromId]) {
    const from = groups[fromId];
    groups[from.id] = { ...from, memberIds: from.memberIds.filter((id) => id !== participantId) };
  }
  const to = groups[groupId];
  if (to && !to.memberIds.includes(participantId)) groups[groupId] = { ...to, memberIds: [...to.memberIds, participantId] };
  return p ? { ...s, groups, participants: { ...s.participants, [participantId]: { ...p, groupId } } } : { ...s, groups };
}

/**
 * A new split archives the current groups (their member lists go to history for "new faces");
 * a merge archives the merged parts too, but their answers stay visible through the new group's lineage.
 */
function replaceGroups(s: SessionState, newGroups: Group[]): SessionState {
  const groups = { ...s.groups };
  const current = s.groupOrder.map((id) => groups[id]).filter(Boolean);
  for (const g of current) groups[g.id] = { ...g, archived: true };
  for (const g of newGroups) groups[g.id] = g;
  const participants = { ...s.participants };
  for (const g of newGroups) {
    for (const pid of g.memberIds) if (participants[pid]) participants[pid] = { ...participants[pid], groupId: g.id };
  }
  const history = current.length ? [...s.history, current.map((g) => g.memberIds)] : s.history;
  return { ...s, groups, participants, history, groupOrder: newGroups.map((g) => g.id) };
}

/** Answers as the reader's view holds them, by prompt; handy for screens and exports. */
export function answersOf(s: SessionState, filter: (a: Answer) => boolean = () => true): Answer[] {
  return Object.values(s.answers)
    .filter(filter)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}
