import { describe, expect, it } from 'vitest';
import { prepareTexts } from '../../../server/synthesis/prepared-texts.js';
import { synthesisTexts } from '../../../shared/domain/curation/texts.js';
import { EMPTY_STATE } from '../../../shared/domain/reducer.js';
import type { Answer, SessionState } from '../../../shared/schemas/session.js';

const answer = (id: string, text: string): Answer => ({ id, promptId: 'p1', groupId: 'g1', authorId: null, text, round: 1, createdAt: 1, updatedAt: 1 });
const stateWith = (answers: Answer[], previous: SessionState['synthesis'] = null): SessionState => ({
  ...EMPTY_STATE,
  answers: Object.fromEntries(answers.map((a) => [a.id, a])),
  synthesis: previous,
});
const draftWith = (texts: ReturnType<typeof synthesisTexts>) => ({ answers: texts }) as unknown as SessionState['synthesis'];

describe('texts made ahead of a draft (the runner, before it commits)', () => {
  it('are what applying the draft would make, then found for that answers map without a pass over it', async () => {
    // More answers than one loop turn takes, so the slices are joined.
    const many = Array.from({ length: 4_500 }, (_, i) => answer(`a${i}`, `idea ${i}`));
    const s = stateWith(many);
    await prepareTexts(s, Object.keys(s.answers));
    const made = synthesisTexts(s.answers);
    expect(made).toEqual(synthesisTexts({ ...s.answers }));
    // The very same map each time: it was made ahead, not now.
    expect(synthesisTexts(s.answers)).toBe(made);
  });

  it("share the previous draft's texts whole when nothing changed, and its entries when some did", async () => {
    const list = [answer('a', 'one'), answer('b', 'two')];
    const previous = synthesisTexts(Object.fromEntries(list.map((a) => [a.id, a])));
    const same = stateWith(list, draftWith(previous));
    await prepareTexts(same, Object.keys(same.answers));
    expect(synthesisTexts(same.answers)).toBe(previous);

    const edited = stateWith([list[0], { ...list[1], text: 'two, edited' }], draftWith(previous));
    await prepareTexts(edited, Object.keys(edited.answers));
    const texts = synthesisTexts(edited.answers);
    expect(texts).toEqual(synthesisTexts({ ...edited.answers }));
    expect(texts.a).toBe(previous.a);

    // One answer fewer: not the previous map, which still names it.
    const fewer = stateWith([list[0]], draftWith(previous));
    await prepareTexts(fewer, Object.keys(fewer.answers));
    expect(synthesisTexts(fewer.answers)).toEqual({ a: previous.a });
  });
});
