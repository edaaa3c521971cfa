/**
 * What start-up loads: the modules the CLI and the pipeline import statically. The English engines (compromise,
 * chrono-node: ~0.5 s of CPU to import) are reached only through a dynamic import, when an English article arrives,
 * so a French corpus never pays for them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..', '..', 'src');
/** Static `import … from` / `export … from` (not `import type`, not `import(…)`), relative or bare. */
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"();]*?\bfrom\s*)?['"]([^'"]+)['"]/gm;

function staticClosure(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const pending = [path.join(SRC, entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (modules.has(file)) continue;
    modules.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const target = match[1]!;
      if (!target.startsWith('.')) {
        packages.add(target.startsWith('@') ? target.split('/').slice(0, 2).join('/') : target.split('/')[0]!);
        continue;
      }
      const resolved = path.resolve(path.dirname(file), target.replace(/\.js$/, '.ts'));
      if (existsSync(resolved)) pending.push(resolved);
    }
  }
  return { modules, packages };
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
