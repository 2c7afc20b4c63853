import type { Language } from '../../schemas/primitives.js';
import type { SessionState } from '../../schemas/session.js';
import type { SessionEvent } from '../../protocol/events.js';
import { type Actor, type Decision, type DomainContext, reject } from '../context.js';
import { templateById, TEMPLATES } from '../templates.js';
import { decideJoin, type JoinInput } from './groups.js';
import { recordSize } from '../record-writes.js';

/**
 * The three ways into a session's log that are not session commands: creating it, joining it with the code, and
 * inviting a co-facilitator. Like the commands, each is decided here (pure) and listed with who may make it; the
 * handlers only authenticate, rate-limit and store credentials. The authorisation matrix is generated from this table.
 *
 * Who: `visitor` is anyone, unauthenticated (create and join are open, limited per address); `creator` is the
 * facilitator whose key was made with the session; `co-facilitator` one invited later.
 */
export type EntryActor = 'visitor' | 'participant' | 'co-facilitator' | 'creator';
export const ENTRY_ROLES = {
  'session.create': ['visitor', 'participant', 'co-facilitator', 'creator'],
  'session.join': ['visitor', 'participant', 'co-facilitator', 'creator'],
  'facilitator.invite': ['creator'],
} as const satisfies Record<string, readonly EntryActor[]>;
export type EntryRequest = keyof typeof ENTRY_ROLES;
export const ENTRY_REQUESTS = Object.keys(ENTRY_ROLES) as EntryRequest[];

export function mayEnter(actor: EntryActor, request: EntryRequest): boolean {
  return (ENTRY_ROLES[request] as readonly EntryActor[]).includes(actor);
}

/** The subjects the creator's key is stored with (made with the session, or with its import). */
export const CREATOR_SUBJECTS: readonly string[] = ['facilitator', 'facilitator (imported)'];

/** A co-facilitator's label, never one of the creator's subjects (so a label cannot pose as the creator). */
export const coFacilitatorSubject = (label: string | null): string => {
  const l = label ?? 'co-facilitator';
  return CREATOR_SUBJECTS.includes(l) ? `${l} (co)` : l;
};

export function entryActorOf(actor: Actor | null): EntryActor {
  if (!actor || actor.role === 'system') return 'visitor';
  if (actor.role === 'participant') return 'participant';
  return CREATOR_SUBJECTS.includes(actor.label ?? '') ? 'creator' : 'co-facilitator';
}

export interface CreateInput {
  sessionId: string;
  joinCode: string;
  language: Language;
  title?: string;
  description?: string | null;
  date?: string | null;
  anonymous: boolean;
  prompts?: { text: string }[];
  template?: string;
}

/** A new session: its first event, from the creator's own words or a template in the session's language. */
export function decideCreate(input: CreateInput, ctx: Pick<DomainContext, 'newId'>): { event: Extract<SessionEvent, { type: 'session.created' }> } {
  const template = input.template ? templateById(input.template) : null;
  if (input.template && !template) reject('invalid', `No template "${input.template}"; try one of ${TEMPLATES.map((t) => t.id).join(', ')}`);
  if (!input.prompts && !template) reject('invalid', 'Give prompts or name a template');
  if (!input.title && !template) reject('invalid', 'Give a title or name a template');
  const texts = input.prompts?.map((p) => p.text) ?? template!.prompts[input.language];
  return {
    event: {
      type: 'session.created',
      id: input.sessionId,
      title: input.title ?? template!.title[input.language],
      description: input.description ?? (input.title ? null : (template?.description[input.language] ?? null)),
      language: input.language,
      date: input.date ?? null,
      joinCode: input.joinCode,
      prompts: texts.map((text) => ({ id: ctx.newId(), text })),
      anonymous: input.anonymous,
    },
  };
}

/** Someone with the code joins: once per device token (a retry finds them), while the session has room. */
export function decideJoinRequest(s: SessionState, input: JoinInput, ctx: DomainContext, maxParticipants: number): Decision {
  if (!mayEnter(entryActorOf(ctx.actor), 'session.join')) reject('forbidden', 'You cannot join this session');
  if (Object.hasOwn(s.participants, input.participantId)) return { events: [], result: { participantId: input.participantId } };
  if (recordSize(s.participants) >= maxParticipants) reject('conflict', 'This session is full');
  return decideJoin(s, input, ctx);
}

/** The creator invites a co-facilitator: the log records the key's id and label before the key exists. */
export function decideInvite(s: SessionState, input: { label: string | null; keyId: string }, ctx: DomainContext): Decision<{ keyId: string }> {
  if (!mayEnter(entryActorOf(ctx.actor), 'facilitator.invite'))
    reject(
      'forbidden',
      ctx.actor.role === 'facilitator'
        ? 'Only the facilitator who created the session can invite co-facilitators'
        : 'Only a facilitator can invite a co-facilitator',
    );
  if (s.phase === 'closed') reject('closed', 'This session is closed: no new facilitators');
  return { events: [{ type: 'facilitator.invited', label: coFacilitatorSubject(input.label), keyId: input.keyId }], result: { keyId: input.keyId } };
}
