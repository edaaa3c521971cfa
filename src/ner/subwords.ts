/**
 * Subword side of the NER runtime: turns a sentence's normalized text into model token ids and records,
 * for every word, the token whose prediction labels it. Chunks between spaces are tokenized whole (as
 * the model saw its training sentences); the pieces are then aligned to characters by matching their
 * strings. Where that is impossible (byte-level vocabularies, tokenizers that rewrite characters), the
 * chunk falls back to one tokenization per word, which is always alignable.
 */
import { normalizeForModel, splitWordRanges, wordsFromRanges, type NormalizedText, type Word } from './align.js';
import { pushAll } from '../util/arrays.js';

/** The few tokenizer operations the runtime needs (a transformers.js tokenizer provides them). */
export interface PieceTokenizer {
  /** Subword strings of a text, without special tokens. */
  tokenize(text: string): string[];
  /** Id of a piece returned by `tokenize` (unknown pieces get the unknown-token id). */
  pieceId(piece: string): number;
  /** The tokenizer's own character normalization (NFC, replacements, lowercasing…), applied to one cluster. */
  normalize(cluster: string): string;
  unkToken: string | null;
  unkId: number | null;
  /** Prefix marking a word-initial piece (`▁` for SentencePiece/Metaspace), stripped before matching. */
  wordPrefix: string | null;
  /** Prefix marking a continuation piece (`##` for WordPiece), stripped before matching. */
  continuationPrefix: string | null;
}

/** A sentence ready for the model: content token ids (no special tokens) and the word → token map. */
export interface EncodedSentence {
  words: Word[];
  ids: number[];
  /** Index into `ids` of the token that carries each word's label (its first subword). */
  wordToken: Int32Array;
  /** Per token, 1 when it carries a label (a non-empty piece, as in training), else 0 (a bare `▁`). */
  labelled: Uint8Array;
}

/**
 * Char ranges `[start, end)` within `chunk` of each piece, or null when the pieces cannot be matched to
 * the chunk's characters. An unknown-token piece covers the characters up to the next matched piece.
 */
export function alignPieces(chunk: string, pieces: readonly string[], tokenizer: Pick<PieceTokenizer, 'unkToken' | 'wordPrefix' | 'continuationPrefix'>): Array<[number, number]> | null {
  const ranges: Array<[number, number]> = [];
  let cursor = 0;
  let pendingUnknown: number[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece === tokenizer.unkToken) {
      pendingUnknown.push(i);
      ranges.push([cursor, cursor]);
      continue;
    }
    let surface = piece;
    if (tokenizer.wordPrefix && surface.startsWith(tokenizer.wordPrefix)) surface = surface.slice(tokenizer.wordPrefix.length);
    else if (tokenizer.continuationPrefix && surface.startsWith(tokenizer.continuationPrefix)) surface = surface.slice(tokenizer.continuationPrefix.length);
    let at: number;
    if (pendingUnknown.length > 0) {
      // An unknown piece stands for at least one character.
      at = surface === '' ? cursor + 1 : chunk.indexOf(surface, cursor + 1);
      if (at < 0 || at > chunk.length) return null;
      closeUnknown(ranges, pendingUnknown, cursor, at);
      pendingUnknown = [];
    } else {
      at = cursor;
      if (!chunk.startsWith(surface, at)) return null;
    }
    ranges.push([at, at + surface.length]);
    cursor = at + surface.length;
  }
  if (pendingUnknown.length > 0) {
    if (cursor >= chunk.length) return null;
    closeUnknown(ranges, pendingUnknown, cursor, chunk.length);
    cursor = chunk.length;
  }
  return cursor === chunk.length ? ranges : null;
}

/** Several unknown pieces in a row share their characters: the first takes them all (only starts matter). */
function closeUnknown(ranges: Array<[number, number]>, unknown: number[], from: number, to: number): void {
  ranges[unknown[0]!] = [from, to];
  for (const index of unknown.slice(1)) ranges[index] = [to, to];
}

/** Encodes sentences for one tokenizer; caches chunk tokenizations (news text repeats many words). */
export class SentenceEncoder {
  private readonly chunkCache = new Map<string, { ids: number[]; ranges: Array<[number, number]> } | null>();
  private readonly clusterCache = new Map<string, string>();
  private static readonly CACHE_LIMIT = 200_000;

  constructor(private readonly tokenizer: PieceTokenizer) {}

  /** Forgets cached tokenizations (benchmarks measure unseen text this way). */
  clearCaches(): void {
    this.chunkCache.clear();
    this.clusterCache.clear();
  }

  /** Normalizes like `normalizeForModel`, then applies the tokenizer's own normalizer cluster by cluster. */
  normalize(text: string, start: number, end: number): NormalizedText {
    const base = normalizeForModel(text, start, end);
    // Usual case: the tokenizer's normalizer leaves the whole text as it is, hence each cluster too.
    if (this.tokenizer.normalize(base.text) === base.text) return base;
    const pieces: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    // Clusters of the pre-normalized text are the runs of units sharing one original range.
    let i = 0;
    while (i < base.text.length) {
      let j = i + 1;
      while (j < base.text.length && base.origStart[j] === base.origStart[i]) j++;
      const out = this.normalizeCluster(base.text.slice(i, j));
      pieces.push(out);
      for (let k = 0; k < out.length; k++) {
        starts.push(base.origStart[i]!);
        ends.push(base.origEnd[i]!);
      }
      i = j;
    }
    return { text: pieces.join(''), origStart: Int32Array.from(starts), origEnd: Int32Array.from(ends) };
  }

  private normalizeCluster(cluster: string): string {
    if (cluster === ' ') return cluster;
    let out = this.clusterCache.get(cluster);
    if (out === undefined) {
      out = this.tokenizer.normalize(cluster);
      // A normalizer that turns a visible character into spaces or nothing would break word ranges.
      if (out.trim() === '' || /\s/u.test(out)) out = cluster;
      if (this.clusterCache.size > SentenceEncoder.CACHE_LIMIT) this.clusterCache.clear();
      this.clusterCache.set(cluster, out);
    }
    return out;
  }

  encode(text: string, start: number, end: number): EncodedSentence {
    const normalized = this.normalize(text, start, end);
    const { words, ranges: wordRanges } = wordsFromRanges(normalized, splitWordRanges(normalized.text));
    const ids: number[] = [];
    const labelled: number[] = [];
    const wordToken = new Int32Array(words.length);
    let w = 0;
    for (const match of normalized.text.matchAll(/\S+/gu)) {
      const chunkStart = match.index;
      const chunk = match[0];
      const chunkEnd = chunkStart + chunk.length;
      const firstWord = w;
      while (w < wordRanges.length && wordRanges[w]![0] < chunkEnd) w++;
      const chunkWords = wordRanges.slice(firstWord, w).map(([s, e]): [number, number] => [s - chunkStart, e - chunkStart]);
      const encoded = this.encodeChunk(chunk);
      if (encoded) {
        assignWordTokens(chunkWords, encoded.ranges, ids.length, wordToken, firstWord);
        pushAll(ids, encoded.ids);
        for (const [start, end] of encoded.ranges) labelled.push(end > start ? 1 : 0);
      } else {
        // Fallback: each word tokenized alone, so every word starts on a token of its own.
        chunkWords.forEach(([s, e], k) => {
          wordToken[firstWord + k] = ids.length;
          const wordPieces = this.tokenizer.tokenize(chunk.slice(s, e));
          const wordIds = wordPieces.length > 0 ? wordPieces.map((piece) => this.tokenizer.pieceId(piece)) : [this.unknownId()];
          pushAll(ids, wordIds);
          for (let k = 0; k < wordIds.length; k++) labelled.push(1);
        });
      }
    }
    // The token a word reads is always labelled, even where alignment gave it an empty range.
    for (const position of wordToken) labelled[position] = 1;
    return { words, ids, wordToken, labelled: Uint8Array.from(labelled) };
  }

  /** A word the tokenizer turns into nothing (it dropped every character) still needs one token. */
  private unknownId(): number {
    return this.tokenizer.unkId ?? 0;
  }

  private encodeChunk(chunk: string): { ids: number[]; ranges: Array<[number, number]> } | null {
    if (chunk.length > MAX_TOKENIZED_CHUNK) return this.encodeLongChunk(chunk);
    const cached = this.chunkCache.get(chunk);
    if (cached !== undefined) return cached;
    const pieces = this.tokenizer.tokenize(chunk);
    const ranges = pieces.length > 0 ? alignPieces(chunk, pieces, this.tokenizer) : null;
    const result = ranges ? { ids: pieces.map((piece) => this.tokenizer.pieceId(piece)), ranges } : null;
    if (this.chunkCache.size > SentenceEncoder.CACHE_LIMIT) this.chunkCache.clear();
    this.chunkCache.set(chunk, result);
    return result;
  }

  /**
   * A run without whitespace longer than MAX_TOKENIZED_CHUNK (a blob, a run-on URL) is tokenized in slices cut between
   * grapheme parts, each as if it were a chunk of its own: the tokenizer library spreads a chunk's pieces into one
   * call's arguments (`push(...pieces)`), which overflows the stack past ~100,000 pieces. Not cached (its size).
   */
  private encodeLongChunk(chunk: string): { ids: number[]; ranges: Array<[number, number]> } | null {
    const ids: number[] = [];
    const ranges: Array<[number, number]> = [];
    let start = 0;
    while (start < chunk.length) {
      let end = Math.min(chunk.length, start + MAX_TOKENIZED_CHUNK);
      // Never between a surrogate pair, nor before a combining mark or joiner: back off to a cluster boundary.
      let cut = end;
      while (cut < chunk.length && cut > start + 1 && CONTINUES_CLUSTER.test(chunk[cut]!)) cut--;
      if (cut > start + 1 || end === chunk.length) end = cut;
      const part = this.encodeChunk(chunk.slice(start, end));
      if (!part) return null;
      pushAll(ids, part.ids);
      for (const [s, e] of part.ranges) ranges.push([s + start, e + start]);
      start = end;
    }
    return { ids, ranges };
  }
}

/** Longest whitespace-free run handed to the tokenizer at once (UTF-16 units). */
const MAX_TOKENIZED_CHUNK = 4096;
/** A unit that continues the cluster before it: a low surrogate, a combining mark, a joiner or variation selector. */
const CONTINUES_CLUSTER = /^(?:[\udc00-\udfff]|\p{M}|[\u200c\u200d\ufe00-\ufe0f])$/u;

/**
 * A word is labelled by the first piece that begins inside it: a piece straddling two words (`▁l'U|E`)
 * belongs to the word where it begins, as in training, where every subword is labelled from the word
 * holding its first character. A word in which no piece begins takes the piece covering its first character.
 */
export function assignWordTokens(
  words: ReadonlyArray<[number, number]>,
  pieceRanges: ReadonlyArray<[number, number]>,
  tokenOffset: number,
  out: Int32Array,
  firstWord: number,
): void {
  words.forEach(([s, e], k) => {
    let chosen = -1;
    for (let p = 0; p < pieceRanges.length; p++) {
      const [ps, pe] = pieceRanges[p]!;
      if (ps >= s && ps < e && pe > ps) {
        chosen = p;
        break;
      }
    }
    if (chosen < 0) {
      for (let p = 0; p < pieceRanges.length; p++) {
        const [ps, pe] = pieceRanges[p]!;
        if (ps <= s && pe > s) {
          chosen = p;
          break;
        }
      }
    }
    out[firstWord + k] = tokenOffset + Math.max(0, chosen);
  });
}
