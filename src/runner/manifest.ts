/**
 * `manifest.json`: what a committed run was — software version, configuration and its hash, the pipeline fingerprint,
 * the input files with their articles' hashes and statuses, counts and timings. Timings live here only, never in the
 * `*.jsonl` files, so that those stay byte-identical across runs.
 */
import { configHash, type ChroniqueConfig } from '../config.js';
import type { PipelineFingerprint } from '../pipeline.js';
import { PIPELINE_VERSION } from '../version.js';
import type { RunSummary } from './run-corpus.js';

export function buildManifest(config: ChroniqueConfig, summary: RunSummary, fingerprint: PipelineFingerprint): Record<string, unknown> {
  return {
    pipeline: { name: 'chronique', version: PIPELINE_VERSION },
    configHash: configHash(config),
    fingerprint,
    configuration: config,
    inputs: summary.inputs,
    walkIssues: summary.walkIssues,
    counts: { articles: summary.articles, ok: summary.ok, skipped: summary.skipped, error: summary.error, ...summary.counts },
    cache: { reused: summary.reused, processed: summary.processed, discarded: summary.cacheDiscarded },
    timings: { wallMs: Math.round(summary.wallMs), stageMs: Object.fromEntries(Object.entries(summary.stageMs).map(([k, v]) => [k, Math.round(v)])) },
  };
}
