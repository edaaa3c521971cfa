/**
 * English sentence segmentation with compromise: its sentence splitter (which knows English abbreviations such as
 * `Mr.`, `U.S.`, `Corp.`) over one region of the text at a time, its offsets mapped back to the original text.
 * A line break always ends a sentence (headlines, datelines and paragraphs carry no final punctuation), as in the
 * French segmenter; sentences are trimmed of surrounding whitespace.
 */
import nlp from 'compromise';
import type { Span } from '../../document.js';

interface OffsetJson {
  offset: { start: number; length: number };
}

/** Sentences of `text[region]`, as `[start, end)` spans into `text`. */
export function segmentEnglish(text: string, region: Span): Span[] {
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
