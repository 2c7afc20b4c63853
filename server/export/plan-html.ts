import { esc } from './html.js';
import { planHeader, type PlanReport, planRows } from './plan-model.js';

/** The agenda section of an HTML report. `tag`: its heading element (h2 in a session report, h3 inside a programme's). */
export function planHtml(r: PlanReport, tag: string): string {
  const head = `<tr>${planHeader(r.l)
    .map((c) => `<th>${esc(c)}</th>`)
    .join('')}</tr>`;
  const rows = planRows(r)
    .map((row) => `<tr>${row.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('');
  return `<${tag}>${esc(r.l.agenda)}</${tag}>\n<table class="agenda"><thead>${head}</thead><tbody>${rows}</tbody></table>\n<p class="meta"><em>${esc(r.l.note)}</em></p>`;
}
