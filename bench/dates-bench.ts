/**
 * `npx tsx bench/dates-bench.ts [--seconds N]`: throughput of the time-expression recognizer on one core, in sentences
 * per second (target ≥ 5,000). Sentences are FR-TimeBank's texts split by the pipeline's segmenter (read from
 * CHRONIQUE_CORPORA, default ../shared/corpora), each run with its document's DCT as publication date, as the `dates`
 * stage does. Prints sentences/s, characters/s and the time expressions found per pass.
 */
import { createDateContext, findTimeExpressions } from '../src/dates/recognize.js';
import { loadTimebank } from '../src/eval/dates-eval.js';
import { segmentSentences } from '../src/stages/segment.js';

interface BenchSentence {
  text: string;
  start: number;
  end: number;
  publication: string;
}

const secondsArg = process.argv.indexOf('--seconds');
const seconds = secondsArg >= 0 ? Number(process.argv[secondsArg + 1]) : 3;

const sentences: BenchSentence[] = [];
for (const doc of loadTimebank()) {
  for (const s of segmentSentences(doc.text, { start: 0, end: doc.text.length })) sentences.push({ text: doc.text, start: s.start, end: s.end, publication: doc.dct });
}
const chars = sentences.reduce((n, s) => n + s.end - s.start, 0);

function pass(): number {
  let found = 0;
  const context = createDateContext();
  for (const s of sentences) found += findTimeExpressions(s.text, { publication: s.publication, region: s, context }).length;
  return found;
}

// Warm-up lets V8 compile the regexes and optimize the engine before timing.
for (let i = 0; i < 3; i += 1) pass();
let passes = 0;
let found = 0;
const started = performance.now();
while (performance.now() - started < seconds * 1000) {
  found = pass();
  passes += 1;
}
const elapsed = (performance.now() - started) / 1000;
const perSecond = (passes * sentences.length) / elapsed;
console.log(`dates bench: ${sentences.length} sentences (${chars} chars, mean ${(chars / sentences.length).toFixed(0)}) × ${passes} passes in ${elapsed.toFixed(2)} s`);
console.log(`  ${Math.round(perSecond).toLocaleString('en-US')} sentences/s, ${Math.round((passes * chars) / elapsed / 1000).toLocaleString('en-US')} k chars/s (target ≥ 5,000 sentences/s), ${found} expressions per pass`);
