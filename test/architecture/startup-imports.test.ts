/**
 * What start-up loads: the modules the CLI and the pipeline import statically. The English engines (compromise,
 * chrono-node: ~0.5 s of CPU to import) are reached only through a dynamic import, when an English article arrives,
 * so a French corpus never pays for them.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importClosure, type ImportClosure } from '../../src/util/imports.js';

const SRC = path.resolve(import.meta.dirname, '..', '..', 'src');

/** What loading `entry` loads: static imports only (not `import type`, not `import(…)`), modules and packages. */
function staticClosure(entry: string): ImportClosure {
  return importClosure([path.join(SRC, entry)], { root: SRC, kinds: ['static'] });
}

describe('start-up imports', () => {
  it('the pipeline and the CLI import neither compromise nor chrono-node statically', () => {
    for (const entry of ['pipeline.ts', 'cli.ts']) {
      const { modules, packages } = staticClosure(entry);
      expect(modules.size).toBeGreaterThan(10);
      expect([...packages]).not.toContain('compromise');
      expect([...packages]).not.toContain('chrono-node');
      expect([...modules].some((m) => m.includes(`${path.sep}lang${path.sep}en${path.sep}`))).toBe(false);
    }
  });

  it('sees a static import of compromise when there is one (the walker is not blind)', () => {
    expect(staticClosure('lang/en/parse.ts').packages).toContain('compromise');
  });
});
