import type { ChroniqueConfig } from '../config.js';
import type { Document } from '../document.js';

/**
 * One step of the pipeline. A stage reads the layers earlier stages added to the document and adds its own;
 * it never rewrites `doc.text`. Stages that need a heavy resource (the NER model) load it once in `init`.
 */
export interface Stage {
  readonly name: string;
  /** Load resources once per run, before any article. Errors here stop the run (exit code 2). */
  init?(config: ChroniqueConfig): Promise<void>;
  /**
   * Process one document in place. Only documents with status `ok` reach a stage. `signal` is aborted when the
   * article's time limit passes: long asynchronous work (model inference) should stop then, not run on unseen.
   */
  run(doc: Document, config: ChroniqueConfig, signal?: AbortSignal): Promise<void> | void;
  /**
   * What, beyond the code and configuration, determines this stage's results — e.g. the sha256 of the ONNX
   * model file it loaded. Called after `init`; part of the incremental cache key, so a new model reprocesses all.
   */
  fingerprint?(): string;
  /** Release resources. */
  dispose?(): Promise<void>;
}
