import { useState } from 'react';
import type { PromptSynthesis, SynthesisDoc, SynthesisTheme } from '../../../shared/schemas/synthesis.js';
import { send } from '../../store/index.js';
import { useT } from '../../useT.js';

/** One theme: label, how many groups raised it, consensus, votes, the answers it came from, and curation. */
export function ThemeItem({ doc, theme, prompt, previousId, mode, myVotes }: { doc: SynthesisDoc; theme: SynthesisTheme; prompt: PromptSynthesis; previousId: string | null; mode: 'facilitator' | 'participant' | 'projector'; myVotes: string[] }) {
  const t = useT();
  const [renaming, setRenaming] = useState(false);
  const [label, setLabel] = useState(theme.label);
  const facilitator = mode === 'facilitator';
  const votes = Object.values(doc.votes).reduce((n, ids) => n + ids.filter((id) => id === theme.id).length, 0);
  const mine = myVotes.filter((id) => id === theme.id).length;
  return (
    <li className={`theme ${theme.consensus ? 'theme-consensus' : ''} ${theme.hidden ? 'theme-hidden' : ''}`} data-testid="theme">
      <div className="theme-head">
        {renaming ? (
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              if (label.trim()) void send('synthesis.renameTheme', { themeId: theme.id, label: label.trim() });
              setRenaming(false);
            }}
          >
            <label className="grow">
              <span className="visually-hidden">{t('rename')}</span>
              <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={200} autoFocus data-testid="rename-input" />
            </label>
            <button className="btn btn-primary small" type="submit">{t('save')}</button>
          </form>
        ) : (
          <strong className="theme-label">{theme.label}</strong>
        )}
        <span className="theme-meta">
          {theme.consensus && <span className="pill pill-done">{t('consensus')}</span>}
          <span className="muted">{t('groupsRaised', { n: theme.groupIds.length, total: prompt.groupsAnswering })}</span>
          {doc.votesPerParticipant > 0 || votes > 0 ? <span className="votes" aria-label={`${t('votes')}: ${votes}`}>● {votes}</span> : null}
        </span>
      </div>
      {mode !== 'projector' && (
        <ul className="theme-answers">
          {theme.answerIds.map((id) => (
            <li key={id}>
              {doc.answers[id]?.text}
              {facilitator && (
                <select aria-label={t('moveTo', { name: doc.answers[id]?.text.slice(0, 30) ?? '' })} value={theme.id} onChange={(e) => void send('synthesis.moveAnswer', { answerId: id, themeId: e.target.value || null })}>
                  {prompt.themes.map((th) => (
                    <option key={th.id} value={th.id}>{th.label}</option>
                  ))}
                  <option value="">{t('otherIdeas')}</option>
                </select>
              )}
            </li>
          ))}
        </ul>
      )}
      {facilitator && (
        <div className="row-wrap theme-actions">
          <button type="button" className="btn btn-ghost small" onClick={() => { setLabel(theme.label); setRenaming(true); }} data-testid="rename">{t('rename')}</button>
          <button type="button" className="btn btn-ghost small" onClick={() => void send('synthesis.hideTheme', { themeId: theme.id, hidden: !theme.hidden })}>{theme.hidden ? t('show') : t('hide')}</button>
          <button type="button" className="btn btn-ghost small" onClick={() => void send('synthesis.setConsensus', { themeId: theme.id, consensus: !theme.consensus })}>{theme.consensus ? t('unmarkConsensus') : t('markConsensus')}</button>
          {previousId && <button type="button" className="btn btn-ghost small" onClick={() => void send('synthesis.mergeThemes', { themeIds: [previousId, theme.id] })}>{t('merge')}</button>}
        </div>
      )}
      {mode === 'participant' && doc.votesPerParticipant > 0 && (
        <div className="row-wrap">
          <button type="button" className="btn btn-secondary small" disabled={myVotes.length >= doc.votesPerParticipant} onClick={() => void send('vote.cast', { themeId: theme.id })} data-testid="vote">{t('vote')}</button>
          {mine > 0 && <button type="button" className="btn btn-ghost small" onClick={() => void send('vote.retract', { themeId: theme.id })}>{t('unvote')}</button>}
        </div>
      )}
    </li>
  );
}
