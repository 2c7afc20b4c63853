import { useState } from 'react';
import { send, useStore } from '../../store/index.js';
import { useT } from '../../useT.js';
import { firstReason, Reason } from '../console/closed.js';

/** Start a round with a timer, extend it, broadcast, end it; phase and session controls. Disabled controls say why. */
export function RoundPanel() {
  const t = useT();
  const view = useStore((s) => s.view);
  const [minutesRaw, setMinutesRaw] = useState('10');
  const minutes = Math.min(240, Math.max(1, Number(minutesRaw) || 1));
  const [message, setMessage] = useState('');
  if (!view) return null;
  const running = !!view.round && view.round.endedAt === null;
  const closed = view.phase === 'closed';
  const closedReason = closed ? t('reasonClosed') : null;
  const startReason = firstReason(closedReason, view.groupOrder.length === 0 && t('reasonNoGroups'));
  return (
    <section className="panel" aria-labelledby="round-title">
      <h2 id="round-title">
        {t('round')} {view.round ? view.round.number : ''}
      </h2>
      {!running ? (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void send('round.start', { durationSeconds: Math.round(minutes * 60) });
          }}
        >
          <label>
            <span className="field-label">{t('minutes')}</span>
            <input
              type="number"
              min={1}
              max={240}
              value={minutesRaw}
              disabled={closed}
              onChange={(e) => setMinutesRaw(e.target.value)}
              data-testid="round-minutes"
            />
          </label>
          <button
            className="btn btn-primary"
            type="submit"
            disabled={!!startReason}
            aria-describedby={startReason ? 'start-reason' : undefined}
            data-testid="start-round"
          >
            {t('startRound')}
          </button>
          <Reason id="start-reason" text={startReason} />
        </form>
      ) : (
        <div className="row-wrap">
          {[1, 5].map((n) => (
            <button
              key={n}
              type="button"
              className="btn btn-secondary"
              onClick={() => void send('round.extend', { seconds: n * 60 })}
              data-testid={`extend-${n}`}
            >
              {t('extend', { n })}
            </button>
          ))}
          <button type="button" className="btn btn-danger" onClick={() => void send('round.end')} data-testid="end-round">
            {t('endRound')}
          </button>
        </div>
      )}
      <form
        className="form broadcast-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send('broadcast.send', { message: message.trim() }).then((ack) => ack.ok && setMessage(''));
        }}
      >
        <label>
          <span className="field-label">{t('broadcast')}</span>
          <input
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            maxLength={500}
            disabled={closed}
            aria-describedby={closed ? 'session-reason' : undefined}
            data-testid="broadcast-input"
          />
        </label>
        <div className="row-wrap">
          <button
            className="btn btn-secondary"
            type="submit"
            disabled={closed || !message.trim()}
            aria-describedby={closed ? 'session-reason' : undefined}
            data-testid="broadcast-send"
          >
            {t('send')}
          </button>
          {view.broadcast && (
            <button className="btn btn-ghost" type="button" disabled={closed} onClick={() => void send('broadcast.send', { message: '' })}>
              {t('clear')}
            </button>
          )}
        </div>
      </form>
      <label className="check">
        <input
          type="checkbox"
          checked={view.anonymous}
          disabled={closed}
          aria-describedby={closed ? 'session-reason' : undefined}
          onChange={(e) => void send('session.update', { anonymous: e.target.checked })}
        />
        {t('anonymous')}
      </label>
      <div className="row-wrap">
        {view.phase === 'lobby' && (
          <button type="button" className="btn btn-ghost" onClick={() => void send('session.setPhase', { phase: 'plenary' })}>
            {t('toPlenary')}
          </button>
        )}
        {!closed && (
          <button type="button" className="btn btn-ghost btn-danger-text" onClick={() => window.confirm(t('confirmClose')) && void send('session.close')}>
            {t('closeSession')}
          </button>
        )}
      </div>
      <Reason id="session-reason" text={closedReason} />
    </section>
  );
}
