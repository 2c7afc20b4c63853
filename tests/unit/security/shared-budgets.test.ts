import { describe, expect, it } from 'vitest';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { SHARED_MARGIN, SharedBudgets } from '../../../server/security/limits.js';

const allowed = (remaining: number) => Promise.resolve(new RateLimiterRes(remaining, 4000, 1, false));
const refused = () => Promise.reject(new RateLimiterRes(0, 2500, 31, false));

describe('a per-message limit shared through Redis', () => {
  it('waits for Redis on a key it knows nothing of, then answers alone while the margin allows', async () => {
    const b = new SharedBudgets();
    expect(b.mayAnswerAlone('writes:p1', 30)).toBe(false);
    expect(await b.track('writes:p1', allowed(29))).toBe(0);
    expect(b.mayAnswerAlone('writes:p1', 30)).toBe(true);
  });

  it('stops answering alone near the budget, counting its own takes still on their way', async () => {
    const b = new SharedBudgets();
    await b.track('writes:p1', allowed(SHARED_MARGIN + 1));
    expect(b.mayAnswerAlone('writes:p1', 30)).toBe(true);
    let release!: (r: RateLimiterRes) => void;
    const pending = b.track('writes:p1', new Promise<RateLimiterRes>((r) => (release = r)));
    // One take in flight leaves exactly the margin: wait for Redis from here on.
    expect(b.mayAnswerAlone('writes:p1', 30)).toBe(false);
    release(new RateLimiterRes(SHARED_MARGIN, 4000, 1, false));
    await pending;
    expect(b.mayAnswerAlone('writes:p1', 30)).toBe(false);
  });

  it("refuses with Redis's wait once over, and keeps refusing until the window is over", async () => {
    const b = new SharedBudgets();
    expect(await b.track('answers:p2', refused())).toBe(3);
    expect(b.mayAnswerAlone('answers:p2', 30)).toBe(false);
    expect(b.mayAnswerAlone('answers:p3', 30)).toBe(false);
  });
});
