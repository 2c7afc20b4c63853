// Times the synthesis in a fresh process (one core, nothing else in its heap): the median of 3 runs per size.
import { synthesize } from '../../shared/synthesis/index.js';
import { defaultLexicon } from '../../shared/synthesis/lexicon-files.js';
import { syntheticSession } from './synthetic.js';

const sizes = process.argv.slice(2).map(Number);
defaultLexicon().warmUp(); // reading the dictionaries is a worker's start-up cost, not a run's
synthesize(syntheticSession(500, 'en', 1)); // warm up the JIT and the stemmer caches
const out = sizes.map((answers) => {
  const input = syntheticSession(answers, 'en', 7);
  const runs = [0, 1, 2].map(() => {
    const start = performance.now();
    synthesize(input);
    return performance.now() - start;
  });
  return { answers, ms: runs.sort((a, b) => a - b)[1] };
});
console.log(JSON.stringify(out));
