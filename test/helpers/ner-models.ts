/** Model folders the NER tests run against (not a test file itself). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The committed tiny foreign-label fixture (context-free, known labels). */
export const FOREIGN_MODEL_DIR = path.join(ROOT, 'test', 'fixtures', 'foreign-model');

/** A real CamemBERT-architecture export with random weights (`python -m training.byo --out test/fixtures/camembert-random`). */
export const CAMEMBERT_MODEL_DIR = path.join(ROOT, 'test', 'fixtures', 'camembert-random');

/**
 * The shipped model folder, or null while it has not landed. `CHRONIQUE_TEST_NER_MODEL` points the
 * shipped-model tests at another folder (e.g. a freshly exported candidate).
 */
const shippedCandidate = process.env.CHRONIQUE_TEST_NER_MODEL ? path.resolve(process.env.CHRONIQUE_TEST_NER_MODEL) : path.join(ROOT, 'models', 'chronique-ner-fr');
export const SHIPPED_MODEL_DIR: string | null = existsSync(path.join(shippedCandidate, 'onnx', 'model_quantized.onnx')) ? shippedCandidate : null;

export const SEED_TEXT_FILE = path.join(ROOT, 'corpus', 'karpathy-2024-03.txt');
export const SEED_GOLD_FILE = path.resolve(ROOT, '..', 'shared', 'gold', 'karpathy-2024-03.gold.json');
export const TMP_DIR = path.join(ROOT, 'test', '.tmp');

/** A multi-head folder (entities + syntax outputs) with random weights (`python -m training.multihead fixture --out test/fixtures/multihead-random`). */
export const MULTIHEAD_MODEL_DIR = path.join(ROOT, 'test', 'fixtures', 'multihead-random');
