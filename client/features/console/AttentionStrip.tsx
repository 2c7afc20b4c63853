import { useEffect, useMemo, useRef, useState } from 'react';
import type { Group } from '../../../shared/schemas/session.js';
import { formatRemaining } from '../../components/Timer.js';
import { groupName } from '../../components/group-name.js';
import { useStore } from '../../store/index.js';
import { useLanguage, useT } from '../../useT.js';
import { useConsoleNow } from './clock.js';
import { chime, loadMuted, saveMuted } from './sound.js';

const WARNING_MS = 60_000;
const NO_ORDER: string[] = [];

/** Where the strip's links go, in the order of work. */
export const SECTIONS = ['room', 'prompts', 'groups', 'round', 'synthesis'] as const;
export const sectionId = (s: (typeof SECTIONS)[number]) => `section-${s}`;

/**
 * What needs the facilitator now, always at the top of the console: who asks for help (and since when, with a
 * jump to the card), how many groups are done, the time left and a one-minute warning with a chime that can be
 * muted. The tab title counts pending help requests, for a facilitator looking at another window.
 */
export function AttentionStrip() {
  const t = useT();
  const lang = useLanguage();
  const groups = useStore((s) => s.view?.groups);
  const order = useStore((s) => s.view?.groupOrder ?? NO_ORDER);
  const round = useStore((s) => s.view?.round ?? null);
  const title = useStore((s) => s.view?.title ?? '');
  const now = useConsoleNow();
  const current = useMemo(() => order.map((id) => groups?.[id]).filter((g): g is Group => !!g), [order, groups]);
  const since = useHelpSince(current, now);
  const helping = current.filter((g) => g.help);
  const done = current.filter((g) => g.done).length;
  const running = !!round && round.endedAt === null;
  const left = running ? round.endsAt - now : null;
  const warning = left !== null && left > 0 && left <= WARNING_MS;
  const [muted, setMuted] = useState(loadMuted);
  useOneMinuteChime(left, muted);
  useTabTitle(title, helping.length, t('tabHelp'));

  return (
    <section className="attention" aria-labelledby="attention-title" data-testid="attention">
      <h2 id="attention-title" className="visually-hidden">
        {t('attentionTitle')}
      </h2>
      <div className="attention-row">
        <div className="attention-help" data-testid="attention-help">
          {helping.length === 0 ? (
            <span className="muted small">{t('noHelp')}</span>
          ) : (
            <ul className="help-list" aria-live="polite">
              {helping.map((g) => (
                <li key={g.id}>
                  <button type="button" className="help-jump" onClick={() => jumpToGroup(g.id)} data-testid="help-jump">
                    <strong>{t('helpFrom', { group: groupName(t, g) })}</strong>
                    <span className="help-ago">{ago(lang, now - (since.get(g.id) ?? now))}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        {running && current.length > 0 && (
          <span className="attention-done" data-testid="attention-done">
            {t('doneOf', { x: done, y: current.length })}
          </span>
        )}
        {left !== null && (
          <span className={`attention-time ${warning ? 'is-warning' : ''}`} data-testid="attention-time">
            {left > 0 ? `${t('timeLeft')} ${formatRemaining(left)}` : t('timeUp')}
          </span>
        )}
        <label className="chime-toggle">
          <input
            type="checkbox"
            checked={!muted}
            onChange={(e) => {
              saveMuted(!e.target.checked);
              setMuted(!e.target.checked);
            }}
            data-testid="chime-toggle"
          />
          <span>{t('chimeOn')}</span>
        </label>
      </div>
      {warning && (
        <p className="attention-warning" role="alert" data-testid="one-minute-warning">
          {t('oneMinuteLeft')}
        </p>
      )}
      <nav className="attention-nav" aria-label={t('consoleSections')}>
        {SECTIONS.map((s) => (
          <a key={s} href={`#${sectionId(s)}`}>
            {t(`section_${s}`)}
          </a>
        ))}
      </nav>
    </section>
  );
}

function jumpToGroup(groupId: string): void {
  const card = document.getElementById(`group-${groupId}`);
  if (!card) return;
  card.scrollIntoView({ block: 'center', behavior: 'smooth' });
  card.focus({ preventScroll: true });
}

const ago = (lang: string, ms: number) => {
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  return ms < 60_000 ? rtf.format(-Math.max(0, Math.round(ms / 1000)), 'second') : rtf.format(-Math.round(ms / 60_000), 'minute');
};

/**
 * When each pending help request was made: the server's `helpSince`; for a group from a log older than it, the
 * moment this console first saw the request (or the group's last activity, which the signal touched).
 */
function useHelpSince(groups: Group[], now: number): Map<string, number> {
  const seen = useRef(new Map<string, number>());
  const m = seen.current;
  for (const g of groups) {
    if (g.help && g.helpSince != null) m.set(g.id, g.helpSince);
    else if (g.help && !m.has(g.id)) m.set(g.id, Math.min(now, g.lastActivityAt ?? now));
    if (!g.help) m.delete(g.id);
  }
  return m;
}

/** Chimes once when the time left crosses one minute, unless muted (not when a console opens in the last minute). */
function useOneMinuteChime(left: number | null, muted: boolean): void {
  const previous = useRef<number | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = left;
    if (!muted && before !== null && left !== null && before > WARNING_MS && left <= WARNING_MS && left > 0) chime();
  }, [left, muted]);
}

function useTabTitle(title: string, pendingHelp: number, helpWord: string): void {
  useEffect(() => {
    const before = document.title;
    document.title = pendingHelp > 0 ? `(${pendingHelp}) ${helpWord} · ${title}` : title || before;
    return () => {
      document.title = before;
    };
  }, [title, pendingHelp, helpWord]);
}
