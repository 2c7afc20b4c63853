import { z } from 'zod';
import { apiOf, type EmbeddingsConfig } from './synthesis/embeddings.js';

/** All configuration comes from the environment, validated once here. */
const Env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DATA_DIR: z.string().default('./data'),
    /** Comma-separated origins allowed to open a socket, besides the server's own host. */
    ALLOWED_ORIGINS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    /** Set behind a reverse proxy so that request URLs and client addresses come from X-Forwarded-*. */
    TRUST_PROXY: z
      .enum(['true', 'false', '1', '0'])
      .default('false')
      .transform((v) => v === 'true' || v === '1'),
    DATABASE_URL: z.string().url().optional(),
    REDIS_URL: z.string().url().optional(),
    /**
     * The Redis stream the nodes of one deployment share, and where its rate-limit counts live; two deployments on
     * one Redis need two names.
     */
    /**
     * Several nodes: how long a commit may wait for the broadcast of the seq before it from another node, so every
     * client receives one order (server/socket/broadcast-order.ts); 0 sends at once, and clients that see two
     * broadcasts cross fetch a fresh view.
     */
    BROADCAST_ORDER_WAIT_MS: z.coerce.number().int().min(0).max(5000).default(500),
    REDIS_STREAM: z
      .string()
      .regex(/^[\w.:-]{1,100}$/, 'letters, digits and . : _ - only')
      .default('socket.io'),
    LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
    /** A loaded session leaves memory after this many seconds without a command or an attached socket. */
    SESSION_IDLE_SECONDS: z.coerce.number().min(0.05).max(86_400).default(600),
    /**
     * Optional semantic synthesis: an embedding server on the operator's own network, Ollama's `/api/embed` or an
     * OpenAI-compatible `…/embeddings`. No default: unset, nothing is sent anywhere and the lexical engine answers.
     */
    SYNTHESIS_EMBEDDINGS_URL: z
      .string()
      .url()
      .refine((u) => apiOf(u) !== null, 'expected a URL ending in /api/embed (Ollama) or /embeddings (OpenAI-compatible)')
      .optional(),
    SYNTHESIS_EMBEDDINGS_MODEL: z.string().min(1).optional(),
    SYNTHESIS_EMBEDDINGS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    /**
     * The operator's token: imports (`POST /api/sessions/import`, `/api/programmes/import`) and the load figures of
     * `/healthz` need it as `Authorization: Bearer …`. Unset, imports are off and `/healthz` says only up or down.
     */
    OPERATOR_TOKEN: z
      .string()
      .regex(/^[A-Za-z0-9_-]{24,128}$/, 'use 24-128 URL-safe characters (e.g. `openssl rand -hex 24`)')
      .optional(),
    /** A session takes at most this many participants (SECURITY.md, "Limits"). */
    MAX_PARTICIPANTS_PER_SESSION: z.coerce.number().int().min(1).max(100_000).default(2000),
    /** New participants per address in 10 minutes: a venue or school behind one address must fit. */
    JOINS_PER_ADDRESS_PER_10_MIN: z.coerce.number().int().min(1).max(1_000_000).default(600),
    /** New sessions per address per hour. */
    SESSIONS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(60),
    /** Largest import body, in megabytes (a session's or a whole programme's JSON export). */
    IMPORT_MAX_MB: z.coerce.number().min(0.1).max(200).default(10),
    /**
     * Retention: closed sessions older than this many days (counted from closing) are deleted or anonymised, checked
     * hourly. 0 (the default) keeps everything until an operator removes it. See SECURITY.md, "Personal data".
     */
    RETENTION_DAYS: z.coerce.number().min(0).max(36_500).default(0),
    RETENTION_MODE: z.enum(['delete', 'anonymise']).default('anonymise'),
  })
  .refine((c) => !c.SYNTHESIS_EMBEDDINGS_URL || c.SYNTHESIS_EMBEDDINGS_MODEL, {
    path: ['SYNTHESIS_EMBEDDINGS_MODEL'],
    message: 'set the embedding model (e.g. nomic-embed-text) together with SYNTHESIS_EMBEDDINGS_URL',
  });
export type Config = z.infer<typeof Env>;

/** The embedding server's settings, or null when semantic synthesis is off. */
export function embeddingsConfig(c: Config): EmbeddingsConfig | null {
  if (!c.SYNTHESIS_EMBEDDINGS_URL || !c.SYNTHESIS_EMBEDDINGS_MODEL) return null;
  return { url: c.SYNTHESIS_EMBEDDINGS_URL, model: c.SYNTHESIS_EMBEDDINGS_MODEL, timeoutMs: c.SYNTHESIS_EMBEDDINGS_TIMEOUT_MS };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
