/**
 * `npm run eval:events-en`: the English event engine on the hand-annotated dev gold (tools/eval/gold/events-en-dev.json:
 * 10 passages of TimeBank documents, guideline docs/events-guideline-en.md). Each passage goes through the English
 * layers (sentences, compromise entities, time expressions with the document's DCT as publication date, events) and
 * its records are compared with the gold:
 *  - events: same type and same trigger offsets (P/R/F1);
 *  - arguments of matched events: same role and same text as written, or as its antecedent (P/R/F1);
 *  - polarity and modality accuracy over matched events.
 * Prints every gold and system event with its status. This is a dev set: the trigger table was written before it and
 * is not tuned to its sentences.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createDocument, type Document } from '../../src/document.js';
import type { EventRecord } from '../../src/dataset/schema.js';
import { buildEventRecords } from '../../src/events/records.js';
import { clusterEntities } from '../../src/entities/cluster.js';
import { englishMentions, englishSentences, englishTimexes } from '../../src/lang/en/analyze.js';
import { extractEnglishEvents } from '../../src/lang/en/events.js';
import { loadEnglishTimebank } from './dates-en-eval.js';

interface GoldArgument {
  role: string;
  text: string;
  refersTo?: string;
}
interface GoldEvent {
  type: string;
  trigger: string;
  occurrence: number;
  arguments: GoldArgument[];
  polarity: string;
  modality: string;
}
interface GoldPassage {
  doc: string;
  until: string;
  events: GoldEvent[];
}

const GOLD_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'gold', 'events-en-dev.json');

/** Offsets of the n-th whole-word occurrence of `word` in `text`. */
export function nthWord(text: string, word: string, n: number): { start: number; end: number } | null {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
  let m: RegExpExecArray | null;
  let k = 0;
  while ((m = re.exec(text)) !== null) {
    if (k === n) return { start: m.index, end: m.index + m[0].length };
    k += 1;
  }
  return null;
}

export function analyzePassage(id: string, text: string, published: string | null): Document {
  const doc = createDocument({ id, source: id, sha256: '', title: null, published, url: null, declaredLanguage: 'en', externalId: null, sourceName: null }, text, { start: 0, end: text.length }, null);
  doc.sentences = englishSentences(doc);
  doc.mentions = englishMentions(doc);
  doc.timexes = englishTimexes(doc);
  // The entities layer the README's figures are for: clustering, without the entities stage's name propagation.
  clusterEntities(doc);
  doc.events = buildEventRecords(doc, { pipeline: 'eval', model: null, model_sha256: null, config_hash: '' }, { extract: extractEnglishEvents });
  return doc;
}

const f1 = (tp: number, sys: number, gold: number): { p: number; r: number; f1: number } => {
  const p = sys ? tp / sys : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};
const fmt = (s: { p: number; r: number; f1: number }): string => `P ${s.p.toFixed(3)} R ${s.r.toFixed(3)} F1 ${s.f1.toFixed(3)}`;

async function main(): Promise<void> {
  const gold = JSON.parse(readFileSync(GOLD_FILE, 'utf8')) as { passages: GoldPassage[] };
  const timebank = new Map(loadEnglishTimebank().map((d) => [d.id, d] as const));
  let goldEvents = 0;
  let systemEvents = 0;
  let matchedEvents = 0;
  let goldArgs = 0;
  let systemArgs = 0;
  let matchedArgs = 0;
  let polarityOk = 0;
  let modalityOk = 0;
  for (const passage of gold.passages) {
    const source = timebank.get(passage.doc);
    if (!source) throw new Error(`${GOLD_FILE}: document ${passage.doc} not in the TimeBank folder`);
    const cut = source.text.indexOf(passage.until);
    if (cut < 0) throw new Error(`${GOLD_FILE}: ${passage.doc}: passage end «${passage.until}» not found`);
    const text = source.text.slice(0, cut + passage.until.length);
    const doc = analyzePassage(passage.doc, text, source.dct.slice(0, 10));
    const records = doc.events as EventRecord[];
    console.log(`\n${passage.doc} (${doc.sentences.length} sentences, ${doc.mentions.length} mentions, ${records.length} events)`);
    const used = new Set<EventRecord>();
    for (const g of passage.events) {
      goldEvents += 1;
      goldArgs += g.arguments.length;
      const at = nthWord(text, g.trigger, g.occurrence);
      if (!at) throw new Error(`${GOLD_FILE}: ${passage.doc}: trigger «${g.trigger}» #${g.occurrence} not found`);
      const hit = records.find((r) => !used.has(r) && r.type === g.type && r.trigger.start === at.start && r.trigger.end === at.end);
      if (!hit) {
        console.log(`  missed   ${g.type} «${g.trigger}» [${g.arguments.map((a) => `${a.role}=${a.text}`).join(' ')}]`);
        continue;
      }
      used.add(hit);
      matchedEvents += 1;
      if (hit.polarity === g.polarity) polarityOk += 1;
      if (hit.modality === g.modality) modalityOk += 1;
      systemArgs += hit.arguments.length;
      const argHits = g.arguments.filter((a) => hit.arguments.some((s) => s.role === a.role && (s.text === a.text || s.antecedent?.text === a.text || s.canonical === a.text)));
      matchedArgs += argHits.length;
      console.log(`  matched  ${g.type} «${g.trigger}» args ${argHits.length}/${g.arguments.length} gold, ${hit.arguments.length} system [${hit.arguments.map((a) => `${a.role}=${a.text}`).join(' ')}] ${hit.polarity}/${hit.modality} (gold ${g.polarity}/${g.modality})`);
    }
    for (const r of records) {
      systemEvents += 1;
      if (used.has(r)) continue;
      systemArgs += r.arguments.length;
      console.log(`  spurious ${r.type} «${r.trigger.text}» [${r.arguments.map((a) => `${a.role}=${a.text}`).join(' ')}]`);
    }
  }
  console.log(`\nEnglish events dev gold: ${gold.passages.length} passages, ${goldEvents} gold events, ${systemEvents} system events`);
  console.log(`  events (type + trigger): ${fmt(f1(matchedEvents, systemEvents, goldEvents))}`);
  console.log(`  arguments (role + text, all system arguments): ${fmt(f1(matchedArgs, systemArgs, goldArgs))}`);
  console.log(`  polarity accuracy ${matchedEvents ? (polarityOk / matchedEvents).toFixed(3) : '-'}, modality accuracy ${matchedEvents ? (modalityOk / matchedEvents).toFixed(3) : '-'} (over ${matchedEvents} matched events)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
