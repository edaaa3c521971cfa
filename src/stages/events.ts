/**
 * Stage `events`: event records in `doc.events` (see src/dataset/schema.ts) from the trigger lexicon, the mentions
 * and their canonical entities, and the time expressions; each record carries the run's provenance.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { configHash, type ChroniqueConfig } from '../config.js';
import type { Document } from '../document.js';
import type { Provenance } from '../dataset/schema.js';
import { buildLexicon, type TriggerLexicon } from '../events/lexicon.js';
import type { ExtractedEvent } from '../events/types.js';
import { buildEventRecords } from '../events/records.js';
import { PIPELINE_VERSION } from '../version.js';
import { modelIdentity } from '../util/model-files.js';
import type { Stage, StageContext } from './stage.js';


/**
 * Provenance of a run: software version, model folder name and the sha256 of its ONNX file (null when the model is
 * disabled or absent), and the configuration hash.
 */
export function provenanceFor(config: ChroniqueConfig): Provenance {
  const model = config.ner.enabled ? modelIdentity(config.ner) : null;
  return {
    pipeline: `chronique@${PIPELINE_VERSION}`,
    model: model?.name ?? null,
    model_sha256: model?.weightsSha256 ?? null,
    config_hash: configHash(config),
  };
}

export interface EventsStageOptions {
  /** Provenance stamped on every record; by default computed from the configuration in `init` (hashes the model file). */
  provenance?: Provenance;
  /** How the provenance is computed from the configuration when not given (default: `provenanceFor`). */
  provenanceOf?: (config: ChroniqueConfig) => Provenance;
  /** The event engine of the stage's language (default: the French engine over the trigger lexicon). */
  extract?: (doc: Document) => ExtractedEvent[];
}

export class EventsStage implements Stage {
  readonly name = 'events';
  readonly reads = ['sentences', 'mentions', 'entities', 'timexes'] as const;
  readonly writes = ['events'] as const;
  private lexicon: TriggerLexicon | null = null;
  private minConfidence = 0;
  private provenance: Provenance | null;
  private extraTriggersHash = '';

  private readonly provenanceOf: (config: ChroniqueConfig) => Provenance;
  private readonly extract: ((doc: Document) => ExtractedEvent[]) | undefined;

  constructor(options: EventsStageOptions = {}) {
    this.provenance = options.provenance ?? null;
    this.provenanceOf = options.provenanceOf ?? ((config) => provenanceFor(config));
    this.extract = options.extract;
  }

  /** Builds the trigger lexicon (validating `config.events.extraTriggersFile`: a bad file stops the run, naming it). */
  async init({ config }: StageContext): Promise<void> {
    const extra = config.events.extraTriggersFile;
    this.minConfidence = config.events.minConfidence;
    this.lexicon = buildLexicon(extra);
    this.extraTriggersHash = extra ? createHash('sha256').update(readFileSync(extra)).digest('hex') : '';
    this.provenance ??= this.provenanceOf(config);
  }

  /** The user trigger file's content changes results without changing the configuration (only its path is there). */
  fingerprint(): string {
    return this.extraTriggersHash;
  }

  run(doc: Document): void {
    if (!this.lexicon || !this.provenance) throw new Error('events stage used before init()');
    doc.events = buildEventRecords(doc, this.provenance, { lexicon: this.lexicon, minConfidence: this.minConfidence, ...(this.extract ? { extract: this.extract } : {}) });
  }
}

export function createEventsStage(options: EventsStageOptions = {}): EventsStage {
  return new EventsStage(options);
}
