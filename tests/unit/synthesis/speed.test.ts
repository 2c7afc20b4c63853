import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { FeatureIds, GRAM, KINDS } from '../../../shared/synthesis/feature-ids.js';
import { synthesize } from '../../../shared/synthesis/index.js';
import { Lexicon } from '../../../shared/synthesis/lexicon.js';
import { defaultLexicon, loadLexiconData } from '../../../shared/synthesis/lexicon-files.js';
import { bestFirst, type Pairs } from '../../../shared/synthesis/pairs.js';
import { floatArray, intArray } from '../../../shared/synthesis/slab.js';
import { syntheticSession } from '../../bench/synthetic.js';

// Reading and indexing the shipped dictionaries takes a few seconds once; the tests time the engine, not that.
beforeAll(() => void defaultLexicon().warmUp(), 60_000);

/**
 * The engine's results for synthetic sessions, as the engine gave them before it was made faster (features as
 * numbers, packed vectors, counting sorts): every optimisation must leave them identical to the last bit, down
 * to the order of themes and answers. 1,000 answers take the candidate-pairs path (over 300 per prompt), 300 the
 * exact one.
 */
describe('synthesis results do not change with optimisations', () => {
  it.each([
    ['en', 1000, 7],
    ['da', 1000, 7],
    ['fr', 300, 3],
  ] as const)('%s, %i answers (seed %i)', (lang, answers, seed) => {
    const golden = JSON.parse(readFileSync(path.resolve(`tests/unit/synthesis/golden.synthetic-${lang}-${answers}-${seed}.json`), 'utf8'));
    expect(JSON.parse(JSON.stringify(synthesize(syntheticSession(answers, lang, seed))))).toEqual(golden);
  });

  it('gives the same themes with a fresh lexicon (features numbered anew) and with answers in another order', () => {
    const input = syntheticSession(700, 'nl', 11);
    const warm = synthesize(input);
    const fresh = synthesize({ ...input, lexicon: new Lexicon(loadLexiconData()) });
    const reversed = synthesize({ ...input, answers: [...input.answers].reverse() });
    expect(fresh).toEqual(warm);
    expect(reversed).toEqual(warm);
  });
});

describe('bestFirst', () => {
  it('orders pairs as a sort by similarity (descending), then a, then b', () => {
    // Few distinct similarities, so ties are common; 0 and values on both sides of the link.
    const values = [0, 0.01, 0.04, 0.04 + 2 ** -40, 0.1, 1 / 3, 0.5, 0.8, 1];
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...values)), { maxLength: 300 }),
        fc.constantFrom(0, 0.04, 0.3),
        (n, raw, link) => {
          const seen = new Set<number>();
          const pairs: Pairs = { a: [], b: [], sim: [] };
          for (const [x, y, sim] of raw) {
            const a = Math.min(x % n, y % n);
            const b = Math.max(x % n, y % n);
            if (a === b || seen.has(a * n + b)) continue;
            seen.add(a * n + b);
            pairs.a.push(a);
            pairs.b.push(b);
            pairs.sim.push(sim);
          }
          const expected = pairs.sim
            .map((_, p) => p)
            .filter((p) => pairs.sim[p] >= link)
            .sort((x, y) => pairs.sim[y] - pairs.sim[x] || pairs.a[x] * n + pairs.b[x] - (pairs.a[y] * n + pairs.b[y]));
          expect([...bestFirst(pairs, n, link)]).toEqual(expected);
        },
      ),
    );
  });
});

describe('FeatureIds', () => {
  it('numbers each feature once, in the order first met, and knows its kind', () => {
    const ids = new FeatureIds();
    expect([ids.id('s:fund'), ids.id('g:_fun'), ids.id('s:fund'), ids.id('r:money')]).toEqual([0, 1, 0, 2]);
    expect(ids.size).toBe(3);
    expect([ids.kind(0), ids.kind(1), ids.kind(2)]).toEqual([KINDS.indexOf('s'), GRAM, KINDS.indexOf('r')]);
    for (let i = 0; i < 5000; i++) ids.id(`p:${i}`);
    expect(ids.kind(4000)).toBe(KINDS.indexOf('p'));
    expect(() => ids.id('x:unknown')).toThrow();
  });
});

describe('slab arrays', () => {
  it('hands out zeroed arrays that do not overlap', () => {
    const a = intArray(10);
    const b = intArray(10);
    a.fill(7);
    expect([...b]).toEqual(new Array(10).fill(0));
    const big = floatArray(100_000);
    expect(big.length).toBe(100_000);
    const xs = Array.from({ length: 3000 }, (_, i) => floatArray(50).fill(i));
    expect(xs.every((x, i) => x.every((v) => v === i))).toBe(true);
  });
});
