/**
 * A real `redis-server` (the Debian package; scripts/test-setup.sh installs it) for the queue tests and bench: its
 * own loopback port, its own temporary data folder, no persistence, stopped (and the folder removed) by `stop()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const REDIS_SERVER = existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : 'redis-server';

export interface RedisServer {
  port: number;
  url: string;
  dir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** A port nobody listens on right now (the kernel's choice); another process may take it before us, hence the retries below. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startRedisServer(options: { maxmemoryPolicy?: string } = {}): Promise<RedisServer> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const port = await freePort();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chronique-redis-'));
    try {
      return await launch(port, dir, options.maxmemoryPolicy ?? 'noeviction');
    } catch (error) {
      lastError = error;
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
  throw lastError;
}

async function launch(port: number, dir: string, policy: string): Promise<RedisServer> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--maxmemory-policy', policy, '--daemonize', 'no', '--loglevel', 'notice'];
  const child = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start on port ${port} within 20 s:\n${log}`)), 20_000);
    const onData = (chunk: Buffer): void => {
      log += chunk.toString('utf8');
      if (log.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${REDIS_SERVER}: ${error.message} (install the Debian package redis-server)`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (code ${code}) before it was ready:\n${log}`));
    });
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    process: child,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
