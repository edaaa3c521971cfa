import { createHash } from 'node:crypto';

/** Hex sha256 of a string's UTF-8 bytes: article hashes and cache keys. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
