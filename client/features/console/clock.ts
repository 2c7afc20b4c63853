import { useSyncExternalStore } from 'react';
import { useStore } from '../../store/index.js';

/**
 * One clock for the whole console. Fifty group cards each running their own setInterval (and each re-rendering
 * every second) was a large part of why the console froze: here one timer ticks, and a component re-renders only
 * when the value it reads changes (`useConsoleMinute` changes once a minute, not once a second).
 */
type Listener = () => void;
const listeners = new Set<Listener>();
let nowMs = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  if (!timer) {
    nowMs = Date.now();
    timer = setInterval(() => {
      nowMs = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

const tick = () => nowMs;
const minute = () => Math.floor(nowMs / 60_000);

/** The server's time, renewed once a second (the offset comes from the last attach). */
export function useConsoleNow(): number {
  const offset = useStore((s) => s.clockOffset);
  return useSyncExternalStore(subscribe, tick, tick) + offset;
}

/**
 * The server's time, changing once a minute: enough for "3 minutes ago", and a card that reads it re-renders
 * sixty times less often.
 */
export function useConsoleMinute(): number {
  const offset = useStore((s) => s.clockOffset);
  return useSyncExternalStore(subscribe, minute, minute) * 60_000 + offset;
}
