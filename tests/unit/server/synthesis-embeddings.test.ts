import { describe, expect, it } from 'vitest';
import { embeddingsConfig, loadConfig } from '../../../server/config.js';
import { Embedder, apiOf } from '../../../server/synthesis/embeddings.js';

/** A fetch that answers like Ollama, recording each request's texts. */
function fakeFetch(vector: (t: string) => number[]) {
  const batches: string[][] = [];
  const fn = (async (_url: string, init: { body: string }) => {
    const { input } = JSON.parse(init.body) as { input: string[] };
    batches.push(input);
    return new Response(JSON.stringify({ embeddings: input.map(vector) }), { status: 200 });
  }) as unknown as typeof fetch;
  return { fn, batches };
}

describe('embeddings client', () => {
  it('tells the API from the URL path', () => {
    expect(apiOf('http://10.0.0.5:11434/api/embed')).toBe('ollama');
    expect(apiOf('http://gpu.lan:8000/v1/embeddings')).toBe('openai');
    expect(apiOf('http://gpu.lan:8000/v1/embeddings/')).toBe('openai');
    expect(apiOf('http://10.0.0.5:11434/api/generate')).toBeNull();
  });

  it('embeds in batches, each distinct text once, and re-runs hit the cache', async () => {
    const { fn, batches } = fakeFetch((t) => [t.length, 1]);
    const e = new Embedder({ url: 'http://x/api/embed', model: 'm', timeoutMs: 1000 }, fn);
    const texts = Array.from({ length: 100 }, (_, i) => `answer ${i % 70}`);
    const out = await e.embed(texts);
    expect(out).toHaveLength(100);
    expect(Array.from(out[0])).toEqual([8, 1]);
    expect(batches.map((b) => b.length)).toEqual([64, 6]);
    await e.embed([...texts, 'new one']);
    expect(batches.at(-1)).toEqual(['new one']);
  });

  it('refuses answers of the wrong shape with a readable reason', async () => {
    const sizes = new Embedder({ url: 'http://x/api/embed', model: 'm', timeoutMs: 1000 }, fakeFetch((t) => (t === 'b' ? [1] : [1, 2])).fn);
    await expect(sizes.embed(['a', 'b'])).rejects.toThrow('vectors of different sizes');
    const wrong = new Embedder({ url: 'http://x/v1/embeddings', model: 'm', timeoutMs: 1000 }, fakeFetch(() => [1]).fn);
    await expect(wrong.embed(['a'])).rejects.toThrow('no "data" list');
  });
});

describe('configuration', () => {
  it('is off by default: no URL, nothing is sent anywhere', () => {
    expect(embeddingsConfig(loadConfig({}))).toBeNull();
  });

  it('needs a model with the URL, and a URL of a known API', () => {
    expect(() => loadConfig({ SYNTHESIS_EMBEDDINGS_URL: 'http://127.0.0.1:11434/api/embed' })).toThrow('SYNTHESIS_EMBEDDINGS_MODEL');
    expect(() => loadConfig({ SYNTHESIS_EMBEDDINGS_URL: 'http://127.0.0.1:11434/api/chat', SYNTHESIS_EMBEDDINGS_MODEL: 'm' })).toThrow('/api/embed');
    expect(
      embeddingsConfig(loadConfig({ SYNTHESIS_EMBEDDINGS_URL: 'http://127.0.0.1:11434/api/embed', SYNTHESIS_EMBEDDINGS_MODEL: 'nomic-embed-text' })),
    ).toEqual({
      url: 'http://127.0.0.1:11434/api/embed',
      model: 'nomic-embed-text',
      timeoutMs: 10_000,
    });
  });
});
