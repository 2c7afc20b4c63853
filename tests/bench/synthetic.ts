import { CONCEPTS } from '../../shared/synthesis/concepts.js';
import type { SynthesisInput } from '../../shared/synthesis/index.js';

/**
 * A large session for timing the synthesis: answers built from the concept vocabulary and filler words,
 * spread over 3 prompts and groups of 8 answers, deterministic for a seed.
 */
export function syntheticSession(answers: number, language: SynthesisInput['language'] = 'en', seed = 1): SynthesisInput {
  let x = seed >>> 0;
  const rnd = () => ((x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
  const vocab = Object.values(CONCEPTS).map((c) => c[language] ?? c.en ?? []);
  const filler = ['our', 'members', 'more', 'better', 'local', 'regional', 'partners', 'together', 'every', 'year', 'small', 'organisations'];
  const prompts = [0, 1, 2].map((i) => ({ id: `p${i}`, text: `Prompt ${i}` }));
  const groups = Math.max(2, Math.ceil(answers / 8));
  return {
    language,
    prompts,
    answers: Array.from({ length: answers }, (_, i) => {
      const words = vocab[Math.floor(rnd() * vocab.length)];
      const text = [0, 1, 2, 3, 4, 5].map((k) => (k % 2 ? filler[Math.floor(rnd() * filler.length)] : words[Math.floor(rnd() * words.length)])).join(' ');
      return { id: `a${i}`, promptId: prompts[i % 3].id, groupId: `g${Math.floor(rnd() * groups)}`, text };
    }),
  };
}
