import type { PromptSynthesis, SynthesisDoc, SynthesisTheme } from '../../../shared/schemas/synthesis.js';
import { send } from '../../store/index.js';
import { useT } from '../../useT.js';
import { useClosedReason } from '../console/closed.js';

/** One theme as participants and the projector see it (the facilitator curates in CurationBoard). */
export function ThemeItem({
  doc,
  theme,
  prompt,
  mode,
  myVotes,
}: {
  doc: SynthesisDoc;
  theme: SynthesisTheme;
  prompt: PromptSynthesis;
  mode: 'facilitator' | 'participant' | 'projector';
  myVotes: string[];
}) {
  const t = useT();
  const votes = Object.values(doc.votes).reduce((n, ids) => n + ids.filter((id) => id === theme.id).length, 0);
  const mine = myVotes.filter((id) => id === theme.id).length;
  // A closed session keeps its dots as they are: the buttons say so instead of failing when pressed.
  const closed = useClosedReason();
  const reasonId = `vote-closed-${theme.id}`;
  return (
    <li className={`theme ${theme.consensus ? 'theme-consensus' : ''} ${theme.hidden ? 'theme-hidden' : ''}`} data-testid="theme">
      <div className="theme-head">
        <strong className="theme-label">{theme.label}</strong>
        <span className="theme-meta">
          {theme.consensus && <span className="pill pill-done">{t('consensus')}</span>}
          <span className="muted">{t('groupsRaised', { n: theme.groupIds.length, total: prompt.groupsAnswering })}</span>
          {doc.votesPerParticipant > 0 || votes > 0 ? (
            <span className="votes" role="img" aria-label={`${t('votes')}: ${votes}`}>
              ● {votes}
            </span>
          ) : null}
        </span>
      </div>
      {mode !== 'projector' && (
        <ul className="theme-answers">
          {theme.answerIds.map((id) => (
            <li key={id}>{doc.answers[id]?.text}</li>
          ))}
        </ul>
      )}
      {mode === 'participant' && doc.votesPerParticipant > 0 && (
        <div className="row-wrap">
          <button
            type="button"
            className="btn btn-secondary small"
            disabled={!!closed || myVotes.length >= doc.votesPerParticipant}
            aria-describedby={closed ? reasonId : undefined}
            onClick={() => void send('vote.cast', { themeId: theme.id })}
            data-testid="vote"
          >
            {t('vote')}
          </button>
          {mine > 0 && (
            <button
              type="button"
              className="btn btn-ghost small"
              disabled={!!closed}
              aria-describedby={closed ? reasonId : undefined}
              onClick={() => void send('vote.retract', { themeId: theme.id })}
            >
              {t('unvote')}
            </button>
          )}
          {closed && (
            <span className="muted small" id={reasonId} data-testid="vote-closed">
              {closed}
            </span>
          )}
        </div>
      )}
    </li>
  );
}
