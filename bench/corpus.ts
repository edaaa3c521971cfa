/**
 * Builds the benchmark corpus in the git-ignored folder `bench/corpus/` from the read-only shared corpora
 * (CHRONIQUE_CORPORA, default ../shared/corpora): the 100 Wikinews HTML articles as they are, the 108 FR-TimeBank
 * texts as JSON records (`text` = the plain text of <TEXT>, `published` = the DCT) and the seed article.
 *
 *   bench/corpus/x1/r01/…            the set once
 *   bench/corpus/x4/r01 … r04/…      the same set four times (distinct ids through the replica folder)
 *   bench/corpus/x16/r01 … r16/…     sixteen times
 *   bench/corpus/one/…               the seed article alone (cold start)
 *   bench/corpus/empty/              no article (the fixed cost of a run: start, model load, empty dataset)
 *
 *   npx tsx bench/corpus.ts [--force]
 *
 * Nothing here is committed: the folder is rebuilt from the shared corpora whenever its stamp does not match.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../src/config.js';
import { corporaDir } from '../tools/eval/corpora.js';
import { parseTimeML } from '../tools/eval/dates-eval.js';

// From the package root, not from this file: the bench also runs built, from dist/bench/.
export const BENCH_DIR = path.join(PACKAGE_ROOT, 'bench');
export const BENCH_CORPUS_DIR = path.join(BENCH_DIR, 'corpus');
export const SCALES = [1, 4, 16] as const;
export type Scale = (typeof SCALES)[number];

/** One article of the base set, as it is written into each replica folder. */
interface BaseFile {
  /** Path inside a replica folder. */
  relativePath: string;
  content: string;
}

export interface BenchCorpus {
  /** Folder of the set replicated `scale` times. */
  scaleDir(scale: Scale): string;
  /** Folder holding only the seed article. */
  oneArticleDir: string;
  /** Folder holding no article. */
  emptyDir: string;
  /** Articles in the base set (before replication). */
  baseArticles: number;
  sources: Record<string, number>;
}

/** Bumped whenever the layout or the conversion changes, so that an old folder is rebuilt. */
const LAYOUT_VERSION = 2;

function seedPath(corpora: string): string {
  return path.resolve(corpora, '..', 'corpus-seed', 'karpathy-2024-03.txt');
}

function readBaseSet(corpora: string): { files: BaseFile[]; sources: Record<string, number> } {
  const files: BaseFile[] = [];
  const wikinewsDir = path.join(corpora, 'wikinews-fr-100', 'documents');
  const wikinews = readdirSync(wikinewsDir).filter((name) => name.endsWith('.html')).sort();
  for (const name of wikinews) files.push({ relativePath: `wikinews/${name}`, content: readFileSync(path.join(wikinewsDir, name), 'utf8') });

  const timebankDir = path.join(corpora, 'fr-timebank', 'Data');
  const timebank = readdirSync(timebankDir).filter((name) => name.endsWith('.tml')).sort();
  for (const name of timebank) {
    const id = name.replace(/\.tml$/, '');
    const doc = parseTimeML(id, readFileSync(path.join(timebankDir, name), 'utf8'));
    // The DCT is the publication date the dates stage anchors on, as in the evaluation.
    const record = { id, text: doc.text.trim(), published: doc.dct, source: "L'Est Républicain (FR-TimeBank 1.1)" };
    files.push({ relativePath: `fr-timebank/${id}.json`, content: `${JSON.stringify(record)}\n` });
  }

  files.push({ relativePath: 'seed/karpathy-2024-03.txt', content: readFileSync(seedPath(corpora), 'utf8') });
  return { files, sources: { 'wikinews-fr-100': wikinews.length, 'fr-timebank': timebank.length, seed: 1 } };
}

function writeReplicas(dir: string, files: readonly BaseFile[], replicas: number): void {
  for (let r = 1; r <= replicas; r++) {
    const replica = path.join(dir, `r${String(r).padStart(2, '0')}`);
    for (const file of files) {
      const target = path.join(replica, file.relativePath);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
  }
}

/** Builds the corpus unless an identical one (same stamp) is already there; returns where things are. */
export function ensureBenchCorpus(options: { force?: boolean; log?: (line: string) => void } = {}): BenchCorpus {
  const corpora = corporaDir();
  const stampPath = path.join(BENCH_CORPUS_DIR, 'stamp.json');
  const { files, sources } = readBaseSet(corpora);
  const stamp = JSON.stringify({ layout: LAYOUT_VERSION, corpora, scales: SCALES, sources, bytes: files.reduce((n, f) => n + f.content.length, 0) });
  const corpus: BenchCorpus = {
    scaleDir: (scale) => path.join(BENCH_CORPUS_DIR, `x${scale}`),
    oneArticleDir: path.join(BENCH_CORPUS_DIR, 'one'),
    emptyDir: path.join(BENCH_CORPUS_DIR, 'empty'),
    baseArticles: files.length,
    sources,
  };
  if (!options.force && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) return corpus;

  options.log?.(`building ${BENCH_CORPUS_DIR} from ${corpora} (${files.length} articles × ${SCALES.join(', ')})`);
  // Built aside, then swapped in: an interrupted build never leaves a half corpus behind a valid stamp.
  const building = `${BENCH_CORPUS_DIR}.building`;
  rmSync(building, { recursive: true, force: true });
  for (const scale of SCALES) writeReplicas(path.join(building, `x${scale}`), files, scale);
  const seed = files.find((f) => f.relativePath.startsWith('seed/'))!;
  mkdirSync(path.join(building, 'one'), { recursive: true });
  writeFileSync(path.join(building, 'one', path.basename(seed.relativePath)), seed.content);
  mkdirSync(path.join(building, 'empty'), { recursive: true });
  writeFileSync(path.join(building, 'stamp.json'), stamp);
  rmSync(BENCH_CORPUS_DIR, { recursive: true, force: true });
  renameSync(building, BENCH_CORPUS_DIR);
  return corpus;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const corpus = ensureBenchCorpus({ force: process.argv.includes('--force'), log: (line) => console.log(line) });
  console.log(`bench corpus: ${corpus.baseArticles} articles per replica (${Object.entries(corpus.sources).map(([k, v]) => `${k} ${v}`).join(', ')}) in ${BENCH_CORPUS_DIR}`);
}
