/**
 * Language stage: franc over the body text, restricted to a candidate list. Articles outside the accepted
 * languages are marked `skipped` (with the detected language) rather than dropped.
 */
import { francAll } from 'franc';
import type { ChroniqueConfig } from '../config.js';
import type { Document, LanguageResult } from '../document.js';
import { ISO6393_TO_ISO6391 } from '../rules/languages.js';
import type { Stage } from './stage.js';

/** franc only needs a sample; long articles are cut to keep the stage O(1) per article. */
const SAMPLE_CHARS = 4000;
const LETTER = /\p{L}/gu;

export function detectLanguage(text: string, config: ChroniqueConfig['language']): LanguageResult {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(LETTER)?.length ?? 0;
  if (letters < config.minLetters) return { code: 'und', iso6393: 'und', score: 0 };
  const ranked = francAll(sample, { only: config.candidates, minLength: 1 });
  const [best, second] = ranked;
  if (!best || best[0] === 'und') return { code: 'und', iso6393: 'und', score: 0 };
  // franc scores the winner 1 and the others relative to it; the gap to the runner-up is our confidence.
  const score = Math.round((1 - (second?.[1] ?? 0)) * 1000) / 1000;
  return { code: ISO6393_TO_ISO6391[best[0]] ?? best[0], iso6393: best[0], score };
}

export const languageStage: Stage = {
  name: 'language',
  run(doc: Document, config: ChroniqueConfig): void {
    const body = doc.text.slice(doc.bodySpan.start, doc.bodySpan.end);
    const title = doc.titleSpan ? doc.text.slice(doc.titleSpan.start, doc.titleSpan.end) : '';
    if (!/\S/.test(body) && !/\S/.test(title)) {
      doc.language = { code: 'und', iso6393: 'und', score: 0 };
      doc.status = 'skipped';
      doc.reason = doc.text.length === 0 ? 'empty article' : 'article contains only whitespace';
      return;
    }
    doc.language = detectLanguage(`${title}\n${body}`, config.language);
    if (!config.language.accept.includes(doc.language.code)) {
      doc.status = 'skipped';
      doc.reason = doc.language.code === 'und'
        ? 'language undetermined (too little text)'
        : `language ${doc.language.code} not in accepted languages (${config.language.accept.join(', ')})`;
    }
  },
};
