/**
 * A run never reads its own output back and never overwrites an input, wherever the output folder is: inside the
 * corpus, equal to it, reached through a symlink on either side, or linked to from inside the corpus. Paths are
 * compared resolved (fs.realpath), never as written.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCorpus } from '../../src/runner/run-corpus.js';
import { InputOverwriteError } from '../../src/runner/own-output.js';
import { datasetFingerprint, FRENCH_PARAGRAPH, FRENCH_SENTENCES, listTree, readDataset, runCli, tempDirs, writeFiles } from '../helpers/hostile.js';
import { rulesOnlyPipeline } from '../helpers/hostile-pipeline.js';
import { NO_MODEL_FLAGS } from '../helpers/hostile-cli.js';

const temps = tempDirs();
const temp = temps.temp;

const CORPUS: Record<string, string> = {
  'a.txt': `date 2024-03-01 Premier\n${FRENCH_PARAGRAPH}`,
  'feed.jsonl': [1, 2].map((n) => JSON.stringify({ id: `f${n}`, text: FRENCH_SENTENCES.slice(0, n + 2).join(' '), published: '2024-03-20' })).join('\n'),
};
let clean: Record<string, string>;

beforeAll(async () => {
  const corpus = await temp('own-clean-corpus');
  await writeFiles(corpus, CORPUS);
  const out = await temp('own-clean-out');
  await runCorpus(await rulesOnlyPipeline(), corpus, out);
  clean = await datasetFingerprint(out);
});

afterAll(async () => {
  await temps.removeAll();
});

/** Dataset files only: the manifest names the corpus files, which is what these layouts must not change either. */
const datasetOnly = (fingerprint: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(fingerprint).filter(([name]) => name !== 'manifest'));

/** Three runs, as in the report that found the dataset growing 1 → 6 → 16 articles. */
async function threeRuns(corpusDir: string, outDir: string): Promise<number[]> {
  const counts: number[] = [];
  for (let run = 0; run < 3; run++) counts.push((await runCorpus(await rulesOnlyPipeline(), corpusDir, outDir)).articles);
  return counts;
}

describe('the output is never read back as input', () => {
  it('--out inside the corpus but written through a symlink to the corpus', async () => {
    const base = await temp('own-link-out');
    const corpus = path.join(base, 'corpus');
    await writeFiles(corpus, CORPUS);
    await fs.symlink(corpus, path.join(base, 'alias'));
    const out = path.join(base, 'alias', 'out');
    expect(await threeRuns(corpus, out)).toEqual([3, 3, 3]);
    expect(await datasetFingerprint(out)).toEqual(clean);
  });

  it('the corpus reached through a symlink, --out inside it as written', async () => {
    const base = await temp('own-link-corpus');
    const corpus = path.join(base, 'corpus');
    await writeFiles(corpus, CORPUS);
    await fs.symlink(corpus, path.join(base, 'alias'));
    expect(await threeRuns(path.join(base, 'alias'), path.join(corpus, 'out'))).toEqual([3, 3, 3]);
    expect(await datasetFingerprint(path.join(corpus, 'out'))).toEqual(clean);
  });

  it('a symlink inside the corpus to the output folder, and one to a dataset file', async () => {
    const corpus = await temp('own-mirror');
    await writeFiles(corpus, CORPUS);
    const out = path.join(corpus, 'out');
    await fs.mkdir(out);
    await fs.symlink(out, path.join(corpus, 'mirror'));
    await fs.symlink(path.join(out, 'articles.jsonl'), path.join(corpus, 'zz-articles.jsonl'));
    expect(await threeRuns(corpus, out)).toEqual([3, 3, 3]);
    expect(datasetOnly(await datasetFingerprint(out))).toEqual(datasetOnly(clean));
  });

  it('--out equal to the corpus, written through a symlink; report.html beside the dataset is not read either', async () => {
    const base = await temp('own-same');
    const corpus = path.join(base, 'corpus');
    await writeFiles(corpus, CORPUS);
    await fs.symlink(corpus, path.join(base, 'alias'));
    expect(await threeRuns(corpus, path.join(base, 'alias'))).toEqual([3, 3, 3]);
    // What `chronique report` writes into the dataset folder.
    await writeFiles(corpus, { 'report.html': '<!DOCTYPE html><html><body><p>Le rapport du jeu de données.</p></body></html>' });
    expect((await runCorpus(await rulesOnlyPipeline(), corpus, corpus)).articles).toBe(3);
    expect(await datasetFingerprint(corpus)).toEqual(clean);
    for (const [name, content] of Object.entries(CORPUS)) expect(await fs.readFile(path.join(corpus, name), 'utf8')).toBe(content);
  });
});

describe('an input is never overwritten by the output', () => {
  for (const name of ['articles.jsonl', 'events.jsonl', 'manifest.json']) {
    it(`--out = the corpus holding an input named ${name}: refused before anything is written`, async () => {
      const corpus = await temp('own-clash');
      const input = name.endsWith('.json') ? JSON.stringify({ text: FRENCH_PARAGRAPH }) : JSON.stringify({ text: FRENCH_PARAGRAPH, published: '2024-03-01' });
      await writeFiles(corpus, { ...CORPUS, [name]: input });
      const before = (await listTree(corpus)).sort();
      const rejected = runCorpus(await rulesOnlyPipeline(), corpus, corpus);
      await expect(rejected).rejects.toThrow(InputOverwriteError);
      await expect(rejected).rejects.toThrow(`input ${path.join(corpus, name)} would be overwritten by the output file ${path.join(await fs.realpath(corpus), name)}`);
      expect(await fs.readFile(path.join(corpus, name), 'utf8')).toBe(input);
      expect((await listTree(corpus)).sort()).toEqual(before);
    });
  }

  it('CLI: exit 2 with the message; the input is untouched and nothing is written', { timeout: 180_000 }, async () => {
    const corpus = await temp('own-clash-cli');
    const input = JSON.stringify({ text: FRENCH_PARAGRAPH });
    await writeFiles(corpus, { ...CORPUS, 'articles.jsonl': input });
    const result = await runCli(['run', corpus, '--out', corpus, '--no-progress', ...NO_MODEL_FLAGS]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot start: input ${path.join(corpus, 'articles.jsonl')} would be overwritten by the output file`);
    expect(await fs.readFile(path.join(corpus, 'articles.jsonl'), 'utf8')).toBe(input);
    expect((await listTree(corpus)).sort()).toEqual(['a.txt', 'articles.jsonl', 'feed.jsonl']);
  });

  it('CLI: a dataset file named as an input (`run out/articles.jsonl --out out`) is refused, the dataset kept', { timeout: 180_000 }, async () => {
    const corpus = await temp('own-named');
    await writeFiles(corpus, CORPUS);
    const out = await temp('own-named-out');
    await runCorpus(await rulesOnlyPipeline(), corpus, out);
    const result = await runCli(['run', path.join(out, 'articles.jsonl'), path.join(corpus, 'a.txt'), '--out', out, '--no-progress', ...NO_MODEL_FLAGS]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot start: input ${path.join(out, 'articles.jsonl')} would be overwritten`);
    expect(await datasetFingerprint(out)).toEqual(clean);
    expect((await readDataset(out)).articles).toHaveLength(3);
  });
});
