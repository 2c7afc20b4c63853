// Entry of the synthesis thread: registers tsx in this thread (loaders are per thread), then runs the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./synthesis-worker.ts');
