import { describe, expect, it } from 'vitest';
import type { Word } from '../../../src/ner/align.js';
import { propagateNames } from '../../../tools/training/self-train.js';

/** Whitespace words of a text, with offsets (the tests' stand-in for the runtime pretokenizer). */
function words(text: string): Word[] {
  return [...text.matchAll(/[^\s,.]+|[,.]/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

describe('self-training: names propagated within an article', () => {
  it('labels untagged occurrences of a confidently tagged name, longest name first', () => {
    const text = "Elon Musk dirige Tesla depuis 2008, et Musk l'a dit.";
    const ws = words(text);
    const sentence = { words: ws, tags: ws.map(() => 'O'), confident: true };
    const added = propagateNames(sentence, text, new Map([['Musk', 'PER'], ['Elon Musk', 'PER'], ['Tesla', 'ORG']]));
    expect(added).toBe(3);
    const tagged = ws.map((w, i) => `${w.text}/${sentence.tags[i]}`).filter((x) => !x.endsWith('/O'));
    expect(tagged).toEqual(['Elon/B-PER', 'Musk/I-PER', 'Tesla/B-ORG', 'Musk/B-PER']);
  });

  it('never overrides what the model tagged, nor cuts into a longer word', () => {
    const text = 'Tesla Motors et Teslas.';
    const ws = words(text);
    const tags = ['B-ORG', 'I-ORG', 'O', 'O', 'O'];
    const sentence = { words: ws, tags: [...tags], confident: true };
    expect(propagateNames(sentence, text, new Map([['Tesla', 'PER']]))).toBe(0);
    expect(sentence.tags).toEqual(tags);
  });

  it('does not label a name glued to the next word (no space between them)', () => {
    const text = 'Tesla-Motors';
    const ws: Word[] = [
      { text: 'Tesla', start: 0, end: 5 },
      { text: '-Motors', start: 5, end: 12 },
    ];
    const sentence = { words: ws, tags: ['O', 'O'], confident: true };
    expect(propagateNames(sentence, text, new Map([['Tesla', 'ORG']]))).toBe(0);
  });
});
