/**
 * Datasets for the report tests: the seed article with its gold layers (sentences, entities, time expressions)
 * plus hand-written events, and a hostile article whose text, title and annotations carry HTML/JS payloads.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { documentToRecords } from '../../src/dataset/records.js';
import { DatasetWriter } from '../../src/dataset/writer.js';
import type { Document } from '../../src/document.js';
import { seedDocumentWithGoldLayers, SEED_ARTICLE_ID } from '../../tools/eval/seed-gold.js';
import { parseCorpusText } from '../../src/ingest/parse.js';
import { segmentDocument } from '../../src/segment/sentences.js';
import { addEvent, type FixtureArticle } from './audit-fixtures.js';

export { SEED_ARTICLE_ID };

export const HOSTILE_ID = 'hostile.txt';
export const HOSTILE_TEXT = [
  'date 2024-03-05 <img src=x onerror="window.__pwned=4"> Titre piégé',
  '',
  'Le groupe <script>window.__pwned = 1</script> a nommé Jean Dupont directeur le 4 mars 2024.',
  'Un lien <img src=x onerror="window.__pwned=2"> et "><svg onload=window.__pwned=3> restent du texte.',
  '',
].join('\n');
export const HOSTILE_SCRIPT = '<script>window.__pwned = 1</script>';
export const HOSTILE_IMG = '<img src=x onerror="window.__pwned=2">';

function withLanguage(doc: Document): Document {
  doc.language = { code: 'fr', iso6393: 'fra', score: 1 };
  return doc;
}

/** Records of the seed (gold layers) and the hostile article, as FixtureArticles to which events can be added. */
export function reportArticles(): FixtureArticle[] {
  const seed = withLanguage(seedDocumentWithGoldLayers());
  const hostile = withLanguage(parseCorpusText(HOSTILE_ID, HOSTILE_TEXT)[0]!);
  hostile.sentences = segmentDocument(hostile);
  const find = (needle: string): { start: number; end: number } => {
    const start = HOSTILE_TEXT.indexOf(needle);
    return { start, end: start + needle.length };
  };
  const sentenceOf = (offset: number): number => hostile.sentences.find((s) => offset >= s.start && offset < s.end)?.index ?? 0;
  for (const [needle, label] of [[HOSTILE_SCRIPT, 'ORG'], ['Jean Dupont', 'PER'], [HOSTILE_IMG, 'MISC']] as const) {
    const span = find(needle);
    hostile.mentions.push({ ...span, sentence: sentenceOf(span.start), label, score: 0.9, source: 'model', entity: `ent_${label}` });
    hostile.entities.push({ id: `ent_${label}`, label, canonical: needle, mentions: [span] });
  }
  const date = find('4 mars 2024');
  hostile.timexes.push({ ...date, sentence: sentenceOf(date.start), type: 'DATE', value: '2024-03-04', granularity: 'day', mod: null, anchor: 'publication', source: 'rules' });

  const [seedData, hostileData] = [seed, hostile].map((doc) => documentToRecords(doc)).map((records) => ({
    article: records.articles[0],
    sentences: records.sentences,
    mentions: records.mentions,
    timexes: records.timexes,
    entities: records.entities,
    events: [],
  })) as [FixtureArticle, FixtureArticle];
  addEvent(seedData, { id: 'ev_0000000000000001', type: 'Personnel.End-Position', trigger: 'quitté', lemma: 'quitter', args: [{ role: 'person', text: 'Andrej Karpathy', label: 'PER' }, { role: 'organization', text: 'Tesla', label: 'ORG' }], time: { text: '13 juillet 2022', value: '2022-07-13' }, confidence: 0.9 });
  addEvent(seedData, { id: 'ev_0000000000000002', type: 'Justice.Investigate', trigger: 'enquête', lemma: 'enquête', args: [{ role: 'target', text: 'Tesla', label: 'ORG' }], confidence: 0.7 });
  addEvent(hostileData, { id: 'ev_0000000000000003', type: 'Personnel.Start-Position', trigger: 'nommé', lemma: 'nommer', args: [{ role: 'person', text: 'Jean Dupont', label: 'PER' }, { role: 'organization', text: HOSTILE_SCRIPT, label: 'ORG' }], time: { text: '4 mars 2024', value: '2024-03-04' } });
  return [hostileData, seedData];
}

/** An "older" version: one mention and one event fewer, another time value; for diff colouring. */
export function olderReportArticles(): FixtureArticle[] {
  const articles = reportArticles();
  const seed = articles.find((a) => a.article.id === SEED_ARTICLE_ID)!;
  seed.mentions = seed.mentions.slice(1); // the first gold mention is "added" in the newer dataset
  seed.timexes[0] = { ...seed.timexes[0]!, value: '2022-07' };
  seed.events = seed.events.filter((e) => e.type !== 'Justice.Investigate');
  addEvent(seed, { id: 'ev_00000000000000ff', type: 'Contact.Statement', trigger: 'reconnu', lemma: 'reconnaître', args: [], confidence: 0.5 });
  seed.events[0] = { ...seed.events[0]!, confidence: 0.5 };
  return articles;
}

/** Writes the articles through the real DatasetWriter (same files as a run). */
export async function writeReportDataset(dir: string, articles: FixtureArticle[]): Promise<string> {
  await fs.mkdir(path.dirname(dir), { recursive: true });
  const writer = await DatasetWriter.open(dir);
  const sorted = [...articles].sort((a, b) => (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
  for (const data of sorted) {
    data.article.counts = { sentences: data.sentences.length, mentions: data.mentions.length, timexes: data.timexes.length, entities: data.entities.length, events: data.events.length };
    await writer.append({ articles: [data.article], sentences: data.sentences, mentions: data.mentions, timexes: data.timexes, entities: data.entities, events: data.events });
  }
  await writer.commit({ fixture: 'report test' });
  await writer.close();
  return dir;
}
