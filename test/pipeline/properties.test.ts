/**
 * Property tests over arbitrary and adversarial strings, for what the module-level suites do not already cover:
 * the character aligner on the full UTF-16 range (lone surrogates, combining marks, invisibles, sub-ranges), and the
 * whole rules-only pipeline end to end — ingestion of every format, every stage, the dataset rows. Properties: never
 * throws (no stage failure), every span within the text with `text.slice(start, end) === row.text`, sentences
 * ordered, non-overlapping and covering every non-blank character, same input → same bytes.
 */
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { documentToRecords } from '../../src/dataset/records.js';
import { createDocument, type Document, type Mention } from '../../src/document.js';
import { type EntityLabel } from '../../src/vocabulary.js';
import { normalizeForModel, wordsOf } from '../../src/ner/align.js';
import type { Pipeline } from '../../src/pipeline.js';
import { createDatesStage } from '../../src/stages/dates.js';
import { entitiesStage } from '../../src/stages/entities.js';
import { createEventsStage } from '../../src/stages/events.js';
import { parseCorpusText } from '../../src/ingest/parse.js';
import { sha256 } from '../../src/util/hash.js';
import { segmentStage } from '../../src/stages/segment.js';
import { FRENCH_SENTENCES, REPO_ROOT, spanViolations, type Dataset } from '../helpers/hostile.js';
import { rulesOnlyPipeline } from '../helpers/hostile-pipeline.js';
import { FOREIGN_MODEL_DIR } from '../helpers/ner-models.js';

/** Pieces that stress offsets: surrogate halves, combining marks, invisibles, bidi controls, every line break. */
const HOSTILE_PIECES = [
  '\ud800', '\udfff', '\ud83d\ude00', '\ud83d', 'e\u0301', '\u0301', '\u0301\u0302', 'ﬁ', 'Å', 'ǅ', 'İ', 'ß', 'ẞ', '\u00ad', '\u200b', '\u200c', '\u200d',
  '\u2060', '\ufeff', '\ufe0f', '\u202e', '\u202c', '\u2066', '\u2069', '\u200f', '\u061c', '\u00a0', '\u202f', '\u3000', '\t', '\r', '\n', '\r\n',
  '\u2028', '\u2029', '\u0085', '\v', '\f', '\u0000', '\u0007', '’', "'", '«', '»', '"', '…', '...', '.', '?!', '!', ';', '-', '—', '/', '\\', '://',
  'M.', 'J.-C.', 'U.S.A.', 'www.', '@', '1.', '3,5', '12 mars 2024', "l'été", 'hier', 'Paris', 'Le', 'la', '東京', 'Москва', 'القاهرة', '<p>', '</p>', '&amp;',
];
/** Words the tiny fixture model tags, so that its mentions and DATE spans meet the hostile pieces. */
const MODEL_WORDS = [' Jean Dupont ', ' Marie ', ' Renault ', ' Lyon ', ' Zorg ', ' Tour ', ' mardi ', 'Jean\u200bDupont', 'Ly\u0301on', ' Paris ', ', de Renault, '];

const hostileText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
      { weight: 2, arbitrary: fc.constantFrom(...MODEL_WORDS) },
      { weight: 1, arbitrary: fc.constantFrom(...FRENCH_SENTENCES) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));
const anyText = fc.oneof(hostileText, fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 }));

describe('character aligner on any UTF-16 string', () => {
  it('normalizeForModel keeps one original range per normalized unit, monotonic and inside the region', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, a, b) => {
        const start = a % (text.length + 1);
        const end = start + (b % (text.length - start + 1));
        const normalized = normalizeForModel(text, start, end);
        expect(normalized.origStart.length).toBe(normalized.text.length);
        expect(normalized.origEnd.length).toBe(normalized.text.length);
        for (let i = 0; i < normalized.text.length; i++) {
          expect(normalized.origStart[i]).toBeGreaterThanOrEqual(start);
          expect(normalized.origEnd[i]).toBeLessThanOrEqual(end);
          expect(normalized.origStart[i]!).toBeLessThan(normalized.origEnd[i]!);
          if (i > 0) expect(normalized.origStart[i]!).toBeGreaterThanOrEqual(normalized.origStart[i - 1]!);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('wordsOf: never throws; words are ordered, disjoint, non-empty ranges inside the region', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, a, b) => {
        const start = a % (text.length + 1);
        const end = start + (b % (text.length - start + 1));
        let previousEnd = start;
        for (const word of wordsOf(text, start, end)) {
          expect(word.start).toBeGreaterThanOrEqual(previousEnd);
          expect(word.end).toBeGreaterThan(word.start);
          expect(word.end).toBeLessThanOrEqual(end);
          expect(word.text.length).toBeGreaterThan(0);
          previousEnd = word.end;
        }
      }),
      { numRuns: 400 },
    );
  });
});

/** News-like pieces with event triggers, pronouns and definite descriptions, so that the builder finds events. */
const EVENT_PIECES = [
  'Jean Dupont', 'Marie Curie', 'Renault', "l'entreprise", 'la société', 'Paris', 'Lyon', 'Il', 'Elle', 'il', 'son', 'sa', 'leur', 'ne', 'pas',
  'a démissionné', 'a été nommé', 'a été nommée', 'a racheté', 'rachète', 'a fondé', 'est mort', 'est décédée', 'a rencontré', 'a été arrêté',
  'a été condamné', 'aurait quitté', 'pourrait rejoindre', 'va quitter', 'a annoncé', 'a déclaré', 'selon', 'le départ de', 'la nomination de',
  'directeur', 'présidente', 'de', 'à', 'en', 'chez', 'par', 'pour', 'mardi', 'le 12 mars 2024', 'en 2019', 'hier', 'qui', 'que', ',', '.', '.', '«', '»',
  '\n', '\n\n', ' ', ' ', ' ', 'e\u0301', '\u200b', '\ud800', '’',
];
const pick = (...options: string[]): fc.Arbitrary<string> => fc.constantFrom(...options);
/** `Sujet verbe objet à lieu date.` with random parts (some empty), so that most sentences hold a trigger. */
const eventSentence = fc
  .tuple(
    pick('Jean Dupont', 'Marie Curie', 'Renault', 'Il', 'Elle', "L'entreprise", 'Selon Le Monde, Jean Dupont', ''),
    pick('', 'ne'),
    pick('a démissionné', 'a été nommé', 'a racheté', 'a fondé', 'est mort', 'a rencontré', 'a été arrêté', 'aurait quitté', 'pourrait rejoindre', 'va quitter', 'a déclaré', 'a attaqué'),
    pick('', 'pas'),
    pick('', 'Renault', 'la société', 'son entreprise', 'Marie Curie', 'le directeur'),
    pick('', 'à Paris', 'à Lyon', 'chez Renault'),
    pick('', 'mardi', 'le 12 mars 2024', 'en 2019', 'hier', "l'été dernier"),
    pick('.', '.', ' !', ' ?', ''),
  )
  .map((parts) => parts.filter(Boolean).join(' ').replace(/ ([.])$/, '$1'));
const eventText = fc.oneof(
  fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...EVENT_PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }), { maxLength: 60 }).map((parts) => parts.join(' ')),
  fc.array(fc.oneof({ weight: 5, arbitrary: eventSentence }, { weight: 1, arbitrary: fc.constantFrom(...EVENT_PIECES) }), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(' ')),
);
const LABELS: EntityLabel[] = ['PER', 'ORG', 'LOC', 'MISC'];

/**
 * Mentions as the entities stage would give them (non-overlapping, inside one sentence), picked at random: runs of
 * words, and sometimes arbitrary ranges that cut words or cover only spaces, to stress the builder.
 */
function randomMentions(doc: Document, picks: Array<{ at: number; length: number; label: number; raw: boolean }>): Mention[] {
  const chosen: Mention[] = [];
  for (const sentence of doc.sentences) {
    const words = wordsOf(doc.text, sentence.start, sentence.end);
    for (const pick of picks) {
      let start: number;
      let end: number;
      if (pick.raw) {
        start = sentence.start + (pick.at % Math.max(1, sentence.end - sentence.start));
        end = Math.min(sentence.end, start + 1 + (pick.length % 12));
      } else {
        if (words.length === 0) continue;
        const first = pick.at % words.length;
        const last = Math.min(words.length - 1, first + (pick.length % 3));
        start = words[first]!.start;
        end = words[last]!.end;
      }
      if (chosen.some((m) => m.start < end && start < m.end)) continue;
      chosen.push({ start, end, sentence: sentence.index, label: LABELS[pick.label % LABELS.length]!, score: 0.9, source: 'model' });
    }
  }
  return chosen.sort((a, b) => a.start - b.start);
}

describe('event builder on arbitrary sentences and mentions', () => {
  const eventSchema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schema', 'event.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ strict: false, allErrors: true }).compile(eventSchema);

  it('never throws; every record validates against the published schema, with exact spans inside its sentence', async () => {
    const config = resolveConfig({ ner: { enabled: false } });
    const events = createEventsStage();
    await events.init({ config });
    const dates = createDatesStage();
    dates.init({ config });
    const picks = fc.array(fc.record({ at: fc.nat(), length: fc.nat(), label: fc.nat(), raw: fc.boolean() }), { maxLength: 12 });
    let produced = 0;
    fc.assert(
      fc.property(eventText, fc.constantFrom(null, '2024-03-12', '2024'), picks, (text, published, chosen) => {
        const doc = createDocument({ id: 'prop.txt', source: 'prop.txt', sha256: sha256(text), title: null, published, url: null, declaredLanguage: null, externalId: null, sourceName: null }, text, { start: 0, end: text.length }, null);
        segmentStage.run(doc);
        doc.mentions = randomMentions(doc, chosen);
        dates.run(doc);
        entitiesStage.run(doc);
        events.run(doc);
        produced += doc.events.length;
        const records = documentToRecords(doc);
        expect(spanViolations(records as unknown as Dataset)).toEqual([]);
        for (const record of doc.events as Array<Record<string, unknown>>) {
          expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
          const sentence = record.sentence as { start: number; end: number };
          const trigger = record.trigger as { start: number; end: number };
          expect(trigger.start).toBeGreaterThanOrEqual(sentence.start);
          expect(trigger.end).toBeLessThanOrEqual(sentence.end);
        }
        // Entities: every mention of a canonical entity is one of the document's mentions.
        const mentionKeys = new Set(doc.mentions.map((m) => `${m.start}:${m.end}`));
        for (const entity of doc.entities) for (const m of entity.mentions) expect(mentionKeys.has(`${m.start}:${m.end}`)).toBe(true);
      }),
      { numRuns: 500 },
    );
    // The generator is built to reach the builder's paths: a run producing no event at all would test nothing.
    console.info(`event builder property: ${produced} events over 500 documents`);
    expect(produced).toBeGreaterThan(100);
  }, 120_000);
});

/** A source file built around an arbitrary text, in each supported format. */
const sourceFile = fc.oneof(
  hostileText.map((text) => ({ path: 'a.txt', content: text })),
  fc.tuple(fc.constantFrom('2024-03-12', '2024-02', '1999'), hostileText, hostileText).map(([date, title, body]) => ({ path: 'h.txt', content: `date ${date} ${title.replace(/[\r\n]/g, ' ')}\n${body}` })),
  fc.tuple(hostileText, hostileText).map(([title, body]) => ({ path: 'f.txt', content: `---\ntitle: ${title.replace(/[\r\n\u2028\u2029\u0085]/g, ' ')}\ndate: 2024-03-12\n---\n${body}` })),
  fc.tuple(anyText, fc.option(fc.constantFrom('2024-03-12', 'hier', '', '9999-99-99'))).map(([text, published]) => ({ path: 'j.json', content: JSON.stringify({ text, published }) })),
  fc.array(anyText, { maxLength: 4 }).map((texts) => ({ path: 'l.jsonl', content: texts.map((text) => JSON.stringify({ text })).join('\n') })),
  fc.tuple(hostileText, hostileText).map(([title, body]) => ({ path: 'p.html', content: `<html><head><title>${title}</title></head><body><h1>${title}</h1><p>${body}</p><script>x()</script></body></html>` })),
);

// Every language accepted: a random string must reach every stage, not stop at the language filter.
const EVERY_LANGUAGE = { accept: ['fr', 'en', 'und', 'de', 'es', 'it', 'pt', 'nl', 'ca', 'oc', 'br', 'eu', 'co', 'la', 'ar', 'ru', 'tr', 'pl', 'ro'], minLetters: 0 };

describe.each([
  { name: 'rules only', model: false, runs: 250 },
  { name: 'with the NER runtime (tiny fixture model)', model: true, runs: 80 },
])('whole pipeline on arbitrary articles: $name', ({ model, runs }) => {
  let pipeline: Pipeline;
  beforeAll(async () => {
    pipeline = await rulesOnlyPipeline({ language: EVERY_LANGUAGE, ...(model ? { ner: { enabled: true, modelDir: FOREIGN_MODEL_DIR, threads: 1 } } : {}) });
  });

  const processAll = async (file: { path: string; content: string }): Promise<Document[]> => {
    const documents = parseCorpusText(file.path, file.content);
    for (const doc of documents) if (doc.status === 'ok') await pipeline.process(doc);
    return documents;
  };

  it('no stage fails; every output span is an exact slice; sentences tile the non-blank text; deterministic', async () => {
    let mentionsSeen = 0;
    await fc.assert(
      fc.asyncProperty(sourceFile, async (file) => {
        const documents = await processAll(file);
        const dataset: Dataset = { articles: [], sentences: [], mentions: [], timexes: [], entities: [], events: [] };
        for (const doc of documents) {
          // An error may only come from ingestion (bad JSON…), never from a stage crashing or timing out.
          if (doc.status === 'error') expect(doc.reason ?? '').not.toMatch(/^(stage |timeout)/);
          const records = documentToRecords(doc);
          // `unknownFields` and `warnings` ride along for the run's log; they are no dataset file.
          for (const [name, rows] of Object.entries(records)) if (name in dataset) dataset[name]!.push(...(rows as Array<Record<string, unknown>>));
          if (doc.status === 'ok') checkSentences(doc);
          mentionsSeen += doc.mentions.length;
        }
        expect(spanViolations(dataset)).toEqual([]);
        const again = await processAll(file);
        expect(JSON.stringify(again.map(documentToRecords))).toBe(JSON.stringify(documents.map(documentToRecords)));
      }),
      { numRuns: runs },
    );
    // With the model, the generator must reach its mention path, or the run proves nothing about the aligner.
    if (model) expect(mentionsSeen).toBeGreaterThan(runs / 2);
  }, 300_000);
});

/** Sentences: in order, non-overlapping, non-empty, inside title or body, covering every non-blank character there. */
function checkSentences(doc: Document): void {
  const { text } = doc;
  let previousEnd = 0;
  const covered = new Uint8Array(text.length);
  doc.sentences.forEach((sentence, index) => {
    expect(sentence.index).toBe(index);
    expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
    expect(sentence.end).toBeGreaterThan(sentence.start);
    expect(sentence.end).toBeLessThanOrEqual(text.length);
    covered.fill(1, sentence.start, sentence.end);
    previousEnd = sentence.end;
  });
  const regions = [doc.bodySpan, ...(doc.titleSpan ? [doc.titleSpan] : [])];
  for (const region of regions) {
    for (let i = region.start; i < region.end; i++) {
      if (!/\s/.test(text[i]!)) expect(covered[i], `character ${i} (${JSON.stringify(text[i])}) of ${JSON.stringify(text)} in no sentence`).toBe(1);
    }
  }
}
