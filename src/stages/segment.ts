/**
 * Stage `segment`: `doc.sentences` from the rule scanner of src/segment/sentences.ts (the title, if any, is one
 * sentence of kind `title`; the body is split into sentences of kind `body`), in text order, indexed from 0.
 */
import type { Document } from '../document.js';
import { segmentDocument } from '../segment/sentences.js';
import type { Stage } from './stage.js';

export const segmentStage: Stage = {
  name: 'segment',
  reads: [],
  writes: ['sentences'],
  run(doc: Document): void {
    doc.sentences = segmentDocument(doc);
  },
};
