import { useSyncExternalStore } from 'react';

/** A tiny router on location.pathname: the app has five pages and needs no library for it. */
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

export function navigate(to: string): void {
  window.history.pushState(null, '', to);
  notify();
}

export function usePath(): string {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => window.location.pathname,
  );
}

/** The secret in the URL fragment (#key=...), which never reaches the server's logs. */
export function fragmentKey(): string | null {
  return new URLSearchParams(window.location.hash.slice(1)).get('key');
}
