import type { ProgrammeReport } from './programme-model.js';
import type { SessionReport } from './report-model.js';
import { countsHtml, programmeIndicatorsHtml, sessionIndicatorsHtml } from './attendance-html.js';
import { planHtml } from './plan-html.js';
import { evaluationHtml, evaluationTrendHtml } from './evaluation-html.js';

export const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Print-ready: A4 margins, page breaks before the appendix and between sessions, no widows in lists. */
const STYLE = `
body{font-family:Georgia,'Times New Roman',serif;color:#1c2430;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
h1,h2,h3{font-family:system-ui,-apple-system,'Segoe UI',Arial,sans-serif;color:#1f4e5f;line-height:1.2}
h1{font-size:1.9rem}h2{font-size:1.35rem;border-bottom:1px solid #e2ddd5;padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.1rem}
.meta{color:#5b6573}.summary{background:#eef4f6;padding:.6rem .9rem;border-radius:6px}
.consensus{color:#2f6f4e;font-weight:bold}ul{padding-left:1.2rem}li{margin:.15rem 0}
.appendix,.session+.session{page-break-before:always;break-before:page}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem}
@page{size:A4;margin:18mm 16mm}
@media print{body{margin:0;max-width:none}h2,h3{break-after:avoid}li{break-inside:avoid}}
`;

function sessionBody(r: SessionReport, level: number): string {
  const { h } = r;
  const H = (n: number, text: string, cls = '') => `<h${level + n - 1}${cls ? ` class="${cls}"` : ''}>${text}</h${level + n - 1}>`;
  const themeLine = (t: SessionReport['prompts'][number]['themes'][number]) =>
    `<li><span class="${t.consensus ? 'consensus' : ''}">${esc(t.label)}</span> — ${t.groups}/${t.groupsAnswering} ${h.groupsRaised}${t.votes ? `, ${t.votes} ${h.votes}` : ''}</li>`;
  const parts = [`<section class="session">`, H(1, esc(r.title))];
  if (r.programme) parts.push(`<p class="meta">${h.programme}: ${esc(r.programme)}</p>`);
  if (r.description) parts.push(`<p>${esc(r.description)}</p>`);
  parts.push(`<p class="meta">${h.date}: ${esc(r.date ?? '—')} · ${r.people} ${h.people}</p>`, H(2, h.participants));
  if (r.organisations.length) parts.push(`<p><strong>${h.organisations}:</strong> ${r.organisations.map((o) => `${esc(o.name)} (${o.count})`).join(', ')}</p>`);
  if (r.countries.length) parts.push(`<p><strong>${h.countries}:</strong> ${r.countries.map((c) => `${esc(c.name)} (${c.count})`).join(', ')}</p>`);
  if (r.attendance) parts.push(countsHtml(r.attendance.l, r.attendance.counts, `h${level + 1}`));
  if (r.indicators) parts.push(sessionIndicatorsHtml(r.indicators.l, r.indicators, `h${level + 1}`));
  if (r.plan) parts.push(planHtml(r.plan, `h${level + 1}`));
  if (r.evaluation) parts.push(evaluationHtml(r.evaluation, `h${level + 1}`));
  parts.push(H(2, h.synthesis));
  if (!r.synthesisPublished) parts.push(`<p class="meta"><em>${h.draft}</em></p>`);
  for (const p of r.prompts) {
    parts.push(H(3, esc(p.text)));
    if (p.summary) parts.push(`<p class="summary">${esc(p.summary)}</p>`);
    const consensus = p.themes.filter((t) => t.consensus);
    const others = p.themes.filter((t) => !t.consensus);
    if (consensus.length) parts.push(`<p><strong>${h.consensus}</strong></p><ul>${consensus.map(themeLine).join('')}</ul>`);
    if (others.length) parts.push(`<p><strong>${h.otherThemes}</strong></p><ul>${others.map(themeLine).join('')}</ul>`);
    if (p.otherIdeas.length) parts.push(`<p><strong>${h.otherIdeas}</strong></p><ul>${p.otherIdeas.map((o) => `<li>${esc(o)}</li>`).join('')}</ul>`);
  }
  parts.push(`<div class="appendix">`, H(2, h.appendix));
  for (const p of r.prompts) {
    parts.push(H(3, esc(p.text)));
    for (const g of p.groups)
      parts.push(
        `<p><strong>${esc(g.name)}</strong></p><ul>${g.answers.map((a) => `<li>${esc(a.text)}${a.author ? ` — <em>${esc(a.author)}</em>` : ''}</li>`).join('')}</ul>`,
      );
  }
  parts.push('</div></section>');
  return parts.join('\n');
}

const page = (lang: string, title: string, body: string) =>
  `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head><body>\n${body}\n</body></html>\n`;

export const sessionHtml = (r: SessionReport) => page(r.language, r.title, sessionBody(r, 1));

export function programmeHtml(r: ProgrammeReport): string {
  const head = [
    `<h1>${esc(r.name)}</h1>`,
    r.description ? `<p>${esc(r.description)}</p>` : '',
    `<h2>${r.h.sessions}</h2><ul>${r.sessions.map((s) => `<li>${esc(s.date ?? '')} — ${esc(s.title)} (${s.people} ${r.h.people})</li>`).join('')}</ul>`,
  ];
  if (r.recurring.length)
    head.push(
      `<h2>${r.h.recurring}</h2><ul>${r.recurring.map((t) => `<li><strong>${esc(t.label)}</strong> — ${r.h.raisedIn} ${t.sessions.map((s) => `${esc(s.title)} (“${esc(s.label)}”)`).join('; ')}</li>`).join('')}</ul>`,
    );
  if (r.indicators) head.push(programmeIndicatorsHtml(r.indicators.l, r.indicators));
  if (r.evaluationTrend) head.push(evaluationTrendHtml(r.evaluationTrend));
  return page(r.language, r.name, [...head, ...r.sessions.map((s) => sessionBody(s, 2))].join('\n'));
}
