import type { Server } from 'node:http';

/**
 * Boots the server on the early listener server/main.mjs opened: configuration, store, cross-node adapter, app.
 * Everything else lives in app.ts. Until it is done, every request is told "starting" (server/start.js).
 */
export async function boot(http: Server | undefined): Promise<void> {
  const { embeddingsConfig, loadConfig } = await import('./config.js');
  const config = loadConfig();
  const [{ createApp }, { openStore }] = await Promise.all([import('./app.js'), import('./store/open-store.js')]);
  const store = await openStore(config);
  // Loaded only when configured: the Redis client alone is a noticeable part of a start (and a restart).
  const redis = config.REDIS_URL ? await (await import('./scale/redis-adapter.js')).redisAdapter(config.REDIS_URL, config.REDIS_STREAM) : null;
  const embeddings = embeddingsConfig(config);
  const app = createApp({ store, config, http, adapter: redis?.adapter, embeddings, sessionIdleMs: config.SESSION_IDLE_SECONDS * 1000 });
  const url = await app.listen(config.PORT, config.HOST);
  const storeName = config.DATABASE_URL ? 'Postgres' : `SQLite in ${config.DATA_DIR}`;
  console.log(
    `Peer-learning server ready at ${url} (store: ${storeName}${redis ? ', Redis adapter' : ''}${embeddings ? `, semantic synthesis via ${embeddings.url}` : ''})`,
  );

  // SIGTERM (a deploy, Ctrl-C): stop taking new work, let in-flight writes commit, tell clients, exit cleanly.
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log(`${signal}: closing`);
      app
        .close()
        .then(() => redis?.close())
        .then(
          () => process.exit(0),
          (err) => {
            console.error(err);
            process.exit(1);
          },
        );
    });
  }
}
