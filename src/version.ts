import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from './config.js';

/** The package version; part of every cache key and provenance record. */
export const PIPELINE_VERSION: string = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
