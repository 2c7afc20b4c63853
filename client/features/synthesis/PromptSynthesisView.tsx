import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PromptSynthesis, SynthesisDoc } from '../../../shared/schemas/synthesis.js';
import { send, useStore } from '../../store/index.js';
import { groupName } from '../../components/group-name.js';
import { useT } from '../../useT.js';
import { ThemeItem } from './ThemeItem.js';
import { CurationBoard } from './CurationBoard.js';

export function PromptSynthesisView({
  doc,
  prompt,
  promptText,
  mode,
  myVotes,
}: {
  doc: SynthesisDoc;
  prompt: PromptSynthesis;
  promptText: string;
  mode: 'facilitator' | 'participant' | 'projector';
  myVotes: string[];
}) {
  const t = useT();
  const closed = useStore((s) => s.view?.phase === 'closed');
  const [editing, setEditing] = useState(false);
  const [summary, setSummary] = useState(prompt.summary);
  const facilitator = mode === 'facilitator';
  const themes = facilitator ? prompt.themes : prompt.themes.filter((th) => !th.hidden);
  const groupIds = [...new Set(themes.flatMap((th) => th.groupIds))];
  // Names only: the groups themselves change with every answer written, and this view need not follow that.
  const groupNames = useStore(useShallow((s) => groupIds.map((g) => (s.view?.groups[g] ? groupName(t, s.view.groups[g]) : g))));
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
            <button className="btn btn-primary" type="submit">
              {t('save')}
            </button>
            <button className="btn btn-ghost" type="button" onClick={() => setEditing(false)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <p className="summary" data-testid="summary">
          {prompt.summary}{' '}
          {facilitator && (
            <button
              type="button"
              className="btn btn-ghost small"
              disabled={closed}
              title={closed ? t('reasonClosed') : undefined}
              onClick={() => {
                setSummary(prompt.summary);
                setEditing(true);
              }}
            >
              {t('editSummary')}
            </button>
          )}
        </p>
      )}
      {facilitator ? (
        (prompt.themes.length > 0 || prompt.otherAnswerIds.length > 0) && <CurationBoard doc={doc} prompt={prompt} closed={closed} />
      ) : (
        <>
          <ol className="themes">
            {themes.map((th) => (
              <ThemeItem key={th.id} doc={doc} theme={th} prompt={prompt} mode={mode} myVotes={myVotes} />
            ))}
          </ol>
          {prompt.otherAnswerIds.length > 0 && (
            <details className="other-ideas" open={mode !== 'projector'}>
              <summary>
                {t('otherIdeas')} ({prompt.otherAnswerIds.length})
              </summary>
              <ul>
                {prompt.otherAnswerIds.map((id) => (
                  <li key={id}>{doc.answers[id]?.text}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      {facilitator && themes.length > 0 && groupIds.length > 0 && (
        <details className="matrix">
          <summary>{t('matrix')}</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('synthesis')}</th>
                {groupIds.map((g, i) => (
                  <th scope="col" key={g}>
                    {groupNames[i]}
                  </th>
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
