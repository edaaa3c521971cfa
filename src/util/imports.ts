/**
 * The one reader of a module's imports, for everything that walks the import graph: the code hash (the modules that
 * make results), the layering test and the start-up test. It reads the source text, no TypeScript parser: imports are
 * written one way in this code base (`import … from '…'`, `export … from '…'`, `import '…'`, `import('…')` with a
 * literal), and a walker that misses one would be caught by the tests that use it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** `static`: `import`/`export … from` and side-effect `import '…'`; `type`: `import type`/`export type`; `dynamic`: `import('…')`. */
export type ImportKind = 'static' | 'type' | 'dynamic';

export interface ImportSpecifier {
  specifier: string;
  kind: ImportKind;
}

const IMPORT = /^\s*(?:import|export)\s+(?<type>type\s+)?(?:[^'"();]*?\bfrom\s*)?['"](?<from>[^'"]+)['"]|\bimport\s*\(\s*['"](?<dynamic>[^'"]+)['"]\s*\)/gm;

/** The imports written in a module's text, in order. */
export function importsIn(text: string): ImportSpecifier[] {
  const out: ImportSpecifier[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const { type, from, dynamic } = match.groups ?? {};
    if (dynamic !== undefined) out.push({ specifier: dynamic, kind: 'dynamic' });
    else if (from !== undefined) out.push({ specifier: from, kind: type ? 'type' : 'static' });
  }
  return out;
}

export const isRelative = (specifier: string): boolean => specifier.startsWith('./') || specifier.startsWith('../');

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`, `name/sub` → `name`). */
export function packageOf(specifier: string): string {
  return specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
}

/** The file a relative specifier resolved against a folder names: `x.js` is `x.js` when built and `x.ts` in the sources. */
export function resolveModule(specifierPath: string): string | null {
  const base = specifierPath.replace(/\.(?:js|ts)$/, '');
  const candidates = specifierPath.endsWith('.json') ? [specifierPath] : [`${base}.ts`, `${base}.js`];
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

export interface ImportClosure {
  /** Absolute paths of the modules reached, entries included. */
  modules: Set<string>;
  /** Bare packages imported along the way. */
  packages: Set<string>;
}

/**
 * The modules reachable from `entries` (absolute paths) through the imports of the given kinds, staying inside
 * `root`; the bare packages those modules import, through the same kinds.
 */
export function importClosure(entries: readonly string[], options: { root: string; kinds: readonly ImportKind[] }): ImportClosure {
  const root = path.resolve(options.root);
  const modules = new Set<string>();
  const packages = new Set<string>();
  const pending: string[] = [];
  const visit = (absolute: string | null): void => {
    if (!absolute || modules.has(absolute) || path.relative(root, absolute).startsWith('..')) return;
    modules.add(absolute);
    pending.push(absolute);
  };
  for (const entry of entries) visit(resolveModule(entry));
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (file.endsWith('.json')) continue;
    for (const { specifier, kind } of importsIn(readFileSync(file, 'utf8'))) {
      if (!options.kinds.includes(kind)) continue;
      if (isRelative(specifier)) visit(resolveModule(path.resolve(path.dirname(file), specifier)));
      else if (!specifier.startsWith('node:')) packages.add(packageOf(specifier));
    }
  }
  return { modules, packages };
}
