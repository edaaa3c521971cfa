/**
 * `npm run eval:ner`: strict span precision / recall / F1 (seqeval conventions) of the NER stage's model on
 *  - Sequoia NE test (`sequoia-ne/sequoia-ud.parseme.frsemcor.test`),
 *  - HIPE-2020 v1.4 French test (`hipe2020-fr/HIPE-data-v1.4-test-fr.tsv`; its `time` spans score DATE apart),
 *  - the seed gold (`../gold/karpathy-2024-03.gold.json`, with its `optional` and `also_ok` entities).
 * The token corpora are read and harmonized by the training side's readers (`tools/training/prepare-data.ts`, the
 * same label conventions the model was trained with); each sentence is rebuilt as text from its tokens (tracking
 * token offsets), the runtime tags it, and predicted and gold character spans are compared. Scores PER/ORG/LOC/MISC
 * and their micro average, for BIO-Viterbi decoding (the pipeline's) and argmax (reference). Prints a table, NER
 * throughput on Sequoia test, and writes the results JSON (default bench/results/ner-eval.json).
 *
 * Corpora come from CHRONIQUE_CORPORA (default ../shared/corpora next to the repository); the gold file from ../gold
 * next to the corpora folder.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { DEFAULT_CONFIG, PACKAGE_ROOT, resolveConfig, stableStringify } from '../../src/config.js';
import type { Span } from '../../src/document.js';
import { tagsToSpans, type DecodeMode } from '../../src/ner/decode.js';
import { MENTION_TYPES, toBioTag } from '../../src/ner/labels.js';
import { NerTagger, type SentenceAnalysis, type TaggerSettings } from '../../src/ner/tagger.js';
import { defaultStages, Pipeline } from '../../src/pipeline.js';
import { parseCorpusText } from '../../src/ingest/parse.js';
import { joinTokens, readHipe, readSequoia, type NerSentence } from '../training/prepare-data.js';
import { corporaDir } from './corpora.js';
import { countMatches, summarize, type Counts, type GoldEntity, type Scores } from './ner-score.js';
import { formatSideBySide, readPeer, scorePeer, writePeerSets, type PeerResult } from './ner-peer.js';

export interface EvalSet {
  name: string;
  text: string;
  sentences: Span[];
  gold: GoldEntity[];
  /** Types scored on this set. */
  types: readonly string[];
  /** Extra types reported apart (not in the micro average), e.g. DATE on HIPE. */
  extraTypes: readonly string[];
}

/** One running text from token sentences (one line each), with gold entity character spans. */
export function evalSetFromTokens(name: string, sentences: readonly NerSentence[], extraTypes: readonly string[] = []): EvalSet {
  const lines: string[] = [];
  const spans: Span[] = [];
  const gold: GoldEntity[] = [];
  let offset = 0;
  for (const sentence of sentences) {
    const { text, spans: tokenSpans } = joinTokens(sentence.tokens, sentence.spaceAfter);
    spans.push({ start: offset, end: offset + text.length });
    for (const entity of tagsToSpans(sentence.tags.map((tag) => toBioTag(tag)))) {
      gold.push({ start: offset + tokenSpans[entity.first]![0], end: offset + tokenSpans[entity.last]![1], label: entity.type });
    }
    lines.push(text);
    offset += text.length + 1;
  }
  return { name, text: lines.join('\n'), sentences: spans, gold, types: MENTION_TYPES, extraTypes };
}

interface SeedGold {
  sentences: Array<{ start: number; end: number }>;
  entities: Array<{ start: number; end: number; label: string; optional?: boolean; also_ok?: string[] }>;
}

export function seedEvalSet(textFile: string, goldFile: string): EvalSet {
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as SeedGold;
  return {
    name: 'seed (karpathy-2024-03)',
    text: readFileSync(textFile, 'utf8'),
    sentences: gold.sentences.map((s) => ({ start: s.start, end: s.end })),
    gold: gold.entities.map((e) => ({ start: e.start, end: e.end, label: e.label, optional: e.optional === true, alsoOk: e.also_ok ?? [] })),
    types: MENTION_TYPES,
    extraTypes: [],
  };
}

export interface SetResult {
  name: string;
  sentences: number;
  goldEntities: number;
  decoders: Record<DecodeMode, { perType: Record<string, Scores>; micro: Scores; extra: Record<string, Scores> }>;
  seconds: number;
  sentencesPerSecond: number;
}

/** Gold entities of the sentences, predicted spans by decoder, scored. */
export function scoreSet(set: EvalSet, tagger: NerTagger, analyses: readonly SentenceAnalysis[], seconds: number): SetResult {
  const decoders = {} as SetResult['decoders'];
  for (const mode of ['viterbi', 'argmax'] as const) {
    const predicted = analyses.flatMap((a) => tagger.decodeSpans(a, mode)).map((s) => ({ start: s.start, end: s.end, label: s.type }));
    const byType = new Map<string, Counts>();
    const allTypes = [...set.types, ...set.extraTypes];
    countMatches(set.gold, predicted, allTypes, byType);
    const { perType, micro } = summarize(byType, set.types);
    const extra = summarize(byType, set.extraTypes).perType;
    decoders[mode] = { perType, micro, extra };
  }
  return {
    name: set.name,
    sentences: set.sentences.length,
    goldEntities: set.gold.filter((g) => !g.optional && set.types.includes(g.label)).length,
    decoders,
    seconds,
    sentencesPerSecond: set.sentences.length / seconds,
  };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

export function formatTable(results: readonly SetResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const v = r.decoders.viterbi;
    lines.push(`\n${r.name} — ${r.sentences} sentences, ${r.goldEntities} gold entities`);
    lines.push('  type        P      R     F1   support');
    for (const [type, s] of [...Object.entries(v.perType), ...Object.entries(v.extra).map(([t, s]): [string, Scores] => [`(${t})`, s])]) {
      lines.push(`  ${type.padEnd(8)} ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}  ${String(s.support).padStart(6)}`);
    }
    lines.push(`  ${'micro'.padEnd(8)} ${pct(v.micro.precision)}  ${pct(v.micro.recall)}  ${pct(v.micro.f1)}  ${String(v.micro.support).padStart(6)}`);
    if (r.decoders.argmax === r.decoders.viterbi) continue;
    lines.push(`  argmax decoding micro F1 ${pct(r.decoders.argmax.micro.f1)} (Viterbi ${(100 * (v.micro.f1 - r.decoders.argmax.micro.f1)).toFixed(1)} pts better)`);
  }
  return lines.join('\n');
}

/**
 * The seed through the whole pipeline (`parseCorpusText` → every default stage): what users get in
 * `mentions.jsonl`, i.e. the model's spans plus the entities stage's document-level propagation of names
 * (`source: 'rules'`). Scored like the other sets; the decoders row repeats the pipeline's (Viterbi) result.
 */
async function runSeedPipeline(set: EvalSet, file: string, ner: TaggerSettings): Promise<SetResult> {
  const config = resolveConfig({ ner: { ...ner } });
  const started = performance.now();
  const pipeline = await Pipeline.create(config, defaultStages());
  const [doc] = parseCorpusText(path.basename(file), readFileSync(file, 'utf8'));
  if (!doc || doc.text !== set.text) throw new Error(`${file}: the pipeline's document text differs from the gold's text`);
  await pipeline.process(doc);
  await pipeline.dispose();
  if (doc.status !== 'ok') throw new Error(`${file}: ${doc.reason ?? 'failed'}`);
  const seconds = (performance.now() - started) / 1000;
  const predicted = doc.mentions.map((m) => ({ start: m.start, end: m.end, label: m.label }));
  const byType = new Map<string, Counts>();
  countMatches(set.gold, predicted, set.types, byType);
  const { perType, micro } = summarize(byType, set.types);
  const decoded = { perType, micro, extra: {} };
  return {
    name: `${set.name}, whole pipeline (model + document-level propagation)`,
    sentences: set.sentences.length,
    goldEntities: set.gold.filter((g) => !g.optional && set.types.includes(g.label)).length,
    decoders: { viterbi: decoded, argmax: decoded },
    seconds,
    sentencesPerSecond: set.sentences.length / seconds,
  };
}

async function runSet(set: EvalSet, tagger: NerTagger): Promise<SetResult> {
  const started = performance.now();
  const analyses = await tagger.analyze(set.text, set.sentences);
  const seconds = (performance.now() - started) / 1000;
  return scoreSet(set, tagger, analyses, seconds);
}

async function main(): Promise<void> {
  const program = new Command()
    .name('eval:ner')
    .description('Strict span P/R/F1 of the NER model on Sequoia test, HIPE-2020 test and the seed gold')
    .option('--model <dir>', 'model folder', DEFAULT_CONFIG.ner.modelDir)
    .option('--dtype <dtype>', "'auto', 'q8' or 'fp32'", DEFAULT_CONFIG.ner.dtype)
    .option('--batch-size <n>', 'sentences per batch', String(DEFAULT_CONFIG.ner.batchSize))
    .option('--threads <n>', 'ONNX Runtime intra-op threads', String(DEFAULT_CONFIG.ner.threads))
    .option('--max-tokens <n>', 'longest sequence fed to the model (longer sentences are windowed)', String(DEFAULT_CONFIG.ner.maxSequenceTokens))
    .option('--decode-unit <unit>', "decoding unit: 'word' (the runtime's default) or 'subword'")
    .option('--sets <list>', 'comma-separated: sequoia,hipe,seed (also sequoia-dev, to compare with the training log)', 'sequoia,hipe,seed')
    .option('--out <file>', 'results JSON', path.join(PACKAGE_ROOT, 'bench', 'results', 'ner-eval.json'))
    .option('--write-sets <file>', 'write the sets\' sentences for a peer system (python -m training.peer_spacy ner) and stop')
    .option('--peer <file>', 'peer predictions on the same sentences (python -m training.peer_spacy ner), printed beside the model')
    .parse();
  const options = program.opts<{ model: string; dtype: string; batchSize: string; threads: string; maxTokens: string; decodeUnit?: string; sets: string; out: string; writeSets?: string; peer?: string }>();
  if (options.decodeUnit !== undefined && options.decodeUnit !== 'subword' && options.decodeUnit !== 'word') throw new Error(`--decode-unit must be subword or word, got ${options.decodeUnit}`);
  if (options.dtype !== 'auto' && options.dtype !== 'q8' && options.dtype !== 'fp32') throw new Error(`--dtype must be auto, q8 or fp32, got ${options.dtype}`);
  const ner: TaggerSettings = {
    modelDir: path.resolve(options.model),
    maxSequenceTokens: Number(options.maxTokens),
    dtype: options.dtype,
    threads: Number(options.threads),
    batchSize: Number(options.batchSize),
  };
  const wanted = new Set(options.sets.split(',').map((s) => s.trim()));
  const corpora = corporaDir();
  const sets: EvalSet[] = [];
  if (wanted.has('sequoia')) {
    sets.push(evalSetFromTokens('Sequoia NE test', readSequoia(path.join(corpora, 'sequoia-ne', 'sequoia-ud.parseme.frsemcor.test'), 'sequoia-test')));
  }
  if (wanted.has('sequoia-dev')) {
    // Not a test set (the training side selects checkpoints on it): for checking that the runtime reproduces the training-side score.
    sets.push(evalSetFromTokens('Sequoia NE dev', readSequoia(path.join(corpora, 'sequoia-ne', 'sequoia-ud.parseme.frsemcor.dev'), 'sequoia-dev')));
  }
  if (wanted.has('hipe')) {
    sets.push(evalSetFromTokens('HIPE-2020 v1.4 test (fr)', readHipe(path.join(corpora, 'hipe2020-fr', 'HIPE-data-v1.4-test-fr.tsv'), 'hipe2020-test'), ['DATE']));
  }
  const seedFile = path.join(PACKAGE_ROOT, 'corpus', 'karpathy-2024-03.txt');
  const seedGold = path.resolve(corpora, '..', 'gold', 'karpathy-2024-03.gold.json');
  if (wanted.has('seed')) sets.push(seedEvalSet(seedFile, seedGold));
  if (options.writeSets) {
    writePeerSets(options.writeSets, sets);
    console.log(`wrote ${sets.length} sets (${sets.reduce((n, s) => n + s.sentences.length, 0)} sentences) to ${options.writeSets}`);
    return;
  }
  const peer = options.peer ? readPeer(options.peer) : null;
  const tagger = await NerTagger.load(options.decodeUnit ? { ...ner, decodeUnit: options.decodeUnit } : ner);
  // Warm-up (first-run allocations and JIT) so the throughput figures measure the steady state.
  if (sets[0]) await tagger.analyze(sets[0].text, sets[0].sentences.slice(0, ner.batchSize));
  const results: SetResult[] = [];
  for (const set of sets) results.push(await runSet(set, tagger));
  await tagger.dispose();
  if (wanted.has('seed')) results.push(await runSeedPipeline(seedEvalSet(seedFile, seedGold), seedFile, ner));
  console.log(`model ${ner.modelDir} (dtype ${ner.dtype}, batch ${ner.batchSize}, ${ner.threads} threads, sequences ≤ ${ner.maxSequenceTokens} tokens, decoding per ${tagger.decodeUnit})`);
  console.log(formatTable(results));
  const peerResults: PeerResult[] = [];
  if (peer && options.peer) {
    for (const set of sets) {
      const scored = scorePeer(set, peer, options.peer);
      const mine = results.find((r) => r.name === set.name);
      if (!scored || !mine) continue;
      peerResults.push(scored);
      console.log(formatSideBySide({ ...mine.decoders.viterbi, sentencesPerSecond: mine.sentencesPerSecond }, scored));
      const whole = results.find((r) => r.name.startsWith(`${set.name}, whole pipeline`));
      if (whole) console.log(`  whole pipeline (model + propagation) micro F1 ${pct(whole.decoders.viterbi.micro.f1)}`);
    }
  }
  const sequoia = results.find((r) => r.name.startsWith('Sequoia'));
  if (sequoia) console.log(`\nNER throughput on Sequoia test: ${sequoia.sentencesPerSecond.toFixed(1)} sentences/s (${sequoia.sentences} sentences in ${sequoia.seconds.toFixed(2)} s)`);
  mkdirSync(path.dirname(options.out), { recursive: true });
  const report = {
    model: path.relative(PACKAGE_ROOT, ner.modelDir) || ner.modelDir,
    labels: tagger.labelMapping(),
    dtype: ner.dtype,
    batchSize: ner.batchSize,
    threads: ner.threads,
    maxSequenceTokens: ner.maxSequenceTokens,
    decodeUnit: tagger.decodeUnit,
    conventions: 'strict span match (start, end, type); seqeval chunking; micro over PER/ORG/LOC/MISC; corpora harmonized by tools/training/prepare-data.ts readers',
    results,
    ...(peerResults.length > 0 ? { peer: peerResults } : {}),
  };
  writeFileSync(options.out, `${JSON.stringify(JSON.parse(stableStringify(report)), null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), options.out)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
}
