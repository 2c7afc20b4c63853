import type { ProgrammeReport } from './programme-model.js';
import type { SessionReport } from './report-model.js';
import { countsMarkdown, programmeIndicatorsMarkdown, sessionIndicatorsMarkdown } from './attendance-markdown.js';
import { planMarkdown } from './plan-markdown.js';
import { evaluationMarkdown, evaluationTrendMarkdown } from './evaluation-markdown.js';

/** Markdown-escaped text: what people wrote stays text, never formatting or HTML. */
export function md(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/([\\`*_{}[\]()#+\-.!|~])/g, '\\$1')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function sessionMarkdown(r: SessionReport, level = 1): string {
  const heading = (n: number) => '#'.repeat(level + n - 1);
  const { h } = r;
  const lines = [`${heading(1)} ${md(r.title)}`, ''];
  if (r.programme) lines.push(`*${h.programme}: ${md(r.programme)}*`, '');
  if (r.description) lines.push(md(r.description), '');
  lines.push(`**${h.date}:** ${r.date ?? '—'}`, '', `${heading(2)} ${h.participants}`, '', `${r.people} ${h.people}`, '');
  if (r.organisations.length) lines.push(`**${h.organisations}:** ${r.organisations.map((o) => `${md(o.name)} (${o.count})`).join(', ')}`, '');
  if (r.countries.length) lines.push(`**${h.countries}:** ${r.countries.map((c) => `${md(c.name)} (${c.count})`).join(', ')}`, '');
  if (r.attendance) lines.push(...countsMarkdown(r.attendance.l, r.attendance.counts, heading(2)));
  if (r.indicators) lines.push(...sessionIndicatorsMarkdown(r.indicators.l, r.indicators, heading(2)));
  if (r.plan) lines.push(...planMarkdown(r.plan, heading(2)));
  if (r.evaluation) lines.push(...evaluationMarkdown(r.evaluation, heading(2)));
  lines.push(`${heading(2)} ${h.synthesis}`, '');
  if (!r.synthesisPublished) lines.push(`*${h.draft}*`, '');
  for (const p of r.prompts) {
    lines.push(`${heading(3)} ${md(p.text)}`, '');
    if (p.summary) lines.push(`${md(p.summary)}`, '');
    const consensus = p.themes.filter((t) => t.consensus);
    const others = p.themes.filter((t) => !t.consensus);
    if (consensus.length)
      lines.push(
        `**${h.consensus}**`,
        '',
        ...consensus.map((t) => `- ${md(t.label)} — ${t.groups}/${t.groupsAnswering} ${h.groupsRaised}${t.votes ? `, ${t.votes} ${h.votes}` : ''}`),
        '',
      );
    if (others.length)
      lines.push(
        `**${h.otherThemes}**`,
        '',
        ...others.map((t) => `- ${md(t.label)} — ${t.groups}/${t.groupsAnswering} ${h.groupsRaised}${t.votes ? `, ${t.votes} ${h.votes}` : ''}`),
        '',
      );
    if (p.otherIdeas.length) lines.push(`**${h.otherIdeas}**`, '', ...p.otherIdeas.map((o) => `- ${md(o)}`), '');
  }
  lines.push(`${heading(2)} ${h.appendix}`, '');
  for (const p of r.prompts) {
    lines.push(`${heading(3)} ${md(p.text)}`, '');
    for (const g of p.groups) lines.push(`**${md(g.name)}**`, '', ...g.answers.map((a) => `- ${md(a.text)}${a.author ? ` — ${md(a.author)}` : ''}`), '');
  }
  return lines.join('\n');
}

export function programmeMarkdown(r: ProgrammeReport): string {
  const lines = [`# ${md(r.name)}`, ''];
  if (r.description) lines.push(md(r.description), '');
  lines.push(`## ${r.h.sessions}`, '', ...r.sessions.map((s) => `- ${s.date ?? ''} — ${md(s.title)} (${s.people} ${r.h.people})`), '');
  if (r.recurring.length) {
    lines.push(`## ${r.h.recurring}`, '');
    for (const t of r.recurring) lines.push(`- **${md(t.label)}** — ${r.h.raisedIn} ${t.sessions.map((s) => `${md(s.title)} (“${md(s.label)}”)`).join('; ')}`);
    lines.push('');
  }
  if (r.indicators) lines.push(...programmeIndicatorsMarkdown(r.indicators.l, r.indicators, '##'));
  if (r.evaluationTrend) lines.push(...evaluationTrendMarkdown(r.evaluationTrend, '##'));
  return [lines.join('\n'), ...r.sessions.map((s) => sessionMarkdown(s, 2))].join('\n');
}
