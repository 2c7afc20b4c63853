import { useStore } from '../../store/index.js';
import { send } from '../../store/index.js';
import { useT } from '../../useT.js';
import { firstReason, Reason } from '../console/closed.js';
import { PromptSynthesisView } from './PromptSynthesisView.js';

/**
 * The room's themes. Facilitators see the draft, curate and publish it; participants and the projector see it
 * once published, and vote when voting is open.
 */
/** Stable empties: a selector must not return a new object on every call. */
const NO_PROMPTS: never[] = [];

export function SynthesisPanel({ mode }: { mode: 'facilitator' | 'participant' | 'projector' }) {
  const t = useT();
  const doc = useStore((s) => s.view?.synthesis ?? null);
  const prompts = useStore((s) => s.view?.prompts ?? NO_PROMPTS);
  const hasAnswers = useStore((s) => Object.keys(s.view?.answers ?? {}).length > 0);
  const participantId = useStore((s) => s.participantId);
  const closed = useStore((s) => s.view?.phase === 'closed');
  const facilitator = mode === 'facilitator';
  if (!facilitator && !doc) return null;
  const myVotes = participantId && doc ? (doc.votes[participantId] ?? []) : [];
  const closedReason = closed ? t('reasonClosed') : null;
  const runReason = firstReason(closedReason, !hasAnswers && t('reasonNoAnswers'));
  return (
    <section className="panel synthesis" aria-labelledby="synthesis-title" data-testid="synthesis">
      <header className="synthesis-head">
        <h2 id="synthesis-title">
          {t('synthesis')} {doc && <span className={`pill ${doc.published ? 'pill-done' : ''}`}>{doc.published ? t('published') : t('draft')}</span>}
        </h2>
        {facilitator && (
          <div className="row-wrap">
            <button
              type="button"
              className="btn btn-secondary"
              disabled={!!runReason}
              aria-describedby={runReason ? 'synthesis-reason' : undefined}
              onClick={() => void send('synthesis.run')}
              data-testid="run-synthesis"
            >
              {t('runSynthesis')}
            </button>
            {doc && (
              <button
                type="button"
                className="btn btn-primary"
                disabled={closed}
                aria-describedby={closed ? 'synthesis-reason' : undefined}
                onClick={() => void send('synthesis.publish', { published: !doc.published })}
                data-testid="publish"
              >
                {doc.published ? t('unpublish') : t('publish')}
              </button>
            )}
            {doc?.published && (
              <label className="inline">
                <span className="field-label">{t('votes')}</span>
                <select
                  value={doc.votesPerParticipant}
                  disabled={closed}
                  onChange={(e) => void send('votes.open', { votesPerParticipant: Number(e.target.value) })}
                  aria-label={t('openVotes')}
                >
                  {[0, 1, 2, 3, 5].map((n) => (
                    <option key={n} value={n}>
                      {n === 0 ? '—' : t('votesEach', { n })}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
        )}
        {mode === 'participant' && doc && doc.votesPerParticipant > 0 && (
          <p className="pill" data-testid="votes-left">
            {t('votesLeft', { n: doc.votesPerParticipant - myVotes.length })}
          </p>
        )}
      </header>
      {facilitator && <Reason id="synthesis-reason" text={runReason} />}
      {facilitator && doc?.engine?.fallbackReason && (
        <p className="notice" role="status" data-testid="synthesis-engine">
          {t('engineFallback', { reason: doc.engine.fallbackReason })}
        </p>
      )}
      {facilitator && doc?.engine?.kind === 'semantic' && (
        <p className="muted" data-testid="synthesis-engine">
          {t('engineSemantic')}
        </p>
      )}
      {!doc ? (
        <p className="muted">{t('noSynthesis')}</p>
      ) : (
        doc.prompts.map((p) => (
          <PromptSynthesisView
            key={p.promptId}
            doc={doc}
            prompt={p}
            promptText={prompts.find((x) => x.id === p.promptId)?.text ?? ''}
            mode={mode}
            myVotes={myVotes}
          />
        ))
      )}
    </section>
  );
}
