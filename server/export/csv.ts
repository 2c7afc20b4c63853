import type { ProgrammeReport } from './programme-model.js';
import type { SessionReport } from './report-model.js';

/**
 * RFC 4180 quoting, plus spreadsheet safety: a cell starting with = + - @ (or a tab/carriage return) would run as
 * a formula in Excel or LibreOffice, so it gets a leading apostrophe, the convention spreadsheets show as text.
 */
export function cell(value: string | number | boolean | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const HEADER = ['programme', 'session', 'date', 'round', 'group', 'prompt', 'answer', 'organisation', 'country', 'theme', 'consensus', 'votes', 'language'];

function rows(r: SessionReport, names: boolean): string[] {
  const out: string[] = [];
  for (const p of r.prompts) {
    for (const g of p.groups) {
      for (const a of g.answers) {
        const values: (string | number | boolean | null)[] = [
          r.programme,
          r.title,
          r.date,
          a.round,
          g.name,
          p.text,
          a.text,
          a.organisation,
          a.country,
          a.theme,
          a.consensus,
          a.votes,
          r.language,
        ];
        if (names) values.push(a.author);
        out.push(values.map(cell).join(','));
      }
    }
  }
  return out;
}

/** One row per answer. A byte-order mark first, so spreadsheets read UTF-8 (Æ, é, emoji) right. */
export function answersCsv(reports: SessionReport[], names: boolean): string {
  const header = names ? [...HEADER, 'author'] : HEADER;
  return `\uFEFF${[header.join(','), ...reports.flatMap((r) => rows(r, names))].join('\r\n')}\r\n`;
}

export const sessionCsv = (r: SessionReport, names: boolean) => answersCsv([r], names);
export const programmeCsv = (r: ProgrammeReport, names: boolean) => answersCsv(r.sessions, names);
