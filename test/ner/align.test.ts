import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForModel, splitWordRanges, wordsOf } from '../../src/ner/align.js';
import { APOSTROPHES, INVISIBLE, SPACES } from '../../src/ner/contract.js';
import { alignPieces, assignWordTokens, SentenceEncoder, type PieceTokenizer } from '../../src/ner/subwords.js';

/** Original-text slices of the words, i.e. what a mention built from them would contain. */
function slices(text: string): string[] {
  return wordsOf(text).map((w) => text.slice(w.start, w.end));
}

describe('normalizeForModel', () => {
  it('composes decomposed accents and maps each unit back to its original cluster', () => {
    const text = 'e\u0301te\u0301 à Ore\u0301zza';
    const n = normalizeForModel(text);
    expect(n.text).toBe('été à Orézza');
    expect(n.text.length).toBe(n.origStart.length);
    expect(text.slice(n.origStart[0]!, n.origEnd[0]!)).toBe('e\u0301');
    expect(text.slice(n.origStart[2]!, n.origEnd[2]!)).toBe('e\u0301');
  });

  it('maps typographic apostrophes to ASCII, NBSP to space, drops soft hyphens and zero-width joiners', () => {
    const n = normalizeForModel('l\u2019État\u00A0:\u202Fanti\u00ADcorps\u200D!');
    expect(n.text).toBe("l'État : anticorps!");
  });

  it('respects a sub-range and reports absolute offsets', () => {
    const text = 'xx Paris yy';
    const n = normalizeForModel(text, 3, 8);
    expect(n.text).toBe('Paris');
    expect(n.origStart[0]).toBe(3);
    expect(n.origEnd[4]).toBe(8);
  });
});

/** The normalizer's specification, written plainly (regex clusters): the fast implementation must equal it. */
function referenceNormalize(original: string, start: number, end: number): { text: string; origStart: number[]; origEnd: number[] } {
  const apostrophes = new Set<string>(APOSTROPHES);
  const pieces: string[] = [];
  const origStart: number[] = [];
  const origEnd: number[] = [];
  for (const match of original.slice(start, end).matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
    const cluster = match[0];
    const base = String.fromCodePoint(cluster.codePointAt(0)!);
    if (INVISIBLE.has(base)) continue;
    const out = SPACES.has(base) ? ' ' : apostrophes.has(base) ? "'" : cluster.normalize('NFC');
    pieces.push(out);
    for (let i = 0; i < out.length; i++) {
      origStart.push(start + match.index);
      origEnd.push(start + match.index + cluster.length);
    }
  }
  return { text: pieces.join(''), origStart, origEnd };
}

describe('normalizeForModel equals its plain specification', () => {
  it('on random strings of hard characters and random sub-ranges', () => {
    const alphabet = fc.constantFrom('a', 'É', 'e\u0301', '\u0301', ' ', '\u00A0', '\u2019', "'", '`', '«', '😀', '🏽', '\uD83D', '\uDE00', '東', '\u00AD', '\u200B', '\u200D', '\u2126', '\u{1D15E}', '\uFE0F', '\u20E3', 'x\u0308\u0301', '\n');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }).map((parts) => parts.join('')), fc.nat(5), fc.nat(5), (text, a, b) => {
        const start = Math.min(a, text.length);
        const end = Math.max(start, text.length - b);
        const fast = normalizeForModel(text, start, end);
        expect({ text: fast.text, origStart: Array.from(fast.origStart), origEnd: Array.from(fast.origEnd) }).toEqual(referenceNormalize(text, start, end));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});

describe('wordsOf: words carry exact original offsets', () => {
  it('splits French elisions after the apostrophe, both apostrophe kinds', () => {
    expect(slices("l'UE et d\u2019Andrej Karpathy qu\u2019il jusqu'à")).toEqual(["l'", 'UE', 'et', 'd\u2019', 'Andrej', 'Karpathy', 'qu\u2019', 'il', "jusqu'", 'à']);
  });

  it('keeps aujourd’hui, quelqu’un and non-elision apostrophes whole', () => {
    expect(slices("aujourd'hui aujourd\u2019hui quelqu'un O'Neill")).toEqual(["aujourd'hui", 'aujourd\u2019hui', "quelqu'un", "O'Neill"]);
  });

  it('separates « » and punctuation, keeps NBSP out of words', () => {
    const text = '«\u00A0Jean-Pierre\u00A0» a dit\u202F: 3,5\u00A0%.';
    expect(slices(text)).toEqual(['«', 'Jean-Pierre', '»', 'a', 'dit', ':', '3,5', '%', '.']);
  });

  it('aligns emoji (surrogate pairs) and CJK characters', () => {
    const text = 'Tokyo 😀 東京 🇫🇷 fin';
    const words = wordsOf(text);
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual(['Tokyo', '😀', '東', '京', '🇫', '🇷', 'fin']);
    // no word starts or ends inside a surrogate pair
    for (const w of words) {
      expect(text.codePointAt(w.start)! > 0xdbff && text.codePointAt(w.start)! < 0xe000).toBe(false);
      expect(text.slice(w.start, w.end).isWellFormed()).toBe(true);
    }
  });

  it('keeps a soft hyphen or zero-width joiner inside the word span, never at its edges', () => {
    const text = 'la Confé\u00ADdération \u00ADSuisse\u200B!';
    const words = wordsOf(text);
    expect(words.map((w) => w.text)).toEqual(['la', 'Confédération', 'Suisse', '!']);
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual(['la', 'Confé\u00ADdération', 'Suisse', '!']);
  });

  it('maps a decomposed word back to its decomposed original', () => {
    const text = 'De\u0301partement de l\u2019Is\u0300re';
    const words = wordsOf(text);
    expect(words[0]!.text).toBe('Département');
    expect(text.slice(words[0]!.start, words[0]!.end)).toBe('De\u0301partement');
    expect(text.slice(words[3]!.start, words[3]!.end)).toBe('Is\u0300re');
  });

  it('property: words are ordered, disjoint, non-empty and trimmed, in any text', () => {
    const alphabet = fc.constantFrom(...['a', 'É', 'e\u0301', ' ', '\u00A0', '\u2019', "'", '-', '«', '»', '.', ',', '3', '😀', '東', '\u00AD', '\u200B', '\u200D', 'l', 'd', 'q', 'u', '\n']);
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
        let previousEnd = 0;
        for (const w of wordsOf(text)) {
          expect(w.start).toBeGreaterThanOrEqual(previousEnd);
          expect(w.end).toBeGreaterThan(w.start);
          const slice = text.slice(w.start, w.end);
          expect(slice).toBe(slice.replace(/^[\s\u00A0\u00AD\u200B\u200D]+|[\s\u00A0\u00AD\u200B\u200D]+$/gu, ''));
          expect(slice.isWellFormed()).toBe(true);
          previousEnd = w.end;
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('a cluster that NFC expands (composition exclusion) stays one word over its original range', () => {
    const text = 'note \u{1D15E} fin';
    const words = wordsOf(text);
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual(['note', '\u{1D15E}', 'fin']);
  });

  it('splitWordRanges works on normalized text only (ASCII apostrophe)', () => {
    expect(splitWordRanges("l'an")).toEqual([[0, 2], [2, 4]]);
  });
});

describe('subword alignment', () => {
  const sentencePiece = { unkToken: '[UNK]', wordPrefix: '\u2581', continuationPrefix: null };

  it('aligns SentencePiece pieces, including a bare ▁ piece and an unknown piece', () => {
    expect(alignPieces("l'UE", ['\u2581l', "'", 'UE'], sentencePiece)).toEqual([[0, 1], [1, 2], [2, 4]]);
    expect(alignPieces('😀x', ['\u2581', '[UNK]', 'x'], sentencePiece)).toEqual([[0, 0], [0, 2], [2, 3]]);
    expect(alignPieces('ab', ['\u2581a', 'c'], sentencePiece)).toBeNull();
  });

  it('aligns WordPiece continuation pieces', () => {
    expect(alignPieces('Paris', ['Pa', '##ris'], { unkToken: '[UNK]', wordPrefix: null, continuationPrefix: '##' })).toEqual([[0, 2], [2, 5]]);
  });

  it('labels each word by the first piece that begins inside it, else by the piece covering its start', () => {
    const out = new Int32Array(2);
    // pieces "▁l'U" "E": the straddling piece belongs to "l'", so "UE" reads "E" (as in training)
    assignWordTokens([[0, 2], [2, 4]], [[0, 3], [3, 4]], 10, out, 0);
    expect(Array.from(out)).toEqual([10, 11]);
    // pieces "▁l'UE": no piece begins inside "UE", it reads the piece covering its first character
    assignWordTokens([[0, 2], [2, 4]], [[0, 4]], 10, out, 0);
    expect(Array.from(out)).toEqual([10, 10]);
    // pieces "▁" "l'" "UE": the empty ▁ piece is skipped
    assignWordTokens([[0, 2], [2, 4]], [[0, 0], [0, 2], [2, 4]], 0, out, 0);
    expect(Array.from(out)).toEqual([1, 2]);
  });

  it("a tokenizer normalizer that expands one character into several words never yields overlapping words", () => {
    const nfkc: PieceTokenizer = {
      tokenize: (t) => [...t].map((c, i) => (i === 0 ? '\u2581' : '') + c),
      pieceId: () => 5,
      normalize: (cluster) => cluster.normalize('NFKC'),
      unkToken: null,
      unkId: 1,
      wordPrefix: '\u2581',
      continuationPrefix: null,
    };
    const text = 'x ½ y';
    const encoded = new SentenceEncoder(nfkc).encode(text, 0, text.length);
    expect(encoded.words.map((w) => [w.text, text.slice(w.start, w.end)])).toEqual([['x', 'x'], ['1⁄2', '½'], ['y', 'y']]);
  });

  it('SentenceEncoder: chunk tokenization, per-word fallback and original offsets', () => {
    // A toy tokenizer: pieces of up to 3 characters; characters outside [a-zA-Z'] are unknown pieces.
    const vocabulary = new Map<string, number>();
    const idOf = (piece: string) => {
      if (!vocabulary.has(piece)) vocabulary.set(piece, vocabulary.size + 10);
      return vocabulary.get(piece)!;
    };
    const toy: PieceTokenizer = {
      tokenize: (text) => {
        const pieces: string[] = [];
        for (let i = 0; i < text.length; i += 3) pieces.push((i === 0 ? '\u2581' : '') + text.slice(i, i + 3));
        return pieces;
      },
      pieceId: (p) => (/^[\u2581a-zA-Z']+$/u.test(p) ? idOf(p) : 1),
      normalize: (cluster) => cluster.normalize('NFC'),
      unkToken: '[UNK]',
      unkId: 1,
      wordPrefix: '\u2581',
      continuationPrefix: null,
    };
    const encoder = new SentenceEncoder(toy);
    const text = 'x  L\u2019Europe\u00A0vote.';
    const encoded = encoder.encode(text, 3, text.length);
    expect(encoded.words.map((w) => text.slice(w.start, w.end))).toEqual(['L\u2019', 'Europe', 'vote', '.']);
    // chunk "L'Europe" → ▁L'E | uro | pe : "▁L'E" belongs to "L'", "Europe" reads "uro"
    expect(encoded.wordToken[0]).toBe(0);
    expect(encoded.wordToken[1]).toBe(1);
    // chunk "vote." → ▁vo | te. ; "." starts inside "te." → token of "te."
    expect(encoded.wordToken[2]).toBe(3);
    expect(encoded.wordToken[3]).toBe(4);
    expect(encoded.ids.length).toBe(5);
  });
});
