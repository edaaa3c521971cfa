import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Hex sha256 of a string's UTF-8 bytes: article hashes and cache keys. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const fileHashes = new Map<string, string>();

/**
 * Hex sha256 of a file's bytes, remembered per path, size and modification time: the model file is fingerprinted
 * by the ner stage and named in the events' provenance, and a 20 MB read at start-up is worth doing once.
 */
export function sha256File(file: string): string {
  const resolved = path.resolve(file);
  const { size, mtimeMs } = statSync(resolved);
  const key = `${resolved}\0${size}\0${mtimeMs}`;
  let digest = fileHashes.get(key);
  if (digest === undefined) {
    digest = createHash('sha256').update(readFileSync(resolved)).digest('hex');
    fileHashes.set(key, digest);
  }
  return digest;
}
