/**
 * The NER runtime: sentences in, typed spans with original-text offsets out. Batches sequences sorted by
 * length (less padding), windows long sentences, decodes with BIO-constrained Viterbi over subwords (or words).
 */
import path from 'node:path';
import type { NerConfig, NerDecodeUnit } from '../config.js';
import type { Span } from '../document.js';
import type { Word } from './align.js';
import { planBatches } from './batching.js';
import { decodeTags, spanScore, tagsToSpans, type DecodeMode, type WordLogProbs } from './decode.js';
import { BIO_TAGS, toBioTag, tagType, type BioTag, type NerType } from './labels.js';
import { loadModel, type LoadedModel } from './model.js';
import { SentenceEncoder, type EncodedSentence, type PieceTokenizer } from './subwords.js';
import { chooseWindows, planWindows, type TokenWindow } from './windows.js';
import { ROOT_POSITION } from './contract.js';
import { applyLemmaScript, decodeTree, type SyntaxSpec } from './syntax.js';

export interface NerSpan extends Span {
  type: NerType;
  /** Mean over the span's words of the probability of its type, rounded to 1e-4 (stable bytes). */
  score: number;
}

/** Per-sentence details, for evaluation and tests. */
export interface SentenceAnalysis {
  words: Word[];
  /** Per word, log-probabilities over `BIO_TAGS` (those of the token that labels it). */
  logProbs: WordLogProbs;
  /** Per labelled subword token (non-empty pieces, in order), log-probabilities over `BIO_TAGS`. */
  tokenLogProbs: WordLogProbs;
  /** For each word, the index in `tokenLogProbs` of the token that labels it. */
  wordTokenIndex: Int32Array;
  windows: TokenWindow[];
  spans: NerSpan[];
  /** Per word, its syntax, when the model has syntax outputs (a multi-head model); else null. */
  syntax: WordSyntax[] | null;
}

/** A word's syntax as a multi-head model predicts it. */
export interface WordSyntax {
  upos: string;
  /** Predicted feature values, groups whose prediction is `_` (absent) left out. */
  feats: Record<string, string>;
  lemma: string;
  /** Index of the head word in the sentence, -1 for the root. */
  head: number;
  deprel: string;
}

/** A window's row of a batch's syntax outputs. */
interface SyntaxRow {
  outputs: Record<string, Float32Array>;
  row: number;
  sequenceLength: number;
}

/** What the BIO decoder runs over (see `NerConfig.decodeUnit`). */
export type DecodeUnit = NerDecodeUnit;

/**
 * The `ner` settings the tagger uses: `maxSequenceTokens` (longest sequence fed to the model, special tokens
 * included) defaults to the model's own limit, `decode` to `viterbi`, `decodeUnit` to `word`.
 */
export type TaggerSettings = Pick<NerConfig, 'modelDir' | 'dtype' | 'threads' | 'batchSize'> & Partial<Pick<NerConfig, 'maxSequenceTokens' | 'decode' | 'decodeUnit'>>;

/** Work done since the tagger loaded (or `resetStats`): what padding and batching cost, for the bench. */
export interface TaggerStats {
  /** Inference calls. */
  calls: number;
  /** Sequence tokens fed to the model, special tokens included. */
  realTokens: number;
  /** Tokens computed: batch size × longest sequence of the batch, per call (real + padding). */
  computedTokens: number;
  /** Time inside inference calls, ms. */
  inferenceMs: number;
}

interface WindowJob {
  sentence: number;
  window: number;
  ids: number[];
}

export class NerTagger {
  private readonly encoder: SentenceEncoder;
  /** For each model label, the index in `BIO_TAGS` it maps to. */
  private readonly labelToTag: Int32Array;
  /** Types for which the model has a begin label; the others are decoded as IO. */
  private readonly typesWithBegin: ReadonlySet<NerType>;
  private readonly maxContent: number;
  private readonly decodeMode: DecodeMode;
  readonly decodeUnit: DecodeUnit;
  readonly stats: TaggerStats = { calls: 0, realTokens: 0, computedTokens: 0, inferenceMs: 0 };

  private constructor(
    private readonly model: LoadedModel,
    private readonly batchSize: number,
    settings: TaggerSettings,
  ) {
    this.encoder = new SentenceEncoder(model.tokenizer);
    const tags = model.folder.labels.map((label) => toBioTag(label));
    this.labelToTag = Int32Array.from(tags.map((tag) => BIO_TAGS.indexOf(tag)));
    this.typesWithBegin = new Set(tags.filter((tag) => tag.startsWith('B-')).map((tag) => tagType(tag)!));
    const specials = model.prefixIds.length + model.suffixIds.length;
    this.maxContent = Math.max(1, Math.min(settings.maxSequenceTokens ?? Infinity, model.folder.maxLength) - specials);
    this.decodeMode = settings.decode ?? 'viterbi';
    this.decodeUnit = settings.decodeUnit ?? 'word';
  }

  static async load(ner: TaggerSettings): Promise<NerTagger> {
    return new NerTagger(await loadModel(ner), Math.max(1, ner.batchSize), ner);
  }

  /** The model's labels and what each maps to in chronique's tag set. */
  labelMapping(): Array<{ label: string; tag: string }> {
    return this.model.folder.labels.map((label, i) => ({ label, tag: BIO_TAGS[this.labelToTag[i]!]! }));
  }

  /** The tokenizer view the runtime encodes with (for tests comparing it with the tokenizer's own encoding). */
  pieceTokenizer(): PieceTokenizer {
    return this.model.tokenizer;
  }

  resetStats(): void {
    Object.assign(this.stats, { calls: 0, realTokens: 0, computedTokens: 0, inferenceMs: 0 });
  }

  /** Forgets cached tokenizations, so that a benchmark round sees the text as new. */
  clearCaches(): void {
    this.encoder.clearCaches();
  }

  get maxContentTokens(): number {
    return this.maxContent;
  }

  /** `signal`: aborting it (the article's time limit passed) stops between inference batches. */
  async tag(text: string, sentences: readonly Span[], signal?: AbortSignal): Promise<NerSpan[][]> {
    return (await this.analyze(text, sentences, this.decodeMode, signal)).map((analysis) => analysis.spans);
  }

  async analyze(text: string, sentences: readonly Span[], decode: DecodeMode = this.decodeMode, signal?: AbortSignal): Promise<SentenceAnalysis[]> {
    const encoded = sentences.map((s) => this.encoder.encode(text, s.start, s.end));
    const windows = encoded.map((e) => planWindows(e.ids.length, Array.from(e.wordToken), this.maxContent));
    const jobs: WindowJob[] = [];
    encoded.forEach((e, sentence) =>
      windows[sentence]!.forEach((w, window) => {
        if (w.end > w.start) jobs.push({ sentence, window, ids: e.ids.slice(w.start, w.end) });
      }),
    );
    // Longest first, stable on ties: similar lengths share a batch, so little padding is computed.
    const order = jobs.map((_, i) => i).sort((a, b) => jobs[b]!.ids.length - jobs[a]!.ids.length || a - b);
    const windowLogProbs = encoded.map((_, s) => windows[s]!.map((): Float64Array[] => []));
    const windowSyntax = encoded.map((_, s) => windows[s]!.map((): SyntaxRow | null => null));
    // Batches cut by length (see batching.ts): padding costs as much as real tokens, an extra call little.
    const sizes = planBatches(order.map((j) => jobs[j]!.ids.length), this.batchSize);
    for (let i = 0, b = 0; i < order.length; i += sizes[b]!, b++) {
      signal?.throwIfAborted();
      const batch = order.slice(i, i + sizes[b]!).map((j) => jobs[j]!);
      const sequences = batch.map((job) => [...this.model.prefixIds, ...job.ids, ...this.model.suffixIds]);
      const called = performance.now();
      const { logits, sequenceLength, labelCount, syntax } = await this.model.forward(sequences);
      this.stats.inferenceMs += performance.now() - called;
      this.stats.calls += 1;
      this.stats.computedTokens += sequences.length * sequenceLength;
      for (const sequence of sequences) this.stats.realTokens += sequence.length;
      batch.forEach((job, row) => {
        // One buffer per window, viewed per token: far fewer allocations than one array per token.
        const buffer = new Float64Array(job.ids.length * BIO_TAGS.length);
        const rows: Float64Array[] = [];
        for (let t = 0; t < job.ids.length; t++) {
          const offset = (row * sequenceLength + this.model.prefixIds.length + t) * labelCount;
          const out = buffer.subarray(t * BIO_TAGS.length, (t + 1) * BIO_TAGS.length);
          this.tagLogProbs(logits, offset, labelCount, out);
          rows.push(out);
        }
        windowLogProbs[job.sentence]![job.window] = rows;
        if (syntax) windowSyntax[job.sentence]![job.window] = { outputs: syntax, row, sequenceLength };
      });
    }
    return encoded.map((e, s) => this.decodeSentence(e, windows[s]!, windowLogProbs[s]!, windowSyntax[s]!, decode));
  }

  /** Log-softmax over the model's labels, summed into chronique's tags (several labels may share a tag), into `out`. */
  private tagLogProbs(logits: Float32Array, offset: number, labelCount: number, out: Float64Array): void {
    let max = -Infinity;
    for (let k = 0; k < labelCount; k++) if (logits[offset + k]! > max) max = logits[offset + k]!;
    let total = 0;
    for (let k = 0; k < labelCount; k++) {
      const p = Math.exp(logits[offset + k]! - max);
      total += p;
      out[this.labelToTag[k]!]! += p;
    }
    for (let t = 0; t < out.length; t++) out[t] = out[t]! > 0 ? Math.log(out[t]! / total) : -Infinity;
  }

  private decodeSentence(encoded: EncodedSentence, windows: TokenWindow[], logProbsByWindow: Float64Array[][], syntaxByWindow: Array<SyntaxRow | null>, decode: DecodeMode): SentenceAnalysis {
    // Each labelled token takes its log-probabilities from the window where it is most central.
    const positions: number[] = [];
    const indexOfPosition = new Int32Array(encoded.ids.length).fill(-1);
    encoded.labelled.forEach((flag, position) => {
      if (flag) {
        indexOfPosition[position] = positions.length;
        positions.push(position);
      }
    });
    const chosen = chooseWindows(positions, windows, encoded.ids.length);
    const tokenLogProbs: WordLogProbs = positions.map((position, k) => {
      const window = windows[chosen[k]!]!;
      return logProbsByWindow[chosen[k]!]![position - window.start]!;
    });
    const wordTokenIndex = Int32Array.from(encoded.wordToken, (position) => indexOfPosition[position]!);
    const logProbs = Array.from(wordTokenIndex, (k) => tokenLogProbs[k]!);
    const analysis = { words: encoded.words, logProbs, tokenLogProbs, wordTokenIndex, windows };
    const spec = this.model.folder.syntax;
    const syntax = spec && encoded.words.length > 0 && syntaxByWindow.every((r) => r !== null)
      ? decodeSyntax(spec, encoded, windows, syntaxByWindow as SyntaxRow[], this.model.prefixIds.length)
      : null;
    return { ...analysis, spans: this.decodeSpans(analysis, decode), syntax };
  }

  /** Spans of an analysis' log-probabilities (to compare decoders without rerunning the model). */
  decodeSpans(analysis: Pick<SentenceAnalysis, 'words' | 'logProbs' | 'tokenLogProbs' | 'wordTokenIndex'>, decode: DecodeMode = this.decodeMode): NerSpan[] {
    const { words, logProbs } = analysis;
    let tags: BioTag[];
    if (this.decodeUnit === 'subword') {
      const tokenTags = decodeTags(analysis.tokenLogProbs, decode, this.typesWithBegin);
      tags = Array.from(analysis.wordTokenIndex, (k) => tokenTags[k]!);
    } else {
      tags = decodeTags(logProbs, decode, this.typesWithBegin);
    }
    return tagsToSpans(tags).map((span) => ({
      start: words[span.first]!.start,
      end: words[span.last]!.end,
      type: span.type,
      score: Math.round(spanScore(logProbs, span) * 1e4) / 1e4,
    }));
  }

  async dispose(): Promise<void> {
    await this.model.dispose();
  }
}

/**
 * A sentence's syntax from the syntax outputs: every word read at its labelled token in the window where that token is
 * most central; heads are the words of that window or the root (the window's position `ROOT_POSITION`), scored by a
 * log-softmax over those candidates, then decoded as one single-root tree; each relation is scored for the chosen head.
 */
function decodeSyntax(spec: SyntaxSpec, encoded: EncodedSentence, windows: TokenWindow[], rows: SyntaxRow[], prefix: number): WordSyntax[] {
  const n = encoded.words.length;
  const tokens = Array.from(encoded.wordToken);
  const chosen = chooseWindows(tokens, windows, encoded.ids.length);
  const U = spec.upos.length;
  const F = spec.featGroups.reduce((sum, g) => sum + spec.feats[g]!.length, 0);
  const S = spec.lemmas.length;
  const K2 = spec.relRank + 2;
  const R = spec.deprels.length;
  /** Position in window `w`'s sequence of content token `t`, or -1 when the window does not hold it. */
  const seq = (w: number, t: number): number => (t >= windows[w]!.start && t < windows[w]!.end ? prefix + t - windows[w]!.start : -1);
  const score: Float64Array[] = [new Float64Array(n + 1)];
  for (let k = 0; k < n; k++) {
    const w = chosen[k]!;
    const { outputs, row, sequenceLength: L } = rows[w]!;
    const arc = outputs.arc_scores!;
    const base = (row * L + seq(w, tokens[k]!)) * L;
    const line = new Float64Array(n + 1).fill(-Infinity);
    line[0] = arc[base + ROOT_POSITION]!;
    for (let j = 0; j < n; j++) {
      const p = seq(w, tokens[j]!);
      if (j !== k && p >= 0) line[j + 1] = arc[base + p]!;
    }
    let max = -Infinity;
    for (const v of line) if (v > max) max = v;
    let total = 0;
    for (const v of line) total += Math.exp(v - max);
    const log = Math.log(total) + max;
    for (let j = 0; j <= n; j++) line[j] = line[j]! - log;
    score.push(line);
  }
  const heads = decodeTree(score);
  return encoded.words.map((word, k): WordSyntax => {
    const w = chosen[k]!;
    const { outputs, row, sequenceLength: L } = rows[w]!;
    const p = row * L + seq(w, tokens[k]!);
    const upos = spec.upos[argmax(outputs.upos_logits!, p * U, U)]!;
    const feats: Record<string, string> = {};
    let offset = p * F;
    for (const group of spec.featGroups) {
      const values = spec.feats[group]!;
      const value = values[argmax(outputs.feats_logits!, offset, values.length)]!;
      if (value !== '_') feats[group] = value;
      offset += values.length;
    }
    const lemma = applyLemmaScript(spec.lemmas[argmax(outputs.lemma_logits!, p * S, S)]!, word.text);
    const head = heads[k]! - 1;
    const headPosition = row * L + (head < 0 ? ROOT_POSITION : seq(w, tokens[head]!));
    const dep = outputs.rel_dep!;
    const hd = outputs.rel_head!;
    let best = 0;
    let bestScore = -Infinity;
    for (let r = 0; r < R; r++) {
      let dot = 0;
      const a = (p * R + r) * K2;
      const b = (headPosition * R + r) * K2;
      for (let i = 0; i < K2; i++) dot += dep[a + i]! * hd[b + i]!;
      if (dot > bestScore) {
        bestScore = dot;
        best = r;
      }
    }
    return { upos, feats, lemma, head, deprel: spec.deprels[best]! };
  });
}

function argmax(values: Float32Array, offset: number, count: number): number {
  let best = 0;
  for (let i = 1; i < count; i++) if (values[offset + i]! > values[offset + best]!) best = i;
  return best;
}
