/**
 * The Redis address given with `--queue redis://HOST:PORT[/DB]`, and the checks made before any work: Redis must be
 * reachable, and configured with `maxmemory-policy noeviction` — under an evicting policy Redis may silently drop
 * job keys when memory runs short, and BullMQ's guarantees (no job lost) no longer hold.
 */
import { Redis } from 'ioredis';

export class QueueSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueSetupError';
  }
}

export interface QueueAddress {
  /** The URL as given, handed to the Redis client. */
  url: string;
  /** The URL without any password, for messages and the manifest. */
  display: string;
}

export function parseQueueAddress(value: string): QueueAddress {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new QueueSetupError(`--queue ${value}: not a URL; expected redis://HOST:PORT[/DB]`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new QueueSetupError(`--queue ${value}: expected a redis:// or rediss:// URL`);
  if (!parsed.hostname) throw new QueueSetupError(`--queue ${value}: no host; expected redis://HOST:PORT[/DB]`);
  const db = parsed.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new QueueSetupError(`--queue ${value}: database "${db}" is not a number; expected redis://HOST:PORT[/DB]`);
  const display = `${parsed.protocol}//${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${db ? `/${db}` : ''}`;
  return { url: value, display };
}

/**
 * Connects for BullMQ (which wants `maxRetriesPerRequest: null`: its blocking commands must wait out a reconnect)
 * after checking that Redis answers and does not evict. Throws QueueSetupError with what to do otherwise.
 */
export async function connectQueue(address: QueueAddress): Promise<Redis> {
  await checkRedis(address);
  const client = new Redis(address.url, { maxRetriesPerRequest: null, lazyConnect: true });
  // Reconnection is ioredis' job; an error event without a listener would crash the process instead.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

export async function checkRedis(address: QueueAddress): Promise<void> {
  let lastError = '';
  // No retries here: an unreachable server must be an error at start, not an endless wait.
  const probe = new Redis(address.url, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  probe.on('error', (error: Error) => (lastError = error.message));
  try {
    try {
      await probe.connect();
    } catch (error) {
      throw new QueueSetupError(`cannot reach Redis at ${address.display}: ${lastError || (error instanceof Error ? error.message : String(error))} (start one with: redis-server --port PORT --maxmemory-policy noeviction)`);
    }
    const info = await probe.info('memory');
    const policy = /^maxmemory_policy:(.+)$/m.exec(info)?.[1]?.trim();
    if (policy && policy !== 'noeviction') {
      throw new QueueSetupError(`Redis at ${address.display} has maxmemory-policy ${policy}: it may evict queued jobs; BullMQ requires noeviction (redis-cli -u ${address.display} config set maxmemory-policy noeviction, or maxmemory-policy noeviction in redis.conf)`);
    }
  } finally {
    probe.disconnect();
  }
}
