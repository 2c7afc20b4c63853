import { md } from './markdown.js';
import { planHeader, type PlanReport, planRows } from './plan-model.js';

/** The agenda section of a Markdown report: one table row per block run. `H`: its heading's hashes. */
export function planMarkdown(r: PlanReport, H: string): string[] {
  const cell = (c: string) => md(c);
  return [
    `${H} ${r.l.agenda}`,
    '',
    `| ${planHeader(r.l).join(' | ')} |`,
    '|---:|---|---|---|---|---:|---:|---:|',
    ...planRows(r).map((row) => `| ${row.map(cell).join(' | ')} |`),
    '',
    `*${r.l.note}*`,
    '',
  ];
}
