/**
 * `npm run eval:events` — the event records against the seed gold's 12 core events.
 *
 * Lenient match of a gold event: a predicted event whose trigger lies in the gold event's sentence, with the same
 * type, at least one argument whose canonical name (or text) matches a gold participant (same name, or one name's
 * words contained in the other's: `Karpathy` ~ `Andrej Karpathy`), and — where the gold has a time — a time value
 * equal to it or more precise within it (`2023-03` for `2023`). Also counted: events predicted in sentences without
 * a gold event (listed for review), offsets checked with text.slice, every record validated against
 * schema/event.schema.json (ajv).
 *
 * Modes: `--gold-layers` (gold sentences, entities and time expressions: the event logic alone), `--gold-entities`
 * (real segmentation and dates, gold entities) and `--pipeline` (the real stages: segment, NER model, dates).
 * Default: all three (the pipeline is skipped, with the reason, when the NER model is absent). `--json FILE` writes the figures (default bench/results/events-eval.json);
 * `--wikinews N` also runs the pipeline over the Wikinews corpus and writes N sampled events for hand review;
 * `--lemmatizer` measures fr-compromise's lemmas against the trigger table's generated forms.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { PACKAGE_ROOT, resolveConfig, type ChroniqueConfig } from '../../src/config.js';
import type { Document } from '../../src/document.js';
import type { EventRecord } from '../../src/dataset/schema.js';
import { foldName } from '../../src/entities/cluster.js';
import { getDefaultLexicon } from '../../src/events/lexicon.js';
import { entitiesStage } from '../../src/stages/entities.js';
import { createEventsStage } from '../../src/stages/events.js';
import type { Stage } from '../../src/stages/stage.js';
import { corporaDir } from './corpora.js';
import { loadArticle, loadDevGold, DEV_GOLD_JSON, wikinewsDir } from './dev-gold.js';
import { argumentMatches, scoreDev, seedCanonicalCheck, timeMatches as devTimeMatches, type DevScore } from './events-dev-eval.js';
import { loadSeedGold, SEED_ARTICLE_ID, seedDocument, seedDocumentWithGoldLayers, sharedDir, type GoldEvent, type SeedGold } from './seed-gold.js';

export interface GoldMatch {
  gold: GoldEvent;
  matched: EventRecord | null;
  /** Why the closest candidate failed, when none matched. */
  reason: string | null;
}

export interface EventsEvalResult {
  mode: string;
  matched: number;
  total: number;
  /** Gold participants found with the same role and name in the matched events, over all gold participants. */
  participants: { found: number; total: number };
  /** Matched events whose time value equals the gold one exactly (null = null). */
  exactTimes: number;
  predicted: number;
  matches: GoldMatch[];
  /** Events predicted in sentences that have no gold event (for review; not all are wrong). */
  extras: EventRecord[];
  offsetErrors: string[];
  schemaErrors: string[];
}

/** Same name, or all words of one contained in the other (accents and case ignored). */
export function namesMatch(a: string, b: string): boolean {
  const fa = foldName(a);
  const fb = foldName(b);
  if (fa === fb) return true;
  const wa = fa.split(' ');
  const wb = fb.split(' ');
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return short.every((w) => long.includes(w));
}

function timeMatches(gold: GoldEvent, record: EventRecord, goldSeed: SeedGold): boolean {
  if (!gold.time) return true;
  const value = record.time?.value;
  if (!value) return false;
  if (value === gold.time || value.startsWith(gold.time + '-')) return true;
  // The gold time expression of that sentence may list acceptable alternatives.
  return goldSeed.timexes.some((t) => t.sentence === gold.sentence && t.value === gold.time && (t.also_ok ?? []).includes(value));
}

export function matchGoldEvents(records: EventRecord[], goldSeed: SeedGold): { matches: GoldMatch[]; extras: EventRecord[] } {
  const sentenceOf = (r: EventRecord) => goldSeed.sentences.find((s) => r.trigger.start >= s.start && r.trigger.start < s.end)?.index ?? -1;
  const used = new Set<string>();
  const matches: GoldMatch[] = goldSeed.events.map((gold) => {
    const inSentence = records.filter((r) => sentenceOf(r) === gold.sentence);
    const sameType = inSentence.filter((r) => r.type === gold.type);
    const names = Object.values(gold.participants);
    const withArg = sameType.filter((r) => r.arguments.some((a) => names.some((n) => namesMatch(n, a.canonical) || namesMatch(n, a.text))));
    const full = withArg.filter((r) => timeMatches(gold, r, goldSeed));
    // Prefer the candidate whose trigger is the gold trigger word, then an unused one.
    full.sort((a, b) => Number(!namesMatch(b.trigger.text, gold.trigger)) - Number(!namesMatch(a.trigger.text, gold.trigger)) || Number(used.has(a.id)) - Number(used.has(b.id)));
    const best = full.find((r) => namesMatch(r.trigger.text, gold.trigger) && !used.has(r.id)) ?? full.find((r) => !used.has(r.id)) ?? null;
    if (best) {
      used.add(best.id);
      return { gold, matched: best, reason: null };
    }
    const reason =
      inSentence.length === 0 ? 'no event in the sentence'
      : sameType.length === 0 ? `types found: ${[...new Set(inSentence.map((r) => r.type))].join(', ')}`
      : withArg.length === 0 ? `no matching participant (found ${sameType.flatMap((r) => r.arguments.map((a) => a.canonical)).join(', ') || 'none'})`
      : `time ${withArg.map((r) => r.time?.value ?? 'null').join('/')} ≠ ${gold.time}`;
    return { gold, matched: null, reason };
  });
  const goldSentences = new Set(goldSeed.events.map((e) => e.sentence));
  const extras = records.filter((r) => !goldSentences.has(sentenceOf(r)));
  return { matches, extras };
}

/** Every offset of every record must slice the document text to the recorded text. */
export function checkOffsets(doc: Document, records: EventRecord[]): string[] {
  const errors: string[] = [];
  const check = (what: string, span: { text: string; start: number; end: number } | null) => {
    if (span && doc.text.slice(span.start, span.end) !== span.text) errors.push(`${what}: [${span.start},${span.end}) is ${JSON.stringify(doc.text.slice(span.start, span.end))}, record says ${JSON.stringify(span.text)}`);
  };
  for (const r of records) {
    check(`${r.id} trigger`, r.trigger);
    check(`${r.id} sentence`, r.sentence);
    check(`${r.id} time`, r.time);
    check(`${r.id} place`, r.place);
    for (const a of r.arguments) {
      check(`${r.id} argument ${a.role}`, a);
      check(`${r.id} antecedent of ${a.role}`, a.antecedent);
    }
  }
  return errors;
}

let validator: ((data: unknown) => boolean) & { errors?: unknown } | null = null;
/** Validates records against the committed schema/event.schema.json. */
export function validateRecords(records: unknown[]): string[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'schema', 'event.schema.json'), 'utf8')) as object;
    validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  const errors: string[] = [];
  records.forEach((r, i) => {
    if (!validator!(r)) errors.push(`record ${i}: ${JSON.stringify(validator!.errors)}`);
  });
  return errors;
}

/** The gold's `other` participant is our `entity` role (the other party of a meeting). */
const GOLD_ROLE_ALIASES: Record<string, string> = { other: 'entity' };

/** Strict participant score: each gold participant must appear in the matched event with the same role. */
export function participantScore(matches: GoldMatch[]): { found: number; total: number } {
  let found = 0;
  let total = 0;
  for (const m of matches) {
    for (const [role, name] of Object.entries(m.gold.participants)) {
      total++;
      const want = GOLD_ROLE_ALIASES[role] ?? role;
      if (m.matched?.arguments.some((a) => a.role === want && (namesMatch(name, a.canonical) || namesMatch(name, a.text)))) found++;
    }
  }
  return { found, total };
}

function evaluate(mode: string, doc: Document, goldSeed: SeedGold): EventsEvalResult {
  const records = doc.events as EventRecord[];
  const { matches, extras } = matchGoldEvents(records, goldSeed);
  return {
    mode,
    matched: matches.filter((m) => m.matched).length,
    total: matches.length,
    participants: participantScore(matches),
    exactTimes: matches.filter((m) => m.matched && (m.matched.time?.value ?? null) === m.gold.time).length,
    predicted: records.length,
    matches,
    extras,
    offsetErrors: checkOffsets(doc, records),
    schemaErrors: validateRecords(records),
  };
}

export async function runGoldLayers(config: ChroniqueConfig = resolveConfig({ ner: { enabled: false } })): Promise<{ doc: Document; result: EventsEvalResult }> {
  const goldSeed = loadSeedGold();
  const doc = seedDocumentWithGoldLayers(goldSeed);
  await runStages(config, [entitiesStage, createEventsStage()], doc);
  return { doc, result: evaluate('gold-layers', doc, goldSeed) };
}

/**
 * Real segmentation and dates, gold entity mentions: separates what the NER model costs from what segmentation and
 * date normalization cost.
 */
export async function runGoldEntities(config: ChroniqueConfig = resolveConfig({ ner: { enabled: false } })): Promise<{ doc: Document; result: EventsEvalResult }> {
  const [{ createLanguageStage }, { segmentStage }, { createDatesStage }] = await Promise.all([import('../../src/stages/language.js'), import('../../src/stages/segment.js'), import('../../src/stages/dates.js')]);
  const goldSeed = loadSeedGold();
  const doc = seedDocument();
  await runStages(config, [createLanguageStage(), segmentStage], doc);
  const sentenceAt = (offset: number) => doc.sentences.find((s) => offset >= s.start && offset < s.end)?.index ?? 0;
  doc.mentions = goldSeed.entities.map((e) => ({ sentence: sentenceAt(e.start), start: e.start, end: e.end, label: e.label, score: 1, source: 'rules' as const }));
  await runStages(config, [createDatesStage(), entitiesStage, createEventsStage()], doc);
  return { doc, result: evaluate('gold-entities (real segmentation and dates)', doc, goldSeed) };
}

/** Runs `stages` over `doc` as a pipeline does; a stage failure is an evaluation error, not a result. */
async function runStages(config: ChroniqueConfig, stages: Stage[], doc: Document): Promise<void> {
  const { Pipeline } = await import('../../src/pipeline.js');
  const pipeline = await Pipeline.create(config, stages);
  await pipeline.process(doc);
  await pipeline.dispose();
  if (doc.status === 'error') throw new Error(`seed article failed: ${doc.reason}`);
}

/** The pipeline's own default stages, imported lazily so that the gold-layers mode works without a model. */
async function realStages(): Promise<Stage[]> {
  return (await import('../../src/pipeline.js')).defaultStages();
}

export async function runPipeline(config: ChroniqueConfig = resolveConfig()): Promise<{ doc: Document; result: EventsEvalResult } | { skipped: string }> {
  const modelDir = config.ner.modelDir;
  if (!existsSync(path.join(modelDir, 'config.json'))) return { skipped: `no NER model at ${modelDir}` };
  const { Pipeline } = await import('../../src/pipeline.js');
  const pipeline = await Pipeline.create(config, await realStages());
  const doc = await pipeline.process(seedDocument());
  await pipeline.dispose();
  if (doc.status !== 'ok') throw new Error(`seed article failed in the pipeline: ${doc.reason}`);
  return { doc, result: evaluate('pipeline', doc, loadSeedGold()) };
}

function describe(r: EventRecord): string {
  const args = r.arguments.map((a) => `${a.role}=${a.canonical}${a.resolved ? ` (“${a.text}”)` : ''}`).join(', ');
  return `s${r.sentence.index} ${r.type} “${r.trigger.text}” [${args}] time=${r.time?.value ?? 'null'} ${r.polarity}/${r.modality} conf=${r.confidence}`;
}

function printResult(result: EventsEvalResult): void {
  console.log(`\n== ${result.mode}: ${result.matched}/${result.total} core gold events matched (target ≥ 10: ${result.matched >= 10 ? 'met' : 'NOT MET'}); ${result.predicted} events predicted`);
  console.log(`  participants with the gold role: ${result.participants.found}/${result.participants.total}; exact time values: ${result.exactTimes}/${result.total}`);
  for (const m of result.matches) {
    console.log(`  ${m.matched ? 'ok  ' : 'MISS'} ${m.gold.id.padEnd(28)} ${m.matched ? describe(m.matched) : m.reason}`);
  }
  console.log(`  events in sentences without a gold event: ${result.extras.length}`);
  for (const e of result.extras) console.log(`    ? ${describe(e)}`);
  console.log(`  offset errors: ${result.offsetErrors.length}; schema errors: ${result.schemaErrors.length}`);
  for (const e of [...result.offsetErrors, ...result.schemaErrors].slice(0, 10)) console.log(`    ! ${e}`);
}

function summary(result: EventsEvalResult) {
  return {
    mode: result.mode,
    matched: result.matched,
    total: result.total,
    participants: result.participants,
    exactTimes: result.exactTimes,
    predicted: result.predicted,
    extras: result.extras.length,
    offsetErrors: result.offsetErrors.length,
    schemaErrors: result.schemaErrors.length,
    misses: result.matches.filter((m) => !m.matched).map((m) => ({ id: m.gold.id, reason: m.reason })),
    extraEvents: result.extras.map(describe),
  };
}

/** Runs the pipeline over the Wikinews articles; returns counts and a deterministic sample for hand review. */
async function wikinewsSample(config: ChroniqueConfig, sampleSize: number): Promise<{ articles: number; events: number; byType: Record<string, number>; sample: string[] } | { skipped: string }> {
  const corpora = corporaDir();
  const dir = path.join(corpora, 'wikinews-fr-100', 'documents');
  if (!existsSync(dir)) return { skipped: `no corpus at ${dir}` };
  if (!existsSync(path.join(config.ner.modelDir, 'config.json'))) return { skipped: `no NER model at ${config.ner.modelDir}` };
  const { Pipeline } = await import('../../src/pipeline.js');
  const { parseCorpusText } = await import('../../src/ingest/parse.js');
  const pipeline = await Pipeline.create(config, await realStages());
  const all: EventRecord[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
  for (const file of files) {
    for (const doc of parseCorpusText(file, readFileSync(path.join(dir, file), 'utf8'))) {
      await pipeline.process(doc);
      if (doc.status === 'ok') all.push(...(doc.events as EventRecord[]));
    }
  }
  await pipeline.dispose();
  const byType: Record<string, number> = {};
  for (const e of all) byType[e.type] = (byType[e.type] ?? 0) + 1;
  // Every k-th event in id order: deterministic and spread over articles and types.
  const sorted = [...all].sort((a, b) => (a.id < b.id ? -1 : 1));
  const step = Math.max(1, Math.floor(sorted.length / sampleSize));
  const sample = sorted.filter((_, i) => i % step === 0).slice(0, sampleSize).map((r) => `${r.article.id} ${describe(r)}\n      « ${r.sentence.text} »`);
  return { articles: files.length, events: all.length, byType, sample };
}

/**
 * How many of the trigger table's generated verb forms fr-compromise lemmatizes back to their lemma (each form
 * after a subject pronoun), and how many of the seed gold's trigger words, in their sentence.
 */
async function compareLemmatizer(): Promise<{ forms: number; agree: number; seedTriggers: number; seedAgree: number }> {
  const nlp = (await import('fr-compromise')).default as unknown as (text: string) => { compute(name: string): void; json(): Array<{ terms: Array<{ text: string; root?: string; machine?: string }> }> };
  const lexicon = getDefaultLexicon();
  let forms = 0;
  let agree = 0;
  for (const [form, entries] of lexicon.byFirstWord) {
    const entry = entries[0];
    if (!entry || entry.rest.length > 0 || entry.row.pos !== 'verb') continue;
    forms++;
    const doc = nlp(`Ils ${form}`);
    doc.compute('root');
    const term = doc.json()[0]?.terms[1];
    const lemma = entry.row.lemma.split(' ')[0];
    if (term && (term.root === lemma || (!term.root && form === lemma))) agree++;
  }
  const gold = loadSeedGold();
  let seedAgree = 0;
  for (const event of gold.events) {
    const sentence = gold.sentences.find((x) => x.index === event.sentence);
    const expected = lexicon.byFirstWord.get(event.trigger.toLowerCase())?.[0]?.row.lemma;
    if (!sentence || !expected) continue;
    const doc = nlp(sentence.text);
    doc.compute('root');
    const term = doc.json().flatMap((x) => x.terms).find((t) => t.text === event.trigger);
    if (term && (term.root ?? event.trigger) === expected) seedAgree++;
  }
  return { forms, agree, seedTriggers: gold.events.length, seedAgree };
}

/** The pipeline over every dev gold article: the dev score and the seed's strict canonical check. */
async function runDev(config: ChroniqueConfig): Promise<{ score: DevScore; seed: ReturnType<typeof seedCanonicalCheck> } | { skipped: string }> {
  if (!existsSync(DEV_GOLD_JSON)) return { skipped: `no dev gold at ${DEV_GOLD_JSON}` };
  if (!existsSync(wikinewsDir())) return { skipped: `no corpus at ${wikinewsDir()}` };
  if (!existsSync(path.join(config.ner.modelDir, 'config.json'))) return { skipped: `no NER model at ${config.ner.modelDir}` };
  const gold = loadDevGold();
  const { Pipeline } = await import('../../src/pipeline.js');
  const pipeline = await Pipeline.create(config, await realStages());
  const records = new Map<string, EventRecord[]>();
  for (const id of gold.articles) {
    const doc = await pipeline.process(loadArticle(id));
    if (doc.status !== 'ok') throw new Error(`${id}: ${doc.reason}`);
    records.set(id, doc.events as EventRecord[]);
  }
  await pipeline.dispose();
  return { score: scoreDev(gold, records), seed: seedCanonicalCheck(loadSeedGold(), records.get(SEED_ARTICLE_ID) ?? []) };
}

const pct = (x: number) => x.toFixed(3);

function printDev(dev: { score: DevScore; seed: ReturnType<typeof seedCanonicalCheck> }, verbose: boolean): void {
  const { score, seed } = dev;
  const e = score.events;
  const a = score.arguments;
  console.log(`\n== dev gold (gold/events-dev.json, ${new Set(score.matches.map((m) => m.gold.article)).size} articles with events, ${e.gold} event mentions)`);
  console.log(`  trigger+type: P ${pct(e.p)} R ${pct(e.r)} F1 ${pct(e.f1)} (${e.tp}/${e.predicted} predicted, ${e.tp}/${e.gold} gold)   [target F1 ≥ 0.65, P ≥ 0.80, R ≥ 0.55]`);
  console.log(`  trigger only: P ${pct(score.triggers.p)} R ${pct(score.triggers.r)} F1 ${pct(score.triggers.f1)}`);
  console.log(`  arguments (role + canonical entity): P ${pct(a.p)} R ${pct(a.r)} F1 ${pct(a.f1)} (${a.tp}/${a.predicted}, ${a.tp}/${a.gold})   [target F1 ≥ 0.6]`);
  console.log(`  arguments by role (tp/predicted/gold): ${Object.entries(score.argumentsByRole).map(([role, r]) => `${role} ${r.tp}/${r.predicted}/${r.gold}`).join(', ')}`);
  console.log(`  time accuracy: ${pct(score.time.accuracy)} (${score.time.right}/${score.time.total})   [target ≥ 0.8]`);
  console.log(`  core-event recall: ${pct(score.core.recall)} (${score.core.found}/${score.core.total})   [target ≥ 0.8]${score.core.missed.length ? `; missed: ${score.core.missed.join(', ')}` : ''}`);
  const ok = seed.filter((r) => r.ok).length;
  console.log(`  seed core events with every gold participant's canonical entity: ${ok}/${seed.length}   [target 12/12]`);
  for (const r of seed) console.log(`    ${r.ok ? 'ok  ' : 'MISS'} ${r.id.padEnd(28)} ${r.detail}`);
  if (!verbose) return;
  for (const m of score.matches) if (!m.predicted) console.log(`    missed ${m.gold.article} s${m.gold.sentence} ${m.gold.type} “${m.gold.trigger}”`);
  for (const m of score.matches) {
    if (!m.predicted) continue;
    const args = m.predicted.arguments.map((x) => `${x.role}=${x.entity ? x.canonical : `“${x.text}”`}`).join(', ');
    const wants = m.gold.arguments.map((g) => `${g.role}=${g.entity ?? `“${g.text}”`}`).join(', ');
    const unmatched = m.gold.arguments.filter((g) => !m.predicted!.arguments.some((a) => argumentMatches(g, a))).length;
    const extra = m.predicted.arguments.filter((a) => !m.gold.arguments.some((g) => argumentMatches(g, a))).length;
    if (unmatched > 0 || extra > 0) console.log(`    args   ${m.gold.article} s${m.gold.sentence} ${m.gold.type} “${m.gold.trigger}”: [${args}] wants [${wants}]`);
    if (!devTimeMatches(m.gold.time, m.predicted.time?.value)) console.log(`    time   ${m.gold.article} s${m.gold.sentence} ${m.gold.type} “${m.gold.trigger}”: ${m.predicted.time?.value ?? 'null'} (“${m.predicted.time?.text ?? ''}”) wants ${m.gold.time.join('|') || 'null'}`);
  }
  for (const r of score.falsePositives) console.log(`    extra  ${r.article.id} s${r.sentence.index} ${r.type} “${r.trigger.text}” [${r.arguments.map((x) => `${x.role}=${x.entity ? x.canonical : `“${x.text}”`}`).join(', ')}]`);
}

async function main(argv: string[]): Promise<number> {
  const modes = ['--gold-layers', '--gold-entities', '--pipeline', '--dev'];
  const all = !modes.some((m) => argv.includes(m));
  const wantGold = all || argv.includes('--gold-layers');
  const wantHybrid = all || argv.includes('--gold-entities');
  const wantPipeline = all || argv.includes('--pipeline');
  const wantDev = all || argv.includes('--dev');
  const jsonIndex = argv.indexOf('--json');
  const jsonFile = jsonIndex >= 0 ? (argv[jsonIndex + 1] ?? '') : path.join(PACKAGE_ROOT, 'bench', 'results', 'events-eval.json');
  const report: Record<string, unknown> = { gold: path.join(sharedDir(), 'gold', 'karpathy-2024-03.gold.json') };
  let failed = false;
  if (wantGold) {
    const { result } = await runGoldLayers();
    printResult(result);
    report.goldLayers = summary(result);
    failed ||= result.matched < 10 || result.offsetErrors.length > 0 || result.schemaErrors.length > 0;
  }
  if (wantHybrid) {
    const { result } = await runGoldEntities();
    printResult(result);
    report.goldEntities = summary(result);
    failed ||= result.offsetErrors.length > 0 || result.schemaErrors.length > 0;
  }
  if (wantPipeline) {
    const run = await runPipeline();
    if ('skipped' in run) {
      console.log(`\n== pipeline: skipped (${run.skipped})`);
      report.pipeline = { skipped: run.skipped };
    } else {
      printResult(run.result);
      report.pipeline = summary(run.result);
      failed ||= run.result.offsetErrors.length > 0 || run.result.schemaErrors.length > 0;
    }
  }
  if (wantDev) {
    const dev = await runDev(resolveConfig());
    if ('skipped' in dev) {
      console.log(`\n== dev gold: skipped (${dev.skipped})`);
      report.dev = { skipped: dev.skipped };
    } else {
      printDev(dev, argv.includes('--verbose'));
      const { matches, falsePositives, ...figures } = dev.score;
      report.dev = { ...figures, seedCanonical: dev.seed, missed: matches.filter((m) => !m.predicted).map((m) => `${m.gold.article} s${m.gold.sentence} ${m.gold.type} ${m.gold.trigger}`), falsePositives: falsePositives.map((r) => `${r.article.id} s${r.sentence.index} ${r.type} ${r.trigger.text}`) };
    }
  }
  const wikiIndex = argv.indexOf('--wikinews');
  if (wikiIndex >= 0) {
    const n = Number(argv[wikiIndex + 1] ?? 20) || 20;
    const wiki = await wikinewsSample(resolveConfig(), n);
    if ('skipped' in wiki) console.log(`\n== wikinews: skipped (${wiki.skipped})`);
    else {
      console.log(`\n== wikinews-fr-100: ${wiki.events} events in ${wiki.articles} articles`);
      console.log(`  by type: ${JSON.stringify(wiki.byType)}`);
      for (const line of wiki.sample) console.log(`  - ${line}`);
    }
    report.wikinews = wiki;
  }
  if (argv.includes('--lemmatizer')) {
    const lem = await compareLemmatizer();
    console.log(`\n== fr-compromise lemmas on the ${lem.forms} generated verb forms of the trigger table: ${lem.agree} agree (${((100 * lem.agree) / Math.max(1, lem.forms)).toFixed(1)} %); on the seed gold's trigger words in context: ${lem.seedAgree}/${lem.seedTriggers} (nouns count as agreeing when left as they are); the generated lexicon indexes every form it lists exactly`);
    report.lemmatizer = lem;
  }
  if (jsonFile) {
    mkdirSync(path.dirname(jsonFile), { recursive: true });
    writeFileSync(jsonFile, JSON.stringify(report, null, 2) + '\n');
    console.log(`\nwrote ${path.relative(process.cwd(), jsonFile)}`);
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 2;
    },
  );
}
