/** The one import reader (src/util/imports.ts) that the code hash, the layering test and the start-up test share. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importClosure, importsIn, packageOf } from '../../src/util/imports.js';

describe('imports', () => {
  it('reads static, type-only, side-effect, re-export and literal dynamic imports', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "import './side.js';",
      "export { c } from './c.js';",
      "export type { D } from './d.js';",
      'import {',
      '  e,',
      '  f,',
      "} from '@scope/pkg/sub';",
      "const g = await import('./g.js');",
      'const h = await import(name);',
    ].join('\n');
    expect(importsIn(text)).toEqual([
      { specifier: './a.js', kind: 'static' },
      { specifier: '../b.js', kind: 'type' },
      { specifier: './side.js', kind: 'static' },
      { specifier: './c.js', kind: 'static' },
      { specifier: './d.js', kind: 'type' },
      { specifier: '@scope/pkg/sub', kind: 'static' },
      { specifier: './g.js', kind: 'dynamic' },
    ]);
    expect([packageOf('@scope/pkg/sub'), packageOf('chrono-node/dist/x')]).toEqual(['@scope/pkg', 'chrono-node']);
  });

  it('follows only the kinds asked for', () => {
    const src = path.resolve(import.meta.dirname, '..', '..', 'src');
    const entry = [path.join(src, 'pipeline.ts')];
    const all = importClosure(entry, { root: src, kinds: ['static', 'type', 'dynamic'] });
    const loaded = importClosure(entry, { root: src, kinds: ['static'] });
    const english = (modules: Set<string>): boolean => [...modules].some((m) => m.includes(`${path.sep}lang${path.sep}en${path.sep}`));
    expect(english(all.modules)).toBe(true);
    expect(english(loaded.modules)).toBe(false);
    expect(all.packages).toContain('compromise');
  });
});
