import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bestCutAri } from '../../../scripts/lib/best-cut.js';
import { LabelledSession, scoreSession } from '../../../scripts/lib/synthesis-score.js';
import { synthesize } from '../../../shared/synthesis/index.js';
import { defaultLexicon } from '../../../shared/synthesis/lexicon-files.js';

const fixtures = path.resolve('tests/fixtures/synthesis');
const read = (file: string) => LabelledSession.parse(JSON.parse(readFileSync(path.join(fixtures, file), 'utf8')));

beforeAll(() => void defaultLexicon().warmUp(), 60_000);

describe('the best cut of the engine similarity (an upper bound for the evaluation, scripts/lib/best-cut.ts)', () => {
  it('finds the facilitators’ partition when answers of one theme say the same thing', () => {
    const texts: Record<string, string[]> = {
      funding: ['shared funding applications', 'funding applications together', 'joint funding application'],
      training: ['training for volunteers', 'volunteer training days', 'training our volunteers'],
    };
    const answers = Object.entries(texts).flatMap(([theme, list]) =>
      list.map((text, i) => ({ id: `${theme}${i}`, promptId: 'p', groupId: `g${i}`, text, theme })),
    );
    const session = LabelledSession.parse({ session: { language: 'en' }, prompts: [{ id: 'p', text: 'What should a network do?' }], answers });
    expect(bestCutAri(session, defaultLexicon())).toBe(1);
  });

  // Plain average linkage (no lone answer attached afterwards) at any link threshold is one of the cuts it tries.
  it.each(readdirSync(fixtures).map((f) => [f]))('is at least what plain average linkage gets at any threshold on %s', (file) => {
    const session = read(file);
    const best = bestCutAri(session, defaultLexicon());
    for (const link of [0.02, 0.04, 0.08, 0.15, 0.3]) {
      const out = synthesize({ language: session.session.language, prompts: session.prompts, answers: session.answers, params: { link, attach: Infinity } });
      expect(best).toBeGreaterThanOrEqual(scoreSession(session, out.prompts).ari - 1e-9);
    }
  });
});
