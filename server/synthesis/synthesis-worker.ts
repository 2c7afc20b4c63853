import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { basisOf, generateSynthesis } from '../../shared/domain/curation/generate.js';
import { synthesize, type SynthesisInput } from '../../shared/synthesis/index.js';
import type { AnswersPart, ForgetSession, MergeAhead, WorkerReply, WorkerRequest, WorkerResult } from './pool.js';

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

/** Each session's answers as of its last run (pool.ts sends only what changed since, see AnswerMirror). */
const sessions = new Map<string, Map<string, SynthesisInput['answers'][number]>>();

/** The request's whole input: its parts joined, and a session's answers completed from the copy kept here. */
function assemble(msg: WorkerRequest): WorkerRequest {
  const before = ahead.get(msg.id);
  ahead.delete(msg.id);
  const sent = before ? [...before, ...msg.input.answers] : msg.input.answers;
  if (!msg.cached) return before ? { ...msg, input: { ...msg.input, answers: sent } } : msg;
  const { key, removed, total } = msg.cached;
  const copy = sessions.get(key) ?? new Map();
  sessions.delete(key);
  for (const id of removed) copy.delete(id);
  for (const a of sent) copy.set(a.id, a);
  // Never a run on answers that are not the session's: the pool then sends them all next time.
  if (copy.size !== total) throw new Error(`The worker's copy of the session held ${copy.size} answers, not ${total}`);
  sessions.set(key, copy);
  return { ...msg, input: { ...msg.input, answers: [...copy.values()] } };
}

parentPort!.on('message', (msg: WorkerRequest | AnswersPart | ForgetSession) => {
  if ('forget' in msg) {
    sessions.delete(msg.forget);
    return;
  }
  if ('part' in msg) {
    const parts = ahead.get(msg.id) ?? [];
    for (const a of msg.part) parts.push(a);
    ahead.set(msg.id, parts);
    return;
  }
  let reply: WorkerReply;
  try {
    reply = { id: msg.id, ok: true, result: run(assemble(msg)) };
  } catch (err) {
    reply = { id: msg.id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply);
});
