import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { openStore } from './store/open-store.js';

/** Boots the server: configuration, store, app. Everything else lives in app.ts. */
const config = loadConfig();
const store = await openStore(config);
const app = createApp({ store, config });
const url = await app.listen(config.PORT, config.HOST);
console.log(`Peer-learning server ready at ${url} (data: ${config.DATABASE_URL ? 'Postgres' : config.DATA_DIR})`);

// SIGTERM (a deploy, Ctrl-C): stop taking new work, let in-flight writes commit, tell clients, exit cleanly.
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing`);
    app.close().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
