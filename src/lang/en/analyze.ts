/**
 * The English layers of a Document, as the stages add them for an article detected as English: sentences
 * (compromise, title apart), entity mentions (compromise + lexicon, unless a BYO model tagged them) and time
 * expressions (one date context per article; a blank line starts a paragraph but the fiscal quarter in view carries
 * over, as reports name it once). Every span is an offset into `doc.text`.
 */
import type { Document, Mention, Sentence, TimeExpression } from '../../document.js';
import { segmentDocument } from '../../segment/sentences.js';
import { createEnglishDateContext, findEnglishTimeExpressions } from './dates.js';
import { findEnglishEntities } from './entities.js';
import { segmentEnglish } from './sentences.js';

export function englishSentences(doc: Document): Sentence[] {
  return segmentDocument(doc, segmentEnglish);
}

export function englishMentions(doc: Document): Mention[] {
  const mentions: Mention[] = [];
  for (const sentence of doc.sentences) {
    for (const e of findEnglishEntities(doc.text, sentence)) mentions.push({ start: e.start, end: e.end, sentence: sentence.index, label: e.label, score: e.score, source: 'rules' });
  }
  return mentions;
}

export function englishTimexes(doc: Document): TimeExpression[] {
  const context = createEnglishDateContext();
  const out: TimeExpression[] = [];
  for (const sentence of doc.sentences) {
    for (const c of findEnglishTimeExpressions(doc.text, { publication: doc.meta.published, region: sentence, context })) {
      out.push({ start: c.start, end: c.end, sentence: sentence.index, type: c.type, value: c.value, granularity: c.granularity, mod: c.mod, anchor: c.anchor, source: 'rules' });
    }
  }
  return out;
}
