/**
 * Stage `ner`: the local NER model over every sentence. PER/ORG/LOC/MISC spans become `doc.mentions`
 * (source `model`); DATE spans become `doc.modelDates`, which the dates stage merges with its rules.
 * The model is loaded once in `init`; a missing or broken model folder stops the run there
 * (`NerModelError`, naming the path) before any article is read.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ChroniqueConfig } from '../config.js';
import type { Document, Mention, ModelDateSpan } from '../document.js';
import { isMentionType } from '../ner/labels.js';
import { NerTagger, type TaggerOptions } from '../ner/tagger.js';
import { sha256File } from '../util/hash.js';
import type { Stage, StageContext } from './stage.js';

export class NerStage implements Stage {
  readonly name = 'ner';
  readonly reads = ['sentences'] as const;
  readonly writes = ['mentions', 'modelDates'] as const;
  private tagger: NerTagger | null = null;
  private config: ChroniqueConfig['ner'] | null = null;
  private modelFingerprint = '';

  constructor(private readonly options: TaggerOptions = {}) {}

  async init({ config }: StageContext): Promise<void> {
    this.config = config.ner;
    if (!config.ner.enabled) {
      this.modelFingerprint = 'disabled';
      return;
    }
    this.tagger = await NerTagger.load(config.ner, this.options);
    this.modelFingerprint = fingerprintModel(this.tagger.modelFiles());
  }

  fingerprint(): string {
    return this.modelFingerprint;
  }

  async run(doc: Document, signal?: AbortSignal): Promise<void> {
    const config = this.config;
    if (!config) throw new Error('ner stage used before init()');
    if (!this.tagger) return;
    const spansBySentence = await this.tagger.tag(doc.text, doc.sentences, signal);
    const mentions: Mention[] = [];
    const dates: ModelDateSpan[] = [];
    spansBySentence.forEach((spans, i) => {
      const sentence = doc.sentences[i]!.index;
      for (const span of spans) {
        if (span.score < config.minScore) continue;
        if (isMentionType(span.type)) {
          mentions.push({ start: span.start, end: span.end, sentence, label: span.type, score: span.score, source: 'model' });
        } else {
          dates.push({ start: span.start, end: span.end, sentence, score: span.score });
        }
      }
    });
    doc.mentions.push(...mentions);
    doc.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    doc.modelDates = dates;
  }

  async dispose(): Promise<void> {
    await this.tagger?.dispose();
    this.tagger = null;
  }
}

/** sha256 over the files that determine the model's output (weights, labels, vocabulary). */
function fingerprintModel(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(path.basename(file)).update('\0').update(sha256File(file)).update('\0');
  }
  return hash.digest('hex');
}

export function createNerStage(options: TaggerOptions = {}): NerStage {
  return new NerStage(options);
}
