/**
 * What the coordinator and the workers agree on through Redis: key names, the registry of runs, the job payload and
 * the result payload. Everything a worker needs to process an article travels in the job (text, metadata and the
 * pipeline fingerprint it must match), so workers need no shared storage; results come back as the article's
 * dataset records, gzip-compressed above a size threshold.
 *
 * Redis layout (all under one prefix, so that `redis-cli --scan --pattern 'chronique*'` shows everything):
 * - `chronique:runs` (hash): queue name → RunRegistration JSON, the runs workers may serve (changes are announced
 *   on the pub/sub channel `chronique:runs:changed`; workers also re-read it every second);
 * - `chronique:lock:<queue>`: the coordinator's lease (host and pid), refreshed while it runs;
 * - `chronique:refusals:<queue>` (hash): worker id → why it refuses the run (fingerprint mismatch);
 * - `chronique:<queue>:*`: BullMQ's own keys of the run's queue.
 */
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { stableStringify } from '../config.js';
import { fingerprintHash } from '../dataset/cache.js';
import type { PipelineFingerprint } from '../pipeline.js';
import type { ArticleRecords } from '../dataset/records.js';
import type { ArticleMeta, ArticleStatus, Span, StageTimings } from '../document.js';
import { sha256 } from '../util/hash.js';

export const QUEUE_PREFIX = 'chronique';
export const RUNS_KEY = `${QUEUE_PREFIX}:runs`;
/** Pub/sub channel: a coordinator publishes on it when it registers or ends a run, so that workers re-read the registry at once. */
export const RUNS_CHANNEL = `${QUEUE_PREFIX}:runs:changed`;
export const lockKey = (queue: string): string => `${QUEUE_PREFIX}:lock:${queue}`;
export const refusalsKey = (queue: string): string => `${QUEUE_PREFIX}:refusals:${queue}`;
/** BullMQ job name of every article job. */
export const ARTICLE_JOB = 'article';
/** Results above this many bytes of JSON travel gzip-compressed (base64 in the job's return value). */
export const COMPRESS_ABOVE_BYTES = 4096;

/**
 * One queue per output folder (and host: the same path on two machines is two datasets), so that two runs never
 * take each other's results. BullMQ queue names may not contain ':'.
 */
export function runQueueName(outDir: string, host: string = os.hostname()): string {
  return `run-${sha256(`${host}\0${path.resolve(outDir)}`).slice(0, 16)}`;
}

/** `host:pid`: names a worker or coordinator process in logs, refusals and the manifest. */
export function processId(): string {
  return `${os.hostname()}:${process.pid}`;
}

export interface RunRegistration {
  queue: string;
  out: string;
  host: string;
  pid: number;
  fingerprint: PipelineFingerprint;
  fingerprintHash: string;
  attempts: number;
}

/** An article to process: everything ingestion produced for it, and the fingerprint its results must be made with. */
export interface ArticleJob {
  v: 1;
  fingerprint: string;
  meta: ArticleMeta;
  text: string;
  titleSpan: Span | null;
  bodySpan: Span;
}

export interface EncodedRecords {
  enc: 'json' | 'gzip';
  /** The records themselves (`json`) or base64 of their gzipped JSON (`gzip`). */
  data: ArticleRecords | string;
  /** Length of the records' JSON, before compression. */
  bytes: number;
}

/** A job's return value. */
export interface ArticleResult extends EncodedRecords {
  v: 1;
  worker: string;
  status: ArticleStatus;
  /** 1 for a first try; more when earlier attempts failed, timed out or were lost with their worker. */
  attempt: number;
  timings: StageTimings;
}

/**
 * The job id is the article's cache key: the fingerprint and the article's metadata (which holds its text sha256).
 * Adding an article that is already queued is then a no-op, and a result found under this id is always valid for it.
 */
export function articleJobId(fingerprint: PipelineFingerprint, meta: ArticleMeta): string {
  return `a${sha256(stableStringify({ fingerprint: fingerprintHash(fingerprint), meta }))}`;
}

export function encodeRecords(records: ArticleRecords): EncodedRecords {
  const json = JSON.stringify(records);
  const bytes = Buffer.byteLength(json);
  if (bytes <= COMPRESS_ABOVE_BYTES) return { enc: 'json', data: records, bytes };
  return { enc: 'gzip', data: gzipSync(json).toString('base64'), bytes };
}

export function decodeRecords(encoded: EncodedRecords): ArticleRecords {
  if (encoded.enc === 'json') return encoded.data as ArticleRecords;
  return JSON.parse(gunzipSync(Buffer.from(encoded.data as string, 'base64')).toString('utf8')) as ArticleRecords;
}

/** Names the parts of two fingerprints that differ, for the refusal messages. */
export function describeFingerprintDifference(wanted: PipelineFingerprint, own: PipelineFingerprint): string {
  const parts: string[] = [];
  const short = (value: string): string => (value.length > 16 ? `${value.slice(0, 12)}…` : value || '(none)');
  if (wanted.pipelineVersion !== own.pipelineVersion) parts.push(`version ${wanted.pipelineVersion} vs ${own.pipelineVersion}`);
  if (wanted.codeHash !== own.codeHash) parts.push(`code ${short(wanted.codeHash)} vs ${short(own.codeHash)}`);
  if (wanted.configHash !== own.configHash) parts.push(`configuration ${short(wanted.configHash)} vs ${short(own.configHash)}`);
  const stages = [...new Set([...Object.keys(wanted.stages), ...Object.keys(own.stages)])];
  for (const stage of stages) {
    if (!(stage in own.stages)) parts.push(`stage ${stage} missing here`);
    else if (!(stage in wanted.stages)) parts.push(`extra stage ${stage} here`);
    else if (wanted.stages[stage] !== own.stages[stage]) parts.push(`stage ${stage} ${short(wanted.stages[stage]!)} vs ${short(own.stages[stage]!)}`);
  }
  if (parts.length === 0 && Object.keys(wanted.stages).join() !== Object.keys(own.stages).join()) parts.push('stage order');
  return parts.join(', ');
}
