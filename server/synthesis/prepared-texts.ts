import { rememberTexts, textEntry } from '../../shared/domain/curation/texts.js';
import type { SessionState } from '../../shared/schemas/session.js';
import type { SynthesisDoc } from '../../shared/schemas/synthesis.js';
import { recordSize } from '../../shared/domain/record-writes.js';
import { inSlices } from '../in-slices.js';

/**
 * The texts of the draft this run will commit, a slice of answers per loop turn (see rememberTexts): the reducer
 * then applies the draft without a pass over every answer on the event loop. `state` was released by the host:
 * nobody writes into it, so the texts stay true for its answers map. When no answer changed since the previous
 * draft its texts are shared whole, as synthesisTexts would, and no new map of 10,000 entries is built (4 ms).
 */
export async function prepareTexts(state: SessionState, ids: string[]): Promise<void> {
  const previous = state.synthesis?.answers ?? {};
  const entry = (k: number) => textEntry(state.answers[ids[k]], previous[ids[k]]);
  const same = await inSlices(ids.length, (k) => entry(k) === previous[ids[k]]);
  if (same && ids.length > 0 && recordSize(previous) === ids.length) return rememberTexts(state.answers, previous);
  const texts: SynthesisDoc['answers'] = {};
  await inSlices(ids.length, (k) => {
    texts[ids[k]] = entry(k);
    return undefined;
  });
  rememberTexts(state.answers, texts);
}
