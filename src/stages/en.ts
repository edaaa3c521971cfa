/**
 * The English implementations of the language-specific steps (chosen per article by src/stages/by-language.ts):
 * sentences with compromise; entity mentions with compromise + lexicon, or a BYO English ONNX NER folder
 * (`ner.modelDirEn`, `--model-en`) loaded by the French stage's loader and label mapping; time expressions with
 * chrono-node + the English rules; events with the English trigger table. Same names and layers as the French stages,
 * same record schema.
 */
import type { ChroniqueConfig } from '../config.js';
import type { Document } from '../document.js';
import type { Provenance } from '../dataset/schema.js';
import { EventsStage, provenanceFor } from './events.js';
import { NerStage } from './ner.js';
import type { Stage, StageContext } from './stage.js';
import { englishMentions, englishSentences, englishTimexes } from '../lang/en/analyze.js';
import { extractEnglishEvents } from '../lang/en/events.js';

/** The settings the BYO English model runs under: the French NER settings with the English folder; null without one. */
export function englishNerConfig(config: ChroniqueConfig): ChroniqueConfig | null {
  const dir = config.ner.modelDirEn;
  return dir && config.ner.enabled ? { ...config, ner: { ...config.ner, modelDir: dir } } : null;
}

export const englishSegmentStage: Stage = {
  name: 'segment',
  reads: [],
  writes: ['sentences'],
  run(doc: Document): void {
    doc.sentences = englishSentences(doc);
  },
};

export class EnglishNerStage implements Stage {
  readonly name = 'ner';
  readonly reads = ['sentences'] as const;
  readonly writes = ['mentions', 'modelDates'] as const;
  private model: NerStage | null = null;

  /** `deferLoad`: a BYO model loads when the first English article needs it, as the French one does. */
  constructor(private readonly deferLoad = false) {}

  async init({ config }: StageContext): Promise<void> {
    const own = englishNerConfig(config);
    if (!own) return;
    this.model = new NerStage(this.deferLoad);
    await this.model.init({ config: own });
  }

  fingerprint(): string {
    return this.model ? this.model.fingerprint() : 'compromise';
  }

  async run(doc: Document, signal?: AbortSignal): Promise<void> {
    if (this.model) {
      await this.model.run(doc, signal);
      // English time expressions come from chrono-node and the rules; the model's DATE spans are not merged.
      doc.modelDates = [];
      return;
    }
    doc.mentions.push(...englishMentions(doc));
    doc.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  async dispose(): Promise<void> {
    await this.model?.dispose();
    this.model = null;
  }
}

export function createEnglishDatesStage(): Stage {
  return {
    name: 'dates',
    reads: ['sentences', 'modelDates'],
    writes: ['timexes'],
    run(doc: Document): void {
      doc.timexes = englishTimexes(doc);
    },
  };
}

/** Provenance of English records: the BYO model folder and its hash, or compromise (no model file). */
export function englishProvenance(config: ChroniqueConfig): Provenance {
  const own = englishNerConfig(config);
  if (own) return provenanceFor(own);
  return { ...provenanceFor({ ...config, ner: { ...config.ner, enabled: false } }), model: 'compromise' };
}

export function createEnglishEventsStage(): EventsStage {
  return new EventsStage({ extract: extractEnglishEvents, provenanceOf: englishProvenance });
}
