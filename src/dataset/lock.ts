/**
 * One writer per output folder: `<out>/.chronique.lock` holds `{pid, host, bootId}` of the run that owns the folder
 * (dataset, generations and cache). It is created with its content in one step (`link` of a written temporary file,
 * which fails when the lock exists), so a lock file is never seen empty. A lock whose process is gone is stale: same
 * host and either another boot or no process with that pid. A stale lock is removed under a second, short-lived lock
 * (`.chronique.lock.break`), so that two runs breaking the same stale lock cannot each remove the other's fresh one.
 */
import { readFileSync, unlinkSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE = '.chronique.lock';
const BREAK_FILE = `${LOCK_FILE}.break`;

export interface LockHolder {
  pid: number;
  host: string;
  bootId: string;
}

/** Another live run holds the folder; `holder` is what its lock file says. */
export class LockedError extends Error {
  override name = 'LockedError';
  constructor(readonly lockPath: string, readonly holder: LockHolder | null) {
    super(
      holder
        ? `output folder is in use by another chronique run (pid ${holder.pid} on ${holder.host}; lock ${lockPath}); wait for it, or remove the lock if that process is gone`
        : `output folder is in use by another chronique run (unreadable lock ${lockPath}); remove it if no run is going on`,
    );
  }
}

function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return '';
  }
}

const self = (): LockHolder => ({ pid: process.pid, host: os.hostname(), bootId: bootId() });

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid === 'number' && Number.isInteger(value.pid) && value.pid > 0 && typeof value.host === 'string') return { pid: value.pid, host: value.host, bootId: typeof value.bootId === 'string' ? value.bootId : '' };
  } catch {
    // Not JSON: not a lock this program wrote; treated as held (never removed on a guess).
  }
  return null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stale: written on this host by a process that no longer runs (or before a reboot). Other hosts are never judged. */
function isStale(holder: LockHolder | null): boolean {
  if (!holder) return false;
  const me = self();
  if (holder.host !== me.host) return false;
  if (holder.bootId && me.bootId && holder.bootId !== me.bootId) return true;
  return holder.pid !== me.pid && !isAlive(holder.pid);
}

async function readHolder(file: string): Promise<LockHolder | null | undefined> {
  try {
    return parseHolder(await fs.readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

let temporaries = 0;

/** Creates `file` holding `content` only if it does not exist (EEXIST otherwise). */
async function createExclusive(file: string, content: string): Promise<void> {
  const temporary = `${file}.${process.pid}-${(temporaries += 1)}.tmp`;
  await fs.writeFile(temporary, content);
  try {
    await fs.link(temporary, file);
  } finally {
    await fs.rm(temporary, { force: true });
  }
}

export class OutputLock {
  private released = false;
  private readonly onExit = (): void => this.releaseSync();

  private constructor(readonly file: string, private readonly content: string) {
    // A second signal exits at once (process.exit): the lock goes with the process instead of waiting to be judged stale.
    process.on('exit', this.onExit);
  }

  /** Takes the folder's lock; throws LockedError naming the holder when a live run has it. `outDir` must exist. */
  static async acquire(outDir: string, onWarning?: (message: string) => void): Promise<OutputLock> {
    const file = path.join(outDir, LOCK_FILE);
    const content = `${JSON.stringify(self())}\n`;
    for (let attempt = 0; ; attempt++) {
      try {
        await createExclusive(file, content);
        return new OutputLock(file, content);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = await readHolder(file);
      if (holder === undefined) continue; // released between our try and the read
      if (attempt >= 3 || !isStale(holder)) throw new LockedError(file, holder);
      if (await breakStale(file, holder)) onWarning?.(`removed the stale lock of pid ${holder!.pid} on ${holder!.host} (that run ended without releasing it)`);
    }
  }

  /** Removes the lock if it is still this run's. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    process.off('exit', this.onExit);
    if ((await fs.readFile(this.file, 'utf8').catch(() => '')) === this.content) await fs.rm(this.file, { force: true });
  }

  private releaseSync(): void {
    if (this.released) return;
    this.released = true;
    try {
      if (readFileSync(this.file, 'utf8') === this.content) unlinkSync(this.file);
    } catch {
      // Gone already, or unreadable: the next run judges it.
    }
  }
}

/** Removes the stale lock `holder` if it is still the one in place; false when it did not (another run is breaking it, or it changed). */
async function breakStale(file: string, holder: LockHolder | null): Promise<boolean> {
  const breaker = path.join(path.dirname(file), BREAK_FILE);
  try {
    await createExclusive(breaker, `${JSON.stringify(self())}\n`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A breaker that died in its few instructions between create and remove is itself stale.
    const other = await readHolder(breaker);
    if (other !== undefined && isStale(other)) await fs.rm(breaker, { force: true });
    return false;
  }
  try {
    const now = await readHolder(file);
    if (now === undefined || JSON.stringify(now) !== JSON.stringify(holder)) return false; // released or replaced meanwhile
    await fs.rm(file, { force: true });
    return true;
  } finally {
    await fs.rm(breaker, { force: true });
  }
}
