import type { Group } from '../../../shared/schemas/session.js';
import { useState } from 'react';
import type { PromptSynthesis, SynthesisDoc } from '../../../shared/schemas/synthesis.js';
import { send, useStore } from '../../store/index.js';
import { groupName } from '../../components/group-name.js';
import { useT } from '../../useT.js';
import { ThemeItem } from './ThemeItem.js';

/** Stable empty: a selector must not return a new object on every call. */
const NO_GROUPS: Record<string, Group> = {};

export function PromptSynthesisView({ doc, prompt, promptText, mode, myVotes }: { doc: SynthesisDoc; prompt: PromptSynthesis; promptText: string; mode: 'facilitator' | 'participant' | 'projector'; myVotes: string[] }) {
  const t = useT();
  const groups = useStore((s) => s.view?.groups ?? NO_GROUPS);
  const [editing, setEditing] = useState(false);
  const [summary, setSummary] = useState(prompt.summary);
  const facilitator = mode === 'facilitator';
  const themes = facilitator ? prompt.themes : prompt.themes.filter((th) => !th.hidden);
  const groupIds = [...new Set(themes.flatMap((th) => th.groupIds))];
  return (
    <article className="prompt-synthesis">
      <h3>{promptText}</h3>
      {editing ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void send('synthesis.editSummary', { promptId: prompt.promptId, summary: summary.trim() || null });
            setEditing(false);
          }}
        >
          <label>
            <span className="field-label">{t('summary')}</span>
            <textarea value={summary} onChange={(e) => setSummary(e.target.value)} rows={4} />
          </label>
          <div className="row-wrap">
            <button className="btn btn-primary" type="submit">{t('save')}</button>
            <button className="btn btn-ghost" type="button" onClick={() => setEditing(false)}>{t('cancel')}</button>
          </div>
        </form>
      ) : (
        <p className="summary" data-testid="summary">
          {prompt.summary}{' '}
          {facilitator && (
            <button type="button" className="btn btn-ghost small" onClick={() => { setSummary(prompt.summary); setEditing(true); }}>
              {t('editSummary')}
            </button>
          )}
        </p>
      )}
      <ol className="themes">
        {themes.map((th, i) => (
          <ThemeItem key={th.id} doc={doc} theme={th} prompt={prompt} previousId={i > 0 ? themes[i - 1].id : null} mode={mode} myVotes={myVotes} />
        ))}
      </ol>
      {prompt.otherAnswerIds.length > 0 && (
        <details className="other-ideas" open={mode !== 'projector'}>
          <summary>{t('otherIdeas')} ({prompt.otherAnswerIds.length})</summary>
          <ul>
            {prompt.otherAnswerIds.map((id) => (
              <li key={id}>{doc.answers[id]?.text}</li>
            ))}
          </ul>
        </details>
      )}
      {facilitator && themes.length > 0 && groupIds.length > 0 && (
        <details className="matrix">
          <summary>{t('matrix')}</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('synthesis')}</th>
                {groupIds.map((g) => (
                  <th scope="col" key={g}>{groups[g] ? groupName(t, groups[g]) : g}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {themes.map((th) => (
                <tr key={th.id}>
                  <th scope="row">{th.label}</th>
                  {groupIds.map((g) => (
                    <td key={g}>{th.groupIds.includes(g) ? '●' : ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </article>
  );
}
