import type { PromptSynthesis, SynthesisDoc, SynthesisTheme } from '../../../shared/schemas/synthesis.js';
import type { Language } from '../../../shared/schemas/primitives.js';
import { useT } from '../../useT.js';

/** Dots each theme got, from everyone's votes (one person may put several dots on one theme). */
export function voteCounts(doc: Pick<SynthesisDoc, 'votes'>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ids of Object.values(doc.votes)) for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/**
 * The synthesis for the back of the room: each prompt's summary in large type and a chart of its themes, with
 * how many groups raised each and, unless hidden while the room votes, the dot-votes as bars. Hidden themes
 * stay hidden (the projector holds the facilitator's whole view).
 */
export function ProjectorSynthesis({
  doc,
  prompts,
  language,
  hideVotes,
}: {
  doc: SynthesisDoc;
  prompts: { id: string; text: string }[];
  language: Language;
  hideVotes: boolean;
}) {
  const t = useT();
  const votes = voteCounts(doc);
  const votingOpen = doc.votesPerParticipant > 0;
  const showVotes = !hideVotes && (votingOpen || votes.size > 0);
  return (
    <section className="projector-synthesis" aria-labelledby="projector-synthesis-title" data-testid="synthesis">
      <h2 id="projector-synthesis-title">{t('synthesis')}</h2>
      {hideVotes && votingOpen && (
        <p className="projector-note" data-testid="results-hidden">
          {t('projectorResultsHidden')}
        </p>
      )}
      {doc.prompts.map((p) => (
        <PromptChart
          key={p.promptId}
          prompt={p}
          text={prompts.find((x) => x.id === p.promptId)?.text ?? ''}
          language={language}
          votes={votes}
          showVotes={showVotes}
        />
      ))}
    </section>
  );
}

function PromptChart({
  prompt,
  text,
  language,
  votes,
  showVotes,
}: {
  prompt: PromptSynthesis;
  text: string;
  language: Language;
  votes: Map<string, number>;
  showVotes: boolean;
}) {
  const t = useT();
  const themes = prompt.themes.filter((th) => !th.hidden);
  if (themes.length === 0 && !prompt.summary) return null;
  const maxGroups = Math.max(1, prompt.groupsAnswering, ...themes.map((th) => th.groupIds.length));
  const maxVotes = Math.max(1, ...themes.map((th) => votes.get(th.id) ?? 0));
  return (
    <article className="projector-prompt-synthesis">
      <h3 lang={language}>{text}</h3>
      {prompt.summary && (
        <p className="projector-summary" data-testid="summary" lang={language}>
          {prompt.summary}
        </p>
      )}
      {themes.length > 0 && (
        <figure className="chart">
          <figcaption className="visually-hidden">{t('projectorChartTitle')}</figcaption>
          <ol className="chart-rows">
            {themes.map((th) => (
              <ChartRow
                key={th.id}
                theme={th}
                language={language}
                groups={th.groupIds.length}
                maxGroups={maxGroups}
                votes={showVotes ? (votes.get(th.id) ?? 0) : null}
                maxVotes={maxVotes}
              />
            ))}
          </ol>
        </figure>
      )}
    </article>
  );
}

/**
 * A bar's length: the longest bar takes 70 % of the line, leaving room for its number beside it, and the others
 * their share of that (a cap at 70 % used to make 2 of 3 groups look as long as 3 of 3).
 */
const barWidth = (n: number, max: number) => `${(n / max) * 70}%`;

/** One theme: its label, then a bar for the groups that raised it and one for its votes, each with its number. */
function ChartRow({
  theme,
  language,
  groups,
  maxGroups,
  votes,
  maxVotes,
}: {
  theme: SynthesisTheme;
  language: Language;
  groups: number;
  maxGroups: number;
  votes: number | null;
  maxVotes: number;
}) {
  const t = useT();
  return (
    <li className={`chart-row ${theme.consensus ? 'chart-consensus' : ''}`} data-testid="projector-theme">
      <span className="chart-label">
        <span lang={language}>{theme.label}</span>
        {theme.consensus && <span className="pill pill-done">{t('consensus')}</span>}
      </span>
      <span className="chart-bar-line">
        {groups > 0 && <span className="chart-bar chart-bar-groups" style={{ width: barWidth(groups, maxGroups) }} aria-hidden="true" />}
        <span className="chart-value" data-testid="theme-groups">
          {t('projectorGroupsCount', { n: groups })}
        </span>
      </span>
      {votes !== null && (
        <span className="chart-bar-line">
          {votes > 0 && <span className="chart-bar chart-bar-votes" style={{ width: barWidth(votes, maxVotes) }} aria-hidden="true" />}
          <span className="chart-value" data-testid="theme-votes">
            {t('projectorVotesCount', { n: votes })}
          </span>
        </span>
      )}
    </li>
  );
}
