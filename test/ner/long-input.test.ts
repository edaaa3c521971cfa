/**
 * The NER path on input whose size no window bounds: a "word" of megabytes without a space (a base64 blob, a URL
 * run-on). Tokenizing, aligning and windowing must use constant stack (no `push(...huge)`, no recursion that grows
 * with the input): the article may be slow, but it must not fail with `Maximum call stack size exceeded`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SentenceEncoder } from '../../src/ner/subwords.js';
import { NerTagger } from '../../src/ner/tagger.js';
import { planWindows } from '../../src/ner/windows.js';
import { pushAll, maxOf, minOf } from '../../src/util/arrays.js';
import { CAMEMBERT_MODEL_DIR } from '../helpers/ner-models.js';

describe('constant-stack array helpers', () => {
  it('push and max/min over 2 million items (spreading them throws a RangeError)', () => {
    const many = Array.from({ length: 2_000_000 }, (_, i) => i % 1000);
    expect(() => [].push(...(many as never[]))).toThrow(RangeError);
    expect(pushAll([1], many)).toHaveLength(2_000_001);
    expect(maxOf(many)).toBe(999);
    expect(minOf(many)).toBe(0);
    expect(maxOf([])).toBe(-Infinity);
    expect(maxOf([], 0)).toBe(0);
  });
});

describe('the NER encoder on one word of megabytes', () => {
  let tagger: NerTagger;
  beforeAll(async () => {
    tagger = await NerTagger.load({ modelDir: CAMEMBERT_MODEL_DIR, dtype: 'auto', threads: 1, batchSize: 8 });
  }, 60_000);
  afterAll(async () => {
    await tagger.dispose();
  });

  it('encodes and windows a 1 MB word without spaces, and a 1 MB line of ordinary words', () => {
    const encoder = new SentenceEncoder(tagger.pieceTokenizer());
    for (const text of ['x7Qa'.repeat(256 * 1024), 'Le maire de Lyon a inauguré mardi une école. '.repeat(23_000)]) {
      const encoded = encoder.encode(text, 0, text.length);
      expect(encoded.ids.length).toBeGreaterThan(1000);
      expect(encoded.words.length).toBeGreaterThan(0);
      const windows = planWindows(encoded.ids.length, Array.from(encoded.wordToken), tagger.maxContentTokens);
      expect(windows.at(-1)!.end).toBe(encoded.ids.length);
    }
  }, 120_000);
});
