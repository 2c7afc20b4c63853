import type { EventEnvelope, SessionEvent } from '../protocol/events.js';
import type { Answer, Group, SessionState } from '../schemas/session.js';
import type { SynthesisDoc } from '../schemas/synthesis.js';
import { assertNever } from './assert-never.js';
import { DomainError } from './context.js';
import { withTexts } from './curation/texts.js';
import { editSummary, hideTheme, mergeThemes, moveAnswer, renameTheme, setConsensus, splitTheme } from './curation/operations.js';
import { Ownership } from './ownership.js';
import { recordWritten, setEntry } from './record-writes.js';
import { EMPTY_PLAN, stepPlan } from './plan.js';

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

/** Applies one logged event. Pure: the state passed in is never changed (the browser keeps it for React). */
export function apply(state: SessionState, envelope: EventEnvelope): SessionState {
  return applyOwned(state, envelope, new Ownership());
}

/**
 * Applies events in order, purely. The maps this call makes are filled in place by the events after the one that
 * made them (they never leave the call before it returns), so a replay of 10,000 answers copies the answer map once,
 * not 10,000 times.
 */
export function applyAll(state: SessionState, envelopes: readonly EventEnvelope[]): SessionState {
  return applyAllOwned(state, envelopes, new Ownership());
}

/**
 * Applies events with a long-lived `Ownership`: the server's way. Every map that `owner` made earlier is written in
 * place, so one event costs the same at 10 answers and at 100,000. Whoever keeps a state beyond the moment must call
 * `owner.release()` first (the next write then copies once).
 */
export function applyAllOwned(state: SessionState, envelopes: readonly EventEnvelope[], owner: Ownership): SessionState {
  let s = state;
  for (const envelope of envelopes) s = applyOwned(s, envelope, owner);
  return s;
}

export function applyOwned(state: SessionState, envelope: EventEnvelope, owner: Ownership): SessionState {
  // The top level is always a new object (a few dozen fields): a state's identity tells that it changed.
  return { ...applyEvent(state, envelope.event, envelope.at, owner), seq: envelope.seq };
}

function applyEvent(s: SessionState, e: SessionEvent, at: number, w: Ownership): SessionState {
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
      return { ...s, phase: 'closed', round: endRound(s, at), broadcast: null };
    case 'facilitator.invited':
    case 'facilitator.revoked':
      return s;
    case 'participant.joined': {
      const p = e.participant;
      const s2 = { ...s, participants: put(w, s.participants, p.id, p) };
      return p.groupId ? updateGroup(s2, p.groupId, w, (g) => ({ ...g, memberIds: [...g.memberIds, p.id] })) : s2;
    }
    case 'participant.moved':
      return moveParticipant(s, e.participantId, e.groupId, w);
    case 'groups.formed':
    case 'groups.merged':
      return replaceGroups(s, e.groups, w);
    case 'prompts.dealt': {
      let groups = s.groups;
      for (const [gid, promptIds] of Object.entries(e.assignments)) {
        const g = get(groups, gid);
        if (g) groups = put(w, groups, gid, { ...g, promptIds });
      }
      return { ...s, groups };
    }
    case 'round.started':
      return {
        ...s,
        phase: 'breakout',
        round: { number: e.number, startedAt: at, endsAt: e.endsAt, endedAt: null },
        groups: mapActiveGroups(s, w, (g) => ({ ...g, done: false, help: false, helpSince: null })),
      };
    case 'round.extended':
      return s.round ? { ...s, round: { ...s.round, endsAt: e.endsAt } } : s;
    case 'round.ended':
      // Help and done belong to the round, and so does a broadcast such as "2 minutes left": all end with it.
      return {
        ...s,
        phase: 'plenary',
        round: endRound(s, at),
        broadcast: null,
        groups: mapActiveGroups(s, w, (g) => (g.done || g.help ? { ...g, done: false, help: false, helpSince: null } : g)),
      };
    case 'broadcast.sent':
      return { ...s, broadcast: e.message === null ? null : { message: e.message, at } };
    case 'answer.added':
      return touchGroup({ ...s, answers: put(w, s.answers, e.answer.id, e.answer) }, e.answer.groupId, at, w);
    case 'answer.edited': {
      const a = get(s.answers, e.answerId);
      if (!a) return s; // not visible to this reader
      return touchGroup({ ...s, answers: put(w, s.answers, a.id, { ...a, text: e.text, updatedAt: at }) }, a.groupId, at, w);
    }
    case 'answer.deleted': {
      if (!get(s.answers, e.answerId)) return s;
      const answers = w.own(s.answers);
      recordWritten(s.answers, answers, e.answerId, -1);
      delete answers[e.answerId];
      return touchGroup({ ...s, answers }, e.groupId, at, w);
    }
    case 'group.signalled':
      return updateGroup(s, e.groupId, w, (g) => ({
        ...g,
        done: e.done ?? g.done,
        help: e.help ?? g.help,
        helpSince: helpSince(g, e.help, at),
        lastActivityAt: at,
      }));
    case 'synthesis.updated':
      return { ...s, synthesis: e.synthesis && withTexts(e.synthesis, s.answers, s.synthesis?.answers) };
    case 'synthesis.themeRenamed':
      return curate(s, (d, l) => renameTheme(d, l, e.themeId, e.label));
    case 'synthesis.themesMerged':
      return curate(s, (d, l) => mergeThemes(d, l, e.themeIds));
    case 'synthesis.answerMoved':
      return curate(s, (d, l) => moveAnswer(d, l, e.answerId, e.themeId));
    case 'synthesis.themeSplit':
      return curate(s, (d, l) => splitTheme(d, l, e.themeId, e.answerIds, e.newThemeId));
    case 'synthesis.themeHidden':
      return curate(s, (d, l) => (e.hidden ? returnDots(hideTheme(d, l, e.themeId, e.hidden), e.themeId) : hideTheme(d, l, e.themeId, e.hidden)));
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
      const mine = get(s.synthesis.votes, e.participantId) ?? [];
      const i = mine.indexOf(e.themeId);
      const next = e.type === 'vote.cast' ? [...mine, e.themeId] : i < 0 ? mine : [...mine.slice(0, i), ...mine.slice(i + 1)];
      return { ...s, synthesis: { ...s.synthesis, votes: put(w, s.synthesis.votes, e.participantId, next) } };
    }
    // The plan is small and bounded (PLAN_LIMITS): a new plan object per plan event costs the same at any session size.
    case 'plan.set':
      return { ...s, plan: { ...(s.plan ?? EMPTY_PLAN), blocks: e.blocks } };
    case 'plan.stepped':
      return s.plan ? { ...s, plan: stepPlan(s.plan, e.blockId, at) } : s;
    // The evaluation round (issue 16, item 2): responses and respondents are maps written in place (constant work).
    case 'evaluation.opened':
      // Opening again after closing keeps the responses (and who answered); the themes are made again on closing.
      return {
        ...s,
        evaluation: {
          open: true,
          questions: e.questions,
          openedAt: at,
          closedAt: null,
          responses: s.evaluation?.responses ?? {},
          respondents: s.evaluation?.respondents ?? {},
          themes: null,
        },
      };
    case 'evaluation.closed':
      return s.evaluation ? { ...s, evaluation: { ...s.evaluation, open: false, closedAt: at, themes: e.themes } } : s;
    case 'evaluation.responded':
      return s.evaluation ? { ...s, evaluation: { ...s.evaluation, responses: put(w, s.evaluation.responses, e.response.id, e.response) } } : s;
    case 'evaluation.respondentRecorded':
      // null: someone answered, and this reader may not know who.
      if (!s.evaluation || e.participantId === null) return s;
      return { ...s, evaluation: { ...s.evaluation, respondents: put(w, s.evaluation.respondents, e.participantId, true as const) } };
    default:
      return assertNever(e);
  }
}

/** A pending help request keeps the time it was first made; a new one starts now; none when help is withdrawn. */
function helpSince(g: Group, help: boolean | undefined, at: number): number | null {
  if (help === undefined) return g.help ? (g.helpSince ?? null) : null;
  return help ? (g.help ? (g.helpSince ?? at) : at) : null;
}

/** An entry of a record by id, own properties only: an id such as `constructor` never reaches Object.prototype. */
function get<T>(record: Record<string, T>, id: string): T | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

/** The record with `id` set: in place when `w` owns it, else in a copy it now owns. */
function put<T>(w: Ownership, record: Record<string, T>, id: string, value: T): Record<string, T> {
  const r = w.own(record);
  recordWritten(record, r, id, Object.hasOwn(r, id) ? 0 : 1);
  setEntry(r, id, value);
  return r;
}

/** A hidden theme's dots go back to the people who cast them, so they can vote again (issue 14). */
function returnDots(doc: SynthesisDoc, themeId: string): SynthesisDoc {
  const votes: SynthesisDoc['votes'] = {};
  let changed = false;
  for (const [pid, themes] of Object.entries(doc.votes)) {
    const kept = themes.filter((t) => t !== themeId);
    if (kept.length !== themes.length) changed = true;
    votes[pid] = kept;
  }
  return changed ? { ...doc, votes } : doc;
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

function updateGroup(s: SessionState, groupId: string, w: Ownership, f: (g: Group) => Group): SessionState {
  const g = get(s.groups, groupId);
  return g ? { ...s, groups: put(w, s.groups, groupId, f(g)) } : s;
}

function touchGroup(s: SessionState, groupId: string, at: number, w: Ownership): SessionState {
  return updateGroup(s, groupId, w, (g) => ({ ...g, lastActivityAt: at }));
}

function mapActiveGroups(s: SessionState, w: Ownership, f: (g: Group) => Group): SessionState['groups'] {
  let groups = s.groups;
  for (const id of s.groupOrder) {
    const g = get(groups, id);
    if (!g) continue;
    const next = f(g);
    if (next !== g) groups = put(w, groups, id, next);
  }
  return groups;
}

function moveParticipant(s: SessionState, participantId: string, groupId: string, w: Ownership): SessionState {
  const p = get(s.participants, participantId);
  // A participant's view holds only their group-mates but every group's member list: a move between two other
  // groups still changes those lists.
  const fromId = p ? p.groupId : (s.groupOrder.find((id) => get(s.groups, id)?.memberIds.includes(participantId)) ?? null);
  if (!p && !fromId && !get(s.groups, groupId)) return s;
  let groups = s.groups;
  const from = fromId ? get(groups, fromId) : undefined;
  if (from) groups = put(w, groups, from.id, { ...from, memberIds: from.memberIds.filter((id) => id !== participantId) });
  const to = get(groups, groupId);
  if (to && !to.memberIds.includes(participantId)) groups = put(w, groups, groupId, { ...to, memberIds: [...to.memberIds, participantId] });
  return p ? { ...s, groups, participants: put(w, s.participants, participantId, { ...p, groupId }) } : { ...s, groups };
}

/**
 * A new split archives the current groups (their member lists go to history for "new faces");
 * a merge archives the merged parts too, but their answers stay visible through the new group's lineage.
 */
function replaceGroups(s: SessionState, newGroups: Group[], w: Ownership): SessionState {
  let groups = s.groups;
  const current = s.groupOrder.map((id) => get(groups, id)).filter((g): g is Group => g !== undefined);
  for (const g of current) groups = put(w, groups, g.id, { ...g, archived: true });
  for (const g of newGroups) groups = put(w, groups, g.id, g);
  let participants = s.participants;
  for (const g of newGroups) {
    for (const pid of g.memberIds) {
      const p = get(participants, pid);
      if (p) participants = put(w, participants, pid, { ...p, groupId: g.id });
    }
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
