/**
 * NER training-data preparation (`npm run data:prepare`).
 *
 * Reads the corpora in ../shared/corpora, harmonises every tag set to BIO over PER / ORG / LOC / MISC / DATE and writes
 * git-ignored JSONL files under data/ner/:
 *
 *   data/ner/train.jsonl                 training sentences (all sources, one JSON object per line)
 *   data/ner/dev.jsonl                   model-selection sentences (Sequoia dev + HIPE-2020 v1.4 dev)
 *   data/ner/eval/sequoia-test.jsonl     Sequoia test (held out from training entirely)
 *   data/ner/eval/hipe2020-test.jsonl    HIPE-2020 v1.4 French test (held out from training entirely)
 *   data/ner/stats.json                  counts per source / label
 *
 * Line format: {"id": string, "source": string, "tokens": string[], "tags": string[], "spaceAfter": boolean[], "text": string}
 * `text` is the tokens joined with a space where `spaceAfter` is true; `tags` are IOB2 (`O`, `B-PER`, `I-PER`, ...).
 *
 * Mapping: Sequoia PERS→PER, PROD/EVE→MISC (final reading only); HIPE pers/PER→PER, loc→LOC, org→ORG, prod/HumanProd→MISC,
 * time→DATE, with leading title components (NE-FINE-COMP `comp.title`, e.g. "M.") moved out of PER spans; WikiNEuRal /
 * 7-romans keep PER/LOC/ORG/MISC. Silver DATE spans come from the project's French date recognizer
 * (src/dates/recognize.ts, type DATE only) on tokens that carry no other entity, for every training/dev sentence.
 * Never read: Sequoia test (except for the eval file), HIPE v1.4 test (eval file only), FR-TimeBank, the seed article.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeEntityType } from '../../src/ner/labels.js';

export interface NerSentence {
  id: string;
  source: string;
  tokens: string[];
  tags: string[];
  spaceAfter: boolean[];
  text: string;
}

type TimeFinder = (text: string, options: { publication: string | null }) => Array<{ start: number; end: number; type: string }>;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPORA = path.resolve(ROOT, '..', 'shared', 'corpora');
const OUT = path.join(ROOT, 'data', 'ner');

const ENTITY_TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC', 'DATE']);

function read(p: string): string {
  return readFileSync(p, 'utf8');
}

/** Mulberry32: small deterministic PRNG for the fixed-seed sampling. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(xs: T[], r: () => number): T[] {
  const a = xs.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

// ---------------------------------------------------------------------------------------------------------------
// spacing heuristics (corpora without spacing information), mirrored in training/text.py heuristic_space_after

const NO_SPACE_BEFORE = new Set([',', '.', ')', ']', '}', '...', '…', '%']);
const NO_SPACE_AFTER = new Set(['(', '[', '{']);
const APOS = new Set(["'", '\u2019']);

export function heuristicSpaceAfter(tokens: string[]): boolean[] {
  const n = tokens.length;
  const out: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const tok = tokens[i] as string;
    const nxt = i + 1 < n ? (tokens[i + 1] as string) : null;
    let sp = true;
    if (nxt === null) sp = false;
    else if ((tok.endsWith("'") || tok.endsWith('\u2019')) && tok.length <= 8) sp = false;
    else if (NO_SPACE_AFTER.has(tok)) sp = false;
    else if (NO_SPACE_BEFORE.has(nxt) || APOS.has(nxt)) sp = false;
    out.push(sp);
  }
  for (let i = 1; i < n; i++) {
    const prev = tokens[i - 1] as string;
    if (APOS.has(tokens[i] as string) && prev.length <= 6 && /\p{L}$/u.test(prev)) {
      out[i - 1] = false;
      out[i] = false;
    }
  }
  return out;
}

export function joinTokens(tokens: string[], spaceAfter: boolean[]): { text: string; spans: Array<[number, number]> } {
  let text = '';
  const spans: Array<[number, number]> = [];
  tokens.forEach((t, i) => {
    spans.push([text.length, text.length + t.length]);
    text += t;
    if (spaceAfter[i] && i < tokens.length - 1) text += ' ';
  });
  return { text, spans };
}

/** Repair an IOB sequence into valid IOB2 (I-X after O or after another type becomes B-X; IOB1 handled too). */
export function toIob2(tags: string[]): string[] {
  const out: string[] = [];
  let prev = 'O';
  for (const t of tags) {
    if (t === 'O') {
      out.push('O');
      prev = 'O';
      continue;
    }
    const [p, ty] = [t.slice(0, 1), t.slice(2)];
    if (p === 'I' && (prev === 'O' || prev.slice(2) !== ty)) out.push(`B-${ty}`);
    else out.push(`${p}-${ty}`);
    prev = t;
  }
  return out;
}

function mkSentence(id: string, source: string, tokens: string[], tags: string[], spaceAfter: boolean[]): NerSentence {
  const clean = toIob2(tags.map((t) => (t === 'O' || ENTITY_TYPES.has(t.slice(2)) ? t : 'O')));
  return { id, source, tokens, tags: clean, spaceAfter, text: joinTokens(tokens, spaceAfter).text };
}

// ---------------------------------------------------------------------------------------------------------------
// readers

function readColumns(file: string, tokCol: number, tagCol: number, sep: RegExp, source: string, prefix = ''): NerSentence[] {
  const out: NerSentence[] = [];
  let toks: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (toks.length) out.push(mkSentence(`${source}:${out.length}`, source, toks, tags, heuristicSpaceAfter(toks)));
    toks = [];
    tags = [];
  };
  for (const line of read(file).split('\n')) {
    if (!line.trim()) {
      flush();
      continue;
    }
    const cols = line.split(sep);
    if (cols.length <= Math.max(tokCol, tagCol)) continue;
    let tok = cols[tokCol] as string;
    if (prefix && tok.startsWith(prefix)) tok = tok.slice(prefix.length);
    toks.push(tok);
    tags.push((cols[tagCol] as string).trim());
  }
  flush();
  return out;
}

/** Sequoia CoNLL-U Plus: NEs in column 11 (PARSEME:MWE), surface tokens from multiword ranges. */
export function readSequoia(file: string, source: string): NerSentence[] {
  const out: NerSentence[] = [];
  for (const block of read(file).split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim());
    if (!lines.length) continue;
    const sentId = (lines.find((l) => l.startsWith('# sent_id')) ?? '').replace(/^# sent_id\s*=\s*/, '');
    const words = new Map<number, { form: string; misc: string; col11: string }>();
    const ranges: Array<{ a: number; b: number; form: string; misc: string }> = [];
    for (const l of lines) {
      if (l.startsWith('#')) continue;
      const c = l.split('\t');
      const id = c[0] as string;
      if (/^\d+-\d+$/.test(id)) {
        const [a, b] = id.split('-').map(Number) as [number, number];
        ranges.push({ a, b, form: c[1] as string, misc: c[9] ?? '_' });
      } else if (/^\d+$/.test(id)) {
        words.set(Number(id), { form: c[1] as string, misc: c[9] ?? '_', col11: c[10] ?? '*' });
      }
    }
    // NE annotations: id -> type, members
    const annType = new Map<string, string>();
    const members = new Map<string, number[]>();
    for (const [wid, w] of words) {
      if (w.col11 === '*' || w.col11 === '_') continue;
      for (const part of w.col11.split(';')) {
        const m = /^(\d+)(?::(.*))?$/.exec(part);
        if (!m) continue;
        const key = m[1] as string;
        if (m[2] !== undefined) {
          const ne = /NE-(PERS|LOC|ORG|PROD|EVE)\.final/.exec(m[2]);
          if (ne) annType.set(key, normalizeEntityType(ne[1] as string) as string);
        }
        const arr = members.get(key) ?? [];
        arr.push(wid);
        members.set(key, arr);
      }
    }
    const wordTag = new Map<number, string>();
    // longest spans first so that outer entities win over nested ones
    const anns = [...annType.entries()].map(([k, ty]) => ({ ty, ids: (members.get(k) ?? []).sort((x, y) => x - y) }));
    anns.sort((x, y) => y.ids.length - x.ids.length);
    for (const { ty, ids } of anns) {
      if (!ids.length) continue;
      const lo = ids[0] as number;
      const hi = ids[ids.length - 1] as number;
      let free = true;
      for (let i = lo; i <= hi; i++) if (wordTag.has(i)) free = false;
      if (!free) continue;
      for (let i = lo; i <= hi; i++) wordTag.set(i, i === lo ? `B-${ty}` : `I-${ty}`);
    }
    // surface tokens
    const tokens: string[] = [];
    const tags: string[] = [];
    const spaces: boolean[] = [];
    const maxId = Math.max(...words.keys());
    let i = 1;
    while (i <= maxId) {
      const r = ranges.find((x) => x.a === i);
      if (r) {
        tokens.push(r.form);
        let tag = 'O';
        for (let j = r.a; j <= r.b; j++) {
          const t = wordTag.get(j);
          if (t) {
            tag = j === r.a ? t : `I-${t.slice(2)}`;
            if (j === r.a) break;
            // entity starts inside the contraction ("du" = de + le + ...): treat as B if previous surface token is O
            if (t.startsWith('B-')) tag = t;
            break;
          }
        }
        tags.push(tag);
        spaces.push(!/SpaceAfter=No/.test(r.misc));
        i = r.b + 1;
      } else {
        const w = words.get(i);
        if (w) {
          tokens.push(w.form);
          tags.push(wordTag.get(i) ?? 'O');
          spaces.push(!/SpaceAfter=No/.test(w.misc));
        }
        i++;
      }
    }
    if (tokens.length) out.push(mkSentence(`${source}:${sentId || out.length}`, source, tokens, tags, spaces));
  }
  return out;
}

/**
 * HIPE TSV (2020 / 2022). Sentences: EndOfSentence / PySBDSegment markers when present, otherwise split after . ! ?
 * (outside entities) and at document boundaries; long sentences are cut at O tokens after 80 tokens.
 */
export function readHipe(file: string, source: string): NerSentence[] {
  const out: NerSentence[] = [];
  let toks: string[] = [];
  let tags: string[] = [];
  let comps: string[] = [];
  let spaces: boolean[] = [];
  let doc = '';
  const flush = () => {
    if (toks.length) {
      // move leading title components out of PER spans ("M. Ilg" -> "Ilg")
      const t2 = tags.slice();
      for (let i = 0; i < t2.length; i++) {
        if (t2[i] === 'B-PER') {
          let j = i;
          while (j < t2.length && (j === i || t2[j] === 'I-PER') && /comp\.title/.test(comps[j] ?? '')) j++;
          if (j > i && j < t2.length && t2[j] === 'I-PER') {
            for (let k = i; k < j; k++) t2[k] = 'O';
            t2[j] = 'B-PER';
          }
        }
      }
      out.push(mkSentence(`${source}:${doc}:${out.length}`, source, toks, t2, spaces));
    }
    toks = [];
    tags = [];
    comps = [];
    spaces = [];
  };
  const lines = read(file).split('\n');
  const hasMarkers = lines.some((l) => /EndOfSentence|PySBDSegment/.test(l));
  for (const line of lines) {
    if (!line.trim()) continue;
    if (line.startsWith('TOKEN\t')) continue;
    if (line.startsWith('#')) {
      const m = /document_id\s*=\s*(\S+)/.exec(line);
      if (m) {
        flush();
        doc = m[1] as string;
      }
      continue;
    }
    const c = line.split('\t');
    if (c.length < 10) continue;
    const tok = c[0] as string;
    const coarse = (c[1] as string).trim();
    let tag = 'O';
    const m = /^([BI])-(.+)$/.exec(coarse);
    if (m) {
      const ty = normalizeEntityType(m[2] as string);
      if (ty) tag = `${m[1]}-${ty}`;
    }
    const misc = c[9] as string;
    toks.push(tok);
    tags.push(tag);
    comps.push((c[5] as string) ?? 'O');
    spaces.push(!/NoSpaceAfter/.test(misc));
    const endMarker = /EndOfSentence|PySBDSegment/.test(misc);
    const isPunct = /^[.!?]$/.test(tok);
    if (hasMarkers ? endMarker : isPunct && tag === 'O' && toks.length >= 4) flush();
    else if (toks.length >= 80 && tag === 'O' && (isPunct || tok === ';' || tok === ',')) flush();
    else if (toks.length >= 150 && tag === 'O') flush();
  }
  flush();
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// silver dates

async function loadTimeFinder(): Promise<TimeFinder | null> {
  const mod = path.join(ROOT, 'src', 'dates', 'recognize.ts');
  if (!existsSync(mod)) return null;
  try {
    const m = (await import('../../src/dates/recognize.js')) as { findTimeExpressions?: TimeFinder };
    return typeof m.findTimeExpressions === 'function' ? m.findTimeExpressions : null;
  } catch (e) {
    console.warn('WARNING: could not load src/dates/recognize.ts:', (e as Error).message);
    return null;
  }
}

/** Add DATE labels from the recognizer on tokens that are all O; returns the number of spans added. */
export function addSilverDates(s: NerSentence, find: TimeFinder): number {
  if (s.tags.some((t) => t.endsWith('-DATE'))) return 0; // gold DATE annotation present (HIPE time): keep it as is
  const { spans } = joinTokens(s.tokens, s.spaceAfter);
  let added = 0;
  let found: ReturnType<TimeFinder> = [];
  try {
    found = find(s.text, { publication: null });
  } catch {
    return 0;
  }
  for (const x of found) {
    if (x.type !== 'DATE' || !(x.end > x.start)) continue;
    const idx: number[] = [];
    spans.forEach(([a, b], i) => {
      if (a < x.end && b > x.start) idx.push(i);
    });
    if (!idx.length) continue;
    if (idx.some((i) => s.tags[i] !== 'O')) continue;
    idx.forEach((i, k) => (s.tags[i] = k === 0 ? 'B-DATE' : 'I-DATE'));
    added++;
  }
  return added;
}

// ---------------------------------------------------------------------------------------------------------------

function writeJsonl(file: string, rows: NerSentence[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

function stats(rows: NerSentence[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    const s = (out[r.source] ??= { sentences: 0, tokens: 0 });
    s.sentences = (s.sentences ?? 0) + 1;
    s.tokens = (s.tokens ?? 0) + r.tokens.length;
    for (const t of r.tags) if (t.startsWith('B-')) s[t.slice(2)] = (s[t.slice(2)] ?? 0) + 1;
  }
  return out;
}

async function main(): Promise<void> {
  const r = rng(20260329);
  const c = (...p: string[]) => path.join(CORPORA, ...p);

  const wikineural = [
    ...readColumns(c('wikineural-fr', 'val.conllu'), 1, 2, /\t/, 'wikineural'),
    ...readColumns(c('wikineural-fr', 'test.conllu'), 1, 2, /\t/, 'wikineural'),
  ];
  const romansAll: NerSentence[] = [];
  for (const f of readdirSync(c('7-romans')).filter((f) => f.endsWith('.conll')).sort()) {
    romansAll.push(...readColumns(c('7-romans', f), 0, 1, / /, `7-romans`).map((s) => ({ ...s, id: `${f}:${s.id}` })));
  }
  // 7-romans: 10k sentences (of 26.8k), all with <= 120 tokens; fiction is PER-heavy, so keep it a minority
  const romans = shuffle(romansAll.filter((s) => s.tokens.length <= 120), r).slice(0, 10000);
  const seqTrain = readSequoia(c('sequoia-ne', 'sequoia-ud.parseme.frsemcor.train'), 'sequoia-train');
  const seqDev = readSequoia(c('sequoia-ne', 'sequoia-ud.parseme.frsemcor.dev'), 'sequoia-dev');
  const seqTest = readSequoia(c('sequoia-ne', 'sequoia-ud.parseme.frsemcor.test'), 'sequoia-test');
  const hipeTrain = readHipe(c('hipe2020-fr', 'HIPE-data-v0.9-train-fr.tsv'), 'hipe2020-train');
  const hipeDev = readHipe(c('hipe2020-fr', 'HIPE-data-v1.4-dev-fr.tsv'), 'hipe2020-dev');
  const hipeTest = readHipe(c('hipe2020-fr', 'HIPE-data-v1.4-test-fr.tsv'), 'hipe2020-test');
  const hipe22 = [
    ...readHipe(c('hipe2022-fr', 'HIPE-2022-v2.1-newseye-dev-fr.tsv'), 'hipe2022-newseye'),
    ...readHipe(c('hipe2022-fr', 'HIPE-2022-v2.1-newseye-dev2-fr.tsv'), 'hipe2022-newseye'),
    ...readHipe(c('hipe2022-fr', 'HIPE-2022-v2.1-letemps-dev-fr.tsv'), 'hipe2022-letemps'),
  ];

  const train = [...wikineural, ...romans, ...seqTrain, ...hipeTrain, ...hipe22];
  const dev = [...seqDev, ...hipeDev];

  const find = await loadTimeFinder();
  let silver = 0;
  if (!find) {
    console.warn('\n*** WARNING: src/dates/recognize.ts (findTimeExpressions) is not available: NO silver DATE labels were');
    console.warn('*** produced. DATE is then only learned from HIPE `time` spans. Re-run `npm run data:prepare` once it lands.\n');
  } else {
    for (const s of [...train, ...dev]) silver += addSilverDates(s, find);
    console.log(`silver DATE spans added: ${silver}`);
  }

  writeJsonl(path.join(OUT, 'train.jsonl'), shuffle(train, r));
  writeJsonl(path.join(OUT, 'dev.jsonl'), dev);
  writeJsonl(path.join(OUT, 'eval', 'sequoia-test.jsonl'), seqTest);
  writeJsonl(path.join(OUT, 'eval', 'hipe2020-test.jsonl'), hipeTest);
  const st = {
    silverDates: find ? silver : null,
    train: stats(train),
    dev: stats(dev),
    eval: stats([...seqTest, ...hipeTest]),
  };
  writeFileSync(path.join(OUT, 'stats.json'), JSON.stringify(st, null, 2) + '\n');
  console.log(JSON.stringify(st, null, 1));
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
