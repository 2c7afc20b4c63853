import { useState, type DragEvent, type ReactNode } from 'react';
import type { PromptSynthesis, SynthesisDoc, SynthesisTheme } from '../../../shared/schemas/synthesis.js';
import { send } from '../../store/index.js';
import { useT } from '../../useT.js';
import { firstReason, Reason } from '../console/closed.js';
import { moveAll, newThemeFrom, planNewTheme } from './curate.js';

const DRAG_TYPE = 'text/answer';
const OTHER = '';

/**
 * The facilitator's hands on one prompt's synthesis: answers dragged between themes and "other ideas", or (by
 * keyboard) selected with their checkboxes and sent where the toolbar says; a new theme from the selection; split;
 * merge any two themes; rename, hide, consensus. Themes keep their place while this happens.
 */
export function CurationBoard({ doc, prompt, closed }: { doc: SynthesisDoc; prompt: PromptSynthesis; closed: boolean }) {
  const t = useT();
  // The domain keeps themes in place while they are curated (shared/domain/curation/derive.ts).
  const themes = prompt.themes;
  const [picked, setPicked] = useState<string[]>([]);
  const [target, setTarget] = useState<string>(OTHER);
  // Answers move on: a selection only holds what is still in this prompt.
  const inPrompt = new Set([...prompt.themes.flatMap((th) => th.answerIds), ...prompt.otherAnswerIds]);
  const selected = picked.filter((id) => inPrompt.has(id));
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  const plan = planNewTheme(prompt, selected);
  const closedReason = closed ? t('reasonClosed') : null;
  // With nothing ticked the hint above the toolbar is the reason; a closed session or a missing carrier gets its own line.
  const newThemeReason = firstReason(closedReason, selected.length > 0 && !plan && t('reasonNoCarrier'));
  const moveReason = closedReason;
  const hintId = `curation-hint-${prompt.promptId}`;
  const targetValue = target === OTHER || themes.some((th) => th.id === target) ? target : OTHER;
  const done = () => setPicked([]);
  const row = (id: string, themeId: string | null) => (
    <AnswerRow
      key={id}
      id={id}
      text={doc.answers[id]?.text ?? ''}
      themeId={themeId}
      themes={themes}
      selected={selected.includes(id)}
      onToggle={toggle}
      closed={closed}
    />
  );
  return (
    <div className="curation" data-testid="curation">
      <p className="muted small" id={hintId}>
        {t('curationHint')}
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: a toolbar of buttons acting on the selection, not form fields (a fieldset's semantics) */}
      <div className="curation-toolbar" role="group" aria-label={t('selectionTools')} data-testid="curation-toolbar">
        <span className="selected-count" aria-live="polite">
          {t('selectedCount', { n: selected.length })}
        </span>
        <label className="inline">
          <span className="field-label">{t('moveSelectedTo')}</span>
          <select value={targetValue} disabled={closed} onChange={(e) => setTarget(e.target.value)} data-testid="move-target">
            {themes.map((th) => (
              <option key={th.id} value={th.id}>
                {th.label}
              </option>
            ))}
            <option value={OTHER}>{t('otherIdeas')}</option>
          </select>
        </label>
        <button
          type="button"
          className="btn btn-secondary small"
          disabled={!!moveReason || selected.length === 0}
          aria-describedby={moveReason ? `move-reason-${prompt.promptId}` : hintId}
          onClick={() => void moveAll(selected, targetValue || null).then(done)}
          data-testid="move-selected"
        >
          {t('move')}
        </button>
        <button
          type="button"
          className="btn btn-secondary small"
          disabled={!!newThemeReason || selected.length === 0}
          aria-describedby={newThemeReason ? `new-reason-${prompt.promptId}` : hintId}
          onClick={() => plan && void newThemeFrom(plan, selected).then(done)}
          data-testid="new-theme"
        >
          {t('newThemeFromSelected')}
        </button>
        {selected.length > 0 && (
          <button type="button" className="btn btn-ghost small" onClick={done}>
            {t('clearSelection')}
          </button>
        )}
      </div>
      <Reason id={`move-reason-${prompt.promptId}`} text={moveReason} />
      {newThemeReason !== moveReason && <Reason id={`new-reason-${prompt.promptId}`} text={newThemeReason} />}
      <ol className="themes curated-themes">
        {themes.map((th) => (
          <CuratedTheme key={th.id} doc={doc} theme={th} prompt={prompt} themes={themes} selected={selected} closed={closed} onDone={done}>
            {th.answerIds.map((id) => row(id, th.id))}
          </CuratedTheme>
        ))}
      </ol>
      <DropZone themeId={null} closed={closed} className="other-ideas curated-other" testId="other-ideas">
        <h4>
          {t('otherIdeas')} ({prompt.otherAnswerIds.length})
        </h4>
        {prompt.otherAnswerIds.length === 0 ? (
          <p className="muted small">{t('dropHere')}</p>
        ) : (
          <ul className="theme-answers">{prompt.otherAnswerIds.map((id) => row(id, null))}</ul>
        )}
      </DropZone>
    </div>
  );
}

/** A theme or "other ideas" accepting dropped answers. */
function DropZone({
  themeId,
  closed,
  className,
  testId,
  children,
  as = 'div',
}: {
  themeId: string | null;
  closed: boolean;
  className: string;
  testId: string;
  children: ReactNode;
  as?: 'div' | 'li';
}) {
  const [over, setOver] = useState(false);
  const props = {
    className: `${className} ${over ? 'is-drop' : ''}`,
    'data-testid': testId,
    onDragOver: (e: DragEvent) => {
      if (closed || !e.dataTransfer.types.includes(DRAG_TYPE)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (e: DragEvent) => {
      setOver(false);
      const answerId = e.dataTransfer.getData(DRAG_TYPE);
      if (!answerId || closed) return;
      e.preventDefault();
      void send('synthesis.moveAnswer', { answerId, themeId });
    },
  };
  return as === 'li' ? <li {...props}>{children}</li> : <div {...props}>{children}</div>;
}

function AnswerRow({
  id,
  text,
  themeId,
  themes,
  selected,
  onToggle,
  closed,
}: {
  id: string;
  text: string;
  themeId: string | null;
  themes: SynthesisTheme[];
  selected: boolean;
  onToggle: (id: string) => void;
  closed: boolean;
}) {
  const t = useT();
  const short = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return (
    <li
      className={`curated-answer ${selected ? 'is-selected' : ''}`}
      draggable={!closed}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      data-testid="curated-answer"
      data-answer-id={id}
    >
      <label className="check-inline">
        <input
          type="checkbox"
          checked={selected}
          disabled={closed}
          onChange={() => onToggle(id)}
          aria-label={t('selectAnswer', { text: short })}
          data-testid="select-answer"
        />
        <span className="answer-text">{text}</span>
      </label>
      <select
        aria-label={t('moveTo', { name: short })}
        value={themeId ?? OTHER}
        disabled={closed}
        onChange={(e) => void send('synthesis.moveAnswer', { answerId: id, themeId: e.target.value || null })}
        data-testid="answer-move"
      >
        {themes.map((th) => (
          <option key={th.id} value={th.id}>
            {th.label}
          </option>
        ))}
        <option value={OTHER}>{t('otherIdeas')}</option>
      </select>
    </li>
  );
}

function CuratedTheme({
  doc,
  theme,
  prompt,
  themes,
  selected,
  closed,
  onDone,
  children,
}: {
  doc: SynthesisDoc;
  theme: SynthesisTheme;
  prompt: PromptSynthesis;
  themes: SynthesisTheme[];
  selected: string[];
  closed: boolean;
  onDone: () => void;
  children: ReactNode;
}) {
  const t = useT();
  const [renaming, setRenaming] = useState(false);
  const [label, setLabel] = useState(theme.label);
  const [mergeWith, setMergeWith] = useState('');
  const others = themes.filter((th) => th.id !== theme.id);
  const mergeTarget = others.some((th) => th.id === mergeWith) ? mergeWith : (others[0]?.id ?? '');
  const mine = selected.filter((id) => theme.answerIds.includes(id));
  const splitReason = firstReason(mine.length === 0 && t('reasonSelectFirst'), mine.length === theme.answerIds.length && t('reasonSplitAll'));
  const votes = Object.values(doc.votes).reduce((n, ids) => n + ids.filter((id) => id === theme.id).length, 0);
  const dis = closed ? { disabled: true, title: t('reasonClosed') } : {};
  return (
    <DropZone
      as="li"
      themeId={theme.id}
      closed={closed}
      className={`theme ${theme.consensus ? 'theme-consensus' : ''} ${theme.hidden ? 'theme-hidden' : ''}`}
      testId="theme"
    >
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
            <button className="btn btn-primary small" type="submit">
              {t('save')}
            </button>
          </form>
        ) : (
          <strong className="theme-label">{theme.label}</strong>
        )}
        <span className="theme-meta">
          {theme.hidden && <span className="pill">{t('hiddenTheme')}</span>}
          {theme.consensus && <span className="pill pill-done">{t('consensus')}</span>}
          <span className="muted">{t('groupsRaised', { n: theme.groupIds.length, total: prompt.groupsAnswering })}</span>
          {doc.votesPerParticipant > 0 || votes > 0 ? (
            <span className="votes">
              {t('votes')}: {votes}
            </span>
          ) : null}
        </span>
      </div>
      <ul className="theme-answers">{children}</ul>
      <div className="row-wrap theme-actions">
        <button
          type="button"
          className="btn btn-ghost small"
          {...dis}
          onClick={() => {
            setLabel(theme.label);
            setRenaming(true);
          }}
          data-testid="rename"
        >
          {t('rename')}
        </button>
        <button
          type="button"
          className="btn btn-ghost small"
          {...dis}
          onClick={() => void send('synthesis.hideTheme', { themeId: theme.id, hidden: !theme.hidden })}
        >
          {theme.hidden ? t('show') : t('hide')}
        </button>
        <button
          type="button"
          className="btn btn-ghost small"
          {...dis}
          onClick={() => void send('synthesis.setConsensus', { themeId: theme.id, consensus: !theme.consensus })}
        >
          {theme.consensus ? t('unmarkConsensus') : t('markConsensus')}
        </button>
        <button
          type="button"
          className="btn btn-ghost small"
          disabled={closed || !!splitReason}
          title={closed ? t('reasonClosed') : (splitReason ?? undefined)}
          onClick={() => void send('synthesis.splitTheme', { themeId: theme.id, answerIds: mine }).then(onDone)}
          data-testid="split"
        >
          {t('splitSelected', { n: mine.length })}
        </button>
        {others.length > 0 && (
          <span className="merge-with">
            <label className="inline">
              <span className="small">{t('mergeWith')}</span>
              <select
                value={mergeTarget}
                {...dis}
                aria-label={t('mergeWithLabel', { theme: theme.label })}
                onChange={(e) => setMergeWith(e.target.value)}
                data-testid="merge-target"
              >
                {others.map((th) => (
                  <option key={th.id} value={th.id}>
                    {th.label}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="btn btn-ghost small"
              {...dis}
              onClick={() => void send('synthesis.mergeThemes', { themeIds: [theme.id, mergeTarget] })}
              data-testid="merge"
            >
              {t('mergeNow')}
            </button>
          </span>
        )}
      </div>
    </DropZone>
  );
}
