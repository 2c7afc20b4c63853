// Reads a session file (shared/data/sessions format), prints its synthesis: JSON by default, Markdown with --format md.
// Only the result goes to standard output, so other programs can read it (`npm run --silent synthesize -- FILE.json`).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Language } from '../shared/schemas/primitives.js';
import { synthesize } from '../shared/synthesis/index.js';
import { HEADINGS } from '../server/export/i18n.js';

const SessionFile = z.object({
  session: z.object({ title: z.string().optional(), language: Language }),
  prompts: z.array(z.object({ id: z.string(), text: z.string() })),
  answers: z.array(z.object({ id: z.string(), promptId: z.string(), groupId: z.string(), text: z.string(), language: Language.optional() })),
});

function main(argv: string[]): number {
  const file = argv.find((a) => !a.startsWith('--') && !/^\d/.test(a));
  const format = argv.includes('--format') ? argv[argv.indexOf('--format') + 1] : 'json';
  const threshold = argv.includes('--threshold') ? Number(argv[argv.indexOf('--threshold') + 1]) : undefined;
  if (!file || !['json', 'md'].includes(format) || (threshold !== undefined && !(threshold > 0 && threshold <= 1))) {
    console.error('usage: npm run synthesize -- FILE.json [--format json|md] [--threshold 0.5]');
    return 2;
  }
  const parsed = SessionFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    console.error(`${file}: not a session file: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return 1;
  }
  const session = parsed.data;
  const result = synthesize({ language: session.session.language, prompts: session.prompts, answers: session.answers, consensusThreshold: threshold });
  if (format === 'json') {
    const out = {
      prompts: result.prompts.map((p) => ({
        promptId: p.promptId,
        themes: p.themes.map((t) => ({ label: t.label, answerIds: t.answerIds, groupIds: t.groupIds, consensus: t.consensus })),
        summary: p.summary,
      })),
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  const text = new Map(session.answers.map((a) => [a.id, a.text]));
  const h = HEADINGS[session.session.language];
  const lines = [`# ${session.session.title ?? 'Synthesis'}`, ''];
  for (const p of result.prompts) {
    lines.push(`## ${session.prompts.find((q) => q.id === p.promptId)?.text ?? p.promptId}`, '', p.summary, '');
    for (const t of p.themes)
      lines.push(`- **${t.label}**${t.consensus ? ` (${h.consensus.toLowerCase()})` : ''}: ${t.groupIds.length}/${p.groupsAnswering} ${h.groupsRaised}`);
    if (p.otherAnswerIds.length) lines.push('', `${h.otherIdeas}:`, '', ...p.otherAnswerIds.map((id) => `- ${text.get(id)}`));
    lines.push('');
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
