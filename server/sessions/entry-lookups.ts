import type { Credential, SessionRow, Store } from '../store/types.js';

const CODE_TTL_MS = 60_000;
const TOKEN_TTL_MS = 10 * 60_000;
const MAX_CODES = 5_000;
const MAX_TOKENS = 20_000;

/**
 * What a join and an attach look up in the store, answered from memory when this node saw the answer recently.
 * In a join storm every person made five trips to the store's thread (code, token, credential, event, then the
 * attach's token), each a message there and back on the event loop that every room shares.
 *
 * Only what does not change is kept: a session's join code, and participants' device tokens, which are never
 * revoked one by one (they go with their session). Facilitator keys can be revoked, on any node, and are always
 * read from the store. A session deleted here is forgotten at once; one deleted on another node within the TTL
 * (a node that kept it would find its session gone and refuse the same way). Misses are not kept: a token nobody
 * has yet is always looked up.
 */
export class EntryLookups {
  private readonly codes: Expiring<SessionRow>;
  private readonly tokens: Expiring<Credential>;

  constructor(
    private readonly store: Pick<Store, 'findSessionByJoinCode' | 'findCredential'>,
    now: () => number,
  ) {
    this.codes = new Expiring(now, CODE_TTL_MS, MAX_CODES);
    this.tokens = new Expiring(now, TOKEN_TTL_MS, MAX_TOKENS);
  }

  async sessionByJoinCode(joinCode: string): Promise<SessionRow | null> {
    const known = this.codes.get(joinCode);
    if (known) return known;
    const row = await this.store.findSessionByJoinCode(joinCode);
    if (row) this.codes.set(joinCode, row);
    return row;
  }

  async credential(hash: string): Promise<Credential | null> {
    const known = this.tokens.get(hash);
    if (known) return known;
    const credential = await this.store.findCredential(hash);
    if (credential?.role === 'participant') this.tokens.set(hash, credential);
    return credential;
  }

  /** A participant's device token, just stored with their join: their attach right after finds it here. */
  rememberParticipant(credential: Credential): void {
    if (credential.role === 'participant') this.tokens.set(credential.hash, credential);
  }

  /** The session is deleted: its code and its people's tokens open nothing any more. */
  forgetSession(sessionId: string): void {
    this.codes.deleteWhere((row) => row.sessionId === sessionId);
    this.tokens.deleteWhere((c) => c.scopeId === sessionId);
  }
}

/** A map whose entries expire, and whose oldest entries go first beyond a bound (insertion order). */
class Expiring<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs: number,
    private readonly max: number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > this.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, until: this.now() + this.ttlMs });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }

  deleteWhere(test: (value: V) => boolean): void {
    for (const [key, entry] of this.entries) if (test(entry.value)) this.entries.delete(key);
  }
}
