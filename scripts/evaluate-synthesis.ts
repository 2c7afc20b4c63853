// Scores the synthesis engine and the naive baseline on labelled sessions, each file held out in turn.
// usage: npm run --silent evaluate-synthesis -- [DIR_OR_FILE ...] [--detect] [--json]
//   defaults to ../shared/data/sessions and tests/fixtures/synthesis; --detect ignores the answers' own
//   "language" and detects it from the text.
// For every file, the thresholds (engine: link and attach; baseline: link) are the ones that score best (ARI + F1) on
// the OTHER files, so no file's score comes from numbers fitted to it. The engine's defaults are printed beside them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CLUSTER_PARAMS, type ClusterParams } from '../shared/synthesis/cluster.js';
import { synthesize } from '../shared/synthesis/index.js';
import { defaultLexicon } from '../shared/synthesis/lexicon-files.js';
import { bestCutAri } from './lib/best-cut.js';
import { naiveSynthesis } from './lib/naive-synthesis.js';
import { LabelledSession, scoreSession, type Score } from './lib/synthesis-score.js';

const args = process.argv.slice(2);
const detect = args.includes('--detect');
const asJson = args.includes('--json');
const inputs = args.filter((a) => !a.startsWith('--'));
const roots = inputs.length ? inputs : ['../shared/data/sessions', 'tests/fixtures/synthesis'].filter(existsSync);
const files = roots.flatMap((r) =>
  statSync(r).isDirectory()
    ? readdirSync(r)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => path.join(r, f))
    : [r],
);
const sessions = files.map((f) => ({ file: path.basename(f), data: LabelledSession.parse(JSON.parse(readFileSync(f, 'utf8'))) }));

const LINKS = [0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1, 0.15, 0.2, 0.3];
const ATTACH_RATIOS = [0, 0.1, 0.3, 0.5, 0.75];
const engineGrid: ClusterParams[] = LINKS.flatMap((link) =>
  ATTACH_RATIOS.map((r) => ({ link, attach: r === 0 ? Infinity : Math.round(link * r * 1000) / 1000 })),
);
const naiveGrid = [0.01, 0.02, 0.03, 0.05, 0.08, 0.1, 0.15, 0.2, 0.3];

/** The session as the engine sees it: with --detect, without the answers' own languages. */
const asRun = (s: LabelledSession): LabelledSession => ({ ...s, answers: s.answers.map((a) => ({ ...a, language: detect ? undefined : a.language })) });

function runEngine(s: LabelledSession, params: ClusterParams): Score {
  const out = synthesize({ language: s.session.language, prompts: s.prompts, answers: asRun(s).answers, params });
  return scoreSession(s, out.prompts);
}

const engineScores = engineGrid.map((p) => sessions.map((s) => runEngine(s.data, p)));
const naiveScores = naiveGrid.map((link) => sessions.map((s) => scoreSession(s.data, naiveSynthesis(s.data, link))));

/**
 * The grid point with the best mean of ARI + consensus F1 (the two targets) on every file but `held`
 * (ties: the first).
 */
function leaveOneOut(scores: Score[][], held: number): number {
  let best = 0;
  let bestMean = -Infinity;
  scores.forEach((row, k) => {
    const others = row.filter((_, i) => i !== held);
    const mean = others.reduce((x, s) => x + s.ari + s.consensusF1, 0) / others.length;
    if (mean > bestMean + 1e-9) {
      best = k;
      bestMean = mean;
    }
  });
  return best;
}

const defaultIndex = engineGrid.findIndex((p) => p.link === DEFAULT_CLUSTER_PARAMS.link && p.attach === DEFAULT_CLUSTER_PARAMS.attach);
const defaults = defaultIndex >= 0 ? engineScores[defaultIndex] : sessions.map((s) => runEngine(s.data, DEFAULT_CLUSTER_PARAMS));
const lexicon = defaultLexicon();
const rows = sessions.map((s, i) => {
  const e = leaveOneOut(engineScores, i);
  const n = leaveOneOut(naiveScores, i);
  return {
    file: s.file,
    answers: s.data.answers.length,
    heldOut: { ...engineScores[e][i], params: engineGrid[e] },
    defaults: defaults[i],
    naive: { ...naiveScores[n][i], link: naiveGrid[n] },
    /** Not a score: the best ARI any cut of the engine's similarities could reach, chosen with the labels (best-cut.ts). */
    bestCutAri: bestCutAri(asRun(s.data), lexicon),
  };
});

if (asJson) {
  process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
} else {
  const f = (x: number) => x.toFixed(2);
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  console.log(
    `| file | answers | engine, held out: ARI / F1 (link, attach) | engine, defaults (${DEFAULT_CLUSTER_PARAMS.link}, ${DEFAULT_CLUSTER_PARAMS.attach}): ARI / F1 / themed left alone | naive TF-IDF, held out: ARI / F1 (link) | best cut of the engine's similarity, chosen with the labels: ARI (an upper bound, not a score) |`,
  );
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.file} | ${r.answers} | ${f(r.heldOut.ari)} / ${f(r.heldOut.consensusF1)} (${r.heldOut.params.link}, ${r.heldOut.params.attach === Infinity ? '–' : r.heldOut.params.attach}) | ${f(r.defaults.ari)} / ${f(r.defaults.consensusF1)} / ${pct(r.defaults.themedLeftAlone)} | ${f(r.naive.ari)} / ${f(r.naive.consensusF1)} (${r.naive.link}) | ${f(r.bestCutAri)} |`,
    );
  }
  const mean = (pick: (r: (typeof rows)[number]) => number) => f(rows.reduce((x, r) => x + pick(r), 0) / rows.length);
  console.log(
    `| mean | | ${mean((r) => r.heldOut.ari)} / ${mean((r) => r.heldOut.consensusF1)} | ${mean((r) => r.defaults.ari)} / ${mean((r) => r.defaults.consensusF1)} / ${pct(rows.reduce((x, r) => x + r.defaults.themedLeftAlone, 0) / rows.length)} | ${mean((r) => r.naive.ari)} / ${mean((r) => r.naive.consensusF1)} | ${mean((r) => r.bestCutAri)} |`,
  );
}
