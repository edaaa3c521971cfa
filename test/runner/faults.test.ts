/**
 * Faults around the pipeline: a model that cannot load, an input that vanishes or cannot be read, an output folder
 * that cannot be written, a disk that fills up, a run interrupted, an article that runs away. Each must end with a
 * clear message naming the path, the right exit code, the previous dataset untouched — and a re-run afterwards must
 * give exactly the dataset of a clean run.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OutputError } from '../../src/dataset/writer.js';
import { defaultStages, Pipeline } from '../../src/pipeline.js';
import { runCorpus } from '../../src/runner/run-corpus.js';
import type { Stage } from '../../src/stages/stage.js';
import { createNerStage } from '../../src/stages/ner.js';
import { articlesById, datasetFingerprint, FRENCH_PARAGRAPH, FRENCH_SENTENCES, listTree, readDataset, runCli, tempDirs, writeFiles } from '../helpers/hostile.js';
import { rulesOnlyConfig, rulesOnlyPipeline, rulesOnlyStages } from '../helpers/hostile-pipeline.js';
import { NO_MODEL_FLAGS } from '../helpers/hostile-cli.js';
import { FOREIGN_MODEL_DIR } from '../helpers/ner-models.js';
import { parseCorpusText } from '../../src/ingest/parse.js';

// Command-line runs start a whole process (model runtime included): on a loaded 2-core machine that takes seconds.
vi.setConfig({ testTimeout: 180_000 });

const temps = tempDirs();
const temp = temps.temp;

/** A small corpus of good articles, and what a clean run makes of it (the reference for every re-run). */
let corpus: string;
let cleanFingerprint: Record<string, string>;

beforeAll(async () => {
  corpus = await temp('faults-corpus');
  const files: Record<string, string> = {};
  for (let i = 0; i < 12; i++) files[`a${String(i).padStart(2, '0')}.txt`] = `date 2024-03-${String(i + 1).padStart(2, '0')} Article ${i}\n${FRENCH_PARAGRAPH}`;
  files['feed.jsonl'] = [1, 2, 3].map((n) => JSON.stringify({ id: `f${n}`, text: FRENCH_SENTENCES.slice(0, n + 2).join(' '), published: '2024-03-20' })).join('\n');
  await writeFiles(corpus, files);
  const cleanOut = await temp('faults-clean');
  await runCorpus(await rulesOnlyPipeline(), corpus, cleanOut);
  cleanFingerprint = await datasetFingerprint(cleanOut);
});

afterAll(async () => {
  await temps.removeAll();
});

/** True when the command line's default pipeline loads the NER model (the model-fault checks then apply to it). */
const cliLoadsModel = defaultStages().some((stage) => stage.name === 'ner');

describe('model faults stop the run before any article', () => {
  it('a missing model folder: Pipeline.create rejects, naming the path', async () => {
    const config = rulesOnlyConfig({ ner: { enabled: true, modelDir: '/nonexistent/chronique-model' } });
    await expect(Pipeline.create(config, [createNerStage()])).rejects.toThrow(/\/nonexistent\/chronique-model/);
  });

  it('a model folder with a corrupt config.json: rejects, naming the file', async () => {
    const modelDir = await temp('bad-model');
    await writeFiles(modelDir, { 'config.json': '{"id2label": {"0": "O", ', 'tokenizer.json': '{}', 'onnx/model_quantized.onnx': 'not onnx' });
    const config = rulesOnlyConfig({ ner: { enabled: true, modelDir } });
    await expect(Pipeline.create(config, [createNerStage()])).rejects.toThrow(new RegExp(`${path.join(modelDir, 'config.json').replaceAll('/', '\\/')}`));
  });

  it('a model folder whose weights are not ONNX: rejects, naming the weights file', async () => {
    const modelDir = await temp('junk-weights');
    await writeFiles(modelDir, {
      'config.json': JSON.stringify({ id2label: { 0: 'O', 1: 'B-PER', 2: 'I-PER' } }),
      'tokenizer.json': '{"garbage": true}',
      'tokenizer_config.json': '{}',
      'onnx/model_quantized.onnx': 'this is not an ONNX graph',
    });
    const config = rulesOnlyConfig({ ner: { enabled: true, modelDir } });
    await expect(Pipeline.create(config, [createNerStage()])).rejects.toThrow(new RegExp(modelDir.replaceAll('/', '\\/')));
  });

  it.skipIf(!cliLoadsModel)('CLI: --model /nonexistent exits 2 with a message naming the path, writing nothing', async () => {
    const out = path.join(await temp('model-out'), 'out');
    const result = await runCli(['run', corpus, '--out', out, '--no-progress', '--model', '/nonexistent/model']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot start: .*\/nonexistent\/model/);
    await expect(fs.stat(out)).rejects.toThrow(); // stopped before any article, before the output folder
  });

  it.skipIf(!cliLoadsModel)('CLI: a model folder with bad JSON config exits 2 naming the config file', async () => {
    const modelDir = await temp('bad-model-cli');
    await writeFiles(modelDir, { 'config.json': '{oops', 'onnx/model_quantized.onnx': 'x' });
    const result = await runCli(['run', corpus, '--out', path.join(modelDir, 'out'), '--no-progress', '--model', modelDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(path.join(modelDir, 'config.json'));
  });
});

describe('a corpus path that is not a folder stops the run before the output is touched', () => {
  it('a missing folder: exit 2 naming the path; the previous dataset and its cache stay as they were', async () => {
    const out = await temp('bad-corpus-out');
    await runCorpus(await rulesOnlyPipeline(), corpus, out);
    const before = await datasetFingerprint(out);
    const cacheBefore = (await listTree(out)).filter((file) => file.startsWith('.cache/'));
    const missing = path.join(corpus, 'no-such-folder');
    await expect(runCorpus(await rulesOnlyPipeline(), missing, out)).rejects.toThrow(`corpus folder not found: ${missing}`);
    // `run FILE` processes that file; a path that does not exist stops the run before anything is written.
    const result = await runCli(['run', missing, '--out', out, '--no-progress', ...NO_MODEL_FLAGS]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`input not found: ${missing}`);
    expect(await datasetFingerprint(out)).toEqual(before);
    expect((await listTree(out)).filter((file) => file.startsWith('.cache/'))).toEqual(cacheBefore);
  });
});

describe('an output folder inside the corpus is never read back as input', () => {
  it('out inside the corpus, and out = the corpus itself: re-runs give the same dataset as a clean run', async () => {
    for (const outName of ['nested/out', '.']) {
      const local = await temp('self-corpus');
      await fs.cp(corpus, local, { recursive: true });
      const out = path.resolve(local, outName);
      await runCorpus(await rulesOnlyPipeline(), local, out);
      await runCorpus(await rulesOnlyPipeline(), local, out);
      const again = await runCorpus(await rulesOnlyPipeline(), local, out);
      expect(again.articles, outName).toBe(15);
      expect(await datasetFingerprint(out), outName).toEqual(cleanFingerprint);
    }
  });
});

describe('a bad extra-triggers file stops the run before any article', () => {
  it('missing, not JSON, or not trigger rows: exit 2 naming the file; no output written', async () => {
    const base = await temp('triggers');
    await writeFiles(base, { 'bad.json': '{oops', 'shape.json': '[{"lemma": 3}]' });
    for (const file of [path.join(base, 'missing.json'), path.join(base, 'bad.json'), path.join(base, 'shape.json')]) {
      const out = path.join(base, 'out');
      const result = await runCli(['run', corpus, '--out', out, '--no-progress', '--triggers', file, ...NO_MODEL_FLAGS]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(`cannot start: Invalid extra triggers file ${file}`);
      await expect(fs.stat(out)).rejects.toThrow();
    }
  });
});

describe('input faults become error articles; the run goes on', () => {
  it('a file removed between the walk and the read is an error naming it; a re-run without it equals a clean run', async () => {
    const local = await temp('vanish-corpus');
    await fs.cp(corpus, local, { recursive: true });
    await writeFiles(local, { 'zz-vanishing.txt': FRENCH_PARAGRAPH });
    const out = await temp('vanish-out');
    const summary = await runCorpus(await rulesOnlyPipeline(), local, out, {
      onStart: () => execFileSync('rm', [path.join(local, 'zz-vanishing.txt')]),
    });
    expect(summary).toMatchObject({ error: 1, ok: 15 });
    const row = articlesById(await readDataset(out)).get('zz-vanishing.txt');
    expect(row).toMatchObject({ status: 'error' });
    expect(String(row?.reason)).toMatch(/^zz-vanishing\.txt: ENOENT: no such file or directory/);
    await runCorpus(await rulesOnlyPipeline(), local, out);
    expect(await datasetFingerprint(out)).toEqual(cleanFingerprint);
  });

  it('a file swapped for a FIFO after the walk is an error, not a hang', async () => {
    const local = await temp('fifo-corpus');
    await writeFiles(local, { 'a.txt': FRENCH_PARAGRAPH, 'b.txt': FRENCH_PARAGRAPH });
    const out = await temp('fifo-out');
    const summary = await runCorpus(await rulesOnlyPipeline(), local, out, {
      onStart: () => {
        execFileSync('rm', [path.join(local, 'b.txt')]);
        execFileSync('mkfifo', [path.join(local, 'b.txt')]);
      },
    });
    expect(summary).toMatchObject({ ok: 1, error: 1 });
    expect(articlesById(await readDataset(out)).get('b.txt')?.reason).toBe('b.txt: not a regular file (FIFO, socket or device), not read');
  });

  it('a file that grew past the size limit after the walk is refused at read time', async () => {
    const local = await temp('grow-corpus');
    await writeFiles(local, { 'a.txt': FRENCH_PARAGRAPH, 'b.txt': 'court' });
    const out = await temp('grow-out');
    const summary = await runCorpus(await rulesOnlyPipeline({ run: { maxFileBytes: 4096 } }), local, out, {
      onStart: () => execFileSync('truncate', ['-s', '10000', path.join(local, 'b.txt')]),
    });
    expect(summary).toMatchObject({ ok: 1, error: 1 });
    expect(articlesById(await readDataset(out)).get('b.txt')?.reason).toMatch(/^b\.txt: file too large/);
  });
});

describe('a damaged incremental cache is a miss, never a wrong result', () => {
  const cacheFiles = async (out: string): Promise<string[]> => (await listTree(out)).filter((file) => file.startsWith('.cache/')).map((file) => path.join(out, file));

  it('entries truncated, emptied or replaced by garbage: the re-run equals a clean run', async () => {
    const out = await temp('cache-garbage');
    await runCorpus(await rulesOnlyPipeline(), corpus, out);
    const files = await cacheFiles(out);
    expect(files.length).toBeGreaterThan(10);
    for (const [index, file] of files.entries()) {
      const content = await fs.readFile(file, 'utf8');
      await fs.writeFile(file, [content.slice(0, content.length >> 1), '', '\u0000garbage', '{"key": 1}'][index % 4]!);
    }
    const summary = await runCorpus(await rulesOnlyPipeline(), corpus, out);
    expect(summary.reused).toBe(0);
    expect(await datasetFingerprint(out)).toEqual(cleanFingerprint);
  });

  it('entries that are valid JSON with the right key but a wrong shape: the re-run equals a clean run', async () => {
    const out = await temp('cache-shape');
    await runCorpus(await rulesOnlyPipeline(), corpus, out);
    const entries = await cacheFiles(out);
    for (const file of entries) {
      // Past the entry's checksum header line; the entry is re-signed, so that only the shape checks can refuse it.
      const content = await fs.readFile(file, 'utf8');
      const entry = JSON.parse(content.slice(content.indexOf('\n') + 1)) as { key: string; records?: Record<string, unknown>; articles?: unknown };
      if (entry.records) entry.records = { ...entry.records, sentences: 'not an array', mentions: null };
      else entry.articles = 'not a list';
      const payload = JSON.stringify(entry);
      await fs.writeFile(file, `chronique-cache-v2 ${createHash('sha256').update(payload).digest('hex')}\n${payload}`);
    }
    const summary = await runCorpus(await rulesOnlyPipeline(), corpus, out);
    // Every entry, the 15 articles' and the 13 files', is discarded.
    expect(summary).toMatchObject({ reused: 0, cacheDiscarded: entries.length });
    expect(await datasetFingerprint(out)).toEqual(cleanFingerprint);
  });
});

describe('output faults: exit 2, a message naming the path, the previous dataset intact', () => {
  it('an output path under a regular file (ENOTDIR)', async () => {
    const base = await temp('enotdir');
    await writeFiles(base, { 'plain-file': 'x' });
    const out = path.join(base, 'plain-file', 'out');
    await expect(runCorpus(await rulesOnlyPipeline(), corpus, out)).rejects.toThrow(OutputError);
    const result = await runCli(['run', corpus, '--out', out, '--no-progress', ...NO_MODEL_FLAGS]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot write output ${out}`);
  });

  it('an output folder in /proc (not writable even for root)', async () => {
    const out = '/proc/self/chronique-out';
    const result = await runCli(['run', corpus, '--out', out, '--no-progress', ...NO_MODEL_FLAGS]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot write output ${out}`);
  });

  it('a write failing with ENOSPC (simulated, runs anywhere): "disk full", no staging or open file left, previous dataset intact', async () => {
    const out = await temp('enospc-sim');
    await runCorpus(await rulesOnlyPipeline(), corpus, out);
    const before = await datasetFingerprint(out);
    // Every FileHandle.write fails as on a full disk; the prototype is reached through a handle of our own.
    const probePath = path.join(out, 'probe');
    const probe = await fs.open(probePath, 'w');
    const handlePrototype = Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => Promise<unknown> };
    await probe.close();
    await fs.rm(probePath);
    const full = vi.spyOn(handlePrototype, 'write').mockRejectedValue(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    try {
      await expect(runCorpus(await rulesOnlyPipeline(), corpus, out)).rejects.toThrow(/^cannot write output .*: disk full \(ENOSPC/);
      expect(full).toHaveBeenCalled();
    } finally {
      full.mockRestore();
    }
    await expect(fs.stat(path.join(out, '.staging'))).rejects.toThrow();
    expect(await openFilesUnder(out)).toEqual([]);
    expect(await datasetFingerprint(out)).toEqual(before);
    await runCorpus(await rulesOnlyPipeline(), corpus, out);
    expect(await datasetFingerprint(out)).toEqual(cleanFingerprint);
  });

  it.skipIf(!canMount())('a read-only file system (EROFS): exit 2 "not writable", previous dataset intact', async () => {
    const mountPoint = await temp('ro-mount');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint]);
    try {
      const out = path.join(mountPoint, 'out');
      await runCorpus(await rulesOnlyPipeline(), corpus, out);
      const before = await datasetFingerprint(out);
      execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
      const result = await runCli(['run', corpus, '--out', out, '--no-progress', '--force', ...NO_MODEL_FLAGS]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`cannot write output ${out}.*not writable`));
      expect(await datasetFingerprint(out)).toEqual(before);
      execFileSync('mount', ['-o', 'remount,rw', mountPoint]);
      await runCorpus(await rulesOnlyPipeline(), corpus, out);
      expect(await datasetFingerprint(out)).toEqual(cleanFingerprint);
    } finally {
      execFileSync('umount', ['-l', mountPoint]); // lazy: never masks the test's own failure
    }
  });

  it.skipIf(!canMount())('a full disk (ENOSPC on a 1 MiB tmpfs): exit 2 "disk full", previous dataset intact, re-run equals a clean run', async () => {
    const mountPoint = await temp('full-mount');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint]);
    try {
      const out = path.join(mountPoint, 'out');
      await runCorpus(await rulesOnlyPipeline(), corpus, out);
      const before = await datasetFingerprint(out);
      // A corpus whose dataset cannot fit: the run must fail cleanly, not leave a half dataset.
      const big = await temp('full-corpus');
      await fs.cp(corpus, big, { recursive: true });
      await writeFiles(big, { 'huge.txt': `${FRENCH_PARAGRAPH}\n\n`.repeat(3000) });
      const result = await runCli(['run', big, '--out', out, '--no-progress', ...NO_MODEL_FLAGS]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`cannot write output ${out}.*disk full`));
      expect(await datasetFingerprint(out)).toEqual(before);
      await runCorpus(await rulesOnlyPipeline(), corpus, out);
      expect(await datasetFingerprint(out)).toEqual(cleanFingerprint);
    } finally {
      execFileSync('umount', ['-l', mountPoint]); // lazy: never masks the test's own failure
    }
  });
});

describe('interruptions and runaway articles', () => {
  it('SIGINT mid-run exits 130 and leaves the previous dataset as it was; the next run completes it exactly', async () => {
    const local = await temp('sigint-corpus');
    await fs.cp(corpus, local, { recursive: true });
    const files: Record<string, string> = {};
    for (let i = 0; i < 1200; i++) files[`bulk/b${String(i).padStart(4, '0')}.txt`] = `${FRENCH_SENTENCES[i % 5]} Numéro ${i}.`;
    await writeFiles(local, files);
    const out = await temp('sigint-out');
    await runCorpus(await rulesOnlyPipeline(), corpus, out);
    const before = await datasetFingerprint(out);
    let sent = false;
    const result = await runCli(['run', local, '--out', out, '--no-progress', '--concurrency', '1', ...NO_MODEL_FLAGS], {
      onStderr: (chunk, child) => {
        // Interrupt once articles are flowing (a progress line was printed), not before the run started.
        if (!sent && /\d+\/\d+ files/.test(chunk)) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(sent).toBe(true);
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toContain('previous dataset');
    expect(await datasetFingerprint(out)).toEqual(before);
    const complete = await temp('sigint-clean');
    await runCorpus(await rulesOnlyPipeline(), local, complete);
    await runCorpus(await rulesOnlyPipeline(), local, out);
    expect(await datasetFingerprint(out)).toEqual(await datasetFingerprint(complete));
  }, 240_000);

  it('a stage that never settles is cut at the deadline: error "timeout…", the other articles go on', async () => {
    const hang: Stage = { name: 'hang', reads: [], writes: [], run: (doc) => (doc.meta.id === 'b.txt' ? new Promise<void>(() => undefined) : undefined) };
    const local = await temp('hang-corpus');
    await writeFiles(local, { 'a.txt': FRENCH_PARAGRAPH, 'b.txt': FRENCH_PARAGRAPH, 'c.txt': FRENCH_PARAGRAPH });
    const out = await temp('hang-out');
    const pipeline = await Pipeline.create(rulesOnlyConfig({ run: { articleTimeoutMs: 300 } }), [...rulesOnlyStages(), hang]);
    const summary = await runCorpus(pipeline, local, out);
    expect(summary).toMatchObject({ ok: 2, error: 1 });
    expect(articlesById(await readDataset(out)).get('b.txt')?.reason).toBe('timeout: over 300 ms (in stage hang)');
  });

  it('a timed-out stage is told to stop (its abort signal fires) and does stop: no work runs on unseen', async () => {
    let steps = 0;
    let aborted = false;
    const slow: Stage = {
      name: 'slow',
      reads: [],
      writes: [],
      run: async (doc, signal) => {
        if (doc.meta.id !== 'b.txt') return;
        while (!signal?.aborted) {
          steps += 1;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        aborted = true;
      },
    };
    const local = await temp('abort-corpus');
    await writeFiles(local, { 'a.txt': FRENCH_PARAGRAPH, 'b.txt': FRENCH_PARAGRAPH });
    const pipeline = await Pipeline.create(rulesOnlyConfig({ run: { articleTimeoutMs: 300 } }), [...rulesOnlyStages(), slow]);
    const summary = await runCorpus(pipeline, local, await temp('abort-out'));
    expect(summary).toMatchObject({ ok: 1, error: 1 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(aborted).toBe(true);
    const stepsAfter = steps;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(steps).toBe(stepsAfter);
  });

  it('the NER stage given an aborted signal stops before any inference batch', async () => {
    const stage = createNerStage();
    const config = rulesOnlyConfig({ ner: { enabled: true, modelDir: FOREIGN_MODEL_DIR, threads: 1 } });
    await stage.init({ config });
    try {
      const [doc] = parseCorpusText('a.txt', 'Hier, Jean Dupont, de Renault, a vu Zorg à Lyon mardi pour le Tour.');
      doc!.sentences = [{ index: 0, start: 0, end: doc!.text.length, kind: 'body' }];
      await expect(stage.run(doc!, AbortSignal.abort(new Error('article time limit')))).rejects.toThrow('article time limit');
      expect(doc!.mentions).toEqual([]);
      await stage.run(doc!); // without a signal: the same article is tagged
      expect(doc!.mentions.length).toBeGreaterThan(0);
    } finally {
      await stage.dispose();
    }
  });

  it('a synchronous stage that overruns the deadline still fails its article with "timeout…"', async () => {
    const busy: Stage = {
      name: 'busy',
      reads: [],
      writes: [],
      run: (doc) => {
        if (doc.meta.id !== 'b.txt') return;
        const until = performance.now() + 250;
        while (performance.now() < until) {
          // Spins like a regex gone quadratic: it cannot be preempted, only caught when it returns.
        }
      },
    };
    const local = await temp('busy-corpus');
    await writeFiles(local, { 'a.txt': FRENCH_PARAGRAPH, 'b.txt': FRENCH_PARAGRAPH });
    const out = await temp('busy-out');
    const pipeline = await Pipeline.create(rulesOnlyConfig({ run: { articleTimeoutMs: 100 } }), [...rulesOnlyStages(), busy]);
    const summary = await runCorpus(pipeline, local, out);
    expect(summary).toMatchObject({ ok: 1, error: 1 });
    expect(articlesById(await readDataset(out)).get('b.txt')?.reason).toBe('timeout: over 100 ms (in stage busy)');
  });

  it('CLI --timeout-ms 1: every article ends "timeout…", the run goes on to the end and exits 1', async () => {
    const local = await temp('timeout-corpus');
    await writeFiles(local, { 'long.txt': `${FRENCH_PARAGRAPH}\n\n`.repeat(200), 'other.txt': `${FRENCH_PARAGRAPH}\n\n`.repeat(200) });
    const out = await temp('timeout-out');
    const result = await runCli(['run', local, '--out', out, '--no-progress', '--timeout-ms', '1', ...NO_MODEL_FLAGS]);
    expect(result.code, result.stderr).toBe(1);
    const rows = articlesById(await readDataset(out));
    expect(rows.size).toBe(2);
    for (const row of rows.values()) expect(row).toMatchObject({ status: 'error', reason: expect.stringMatching(/^timeout: over 1 ms \(in stage \w+\)$/) });
    // Timeouts are not cached: the same corpus with the normal limit processes them fully.
    const again = await runCli(['run', local, '--out', out, '--no-progress', ...NO_MODEL_FLAGS]);
    expect(again.code, again.stderr).toBe(0);
    for (const row of articlesById(await readDataset(out)).values()) expect(row.status).toBe('ok');
  });
});

function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('sh', ['-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d" && umount "$d" && rmdir "$d"'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Files under `dir` this process still holds open (Linux /proc; empty elsewhere). */
async function openFilesUnder(dir: string): Promise<string[]> {
  const fds = await fs.readdir('/proc/self/fd').catch(() => [] as string[]);
  const targets = await Promise.all(fds.map((fd) => fs.readlink(`/proc/self/fd/${fd}`).catch(() => '')));
  return targets.filter((target) => target.startsWith(`${dir}/`));
}
