/**
 * Language stage: franc over the body text, restricted to a candidate list. Articles outside the accepted
 * languages are marked `skipped` (with the detected language) rather than dropped.
 */
import { francAll } from 'franc';
import type { ChroniqueConfig } from '../config.js';
import type { Document, LanguageResult } from '../document.js';
import { ISO6393_TO_ISO6391, PIPELINE_LANGUAGES } from '../rules/languages.js';
import type { Stage, StageContext } from './stage.js';

/** franc only needs a sample; long articles are cut to keep the stage O(1) per article. */
const SAMPLE_CHARS = 4000;
/** The sample is also judged in slices of about this size; their agreement is the confidence. */
const SLICE_CHARS = 800;
const LETTER = /\p{L}/gu;

const UNDETERMINED: LanguageResult = { code: 'und', iso6393: 'und', score: 0 };

function letterCount(text: string): number {
  return text.match(LETTER)?.length ?? 0;
}

/**
 * franc over a sample of the text. The score is the share of the sample's slices (about 800 characters each,
 * cut at spaces) that franc assigns to the same language as the whole sample: 1 for a plainly French article,
 * lower for mixed-language text. (franc's own scores are relative to the winner, which is always 1, and the
 * runner-up of a related language sits within a few hundredths of it, so they say little about confidence.)
 */
export function detectLanguage(text: string, config: ChroniqueConfig['language']): LanguageResult {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (letterCount(sample) < config.minLetters) return UNDETERMINED;
  const options = { only: config.candidates, minLength: 1 };
  const best = francAll(sample, options)[0]?.[0];
  if (!best || best === 'und') return UNDETERMINED;
  const slices = sliceAtSpaces(sample, SLICE_CHARS).filter((slice) => letterCount(slice) >= config.minLetters);
  const agreeing = slices.filter((slice) => francAll(slice, options)[0]?.[0] === best).length;
  const score = slices.length === 0 ? 1 : Math.round((agreeing / slices.length) * 1000) / 1000;
  return { code: ISO6393_TO_ISO6391[best] ?? best, iso6393: best, score };
}

function sliceAtSpaces(text: string, size: number): string[] {
  const slices: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > start) end = space;
    }
    slices.push(text.slice(start, end));
    start = end;
  }
  return slices;
}

export function createLanguageStage(): Stage & { init(context: StageContext): void } {
  let config: ChroniqueConfig['language'] | null = null;
  return {
    name: 'language',
    reads: [],
    writes: ['language'],
    init(context: StageContext): void {
      config = context.config.language;
    },
    run(doc: Document): void {
      if (!config) throw new Error('language stage used before init()');
      const body = doc.text.slice(doc.bodySpan.start, doc.bodySpan.end);
      const title = doc.titleSpan ? doc.text.slice(doc.titleSpan.start, doc.titleSpan.end) : '';
      if (!/\S/.test(body) && !/\S/.test(title)) {
        doc.language = { code: 'und', iso6393: 'und', score: 0 };
        doc.status = 'skipped';
        doc.reason = doc.text.length === 0 ? 'empty article' : 'article contains only whitespace';
        return;
      }
      doc.language = detectLanguage(`${title}\n${body}`, config);
      if (!config.accept.includes(doc.language.code)) {
        doc.status = 'skipped';
        doc.reason = doc.language.code === 'und'
          ? 'language undetermined (too little text)'
          : `language ${doc.language.code} not in accepted languages (${config.accept.join(', ')}; supported: ${PIPELINE_LANGUAGES.join(', ')})`;
      }
    },
  };
}
