import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MENTION_TYPES, NER_TYPES } from '../../src/ner/labels.js';
import { NerTagger } from '../../src/ner/tagger.js';
import { CAMEMBERT_MODEL_DIR } from '../helpers/ner-models.js';

/**
 * A real CamemBERT-architecture folder (transformers CamembertForTokenClassification, random weights, a SentencePiece-style
 * tokenizer.json from `tokenizers`, IO labels, no token_type_ids; written by `python -m training.byo`): the runtime
 * loads it as any bring-your-own model. Its labels are random, so the checks are on what must hold for any model.
 */
describe('bring your own model: a CamemBERT-architecture export', () => {
  let tagger: NerTagger;
  beforeAll(async () => {
    tagger = await NerTagger.load({ modelDir: CAMEMBERT_MODEL_DIR, dtype: 'q8', threads: 1, batchSize: 4, maxSequenceTokens: 24 });
  });
  afterAll(async () => tagger.dispose());

  it('transformers.js gives the ids the Python tokenizer gave', async () => {
    env.allowRemoteModels = false;
    env.localModelPath = path.dirname(CAMEMBERT_MODEL_DIR) + path.sep;
    const tokenizer = await AutoTokenizer.from_pretrained(path.basename(CAMEMBERT_MODEL_DIR));
    const cases = readFileSync(path.join(CAMEMBERT_MODEL_DIR, 'cases.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; ids: number[] });
    expect(cases.length).toBeGreaterThan(5);
    for (const c of cases) expect(tokenizer.encode(c.text), c.text).toEqual(c.ids);
  });

  it('tags long sentences in windows with exact original offsets and mapped labels', async () => {
    const sentence = 'Le maire de Quimper, Claire\u00a0Le Goff, a présenté l’usine Orbis de Saint-Nazaire à Inès Martin 😀 jeudi.';
    const text = `${sentence} ${sentence} ${sentence}`;
    const sentences = [{ start: 0, end: sentence.length }, { start: sentence.length + 1, end: text.length }];
    const analyses = await tagger.analyze(text, sentences);
    expect(analyses[1]!.windows.length).toBeGreaterThan(1);
    const spans = analyses.flatMap((a) => a.spans);
    for (const s of spans) {
      expect(NER_TYPES).toContain(s.type);
      expect(s.type).not.toBe('DATE');
      expect(text.slice(s.start, s.end).trim()).toBe(text.slice(s.start, s.end));
      expect(s.end).toBeGreaterThan(s.start);
    }
    for (const a of analyses) for (const w of a.words) expect(text.slice(w.start, w.end).length).toBeGreaterThan(0);
    expect(tagger.labelMapping()).toBeDefined();
    expect(new Set(spans.map((s) => s.type)).size).toBeGreaterThan(0);
    expect(spans.every((s) => (MENTION_TYPES as readonly string[]).includes(s.type))).toBe(true);
  });

  it('is deterministic', async () => {
    const text = 'Claire Le Goff et Inès Martin à Quimper.';
    const a = await tagger.analyze(text, [{ start: 0, end: text.length }]);
    const b = await tagger.analyze(text, [{ start: 0, end: text.length }]);
    expect(JSON.stringify(a.map((x) => x.spans))).toBe(JSON.stringify(b.map((x) => x.spans)));
  });
});
