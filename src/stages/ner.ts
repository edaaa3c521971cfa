/**
 * Stage `ner`: the local NER model over every sentence. PER/ORG/LOC/MISC spans become `doc.mentions`
 * (source `model`); DATE spans become `doc.modelDates`, which the dates stage merges with its rules. A multi-head
 * model's syntax outputs, from the same inference, become `doc.tokens` (empty with a NER-only model).
 * The model is loaded once in `init`; a missing or broken model folder stops the run there
 * (`NerModelError`, naming the path) before any article is read. With `deferLoad`, `init` only checks the folder
 * (every JSON file, the weights file's presence) and fingerprints its files; the ONNX session is created when the
 * first article reaches the stage, so that a run whose articles all come from the cache never loads the model.
 * Weights that exist but cannot be loaded then fail each article (status `error`, naming the file).
 */
import type { ChroniqueConfig } from '../config.js';
import type { Document, Mention, ModelDateSpan, Token } from '../document.js';
import { isMentionType } from '../ner/labels.js';
import { inspectModelFolder } from '../ner/model.js';
import { NerTagger } from '../ner/tagger.js';
import { modelIdentity } from '../util/model-files.js';
import type { Stage, StageContext } from './stage.js';
import { pushAll } from '../util/arrays.js';

export class NerStage implements Stage {
  readonly name = 'ner';
  readonly reads = ['sentences'] as const;
  readonly writes = ['mentions', 'tokens', 'modelDates'] as const;
  private tagger: NerTagger | null = null;
  private loading: Promise<NerTagger> | null = null;
  private deferred = false;
  private config: ChroniqueConfig['ner'] | null = null;
  private modelFingerprint = '';

  constructor(private readonly deferLoad = false) {}

  async init({ config }: StageContext): Promise<void> {
    this.config = config.ner;
    if (!config.ner.enabled) {
      this.modelFingerprint = 'disabled';
      return;
    }
    if (this.deferLoad) {
      this.deferred = true;
      inspectModelFolder(config.ner.modelDir, config.ner.dtype);
      this.modelFingerprint = modelIdentity(config.ner).fingerprint;
      return;
    }
    this.tagger = await NerTagger.load(config.ner);
    this.modelFingerprint = modelIdentity(config.ner).fingerprint;
  }

  /** The tagger, loading it on first use when deferred (concurrent articles share one load). */
  private async ready(config: ChroniqueConfig['ner']): Promise<NerTagger | null> {
    if (this.tagger || !this.deferred) return this.tagger;
    this.tagger = await (this.loading ??= NerTagger.load(config));
    return this.tagger;
  }

  fingerprint(): string {
    return this.modelFingerprint;
  }

  async run(doc: Document, signal?: AbortSignal): Promise<void> {
    const config = this.config;
    if (!config) throw new Error('ner stage used before init()');
    const tagger = await this.ready(config);
    if (!tagger) return;
    const analyses = await tagger.analyze(doc.text, doc.sentences, undefined, signal);
    const mentions: Mention[] = [];
    const dates: ModelDateSpan[] = [];
    const tokens: Token[] = [];
    analyses.forEach(({ spans, words, syntax }, i) => {
      const sentence = doc.sentences[i]!.index;
      if (syntax) {
        const first = tokens.length;
        words.forEach((word, k) => {
          const s = syntax[k]!;
          tokens.push({ start: word.start, end: word.end, sentence, upos: s.upos, feats: s.feats, lemma: s.lemma, head: s.head < 0 ? null : first + s.head, deprel: s.deprel });
        });
      }
      for (const span of spans) {
        if (span.score < config.minScore) continue;
        if (isMentionType(span.type)) {
          mentions.push({ start: span.start, end: span.end, sentence, label: span.type, score: span.score, source: 'model' });
        } else {
          dates.push({ start: span.start, end: span.end, sentence, score: span.score });
        }
      }
    });
    pushAll(doc.mentions, mentions);
    doc.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    doc.modelDates = dates;
    doc.tokens = tokens;
  }

  async dispose(): Promise<void> {
    const loading = this.loading;
    this.loading = null;
    const tagger = this.tagger ?? (await loading?.catch(() => null)) ?? null;
    this.tagger = null;
    await tagger?.dispose();
  }
}

export function createNerStage(deferLoad = false): NerStage {
  return new NerStage(deferLoad);
}
