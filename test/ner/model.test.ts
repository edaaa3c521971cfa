import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { createDocument, type Document } from '../../src/document.js';
import { argmaxTags } from '../../src/ner/decode.js';
import { NerModelError } from '../../src/ner/model.js';
import { NerTagger } from '../../src/ner/tagger.js';
import { NerStage } from '../../src/stages/ner.js';
import { FOREIGN_MODEL_DIR, SEED_GOLD_FILE, SEED_TEXT_FILE, SHIPPED_MODEL_DIR, TMP_DIR } from '../helpers/ner-models.js';

function documentOf(text: string, sentences: Array<[number, number]>): Document {
  const doc = createDocument(
    { id: 'test', source: 'test', sha256: '', title: null, published: null, url: null, declaredLanguage: null },
    text,
    { start: 0, end: text.length },
    null,
  );
  doc.sentences = sentences.map(([start, end], index) => ({ start, end, index, kind: 'body' }));
  return doc;
}

describe('model load errors stop the run in init, naming the path', () => {
  let scratch: string;
  beforeAll(() => {
    mkdirSync(TMP_DIR, { recursive: true });
    scratch = mkdtempSync(path.join(TMP_DIR, 'ner-load-'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  /** A copy of the fixture model with one thing broken. */
  function brokenCopy(name: string, breakIt: (dir: string) => void): string {
    const dir = path.join(scratch, name);
    cpSync(FOREIGN_MODEL_DIR, dir, { recursive: true });
    breakIt(dir);
    return dir;
  }

  async function initError(modelDir: string, dtype: 'q8' | 'fp32' = 'q8'): Promise<NerModelError> {
    const stage = new NerStage();
    try {
      await stage.init({ config: resolveConfig({ ner: { modelDir, dtype, threads: 1 } }) });
    } catch (error) {
      expect(error).toBeInstanceOf(NerModelError);
      return error as NerModelError;
    }
    await stage.dispose();
    throw new Error('init did not fail');
  }

  it('missing folder', async () => {
    const missing = path.join(scratch, 'no-such-model');
    const error = await initError(missing);
    expect(error.path).toBe(missing);
    expect(error.message).toContain(`NER model folder not found: ${missing}`);
  });

  it('bad JSON in config.json', async () => {
    const dir = brokenCopy('bad-config', (d) => writeFileSync(path.join(d, 'config.json'), '{"id2label": {"0": "O",'));
    const error = await initError(dir);
    expect(error.path).toBe(path.join(dir, 'config.json'));
    expect(error.message).toMatch(/NER model config is not valid JSON: .*config\.json/);
  });

  it('bad JSON in tokenizer.json', async () => {
    const dir = brokenCopy('bad-tokenizer', (d) => writeFileSync(path.join(d, 'tokenizer.json'), 'not json'));
    const error = await initError(dir);
    expect(error.path).toBe(path.join(dir, 'tokenizer.json'));
    expect(error.message).toContain('NER model tokenizer is not valid JSON');
  });

  it('missing tokenizer_config.json', async () => {
    const dir = brokenCopy('no-tokenizer-config', (d) => rmSync(path.join(d, 'tokenizer_config.json')));
    const error = await initError(dir);
    expect(error.message).toBe(`NER model tokenizer config not found: ${path.join(dir, 'tokenizer_config.json')}`);
  });

  it('missing ONNX file for the configured dtype', async () => {
    const dir = brokenCopy('no-onnx', (d) => rmSync(path.join(d, 'onnx', 'model.onnx')));
    const error = await initError(dir, 'fp32');
    expect(error.path).toBe(path.join(dir, 'onnx', 'model.onnx'));
    expect(error.message).toContain("NER model weights for dtype 'fp32' not found");
  });

  it('config without id2label', async () => {
    const dir = brokenCopy('no-labels', (d) => writeFileSync(path.join(d, 'config.json'), '{"model_type": "camembert"}'));
    expect((await initError(dir)).message).toContain('has no id2label');
  });

  it('corrupt ONNX file', async () => {
    const dir = brokenCopy('corrupt-onnx', (d) => writeFileSync(path.join(d, 'onnx', 'model_quantized.onnx'), 'garbage'));
    const error = await initError(dir);
    expect(error.path).toBe(path.join(dir, 'onnx', 'model_quantized.onnx'));
    expect(error.message).toContain('NER model cannot be loaded from');
  });
});

describe('bring your own model: foreign labels (IO scheme, camembert layout)', () => {
  const stage = new NerStage();
  const config = resolveConfig({ ner: { modelDir: FOREIGN_MODEL_DIR, threads: 1 } });
  beforeAll(async () => stage.init({ config }));
  afterAll(async () => stage.dispose());

  it('maps PERS→PER, LOC, ORG, EVENT→MISC, TIME→DATE (modelDates), NUM→O', async () => {
    const text = 'Hier, Jean Dupont, de Renault, a vu Zorg à Lyon\u00A0mardi pour le Tour.';
    const doc = documentOf(text, [[0, text.length]]);
    await stage.run(doc);
    expect(doc.mentions.map((m) => [text.slice(m.start, m.end), m.label, m.source, m.sentence])).toEqual([
      ['Jean Dupont', 'PER', 'model', 0],
      ['Renault', 'ORG', 'model', 0],
      ['Lyon', 'LOC', 'model', 0],
      ['Tour', 'MISC', 'model', 0],
    ]);
    expect(doc.modelDates.map((d) => text.slice(d.start, d.end))).toEqual(['mardi']);
    for (const m of doc.mentions) expect(m.score).toBeGreaterThan(0.5);
  });

  it('fingerprints the model files', () => {
    expect(stage.fingerprint()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is deterministic: same input, same output', async () => {
    const text = 'Marie et Jean à Paris, puis Lyon mardi.';
    const a = documentOf(text, [[0, 14], [15, text.length]]);
    const b = documentOf(text, [[0, 14], [15, text.length]]);
    await stage.run(a);
    await stage.run(b);
    expect(JSON.stringify([a.mentions, a.modelDates])).toBe(JSON.stringify([b.mentions, b.modelDates]));
    expect(a.mentions.map((m) => [text.slice(m.start, m.end), m.sentence])).toEqual([['Marie', 0], ['Jean', 0], ['Paris', 1], ['Lyon', 1]]);
  });
});

const SHIPPED_HAS_FP32 = SHIPPED_MODEL_DIR !== null && existsSync(path.join(SHIPPED_MODEL_DIR, 'onnx', 'model.onnx'));

describe.skipIf(!SHIPPED_HAS_FP32)('int8 and fp32 agree (shipped model; skipped when models/chronique-ner-fr/onnx/model.onnx is not shipped)', () => {
  it('≥ 99.5 % of word labels identical on the seed article', async () => {
    const gold = JSON.parse(readFileSync(SEED_GOLD_FILE, 'utf8')) as { sentences: Array<{ start: number; end: number }> };
    const text = readFileSync(SEED_TEXT_FILE, 'utf8');
    const sentences = gold.sentences.map((s) => ({ start: s.start, end: s.end }));
    const q8 = await NerTagger.load({ modelDir: SHIPPED_MODEL_DIR!, dtype: 'q8', threads: 2, batchSize: 16 });
    const fp32 = await NerTagger.load({ modelDir: SHIPPED_MODEL_DIR!, dtype: 'fp32', threads: 2, batchSize: 16 });
    const a = await q8.analyze(text, sentences);
    const b = await fp32.analyze(text, sentences);
    await q8.dispose();
    await fp32.dispose();
    let same = 0;
    let total = 0;
    a.forEach((sentence, i) => {
      const tagsA = argmaxTags(sentence.logProbs);
      const tagsB = argmaxTags(b[i]!.logProbs);
      tagsA.forEach((tag, k) => {
        total++;
        if (tag === tagsB[k]) same++;
      });
    });
    expect(total).toBeGreaterThan(1000);
    expect(same / total).toBeGreaterThanOrEqual(0.995);
  });
});
