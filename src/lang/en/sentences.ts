/**
 * English sentence segmentation. The English stage set uses the project's rule scanner (src/segment/sentences.ts) over
 * the English lexicon (src/rules/en/segmentation.ts): on the English gold of `npm run eval:segment-en` (wikigold and
 * WikiNEuRal-en test sentences, detokenized, 20 per document) it scores boundary F1 0.981 against 0.952 for
 * compromise's splitter, at about 200× the speed (≈61,000 vs ≈260 sentences/s on the shared 2-core machine).
 * compromise's splitter is kept as `segmentEnglishCompromise` for that comparison: its sentence starts are used as cut
 * points only, so that its sentences too tile the non-blank text. A line break always ends a sentence in both.
 */
import nlp from 'compromise';
import type { Span } from '../../document.js';
import { ENGLISH_SEGMENTATION } from '../../rules/en/segmentation.js';
import { createSegmenter } from '../../segment/sentences.js';

/** Sentences of `text[region]` (the rule scanner with the English lexicon), as `[start, end)` spans into `text`. */
export const segmentEnglish: (text: string, region: Span) => Span[] = createSegmenter(ENGLISH_SEGMENTATION);

interface OffsetJson {
  offset: { start: number; length: number };
}

/** Sentences of `text[region]` by compromise, as `[start, end)` spans into `text`. */
export function segmentEnglishCompromise(text: string, region: Span): Span[] {
  const out: Span[] = [];
  const line = /[^\n\r\u2028\u2029]+/g;
  const slice = text.slice(region.start, region.end);
  let m: RegExpExecArray | null;
  while ((m = line.exec(slice)) !== null) {
    if (!/\S/.test(m[0])) continue;
    const base = region.start + m.index;
    // compromise's sentence starts are used as cut points only: the sentences tile the line's non-blank text even where
    // compromise leaves characters out (control characters, stray symbols).
    const starts = (nlp(m[0]).sentences().json({ offset: true }) as OffsetJson[]).map((s) => s.offset.start).filter((start) => start > 0 && start < m![0].length);
    const cuts = [...new Set([0, ...starts, m[0].length])].sort((a, b) => a - b);
    for (let k = 0; k + 1 < cuts.length; k += 1) {
      let start = cuts[k]!;
      let end = cuts[k + 1]!;
      while (start < end && /\s/.test(m[0][start] ?? '')) start += 1;
      while (end > start && /\s/.test(m[0][end - 1] ?? '')) end -= 1;
      if (end > start) out.push({ start: base + start, end: base + end });
    }
  }
  return out;
}
