import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';

/**
 * Broadcasts between nodes through one Redis stream (Socket.IO's Redis Streams adapter): every node reads the
 * stream in the same order, and a node that restarts resumes from the stream rather than losing messages.
 */
export async function redisAdapter(url: string, streamName: string) {
  const client = createClient({ url });
  client.on('error', (err) => console.error('[error] redis', err.message));
  await client.connect();
  return {
    adapter: createAdapter(client, { streamName }),
    close: async () => {
      await client.quit().catch(() => undefined);
    },
  };
}
