import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { createDocument, type Document } from '../../src/document.js';
import { FEATURE_GROUPS, UPOS_TAGS } from '../../src/ner/contract.js';
import { isTree, readSyntaxSpec, type SyntaxSpec } from '../../src/ner/syntax.js';
import { NerTagger } from '../../src/ner/tagger.js';
import { NerStage } from '../../src/stages/ner.js';
import { CAMEMBERT_MODEL_DIR, MULTIHEAD_MODEL_DIR } from '../helpers/ner-models.js';

/**
 * A multi-head model (random weights, `python -m training.multihead fixture`): its syntax outputs come from the same
 * inference as the entities and become `doc.tokens`. The values are random; what must hold for any model is checked.
 */
const TEXT = "L’usine Orbis de Saint-Nazaire emploie 1 200 personnes depuis 2019. « C’est une décision historique », a déclaré le ministre à Bruxelles, où le conseil régional d'Occitanie a voté une aide de 3,5 millions d'euros.";

function documentOf(text: string): Document {
  const doc = createDocument({ id: 't', source: 't', sha256: '', title: null, published: null, url: null, declaredLanguage: null, externalId: null, sourceName: null }, text, { start: 0, end: text.length }, null);
  const cut = text.indexOf('.') + 1;
  doc.sentences = [
    { start: 0, end: cut, index: 0, kind: 'body' },
    { start: cut + 1, end: text.length, index: 1, kind: 'body' },
  ];
  return doc;
}

describe('syntax outputs of a multi-head model', () => {
  const spec = readSyntaxSpec(JSON.parse(readFileSync(path.join(MULTIHEAD_MODEL_DIR, 'config.json'), 'utf8')) as { chronique?: unknown }) as SyntaxSpec;
  let tagger: NerTagger;
  beforeAll(async () => {
    // 24 tokens per sequence: the second sentence needs several windows.
    tagger = await NerTagger.load({ modelDir: MULTIHEAD_MODEL_DIR, dtype: 'q8', threads: 1, batchSize: 4, maxSequenceTokens: 24 });
  });
  afterAll(async () => tagger.dispose());

  it('gives every word a UPOS, features, lemma, head and relation from the declared values; heads form one tree', async () => {
    const doc = documentOf(TEXT);
    const analyses = await tagger.analyze(doc.text, doc.sentences);
    expect(analyses[1]!.windows.length).toBeGreaterThan(1);
    for (const a of analyses) {
      expect(a.syntax).not.toBeNull();
      expect(a.syntax!.length).toBe(a.words.length);
      expect(isTree(a.syntax!.map((s) => s.head + 1))).toBe(true);
      for (const s of a.syntax!) {
        expect(UPOS_TAGS).toContain(s.upos);
        expect(spec.deprels).toContain(s.deprel);
        expect(typeof s.lemma).toBe('string');
        for (const [group, value] of Object.entries(s.feats)) {
          expect(FEATURE_GROUPS).toContain(group);
          expect(spec.feats[group]!.slice(1)).toContain(value);
        }
      }
    }
  });

  it('the ner stage writes doc.tokens: exact original offsets, heads within the sentence, one root per sentence', async () => {
    const stage = new NerStage();
    await stage.init({ config: resolveConfig({ ner: { modelDir: MULTIHEAD_MODEL_DIR, dtype: 'q8', threads: 1 } }) });
    const doc = documentOf(TEXT);
    await stage.run(doc);
    await stage.dispose();
    expect(doc.tokens.length).toBeGreaterThan(30);
    expect(doc.tokens.map((t) => doc.text.slice(t.start, t.end)).slice(0, 4)).toEqual(['L’', 'usine', 'Orbis', 'de']);
    for (const [i, t] of doc.tokens.entries()) {
      expect(t.end).toBeGreaterThan(t.start);
      if (i > 0) expect(t.start).toBeGreaterThanOrEqual(doc.tokens[i - 1]!.end);
      if (t.head !== null) expect(doc.tokens[t.head]!.sentence).toBe(t.sentence);
    }
    for (const sentence of [0, 1]) expect(doc.tokens.filter((t) => t.sentence === sentence && t.head === null).length).toBe(1);
    // One inference: the same stage still writes the entities.
    expect(Array.isArray(doc.mentions)).toBe(true);
  });

  it('decodes what the training side decodes from the same graph (syntax-cases.jsonl, written by Python)', async () => {
    interface Case { text: string; words: string[]; upos: string[]; lemma: string[]; head: number[]; deprel: string[]; feats: Array<Record<string, string>> }
    const cases = readFileSync(path.join(MULTIHEAD_MODEL_DIR, 'syntax-cases.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Case);
    expect(cases.length).toBe(3);
    const single = await NerTagger.load({ modelDir: MULTIHEAD_MODEL_DIR, dtype: 'q8', threads: 1, batchSize: 1 });
    try {
      for (const c of cases) {
        const [a] = await single.analyze(c.text, [{ start: 0, end: c.text.length }]);
        expect(a!.words.map((w) => w.text)).toEqual(c.words);
        const s = a!.syntax!;
        expect(s.map((w) => w.upos)).toEqual(c.upos);
        expect(s.map((w) => w.lemma)).toEqual(c.lemma);
        expect(s.map((w) => w.head)).toEqual(c.head);
        expect(s.map((w) => w.deprel)).toEqual(c.deprel);
        expect(s.map((w) => w.feats)).toEqual(c.feats);
      }
    } finally {
      await single.dispose();
    }
  });

  it('a NER-only model leaves doc.tokens empty', async () => {
    const stage = new NerStage();
    await stage.init({ config: resolveConfig({ ner: { modelDir: CAMEMBERT_MODEL_DIR, dtype: 'q8', threads: 1 } }) });
    const doc = documentOf(TEXT);
    await stage.run(doc);
    await stage.dispose();
    expect(doc.tokens).toEqual([]);
  });
});
