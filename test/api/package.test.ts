/**
 * The package as npm ships it: `exports` and `types` point at the built library entry (src/index.ts) and its
 * declarations, and `npm pack` holds the runtime, the model and the schemas only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILES } from '../../src/dataset/schema.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
  main: string;
  types: string;
  bin: Record<string, string>;
  exports: Record<string, string | { types: string; import: string }>;
  files: string[];
};
const tsconfig = JSON.parse(readFileSync(path.join(REPO, 'tsconfig.json'), 'utf8')) as { compilerOptions: { outDir: string; rootDir: string; declaration: boolean } };

/** The source file that tsc compiles to `built` (outDir/rootDir of tsconfig.json). */
const sourceOf = (built: string): string => path.join(REPO, tsconfig.compilerOptions.rootDir, path.relative(tsconfig.compilerOptions.outDir, built)).replace(/\.d\.ts$|\.js$/, '.ts');

describe('package.json', () => {
  it('exports the library entry with its types, built from src/index.ts with declarations', () => {
    const root = pkg.exports['.'] as { types: string; import: string };
    expect(root.import).toBe(pkg.main);
    expect(root.types).toBe(pkg.types);
    expect(sourceOf(root.import)).toBe(path.join(REPO, 'src', 'index.ts'));
    expect(sourceOf(root.types)).toBe(path.join(REPO, 'src', 'index.ts'));
    expect(tsconfig.compilerOptions.declaration).toBe(true);
    expect(existsSync(sourceOf(pkg.bin.chronique!))).toBe(true);
  });

  it('npm pack holds the runtime, the default model and the schemas, nothing else', () => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Array<{ files: Array<{ path: string }> }>;
    const files = packed!.files.map((file) => file.path);
    const allowed = /^(package\.json|README\.md|LICENSE|dist\/src\/.+\.(js|d\.ts)|models\/chronique-ner-fr\/[^/]+\.(json|md)|models\/chronique-ner-fr\/onnx\/model_quantized\.onnx|schema\/[a-z]+\.schema\.json)$/;
    expect(files.filter((file) => !allowed.test(file))).toEqual([]);
    expect(files).toContain('models/chronique-ner-fr/onnx/model_quantized.onnx');
    expect(files).toContain('models/chronique-ner-fr/tokenizer.json');
    for (const name of Object.keys(SCHEMA_FILES)) expect(files).toContain(`schema/${name}`);
  });
});
