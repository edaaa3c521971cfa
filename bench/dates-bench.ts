/**
 * `npx tsx bench/dates-bench.ts [--seconds N]`: throughput of the time-expression recognizer on one core, in sentences
 * per second (target ≥ 5,000), measured on the process's CPU time (so that other jobs on the machine do not skew it)
 * and, for reference, on the wall clock. Sentences are FR-TimeBank's texts split by the pipeline's segmenter (read from
 * CHRONIQUE_CORPORA, default ../shared/corpora), each run with its document's DCT as publication date, as the `dates`
 * stage does. Prints sentences/s, characters/s and the time expressions found per pass.
 */
import { createDateContext, findTimeExpressions } from '../src/dates/recognize.js';
import { loadTimebank } from '../tools/eval/dates-eval.js';
import { segmentSentences } from '../src/segment/sentences.js';

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
const cpuStarted = process.cpuUsage();
while (performance.now() - started < seconds * 1000) {
  found = pass();
  passes += 1;
}
const elapsed = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
// CPU time of this single-threaded process = time on one core, even when other jobs share the machine.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const perSecond = (passes * sentences.length) / elapsed;
const perCpuSecond = (passes * sentences.length) / cpuSeconds;
console.log(`dates bench: ${sentences.length} sentences (${chars} chars, mean ${(chars / sentences.length).toFixed(0)}) × ${passes} passes in ${elapsed.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU`);
console.log(`  ${Math.round(perCpuSecond).toLocaleString('en-US')} sentences per CPU-second on one core (target ≥ 5,000); ${Math.round(perSecond).toLocaleString('en-US')} sentences/s wall clock; ${found} expressions per pass`);
