import type { ChroniqueConfig } from '../config.js';
import type { Document } from '../document.js';

/**
 * The layers stages add to a Document (see src/document.ts), by the field that holds each. A stage declares which it
 * reads and which it writes, so that `Pipeline.create` can reject an order where a layer would be read before it is
 * written, or written by two stages.
 */
export const LAYERS = ['language', 'sentences', 'mentions', 'tokens', 'modelDates', 'timexes', 'entities', 'events'] as const;
export type Layer = (typeof LAYERS)[number];

/** What a stage receives once, in `init`, before any article. */
export interface StageContext {
  readonly config: ChroniqueConfig;
}

/**
 * One step of the pipeline, with one job. A stage reads the layers earlier stages added to the document and adds its
 * own; it never rewrites `doc.text`. Its configuration reaches it once, in `init`, where it also loads any heavy
 * resource (the NER model).
 */
export interface Stage {
  readonly name: string;
  /**
   * Layers this stage reads: each must be written by an earlier stage, or by none of the list (it then stays empty, or
   * holds what the caller put there: a pipeline without the model, an evaluation on gold layers).
   */
  readonly reads: readonly Layer[];
  /** Layers this stage fills; no two stages of a pipeline write the same layer. */
  readonly writes: readonly Layer[];
  /**
   * Layers written by an earlier stage that this one completes in place (the entities stage adds the mentions that
   * name propagation finds and links every mention to its entity). Like a read, it must come after the layer's writer.
   */
  readonly amends?: readonly Layer[];
  /** Takes the configuration and loads resources, once per run. Errors here stop the run (exit code 2). */
  init?(context: StageContext): Promise<void> | void;
  /**
   * Process one document in place. Only documents with status `ok` reach a stage. `signal` is aborted when the
   * article's time limit passes: long asynchronous work (model inference) should stop then, not run on unseen.
   */
  run(doc: Document, signal?: AbortSignal): Promise<void> | void;
  /**
   * What, beyond the code and configuration, determines this stage's results — e.g. the sha256 of the ONNX
   * model file it loaded. Called after `init`; part of the incremental cache key, so a new model reprocesses all.
   */
  fingerprint?(): string;
  /** Release resources. */
  dispose?(): Promise<void>;
}

/** Why a stage list cannot run in this order. */
export class StageOrderError extends Error {
  override readonly name = 'StageOrderError';
}

/**
 * Checks that every layer is written by at most one stage, and read or amended only after the stage that writes it.
 * Throws a StageOrderError naming the layer and both stages.
 */
export function checkStageOrder(stages: readonly Stage[]): void {
  const writers = new Map<Layer, { stage: Stage; position: number }>();
  stages.forEach((stage, position) => {
    for (const layer of stage.writes) {
      const earlier = writers.get(layer);
      if (earlier) throw new StageOrderError(`layer "${layer}" is written by both stage "${earlier.stage.name}" and stage "${stage.name}"`);
      writers.set(layer, { stage, position });
    }
  });
  const names = new Set<string>();
  stages.forEach((stage, position) => {
    if (names.has(stage.name)) throw new StageOrderError(`two stages are named "${stage.name}"`);
    names.add(stage.name);
    for (const layer of [...stage.reads, ...(stage.amends ?? [])]) {
      const writer = writers.get(layer);
      const verb = stage.reads.includes(layer) ? 'reads' : 'amends';
      if (writer && writer.position >= position) {
        throw new StageOrderError(`stage "${stage.name}" ${verb} layer "${layer}" before stage "${writer.stage.name}" writes it`);
      }
    }
  });
}
