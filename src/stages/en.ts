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
import { pushAll } from '../util/arrays.js';

/**
 * The English engines import compromise and chrono-node (~0.5 s of CPU together), so they load when the first English
 * article reaches a stage, never at start-up: a French-only corpus does not pay for them.
 */
type EnglishEngines = typeof import('../lang/en/analyze.js') & typeof import('../lang/en/events.js');
let engines: EnglishEngines | undefined;
let loading: Promise<EnglishEngines> | undefined;

async function loadEnglishEngines(): Promise<EnglishEngines> {
  loading ??= Promise.all([import('../lang/en/analyze.js'), import('../lang/en/events.js')]).then(([analyze, events]) => (engines = { ...analyze, ...events }));
  return loading;
}

/** The engines, once a stage of this article has awaited `loadEnglishEngines`. */
function loadedEngines(): EnglishEngines {
  if (!engines) throw new Error('English engines used before they were loaded');
  return engines;
}

/** The settings the BYO English model runs under: the French NER settings with the English folder; null without one. */
export function englishNerConfig(config: ChroniqueConfig): ChroniqueConfig | null {
  const dir = config.ner.modelDirEn;
  return dir && config.ner.enabled ? { ...config, ner: { ...config.ner, modelDir: dir } } : null;
}

export const englishSegmentStage: Stage = {
  name: 'segment',
  reads: [],
  writes: ['sentences'],
  async run(doc: Document): Promise<void> {
    doc.sentences = (await loadEnglishEngines()).englishSentences(doc);
  },
};

export class EnglishNerStage implements Stage {
  readonly name = 'ner';
  readonly reads = ['sentences'] as const;
  /** `tokens` as the French stage (same step): filled only by an English model with syntax outputs, else empty. */
  readonly writes = ['mentions', 'tokens', 'modelDates'] as const;
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
    pushAll(doc.mentions, (await loadEnglishEngines()).englishMentions(doc));
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
    async run(doc: Document): Promise<void> {
      doc.timexes = (await loadEnglishEngines()).englishTimexes(doc);
    },
  };
}

/** Provenance of English records: the BYO model folder and its hash, or compromise (no model file). */
export function englishProvenance(config: ChroniqueConfig): Provenance {
  const own = englishNerConfig(config);
  if (own) return provenanceFor(own);
  return { ...provenanceFor({ ...config, ner: { ...config.ner, enabled: false } }), model: 'compromise' };
}

/** The events stage with the English extractor, which it runs once the engines are loaded. */
class EnglishEventsStage extends EventsStage {
  constructor() {
    super({ extract: (doc) => loadedEngines().extractEnglishEvents(doc), provenanceOf: englishProvenance });
  }

  override async run(doc: Document): Promise<void> {
    await loadEnglishEngines();
    super.run(doc);
  }
}

export function createEnglishEventsStage(): EventsStage {
  return new EnglishEventsStage();
}
