import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeEmbeddings {
  /** The endpoint, Ollama's or OpenAI's path. */
  url: string;
  /** Every text the fake was asked to embed, in order, and the models named. */
  texts: string[];
  models: string[];
  requests: number;
  close(): Promise<void>;
}

/**
 * A stand-in for an operator's embedding server on port 0: Ollama's `/api/embed` or an OpenAI-compatible
 * `/v1/embeddings`. `vector(text)` decides the meaning; `fail` answers 500, `delayMs` answers late.
 */
export async function fakeEmbeddings(opts: {
  api: 'ollama' | 'openai';
  vector: (text: string) => number[];
  fail?: boolean;
  delayMs?: number;
}): Promise<FakeEmbeddings> {
  const texts: string[] = [];
  const models: string[] = [];
  let requests = 0;
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      requests += 1;
      const body = JSON.parse(raw) as { model: string; input: string[] };
      texts.push(...body.input);
      models.push(body.model);
      const reply = () => {
        if (opts.fail) {
          res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'model not loaded' }));
          return;
        }
        const vectors = body.input.map(opts.vector);
        // OpenAI-compatible servers may return the items in any order; `index` says which input each belongs to.
        const payload =
          opts.api === 'ollama'
            ? { model: body.model, embeddings: vectors }
            : { object: 'list', data: vectors.map((embedding, index) => ({ object: 'embedding', embedding, index })).reverse() };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      };
      if (opts.delayMs) timers.add(setTimeout(reply, opts.delayMs));
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${opts.api === 'ollama' ? '/api/embed' : '/v1/embeddings'}`,
    texts,
    models,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
