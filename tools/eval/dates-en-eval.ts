/**
 * `npm run eval:dates-en`: the English time-expression recognizer (src/lang/en/dates.ts) on TimeBank 1.2 as cleaned for
 * TempEval-3 (../shared/corpora/english/timebank, 183 documents; the DCT of each document is its publication date and
 * is not scored). Strict (same offsets) and relaxed (overlap) P/R/F1, value accuracy over relaxed matches and the
 * TempEval-3 value F1 (relaxed F1 × value accuracy), beside chrono-node's `en` parser used raw (its own spans, values
 * at the granularity it knows).
 *
 * The documents are split by their sorted position: even positions are the DEV half (the rules were written and
 * adjusted looking at its errors only), odd positions the TEST half (never looked at). Both are printed; the test half
 * is the figure to quote. Misses of the dev half go to output/eval/dates-en-timebank-dev-misses.tsv.
 *
 * Options: `--split dev|test|all` (default: both halves), `--quiet`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as chrono from 'chrono-node';
import type { TimexType } from '../../src/vocabulary.js';
import type { TimexCandidate } from '../../src/dates/recognize.js';
import { pad } from '../../src/dates/calendar.js';
import { createEnglishDateContext, findEnglishTimeExpressions } from '../../src/lang/en/dates.js';
import { segmentEnglish } from '../../src/lang/en/sentences.js';
import { corporaDir } from './corpora.js';
import { loadTimebank, scoreTimebank, type Recognizer, type TimebankDocument, type TimebankScores } from './dates-eval.js';

export function loadEnglishTimebank(): TimebankDocument[] {
  return loadTimebank(path.join(corporaDir(), 'english', 'timebank'));
}

/** Even sorted positions: dev; odd: test. */
export function splitTimebank(docs: TimebankDocument[]): { dev: TimebankDocument[]; test: TimebankDocument[] } {
  return { dev: docs.filter((_, i) => i % 2 === 0), test: docs.filter((_, i) => i % 2 === 1) };
}

/** The recognizer as the English dates stage runs it: per sentence, one context per document. */
export const englishRecognizer: Recognizer = (text, publication) => {
  const context = createEnglishDateContext();
  const out: TimexCandidate[] = [];
  for (const sentence of segmentEnglish(text, { start: 0, end: text.length })) {
    out.push(...findEnglishTimeExpressions(text, { publication, region: sentence, context }));
  }
  return out;
};

/** chrono-node's English parser as it comes: its spans, a value at the granularity of its certain components. */
export const chronoRawRecognizer: Recognizer = (text, publication) => {
  const ref = publication && /^\d{4}-\d{2}-\d{2}/.test(publication) ? new Date(`${publication.slice(0, 10)}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
  return chrono.en.casual.parse(text, { instant: ref, timezone: 0 }).map((r) => {
    const s = r.start;
    const y = s.get('year') ?? 0;
    const mo = s.get('month') ?? 1;
    const d = s.get('day') ?? 1;
    const hasTime = s.isCertain('hour');
    let value: string;
    if (s.isCertain('day') || s.isCertain('weekday') || hasTime) value = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
    else if (s.isCertain('month')) value = `${pad(y, 4)}-${pad(mo, 2)}`;
    else value = pad(y, 4);
    if (hasTime) value += `T${pad(s.get('hour') ?? 0, 2)}:${pad(s.get('minute') ?? 0, 2)}`;
    const type: TimexType = hasTime ? 'TIME' : 'DATE';
    return { start: r.index, end: r.index + r.text.length, text: r.text, type, value, granularity: 'unknown', mod: null, anchor: 'publication' };
  });
};

function pct(x: number): string {
  return x.toFixed(3);
}

function line(name: string, s: TimebankScores): string {
  const valueF1 = s.relaxed.f1 * s.valueAccuracy;
  return `${name.padEnd(28)} gold ${String(s.gold).padStart(4)} sys ${String(s.system).padStart(4)}  strict P ${pct(s.strict.p)} R ${pct(s.strict.r)} F1 ${pct(s.strict.f1)}  relaxed P ${pct(s.relaxed.p)} R ${pct(s.relaxed.r)} F1 ${pct(s.relaxed.f1)}  value acc ${pct(s.valueAccuracy)} value F1 ${pct(valueF1)}  type acc ${pct(s.typeAccuracy)}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quiet = args.includes('--quiet');
  const splitArg = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'both';
  const docs = loadEnglishTimebank();
  const { dev, test } = splitTimebank(docs);
  const parts: Array<[string, TimebankDocument[]]> = splitArg === 'dev' ? [['dev', dev]] : splitArg === 'test' ? [['test', test]] : splitArg === 'all' ? [['all', docs]] : [['dev', dev], ['test', test]];
  console.log(`English TimeBank (TempEval-3 TBAQ-cleaned): ${docs.length} documents, dev ${dev.length} / test ${test.length} (sorted positions even / odd)`);
  for (const [name, part] of parts) {
    const ours = scoreTimebank(part, englishRecognizer);
    const raw = scoreTimebank(part, chronoRawRecognizer);
    console.log(line(`${name}: chronique (en)`, ours));
    console.log(line(`${name}: chrono-node raw`, raw));
    if (!quiet) {
      for (const [type, t] of Object.entries(ours.perType)) console.log(`  ${type.padEnd(9)} gold ${String(t.gold).padStart(4)}  strict F1 ${pct(t.strictF1)}  relaxed F1 ${pct(t.relaxedF1)}  value acc ${pct(t.valueAccuracy)}`);
    }
    if (name === 'dev') {
      const dir = path.join(process.cwd(), 'output', 'eval');
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, 'dates-en-timebank-dev-misses.tsv');
      writeFileSync(file, ours.misses.join('\n') + '\n');
      const kinds = new Map<string, number>();
      for (const miss of ours.misses) {
        const kind = miss.split('\t')[1] ?? '';
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      }
      if (!quiet) console.log(`  dev errors: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')} → ${path.relative(process.cwd(), file)}`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
