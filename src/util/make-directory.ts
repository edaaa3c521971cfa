/**
 * `mkdir -p` that always ends. Node 20's `fs.mkdir(dir, { recursive: true })` never settles when the parent exists
 * but refuses children with ENOENT (`/proc/self/out`, some FUSE and network mounts): it retries the parent forever.
 * Creating one level at a time and retrying a level only once turns that case into a plain ENOENT error.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export async function makeDirectory(dir: string): Promise<void> {
  const target = path.resolve(dir);
  try {
    await fs.mkdir(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if (!(await fs.stat(target)).isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${target}'`), { code: 'ENOTDIR', path: target });
      return;
    }
    const parent = path.dirname(target);
    if (code !== 'ENOENT' || parent === target) throw error;
    await makeDirectory(parent);
    // Second and last try: if the parent now exists and this still fails, the error is the real answer.
    await fs.mkdir(target).catch(async (retryError: NodeJS.ErrnoException) => {
      if (retryError.code !== 'EEXIST' || !(await fs.stat(target)).isDirectory()) throw retryError;
    });
  }
}
