import { z } from 'zod';

export interface EmbeddingsConfig {
  url: string;
  model: string;
  timeoutMs: number;
}

/** The two APIs operators run: Ollama's `/api/embed` and the OpenAI-compatible `/v1/embeddings` (vLLM, LM Studio, llama.cpp…). */
export type EmbeddingsApi = 'ollama' | 'openai';

export function apiOf(url: string): EmbeddingsApi | null {
  const path = new URL(url).pathname.replace(/\/+$/, '');
  if (path.endsWith('/api/embed')) return 'ollama';
  if (path.endsWith('/embeddings')) return 'openai';
  return null;
}

const Vector = z.array(z.number().finite()).min(1);
const OllamaReply = z.object({ embeddings: z.array(Vector) });
const OpenAiReply = z.object({ data: z.array(z.object({ embedding: Vector, index: z.number().int().min(0) })) });

/** Texts per request: small enough for a CPU-only model to answer each batch quickly, large enough to be few. */
const BATCH = 64;
/** Vectors kept, by text: a re-run embeds only new or edited answers (30,000 × 768 floats ≈ 90 MB at most). */
const CACHE_ENTRIES = 30_000;

export class EmbeddingsError extends Error {}

/**
 * Asks the operator's embedding server for one vector per answer text. Every batch that arrived is cached, so a
 * run that timed out half-way leaves the next run less to do. Throws EmbeddingsError with a short, readable reason
 * (it is shown to the facilitator) on a time-out, an HTTP error or an answer of the wrong shape.
 */
export class Embedder {
  private readonly api: EmbeddingsApi;
  private cache = new Map<string, Float32Array>();
  /** Texts sent so far (tests check what reached the server and that re-runs hit the cache). */
  sent = 0;

  constructor(
    readonly config: EmbeddingsConfig,
    private readonly fetchFn: typeof fetch = fetch,
  ) {
    const api = apiOf(config.url);
    if (!api) throw new EmbeddingsError(`${config.url}: expected an Ollama /api/embed or an OpenAI-compatible …/embeddings URL`);
    this.api = api;
  }

  /** One vector per text, in order, all of one dimension. */
  async embed(texts: string[]): Promise<Float32Array[]> {
    const signal = AbortSignal.timeout(this.config.timeoutMs);
    const missing = [...new Set(texts.filter((t) => !this.cache.has(t)))];
    try {
      for (let i = 0; i < missing.length; i += BATCH) {
        const batch = missing.slice(i, i + BATCH);
        const vectors = await this.request(batch, signal);
        batch.forEach((t, k) => this.remember(t, vectors[k]));
      }
    } catch (err) {
      throw new EmbeddingsError(reasonOf(err, this.config.timeoutMs));
    }
    const out = texts.map((t) => this.recall(t));
    if (out.some((v) => !v)) throw new EmbeddingsError(`more distinct answers than the vector cache holds (${CACHE_ENTRIES})`);
    const dim = out[0]?.length ?? 0;
    if (out.some((v) => v!.length !== dim)) throw new EmbeddingsError('the embedding server returned vectors of different sizes');
    return out as Float32Array[];
  }

  private async request(texts: string[], signal: AbortSignal): Promise<number[][]> {
    this.sent += texts.length;
    const res = await this.fetchFn(this.config.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: this.config.model, input: texts }),
      signal,
    });
    if (!res.ok) throw new EmbeddingsError(`the embedding server answered HTTP ${res.status}`);
    const body: unknown = await res.json();
    const vectors = this.api === 'ollama' ? ollamaVectors(body) : openAiVectors(body);
    if (vectors.length !== texts.length) throw new EmbeddingsError(`the embedding server returned ${vectors.length} vectors for ${texts.length} texts`);
    return vectors;
  }

  private remember(text: string, v: number[]): void {
    if (this.cache.size >= CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(text, Float32Array.from(v));
  }

  /** Least recently used goes first: a hit moves to the back. */
  private recall(text: string): Float32Array | undefined {
    const v = this.cache.get(text);
    if (v) {
      this.cache.delete(text);
      this.cache.set(text, v);
    }
    return v;
  }
}

function ollamaVectors(body: unknown): number[][] {
  const parsed = OllamaReply.safeParse(body);
  if (!parsed.success) throw new EmbeddingsError('the embedding server’s answer has no "embeddings" list (is this Ollama’s /api/embed?)');
  return parsed.data.embeddings;
}

function openAiVectors(body: unknown): number[][] {
  const parsed = OpenAiReply.safeParse(body);
  if (!parsed.success) throw new EmbeddingsError('the embedding server’s answer has no "data" list of embeddings');
  return [...parsed.data.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
}

function reasonOf(err: unknown, timeoutMs: number): string {
  if (err instanceof EmbeddingsError) return err.message;
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) return `the embedding server did not answer within ${timeoutMs} ms`;
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `the embedding server could not be reached${cause}`.slice(0, 300);
}
