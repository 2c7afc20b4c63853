import { describe, expect, it } from 'vitest';
import { AnswerMirror } from '../../../server/synthesis/answer-mirror.js';
import type { Answer } from '../../../shared/schemas/session.js';

const answer = (id: string, text = `idea ${id}`): Answer => ({ id, promptId: 'p1', groupId: 'g1', text, authorId: 'u1', round: 1, createdAt: 1, updatedAt: 1 });
const session = (key: string, list: Answer[]) => ({ key, answers: Object.fromEntries(list.map((a) => [a.id, a])), ids: list.map((a) => a.id) });

describe('what the synthesis worker holds of a session (AnswerMirror)', () => {
  it('sends every answer the first time, nothing when nothing changed', async () => {
    const mirror = new AnswerMirror();
    const s = session('r:s1', [answer('a'), answer('b')]);
    const first = await mirror.diff(s);
    expect(first.changed.map((a) => a.id)).toEqual(['a', 'b']);
    expect(first).toMatchObject({ removed: [], total: 2 });
    mirror.sent(s.key, first);
    expect(await mirror.diff(s)).toMatchObject({ changed: [], removed: [], total: 2 });
  });

  it('sends an edited answer (a new object) and a new one, names a deleted one', async () => {
    const mirror = new AnswerMirror();
    const [a, b, c] = [answer('a'), answer('b'), answer('c')];
    const s = session('r:s1', [a, b, c]);
    mirror.sent(s.key, await mirror.diff(s));
    const next = session('r:s1', [a, { ...b, text: 'edited' }, answer('d')]);
    const diff = await mirror.diff(next);
    expect(diff.changed).toEqual([
      { id: 'b', promptId: 'p1', groupId: 'g1', text: 'edited' },
      { id: 'd', promptId: 'p1', groupId: 'g1', text: 'idea d' },
    ]);
    expect(diff).toMatchObject({ removed: ['c'], total: 3 });
    mirror.sent(next.key, diff);
    expect(await mirror.diff(next)).toMatchObject({ changed: [], removed: [] });
  });

  it('changes nothing until sent, and sends everything again after a drop or a new worker', async () => {
    const mirror = new AnswerMirror();
    const s = session('r:s1', [answer('a')]);
    await mirror.diff(s);
    expect((await mirror.diff(s)).changed).toHaveLength(1);
    mirror.sent(s.key, await mirror.diff(s));
    mirror.drop(s.key);
    expect((await mirror.diff(s)).changed).toHaveLength(1);
    mirror.sent(s.key, await mirror.diff(s));
    mirror.clear();
    expect((await mirror.diff(s)).changed).toHaveLength(1);
  });

  it('keeps eight sessions and has the worker forget the one run longest ago', async () => {
    const mirror = new AnswerMirror();
    const forgotten: string[] = [];
    for (let i = 0; i < 10; i++) {
      const s = session(`r:s${i}`, [answer(`a${i}`)]);
      forgotten.push(...mirror.sent(s.key, await mirror.diff(s)));
      // s0 runs again after s5: s1 and s2 are then the two run longest ago.
      if (i === 5) mirror.sent('r:s0', await mirror.diff(session('r:s0', [answer('a0')])));
    }
    expect(forgotten).toEqual(['r:s1', 'r:s2']);
  });
});
