/**
 * `npm run eval:segment-en`: boundary P/R/F1 of English sentence segmenters on a gold built from the English NER
 * corpora (../shared/corpora/english: wikigold and the WikiNEuRal-en test file, whose sentences are the gold): the
 * tokens of each sentence are detokenized (no space before `.`, `,`, `'s`, `n't`, closing brackets…; none after opening
 * ones), and every 20 consecutive sentences are joined by one space into a document. Engines:
 *  - the project's rule scanner (src/segment/sentences.ts) with the English lexicon as data (src/rules/en/segmentation.ts),
 *    which the English stage set uses,
 *  - compromise's sentence splitter (src/lang/en/sentences.ts),
 *  - the same scanner with the French lexicon (what English text got before), and Intl.Segmenter('en') alone.
 * Prints each engine's scores and speed (sentences/s; the machine is shared: compare engines within one run only).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Span } from '../../src/document.js';
import { segmentEnglish, segmentEnglishCompromise } from '../../src/lang/en/sentences.js';
import { segmentSentences } from '../../src/segment/sentences.js';
import { corporaDir } from './corpora.js';
import { readConllu } from './ner-en-eval.js';
import { measureSpeed, scoreBoundaries, type EvalDocument, type Segmenter } from './segment-eval.js';

const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}'’]|'s|’s|n't|n’t|'re|'ve|'ll|'d|'m)$/i;
const NO_SPACE_AFTER = /^[([{$“"]$/;

/** Running text of one token sentence, spaced as written English is. */
export function detokenize(tokens: readonly string[]): string {
  let out = '';
  tokens.forEach((token, i) => {
    if (i > 0 && !NO_SPACE_BEFORE.test(token) && !NO_SPACE_AFTER.test(tokens[i - 1] ?? '')) out += ' ';
    out += token;
  });
  return out;
}

export function englishSegmentationGold(perDocument = 20): EvalDocument[] {
  const dir = path.join(corporaDir(), 'english');
  const documents: EvalDocument[] = [];
  for (const file of ['wikigold-en.conllu', 'wikineural-en-test.conllu']) {
    const sentences = readConllu(path.join(dir, file)).map((s) => detokenize(s.tokens));
    for (let k = 0; k < sentences.length; k += perDocument) {
      const chunk = sentences.slice(k, k + perDocument);
      let text = '';
      const gold: number[] = [];
      for (const sentence of chunk) {
        if (text) {
          text += ' ';
          gold.push(text.length);
        }
        text += sentence;
      }
      documents.push({ id: `${file}#${k}`, text, regions: [{ start: 0, end: text.length }], gold });
    }
  }
  return documents;
}

const intlEnglish: Segmenter = (text: string, region: Span): Span[] => {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: Span[] = [];
  for (const { index, segment } of segmenter.segment(text.slice(region.start, region.end))) {
    let start = region.start + index;
    let end = start + segment.length;
    while (start < end && /\s/.test(text[start] ?? '')) start += 1;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
    if (end > start) out.push({ start, end });
  }
  return out;
};

const ENGINES: Array<{ name: string; segment: Segmenter }> = [
  { name: 'rule scanner + English lexicon (English stage set)', segment: segmentEnglish },
  { name: 'compromise', segment: segmentEnglishCompromise },
  { name: 'rule scanner + French lexicon', segment: segmentSentences },
  { name: 'Intl.Segmenter en', segment: intlEnglish },
];

function main(): void {
  const documents = englishSegmentationGold();
  const gold = documents.reduce((n, d) => n + d.gold.length, 0);
  console.log(`English segmentation gold: ${documents.length} documents of 20 sentences (wikigold + WikiNEuRal-en test, detokenized), ${gold} internal boundaries`);
  const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
  for (const engine of ENGINES) {
    const s = scoreBoundaries(engine.segment, documents);
    const speed = measureSpeed(engine.segment, documents.slice(0, 50));
    console.log(`  ${engine.name.padEnd(50)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  (fp ${s.falsePositives}, fn ${s.falseNegatives})  ${Math.round(speed)} sentences/s`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
