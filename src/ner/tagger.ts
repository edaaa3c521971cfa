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
    // Batches cut by length (see batching.ts): padding costs as much as real tokens, an extra call little.
    const sizes = planBatches(order.map((j) => jobs[j]!.ids.length), this.batchSize);
    for (let i = 0, b = 0; i < order.length; i += sizes[b]!, b++) {
      signal?.throwIfAborted();
      const batch = order.slice(i, i + sizes[b]!).map((j) => jobs[j]!);
      const sequences = batch.map((job) => [...this.model.prefixIds, ...job.ids, ...this.model.suffixIds]);
      const called = performance.now();
      const { logits, sequenceLength, labelCount } = await this.model.forward(sequences);
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
      });
    }
    return encoded.map((e, s) => this.decodeSentence(e, windows[s]!, windowLogProbs[s]!, decode));
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

  private decodeSentence(encoded: EncodedSentence, windows: TokenWindow[], logProbsByWindow: Float64Array[][], decode: DecodeMode): SentenceAnalysis {
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
    return { ...analysis, spans: this.decodeSpans(analysis, decode) };
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
