import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NerTagger } from '../../src/ner/tagger.js';
import { chooseWindows, planWindows } from '../../src/ner/windows.js';
import { FOREIGN_MODEL_DIR, SHIPPED_MODEL_DIR } from '../helpers/ner-models.js';

describe('planWindows / chooseWindows (pure)', () => {
  it('one window when the sentence fits', () => {
    expect(planWindows(10, [0, 3, 7], 10)).toEqual([{ start: 0, end: 10 }]);
  });

  it('covers every token with overlapping windows cut on word starts, never longer than the limit', () => {
    const boundaries = Array.from({ length: 700 }, (_, i) => i * 3); // 3 tokens per word
    const windows = planWindows(2100, boundaries, 100);
    expect(windows[0]!.start).toBe(0);
    expect(windows.at(-1)!.end).toBe(2100);
    for (const [i, w] of windows.entries()) {
      expect(w.end - w.start).toBeLessThanOrEqual(100);
      expect(w.start % 3).toBe(0);
      if (i > 0) expect(w.start).toBeLessThan(windows[i - 1]!.end); // overlap: nothing uncovered
      if (i > 0) expect(w.start).toBeGreaterThan(windows[i - 1]!.start); // progress
    }
  });

  it('cuts inside a word longer than a window rather than looping', () => {
    const windows = planWindows(50, [0, 45], 20);
    expect(windows.at(-1)!.end).toBe(50);
    expect(windows.every((w) => w.end - w.start <= 20)).toBe(true);
  });

  it('takes each token from the window where it is most central; sentence edges are not cuts', () => {
    const windows = [{ start: 0, end: 10 }, { start: 5, end: 15 }, { start: 10, end: 20 }];
    // token 7: 2 tokens of context on its worse side in window 0 and in window 1 → tie → earlier window;
    // token 13: 1 in window 1, 3 in window 2 (whose right edge is the sentence end, not a cut)
    expect(chooseWindows([0, 6, 7, 8, 9, 13, 19], windows, 20)).toEqual([0, 0, 0, 1, 1, 2, 2]);
  });
});

const SENTENCE = 'Jean Dupont a vu Marie à Paris mardi , puis Renault .';

/** One sentence of ~2,000 words: the short sentence repeated. */
function longSentence(repeats: number): string {
  return Array.from({ length: repeats }, () => SENTENCE).join(' ');
}

describe('long sentence (2,000 words) with the context-free fixture model', () => {
  let tagger: NerTagger;
  beforeAll(async () => {
    tagger = await NerTagger.load({ modelDir: FOREIGN_MODEL_DIR, dtype: 'q8', threads: 1, batchSize: 16 });
  });
  afterAll(async () => tagger?.dispose());

  it('caps sequences at ner.maxSequenceTokens, never above the model limit', async () => {
    const small = await NerTagger.load({ modelDir: FOREIGN_MODEL_DIR, dtype: 'q8', threads: 1, batchSize: 4, maxSequenceTokens: 20 });
    const large = await NerTagger.load({ modelDir: FOREIGN_MODEL_DIR, dtype: 'q8', threads: 1, batchSize: 4, maxSequenceTokens: 4096 });
    expect(small.maxContentTokens).toBe(18); // <s> … </s>
    expect(large.maxContentTokens).toBe(62); // the fixture's model_max_length is 64
    const text = longSentence(10);
    const [a] = await small.analyze(text, [{ start: 0, end: text.length }]);
    const [b] = await large.analyze(text, [{ start: 0, end: text.length }]);
    expect(a!.windows.length).toBeGreaterThan(b!.windows.length);
    expect(a!.spans).toEqual(b!.spans); // context-free model: windowing changes nothing
    await small.dispose();
    await large.dispose();
  });

  it('is windowed, never truncated, and stitches to exactly the per-sentence result', async () => {
    const repeats = 167; // 12 words each → 2,004 words
    const text = longSentence(repeats);
    const [long] = await tagger.analyze(text, [{ start: 0, end: text.length }]);
    expect(long!.words.length).toBe(repeats * 12);
    expect(long!.windows.length).toBeGreaterThan(30); // the fixture accepts 62 content tokens
    expect(long!.windows.at(-1)!.end).toBeGreaterThan(2000);
    const [short] = await tagger.analyze(SENTENCE, [{ start: 0, end: SENTENCE.length }]);
    const expected = Array.from({ length: repeats }, (_, r) =>
      short!.spans.map((s) => ({ ...s, start: s.start + r * (SENTENCE.length + 1), end: s.end + r * (SENTENCE.length + 1) })),
    ).flat();
    expect(long!.spans).toEqual(expected);
    expect(long!.spans.at(-1)!.start).toBeGreaterThan(text.length - 20); // the last "Renault" is found
  });
});

describe.skipIf(SHIPPED_MODEL_DIR === null)('long sentence with the shipped model', () => {
  let tagger: NerTagger;
  beforeAll(async () => {
    tagger = await NerTagger.load({ modelDir: SHIPPED_MODEL_DIR!, dtype: 'q8', threads: 2, batchSize: 8 });
  });
  afterAll(async () => tagger?.dispose());

  it('labels every word of a 2,000-word sentence, with windows overlapping', async () => {
    const sentence = 'Le président Emmanuel Macron a rencontré Angela Merkel à Berlin mardi , selon Le Monde .';
    const words = sentence.split(' ').length;
    const repeats = Math.ceil(2000 / words);
    const text = Array.from({ length: repeats }, () => sentence).join(' ');
    const [analysis] = await tagger.analyze(text, [{ start: 0, end: text.length }]);
    expect(analysis!.words.length).toBe(repeats * words);
    expect(analysis!.logProbs.length).toBe(analysis!.words.length);
    expect(analysis!.windows.length).toBeGreaterThan(1);
    for (const span of analysis!.spans) {
      const slice = text.slice(span.start, span.end);
      expect(slice.trim()).toBe(slice);
      expect(slice.length).toBeGreaterThan(0);
    }
    // entities are found in the last repetition too (nothing truncated)
    expect(analysis!.spans.some((s) => s.start > text.length - sentence.length)).toBe(true);
  });
});
