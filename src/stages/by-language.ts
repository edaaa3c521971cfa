/**
 * A pipeline step whose implementation depends on the article's language: the language stage has set
 * `doc.language`, and each article runs the implementation of its language (`fr` → the French segmenter, model and
 * rules; `en` → compromise, chrono-node and the English rules). An accepted language with no implementation of its
 * own runs the `fallback` language's (the French one: what every language got before there was a choice). Only the
 * implementations of accepted languages are initialized, so an English-only run never loads the French model.
 * The implementations share the step's name and declare the same layers (checked here), so the stage order check
 * and the timings see one step.
 */
import type { Document } from '../document.js';
import type { Layer, Stage, StageContext } from './stage.js';

const sameLayers = (a: readonly Layer[] = [], b: readonly Layer[] = []): boolean => a.length === b.length && a.every((layer) => b.includes(layer));

export class PerLanguageStage implements Stage {
  readonly name: string;
  readonly reads: readonly Layer[];
  readonly writes: readonly Layer[];
  readonly amends: readonly Layer[];
  private readonly active = new Set<string>();

  constructor(
    private readonly byLanguage: Readonly<Record<string, Stage>>,
    private readonly fallback = 'fr',
  ) {
    const base = byLanguage[fallback];
    if (!base) throw new Error(`PerLanguageStage: no implementation for the fallback language ${fallback}`);
    for (const [code, stage] of Object.entries(byLanguage)) {
      if (stage.name !== base.name || !sameLayers(stage.reads, base.reads) || !sameLayers(stage.writes, base.writes) || !sameLayers(stage.amends, base.amends)) {
        throw new Error(`PerLanguageStage: the ${code} stage "${stage.name}" differs from the ${fallback} stage "${base.name}" in name or layers`);
      }
    }
    this.name = base.name;
    this.reads = base.reads;
    this.writes = base.writes;
    this.amends = base.amends ?? [];
  }

  private languageOf(code: string | undefined): string {
    return code !== undefined && this.byLanguage[code] ? code : this.fallback;
  }

  async init(context: StageContext): Promise<void> {
    for (const code of new Set(context.config.language.accept.map((c) => this.languageOf(c)))) {
      await this.byLanguage[code]?.init?.(context);
      this.active.add(code);
    }
  }

  run(doc: Document, signal?: AbortSignal): Promise<void> | void {
    const code = this.languageOf(doc.language?.code);
    if (!this.active.has(code)) throw new Error(`stage ${this.name}: language ${code} was not initialized (not in language.accept)`);
    return this.byLanguage[code]!.run(doc, signal);
  }

  /** The initialized languages' fingerprints: a changed English model reprocesses the cache too. */
  fingerprint(): string {
    const parts = [...this.active].sort().map((code) => [code, this.byLanguage[code]?.fingerprint?.() ?? ''] as const);
    // A run of the fallback language alone has its stage's own fingerprint, so a single-language cache stays valid.
    if (parts.length === 1 && parts[0]![0] === this.fallback) return parts[0]![1];
    return parts.map(([code, fp]) => `${code}:${fp}`).join(';');
  }

  async dispose(): Promise<void> {
    for (const code of this.active) await this.byLanguage[code]?.dispose?.();
  }
}
