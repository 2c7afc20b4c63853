import { describe, expect, it } from 'vitest';
import { inSlices } from '../../../server/in-slices.js';

/** About a microsecond of work, so a pass of many calls outlasts a turn of the loop on any machine. */
function busy(k: number): number {
  let x = k;
  for (let i = 0; i < 200; i++) x = (x * 31 + i) % 1_000_003;
  return x;
}

describe('inSlices', () => {
  it('calls each index once, in order, and lets the event loop run during a long pass', async () => {
    const seen: number[] = [];
    let otherWorkRanAt = -1;
    setImmediate(() => (otherWorkRanAt = seen.length));
    const done = await inSlices(50_000, (k) => {
      seen.push(k);
      busy(k);
      return undefined;
    });
    expect(done).toBe(true);
    expect(seen).toEqual(Array.from({ length: 50_000 }, (_, k) => k));
    // Something else ran in the middle of the pass, not only after it.
    expect(otherWorkRanAt).toBeGreaterThan(0);
    expect(otherWorkRanAt).toBeLessThan(50_000);
  });

  it('stops at the first false', async () => {
    const seen: number[] = [];
    expect(await inSlices(10, (k) => (seen.push(k), k < 3))).toBe(false);
    expect(seen).toEqual([0, 1, 2, 3]);
  });
});
