import type { CommandOf, GroupSizing } from '../../protocol/commands.js';
import type { Group, SessionState } from '../../schemas/session.js';
import type { OrganisationType } from '../../schemas/attendance.js';
import { type Decision, type DomainContext, reject } from '../context.js';
import { assignGroups, smallestGroup } from '../grouping.js';
import { own } from '../permissions.js';

const DEFAULT_SIZING: GroupSizing = { by: 'size', size: 4 };

const activeGroups = (s: SessionState): Group[] => s.groupOrder.map((id) => own(s.groups, id)).filter((g): g is Group => !!g);

function newGroup(ctx: DomainContext, number: number, memberIds: string[], extra: Partial<Group> = {}): Group {
  const id = ctx.newId();
  return {
    id,
    number,
    memberIds,
    promptIds: null,
    lineage: [id],
    mergedFrom: [],
    done: false,
    help: false,
    lastActivityAt: null,
    archived: false,
    ...extra,
  };
}

function assertBetweenRounds(s: SessionState, what: string): void {
  if (s.round && s.round.endedAt === null) reject('conflict', `End the round before ${what}`);
}

export function decideFormGroups(s: SessionState, c: CommandOf<'groups.form'>, ctx: DomainContext): Decision {
  assertBetweenRounds(s, 'regrouping');
  if (c.mode === 'same') {
    // "Same as last round": keep the groups (and their answers) as they are.
    if (s.groupOrder.length === 0) reject('conflict', 'There is no earlier split to keep');
    return { events: [] };
  }
  const people = Object.values(s.participants);
  if (people.length === 0) reject('conflict', 'Nobody has joined yet');
  const split = assignGroups({
    people,
    mode: c.mode,
    sizing: c.sizing ?? DEFAULT_SIZING,
    history: [...s.history, activeGroups(s).map((g) => g.memberIds)],
    random: ctx.random,
  });
  const groups = split.map((members, i) => newGroup(ctx, i + 1, members));
  return { events: [{ type: 'groups.formed', mode: c.mode, groups }], result: { groupIds: groups.map((g) => g.id) } };
}

/** Default merge: neighbours in pairs (1+2, 3+4, ...), as in 1-2-4-All; an odd last group stays as it is. */
function defaultPairs(groups: Group[]): string[][] {
  const pairs: string[][] = [];
  for (let i = 0; i + 1 < groups.length; i += 2) pairs.push([groups[i].id, groups[i + 1].id]);
  return pairs;
}

export function decideMergeGroups(s: SessionState, c: CommandOf<'groups.merge'>, ctx: DomainContext): Decision {
  assertBetweenRounds(s, 'merging groups');
  const current = activeGroups(s);
  const sets = c.groupIds ?? defaultPairs(current);
  if (sets.length === 0) reject('conflict', 'There are not enough groups to merge');
  const seen = new Set<string>();
  for (const id of sets.flat()) {
    if (!own(s.groups, id) || s.groups[id].archived) reject('not_found', `No current group ${id}`);
    if (seen.has(id)) reject('invalid', 'A group can be merged only once at a time');
    seen.add(id);
  }
  const mergedInto = new Map<string, Group>();
  let number = 0;
  const groups: Group[] = [];
  for (const g of current) {
    if (mergedInto.has(g.id)) continue;
    number += 1;
    const set = sets.find((ids) => ids.includes(g.id));
    if (!set) {
      groups.push({ ...g, number });
      continue;
    }
    const parts = set.map((id) => s.groups[id]);
    const merged = newGroup(
      ctx,
      number,
      parts.flatMap((p) => p.memberIds),
      {
        lineage: [...new Set(parts.flatMap((p) => p.lineage))],
        mergedFrom: parts.map((p) => p.number),
        promptIds: mergePromptIds(parts),
      },
    );
    merged.lineage.push(merged.id);
    for (const p of parts) mergedInto.set(p.id, merged);
    groups.push(merged);
  }
  return { events: [{ type: 'groups.merged', groups }], result: { groupIds: groups.map((g) => g.id) } };
}

/** A merged group works on every prompt its parts had (all, if any part had all). */
function mergePromptIds(parts: Group[]): string[] | null {
  if (parts.some((p) => p.promptIds === null)) return null;
  return [...new Set(parts.flatMap((p) => p.promptIds ?? []))];
}

export function decideMove(s: SessionState, c: CommandOf<'participant.move'>): Decision {
  const p = own(s.participants, c.participantId) ?? reject('not_found', 'No such participant');
  const g = own(s.groups, c.groupId) ?? reject('not_found', 'No such group');
  if (g.archived) reject('conflict', 'That group belongs to an earlier split');
  if (p.groupId === g.id) return { events: [] };
  return { events: [{ type: 'participant.moved', participantId: p.id, groupId: g.id }] };
}

export function decideDeal(s: SessionState, c: CommandOf<'prompts.deal'>): Decision {
  const groups = activeGroups(s);
  if (groups.length === 0) reject('conflict', 'Split the room into groups first');
  const promptIds = s.prompts.map((p) => p.id);
  let assignments: Record<string, string[] | null>;
  if (c.mode === 'all') assignments = Object.fromEntries(groups.map((g) => [g.id, null]));
  else if (c.mode === 'jigsaw')
    assignments = dealJigsaw(
      groups.map((g) => g.id),
      promptIds,
    );
  else {
    const manual = c.assignments ?? reject('invalid', 'Give the prompts of each group');
    if (Object.keys(manual).length === 0) reject('invalid', 'Give the prompts of each group');
    for (const [gid, pids] of Object.entries(manual)) {
      if (!groups.some((g) => g.id === gid)) reject('not_found', `No current group ${gid}`);
      if (pids.length === 0) reject('invalid', 'Every group needs at least one prompt');
      for (const pid of pids) if (!promptIds.includes(pid)) reject('not_found', `No prompt ${pid}`);
    }
    assignments = manual;
  }
  return { events: [{ type: 'prompts.dealt', assignments }] };
}

/**
 * Jigsaw: prompts go round the groups like cards, so none is dropped. With more groups than prompts a prompt
 * goes to several groups; with more prompts than groups a group gets several (3 prompts, 2 groups: [p1, p3], [p2]).
 */
export function dealJigsaw(groupIds: string[], promptIds: string[]): Record<string, string[]> {
  const hands = Math.max(groupIds.length, promptIds.length);
  const dealt: Record<string, string[]> = Object.fromEntries(groupIds.map((id) => [id, []]));
  for (let i = 0; i < hands; i++) {
    const hand = dealt[groupIds[i % groupIds.length]];
    const pid = promptIds[i % promptIds.length];
    if (!hand.includes(pid)) hand.push(pid);
  }
  return dealt;
}

/** Jigsaw rotation: every group moves on to the next prompt(s) in the session's order. */
export function decideRotate(s: SessionState): Decision {
  const groups = activeGroups(s).filter((g) => g.promptIds !== null);
  if (groups.length === 0) reject('conflict', 'Prompts are not dealt out: every group has all of them');
  const order = s.prompts.map((p) => p.id);
  const next = (pid: string) => order[(order.indexOf(pid) + 1) % order.length];
  const assignments = Object.fromEntries(groups.map((g) => [g.id, (g.promptIds ?? []).map(next)]));
  return { events: [{ type: 'prompts.dealt', assignments }] };
}

export interface JoinInput {
  participantId: string;
  name: string;
  organisation: string | null;
  country: string | null;
  organisationType?: OrganisationType;
  attendanceConsent?: boolean;
}

/** A late joiner goes straight to the smallest current group. */
export function decideJoin(s: SessionState, input: JoinInput, ctx: DomainContext): Decision {
  if (s.phase === 'closed') reject('closed', 'This session is closed');
  const groupId = smallestGroup(activeGroups(s));
  const participant = {
    id: input.participantId,
    name: input.name,
    organisation: input.organisation,
    country: input.country,
    joinedAt: ctx.now,
    groupId,
    ...attendanceFields(input),
  };
  return { events: [{ type: 'participant.joined', participant }], result: { participantId: participant.id } };
}

/** Only the attendance answers given: a join without them logs the same event as before they were asked. */
function attendanceFields(input: JoinInput): { organisationType?: OrganisationType; attendanceConsent?: boolean } {
  return {
    ...(input.organisationType !== undefined ? { organisationType: input.organisationType } : {}),
    ...(input.attendanceConsent !== undefined ? { attendanceConsent: input.attendanceConsent } : {}),
  };
}
