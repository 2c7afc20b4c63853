import { useCallback, useEffect, useState } from 'react';
import { storage } from '../../storage.js';
import { useLanguage, useT } from '../../useT.js';

/** One facilitator key as the server lists it (server/http/keys.ts): never the key itself. */
interface KeyInfo {
  keyId: string;
  label: string;
  createdAt: number;
  lastUsedAt: number | null;
  own: boolean;
  creator: boolean;
}

/**
 * The session's facilitator keys: who holds one (by label), since when, and when it was last used. The creator's
 * key revokes any other; a revoked key's console is closed at once and its link opens nothing any more.
 */
export function FacilitatorKeys({ sessionId }: { sessionId: string }) {
  const t = useT();
  const lang = useLanguage();
  const key = storage.facilitatorKey(sessionId);
  const [keys, setKeys] = useState<KeyInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!key) return;
    const res = await fetch(`/api/sessions/${sessionId}/keys`, { headers: { authorization: `Bearer ${key}` } }).catch(() => null);
    // A list that cannot be loaded (offline, say) leaves the last one shown: the console works without it.
    if (!res?.ok) return;
    setKeys(((await res.json()) as { keys: KeyInfo[] }).keys);
  }, [key, sessionId]);

  // Loaded when the console opens and whenever it comes back into focus (after sending an invitation link, say).
  useEffect(() => {
    void load();
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [load]);

  if (!key || !keys) return null;
  const mayRevoke = keys.some((k) => k.own && k.creator);
  const when = (at: number) => new Date(at).toLocaleString(lang, { dateStyle: 'short', timeStyle: 'short' });

  async function revoke(k: KeyInfo) {
    if (!window.confirm(t('keyRevokeConfirm', { label: k.label }))) return;
    setBusy(k.keyId);
    const res = await fetch(`/api/sessions/${sessionId}/keys/${k.keyId}`, { method: 'DELETE', headers: { authorization: `Bearer ${key}` } }).catch(() => null);
    setBusy(null);
    if (!res?.ok) return setError(t('keysFailed'));
    setError(null);
    setKeys(((await res.json()) as { keys: KeyInfo[] }).keys);
  }

  return (
    <section className="panel facilitator-keys" aria-labelledby="facilitator-keys" data-testid="facilitator-keys">
      <h2 id="facilitator-keys">{t('keysTitle')}</h2>
      <ul className="plain-list">
        {keys.map((k) => (
          <li key={k.keyId} className="row-wrap" data-testid="facilitator-key">
            <span>
              <strong>{k.label}</strong>
              {k.own && <> ({t('keyYou')})</>}
            </span>
            <span className="muted">
              {t('keyCreated', { when: when(k.createdAt) })} · {k.lastUsedAt ? t('keyLastUsed', { when: when(k.lastUsedAt) }) : t('keyNeverUsed')}
            </span>
            {mayRevoke && !k.own && (
              <button type="button" className="btn btn-secondary small" disabled={busy === k.keyId} onClick={() => void revoke(k)} data-testid="revoke-key">
                {t('keyRevoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
