/**
 * The `dates` stage: per-sentence recognition with a paragraph context, merge with the model's DATE spans, the
 * TimeExpression layer (sentence index, source) — on small hand-built documents.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig, type ChroniqueConfig } from '../../src/config.js';
import { createDocument, type Document, type ModelDateSpan } from '../../src/document.js';
import { createDatesStage, extractTimexes } from '../../src/stages/dates.js';

function runDates(doc: Document, config: ChroniqueConfig): void {
  const stage = createDatesStage();
  stage.init({ config });
  stage.run(doc);
}

function makeDoc(text: string, published: string | null, sentenceBreaks: [number, number][]): Document {
  const doc = createDocument(
    { id: 'a.txt', source: 'a.txt', sha256: '', title: null, published, url: null, declaredLanguage: 'fr' },
    text,
    { start: 0, end: text.length },
    null,
  );
  doc.sentences = sentenceBreaks.map(([start, end], index) => ({ start, end, index, kind: 'body' }));
  return doc;
}

function sentencesOf(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /[^.\n]+\./g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const lead = m[0].length - m[0].trimStart().length;
    out.push([m.index + lead, m.index + m[0].length]);
  }
  return out;
}

describe('dates stage', () => {
  it('fills doc.timexes with sentence indices and source "rules"', () => {
    const text = 'Il a quitté Tesla le 13 juillet 2022. Il est revenu hier.';
    const doc = makeDoc(text, '2024-03-15', sentencesOf(text));
    runDates(doc, resolveConfig());
    expect(doc.timexes.map((t) => [text.slice(t.start, t.end), t.sentence, t.value, t.source, t.anchor])).toEqual([
      ['le 13 juillet 2022', 0, '2022-07-13', 'rules', 'absolute'],
      ['hier', 1, '2024-03-14', 'rules', 'publication'],
    ]);
  });

  it('context flows within a paragraph, not across paragraphs', () => {
    const text = 'En 2016, il a promis une voiture. Il a réitéré en janvier.\nEn janvier, il a recommencé.';
    const doc = makeDoc(text, '2024-03-15', sentencesOf(text));
    runDates(doc, resolveConfig());
    expect(doc.timexes.map((t) => [t.value, t.anchor])).toEqual([
      ['2016', 'absolute'],
      ['2016-01', 'context'],
      ['2024-01', 'publication'],
    ]);
  });

  it('merges model DATE spans: overlap → rule span marked "both"; model-only span normalized or kept with null', () => {
    const text = 'Il est parti le 13 juillet 2022. La saison des vendanges arrive. Le lendemain, rien ne bouge.';
    const doc = makeDoc(text, '2024-03-15', sentencesOf(text));
    const span = (s: string, sentence: number): ModelDateSpan => {
      const start = text.indexOf(s);
      return { start, end: start + s.length, sentence, score: 0.9 };
    };
    doc.modelDates = [span('13 juillet', 0), span('La saison des vendanges', 1)];
    runDates(doc, resolveConfig());
    const rows = doc.timexes.map((t) => [text.slice(t.start, t.end), t.value, t.source]);
    expect(rows).toEqual([
      ['le 13 juillet 2022', '2022-07-13', 'both'],
      ['La saison des vendanges', null, 'model'],
      ['Le lendemain', '2022-07-14', 'rules'],
    ]);
    for (const t of doc.timexes) expect(t.end).toBeGreaterThan(t.start);
  });

  it('a model-only span gets its value from the normalizer', () => {
    const text = 'Il a signé en 1999 puis, au printemps suivant, il est parti.';
    const doc = makeDoc(text, '2024-03-15', [[0, text.length]]);
    const start = text.indexOf('au printemps suivant');
    doc.modelDates = [{ start, end: start + 'au printemps suivant'.length, sentence: 0, score: 0.8 }];
    const timexes = extractTimexes(doc, true);
    // The rules already see `printemps suivant` → the model span overlaps it: the rule span is kept.
    expect(timexes.map((t) => [text.slice(t.start, t.end), t.source])).toEqual([
      ['1999', 'rules'],
      ['printemps suivant', 'both'],
    ]);
  });

  it('model spans are ignored when config.dates.useModelSpans is false', () => {
    const text = 'La saison des vendanges arrive.';
    const doc = makeDoc(text, null, [[0, text.length]]);
    doc.modelDates = [{ start: 0, end: 23, sentence: 0, score: 0.9 }];
    runDates(doc, resolveConfig({ dates: { useModelSpans: false } }));
    expect(doc.timexes).toEqual([]);
  });

  it('drops a model DATE span that is only punctuation (a lone comma the model tagged), keeping the rule spans as they were', () => {
    const text = 'Le 4 mars, la société a été fondée — à Lyon.';
    const doc = makeDoc(text, '2024-03-15', [[0, text.length]]);
    const at = (s: string): ModelDateSpan => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, sentence: 0, score: 0.6 });
    doc.modelDates = [at(','), at('—')];
    const timexes = extractTimexes(doc, true);
    expect(timexes.map((t) => [text.slice(t.start, t.end), t.source])).toEqual([['Le 4 mars', 'rules']]);
  });
});
