import { describe, expect, it } from 'vitest';
import { synthesisTexts } from '../../../shared/domain/curation/texts.js';
import type { Answer } from '../../../shared/schemas/session.js';

const answer = (id: string, text: string, groupId = 'g1'): Answer => ({
  id,
  promptId: 'p1',
  groupId,
  authorId: null,
  text,
  round: 1,
  createdAt: 1,
  updatedAt: 1,
});
const record = (...as: Answer[]) => Object.fromEntries(as.map((a) => [a.id, a]));

describe('the texts of a synthesis', () => {
  it('are the text, group and prompt of every answer, nothing more', () => {
    expect(synthesisTexts(record(answer('a', 'Lobby together')))).toEqual({ a: { text: 'Lobby together', groupId: 'g1', promptId: 'p1' } });
  });

  it('share what the previous synthesis already held, and give the same result as made afresh', () => {
    const before = synthesisTexts(record(answer('a', 'one'), answer('b', 'two'), answer('c', 'three')));
    // Nothing changed: the very same map.
    expect(synthesisTexts(record(answer('a', 'one'), answer('b', 'two'), answer('c', 'three')), before)).toBe(before);
    // b edited, c deleted, d added: a is shared, the rest made anew, and it equals a fresh build.
    const now = record(answer('a', 'one'), answer('b', 'two, edited'), answer('d', 'four', 'g2'));
    const next = synthesisTexts(now, before);
    expect(next).toEqual(synthesisTexts(now));
    expect(next).not.toBe(before);
    expect(next.a).toBe(before.a);
    expect(next.b).toEqual({ text: 'two, edited', groupId: 'g1', promptId: 'p1' });
    expect(next).not.toHaveProperty('c');
    // An answer moved to another group is not the same entry either.
    expect(synthesisTexts(record(answer('a', 'one', 'g9')), before).a.groupId).toBe('g9');
  });
});
