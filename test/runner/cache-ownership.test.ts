/**
 * The cache deletes only what it wrote: entry and temporary names in its own subfolder `<out>/.cache/chronique-v2/`.
 * `<out>/.cache/` may be someone else's (`--out ~` makes it `~/.cache`): neither `run` (pruning after a commit) nor
 * `regenerate` (starting from no entries) removes any other file there.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_DIR, cacheRoot } from '../../src/dataset/cache.js';
import { runCorpus } from '../../src/runner/run-corpus.js';
import { datasetFingerprint, FRENCH_PARAGRAPH, FRENCH_SENTENCES, listTree, runCli, tempDirs, writeFiles } from '../helpers/hostile.js';
import { rulesOnlyPipeline } from '../helpers/hostile-pipeline.js';
import { NO_MODEL_FLAGS } from '../helpers/hostile-cli.js';

const temps = tempDirs();
const temp = temps.temp;

let corpus: string;
let clean: Record<string, string>;

beforeAll(async () => {
  corpus = await temp('cache-own-corpus');
  await writeFiles(corpus, {
    'a.txt': `date 2024-03-01 Premier\n${FRENCH_PARAGRAPH}`,
    'b.txt': `date 2024-03-02 Second\n${FRENCH_SENTENCES.slice(1).join(' ')}`,
    'c.txt': `date 2024-03-03 Troisième\n${FRENCH_SENTENCES.slice(2).join(' ')}`,
  });
  const out = await temp('cache-own-clean');
  await runCorpus(await rulesOnlyPipeline(), corpus, out);
  clean = await datasetFingerprint(out);
});

afterAll(async () => {
  await temps.removeAll();
});

const KEY = 'ab'.repeat(32);
/** Files that are not the cache's, though they sit in and around its folders (some look a lot like entries). */
function foreignFiles(): Record<string, string> {
  const own = path.join(CACHE_DIR, 'chronique-v2');
  return {
    [path.join(CACHE_DIR, 'fontconfig', 'cache-1')]: 'another program',
    [path.join(CACHE_DIR, 'notes.json')]: '{"mine": true}',
    [path.join(own, 'README')]: 'a note',
    [path.join(own, 'articles', 'notes.txt')]: 'placed by hand',
    [path.join(own, 'articles', `${KEY}.json`)]: 'a key without a configuration prefix',
    [path.join(own, 'articles', `0123456789abcdef.${KEY}.json.bak`)]: 'a backup',
    [path.join(own, 'files', `.${KEY}.tmp`)]: 'not our temporary pattern',
    [path.join(own, 'files', 'keep', 'nested.json')]: 'a folder of someone else',
  };
}

async function expectForeignIntact(out: string): Promise<void> {
  for (const [name, content] of Object.entries(foreignFiles())) expect(await fs.readFile(path.join(out, name), 'utf8'), name).toBe(content);
}

const entryNames = async (out: string): Promise<string[]> => (await listTree(path.join(cacheRoot(out)))).filter((name) => /^(articles|files)\/[0-9a-f]+\.[0-9a-f]{64}\.json$/.test(name));

describe('run prunes only its own entries', () => {
  it('foreign files under .cache/ survive a run that prunes stale entries and temporaries', async () => {
    const local = await temp('cache-own-local');
    await fs.cp(corpus, local, { recursive: true });
    const out = await temp('cache-own-run');
    await runCorpus(await rulesOnlyPipeline(), local, out);
    await writeFiles(out, foreignFiles());
    // A temporary file a killed run left behind is the cache's own: pruned.
    const leftover = path.join(cacheRoot(out), 'articles', `.${KEY}.12345.1.tmp`);
    await fs.writeFile(leftover, 'half an entry');
    await fs.rm(path.join(local, 'c.txt'));
    const summary = await runCorpus(await rulesOnlyPipeline(), local, out);
    // c.txt's article entry and file entry, and the temporary.
    expect(summary.pruned).toBe(3);
    await expect(fs.stat(leftover)).rejects.toThrow();
    await expectForeignIntact(out);
    expect(await entryNames(out)).toHaveLength(4);
  });
});

describe('regenerate removes only the cache entries', () => {
  it('library (cache: rebuild): every entry goes, whatever its configuration; foreign files stay', async () => {
    const out = await temp('cache-own-rebuild');
    await runCorpus(await rulesOnlyPipeline(), corpus, out);
    await runCorpus(await rulesOnlyPipeline({ dates: { useModelSpans: false } }), corpus, out);
    expect(await entryNames(out)).toHaveLength(12);
    await writeFiles(out, foreignFiles());
    const summary = await runCorpus(await rulesOnlyPipeline(), corpus, out, {}, { cache: 'rebuild' });
    expect(summary).toMatchObject({ processed: 3, reused: 0 });
    // The other configuration's six entries went with the rebuild; this run wrote its own six again.
    expect(await entryNames(out)).toHaveLength(6);
    await expectForeignIntact(out);
    expect(await datasetFingerprint(out)).toEqual(clean);
  });

  it('an older layout (.cache/v1/): its entries go, its folders too once empty; a folder with a foreign file stays', async () => {
    const out = await temp('cache-own-v1');
    await writeFiles(out, {
      [`.cache/v1/articles/0123456789abcdef.${KEY}.json`]: '{"key": "old"}',
      [`.cache/v1/files/0123456789abcdef.${KEY}.json`]: '{"key": "old"}',
      [`.cache/v1/files/.${KEY}.99.1.tmp`]: 'old temporary',
      '.cache/v1/articles/mine.txt': 'someone else',
    });
    await runCorpus(await rulesOnlyPipeline(), corpus, out);
    expect((await listTree(path.join(out, '.cache', 'v1'))).sort()).toEqual(['articles/mine.txt']);
    await fs.rm(path.join(out, '.cache/v1/articles/mine.txt'));
    await runCorpus(await rulesOnlyPipeline(), corpus, out);
    await expect(fs.stat(path.join(out, '.cache', 'v1'))).rejects.toThrow();
  });

  it('CLI: `regenerate --out <home-like folder>` leaves the rest of its .cache/ alone', { timeout: 180_000 }, async () => {
    const home = await temp('cache-own-home');
    await writeFiles(home, foreignFiles());
    const first = await runCli(['run', corpus, '--out', home, '--no-progress', ...NO_MODEL_FLAGS]);
    expect(first.code, first.stderr).toBe(0);
    const again = await runCli(['regenerate', corpus, '--out', home, '--no-progress', ...NO_MODEL_FLAGS]);
    expect(again.code, again.stderr).toBe(0);
    await expectForeignIntact(home);
    expect(await entryNames(home)).toHaveLength(6);
  });
});
