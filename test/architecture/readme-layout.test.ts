/**
 * README's layout section matches the tree: every path it lists exists, and every top-level entry of src/ and tools/
 * is listed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function layoutPaths(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Layout'));
  const block = /```\n([\s\S]*?)\n```/.exec(section)?.[1] ?? '';
  return block.split('\n').map((line) => /^(\S+\/\S*|\S+\.(?:ts|md|json))\s/.exec(line)?.[1]).filter((p): p is string => p !== undefined);
}

describe("README's layout section", () => {
  const listed = layoutPaths();

  it('lists only paths that exist', () => {
    expect(listed.length).toBeGreaterThan(20);
    expect(listed.filter((p) => !existsSync(path.join(ROOT, p)))).toEqual([]);
  });

  it('lists every top-level entry of src/ and tools/', () => {
    const entries = ['src', 'tools'].flatMap((dir) =>
      readdirSync(path.join(ROOT, dir), { withFileTypes: true }).map((entry) => `${dir}/${entry.name}${entry.isDirectory() ? '/' : ''}`),
    );
    expect(entries.filter((entry) => !listed.includes(entry))).toEqual([]);
  });
});
