import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { basisOf, generateSynthesis } from '../../shared/domain/curation/generate.js';
import { synthesize, type SynthesisInput } from '../../shared/synthesis/index.js';
import type { AnswersPart, MergeAhead, WorkerReply, WorkerRequest, WorkerResult } from './pool.js';

/**
 * The synthesis thread: runs the engine on one session's answers at a time, so the event loop that serves the
 * rooms never waits for it. Vectors arrive packed in one transferred Float32Array; they are unpacked here, off
 * the main thread.
 */
function unpack(req: WorkerRequest): SynthesisInput {
  if (!req.vectors) return req.input;
  const { ids, dim, data } = req.vectors;
  const embeddings: Record<string, number[]> = {};
  ids.forEach((id, i) => (embeddings[id] = Array.from(data.subarray(i * dim, (i + 1) * dim))));
  return { ...req.input, embeddings };
}

/**
 * On Linux a thread can be reniced by its own id (/proc/thread-self names it): the synthesis then takes only the
 * CPU the rooms leave over, so a 10,000-answer run or the first load of the dictionaries never delays an answer's
 * broadcast on a small machine. Elsewhere the thread keeps the process's priority.
 */
function lowerPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
  } catch {
    // Not Linux, or not allowed: the worker still runs off the event loop.
  }
}
lowerPriority();

/** The engine's themes, and the new draft merged with the previous synthesis when asked (see draftSynthesis). */
function run(req: WorkerRequest): WorkerResult {
  const { prompts } = synthesize(unpack(req));
  return req.merge ? { prompts, merged: mergeAhead(req.input, prompts, req.merge) } : { prompts };
}

function mergeAhead(input: SynthesisInput, prompts: WorkerResult['prompts'], m: MergeAhead): WorkerResult['merged'] {
  const synthesis = generateSynthesis(basisOf(input), m.previous, m.now, m.threshold, { prompts, engine: m.engine });
  return { seq: m.seq, threshold: m.threshold, synthesis };
}

/** Answers that arrived ahead of their request (pool.ts posts a big input in parts), by request id. */
const ahead = new Map<number, SynthesisInput['answers']>();

parentPort!.on('message', (msg: WorkerRequest | AnswersPart) => {
  if ('part' in msg) {
    const parts = ahead.get(msg.id) ?? [];
    for (const a of msg.part) parts.push(a);
    ahead.set(msg.id, parts);
    return;
  }
  const before = ahead.get(msg.id);
  ahead.delete(msg.id);
  const req = before ? { ...msg, input: { ...msg.input, answers: [...before, ...msg.input.answers] } } : msg;
  let reply: WorkerReply;
  try {
    reply = { id: req.id, ok: true, result: run(req) };
  } catch (err) {
    reply = { id: req.id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply);
});
