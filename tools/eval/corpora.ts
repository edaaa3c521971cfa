import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/config.js';

/** The shared corpora folder: CHRONIQUE_CORPORA, else `../shared/corpora` next to the repository. */
export function corporaDir(): string {
  return process.env.CHRONIQUE_CORPORA ? path.resolve(process.env.CHRONIQUE_CORPORA) : path.resolve(PACKAGE_ROOT, '..', 'shared', 'corpora');
}
