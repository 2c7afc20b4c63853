import { describe, expect, it } from 'vitest';
import type { SynthesisDoc, SynthesisTheme } from '../../../shared/schemas/synthesis.js';
import { derive } from '../../../shared/domain/curation/derive.js';
import { hideTheme, moveAnswer, renameTheme, setConsensus } from '../../../shared/domain/curation/operations.js';

const theme = (id: string, label: string, answerIds: string[]): SynthesisTheme => ({
  id,
  label,
  answerIds,
  groupIds: [],
  representativeAnswerId: answerIds[0],
  consensus: false,
  consensusManual: false,
  hidden: false,
  curated: false,
});
const answers = Object.fromEntries(['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map((id, i) => [id, { text: id, groupId: `g${i % 3}`, promptId: 'p1' }]));
/** A draft as the engine ranks it: the widest-reaching theme first. */
const draft = (): SynthesisDoc =>
  derive(
    {
      generatedAt: 0,
      threshold: 0.5,
      published: false,
      answers,
      votesPerParticipant: 0,
      votes: {},
      prompts: [
        {
          promptId: 'p1',
          themes: [theme('small', 'Zebra', ['a6']), theme('wide', 'Lobby', ['a1', 'a2', 'a3']), theme('mid', 'Funding', ['a4', 'a5'])],
          otherAnswerIds: [],
          pinnedOther: [],
          groupsAnswering: 3,
          summary: '',
          summaryEdited: false,
        },
      ],
    },
    'en',
    'rank',
  );
const order = (d: SynthesisDoc) => d.prompts[0].themes.map((t) => t.id);

describe('themes keep their place while being curated', () => {
  it('a new draft is ranked by reach; a rename, a hide, consensus or a moved answer leave the order alone', () => {
    const d = draft();
    expect(order(d)).toEqual(['wide', 'mid', 'small']);
    expect(order(renameTheme(d, 'en', 'small', 'Aardvark'))).toEqual(['wide', 'mid', 'small']);
    expect(order(hideTheme(d, 'en', 'wide', true))).toEqual(['wide', 'mid', 'small']);
    expect(order(setConsensus(d, 'en', 'small', true))).toEqual(['wide', 'mid', 'small']);
    // "small" now reaches two groups and "mid" one: it stays below it until the next draft ranks them again.
    const moved = moveAnswer(d, 'en', 'a4', 'small');
    expect(moved.prompts[0].themes.map((t) => t.groupIds.length)).toEqual([3, 1, 2]);
    expect(order(moved)).toEqual(['wide', 'mid', 'small']);
    expect(order(derive(moved, 'en', 'rank'))).toEqual(['wide', 'small', 'mid']);
  });
});
