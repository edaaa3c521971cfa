// Node-side checks of an exported model folder (run: node training/node-check.mjs DIR [CASES.jsonl]).
//  1. AutoTokenizer.from_pretrained(DIR) (local only) gives exactly the ids Python (`tokenizers`) gave for every case
//     in CASES.jsonl ({"text", "ids"} per line, written by `python -m training.verify cases`).
//  2. onnxruntime-node 1.30 runs onnx/model_quantized.onnx (and model.onnx if present) on a padded batch; prints
//     shapes, agreement of argmax labels between fp32 and int8, and sentences/s for a batch of 32.
//  3. transformers.js AutoModelForTokenClassification loads the folder with dtype 'q8' and returns logits.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ort from 'onnxruntime-node';
import { AutoTokenizer, AutoModelForTokenClassification, env } from '@huggingface/transformers';

const dir = path.resolve(process.argv[2] ?? 'models/chronique-ner-fr');
const casesFile = process.argv[3];
env.allowRemoteModels = false;
env.allowLocalModels = true;
env.localModelPath = path.dirname(dir) + path.sep;
const modelId = path.basename(dir);
let failures = 0;

const tok = await AutoTokenizer.from_pretrained(modelId);
if (casesFile) {
  const cases = readFileSync(casesFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  let bad = 0;
  for (const c of cases) {
    const ids = tok.encode(c.text);
    if (ids.length !== c.ids.length || ids.some((x, i) => x !== c.ids[i])) {
      if (bad < 5) console.log('MISMATCH', JSON.stringify(c.text), '\n node', ids.join(' '), '\n  py ', c.ids.join(' '));
      bad++;
    }
  }
  console.log(`tokenizer: ${cases.length - bad}/${cases.length} cases identical to Python`);
  if (bad) failures++;
}

const texts = [
  "L’homme d'affaires « Élon Musk » a quitté Tesla le 3 mars 2024 à Palo Alto.",
  'Andrej Karpathy, ancien directeur de l’IA chez Tesla, rejoint OpenAI.',
  'Le Parlement européen a voté mardi.',
];
const enc = await tok(texts, { padding: true });
console.log('input_ids dims', enc.input_ids.dims, 'token_type_ids', enc.token_type_ids ? 'yes' : 'no');

async function runOrt(file, feeds) {
  const s = await ort.InferenceSession.create(file, { intraOpNumThreads: 2, interOpNumThreads: 1 });
  const out = await s.run(feeds);
  return { s, logits: out.logits };
}
function toOrt(t) {
  return new ort.Tensor('int64', BigInt64Array.from(Array.from(t.data, (x) => BigInt(x))), t.dims);
}
const ids = toOrt(enc.input_ids);
const am = toOrt(enc.attention_mask);
const tt = new ort.Tensor('int64', new BigInt64Array(ids.data.length), ids.dims);
const feeds = { input_ids: ids, attention_mask: am, token_type_ids: tt };
const q8file = path.join(dir, 'onnx', 'model_quantized.onnx');
const fpfile = path.join(dir, 'onnx', 'model.onnx');
const q = await runOrt(q8file, feeds);
console.log('int8 logits dims', q.logits.dims);
function argmax(l) {
  const [b, t, k] = l.dims;
  const out = [];
  for (let i = 0; i < b * t; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (l.data[i * k + j] > l.data[i * k + best]) best = j;
    out.push(best);
  }
  return out;
}
if (existsSync(fpfile)) {
  const f = await runOrt(fpfile, feeds);
  const a = argmax(f.logits);
  const b = argmax(q.logits);
  const mask = Array.from(am.data, Number);
  let n = 0;
  let same = 0;
  a.forEach((x, i) => {
    if (mask[i]) {
      n++;
      if (x === b[i]) same++;
    }
  });
  console.log(`fp32 vs int8 argmax agreement on ${n} tokens: ${((100 * same) / n).toFixed(2)} %`);
}
// agreement over dev sentences (env AGREE=N): argmax labels of fp32 vs int8 on all real subword positions
if (process.env.AGREE && existsSync(fpfile)) {
  const n = Number(process.env.AGREE);
  const rows = readFileSync(path.resolve('data/ner/dev.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, n).map((l) => JSON.parse(l).text);
  const sf = await ort.InferenceSession.create(fpfile, { intraOpNumThreads: 2 });
  let tot = 0;
  let same = 0;
  for (let i = 0; i < rows.length; i += 32) {
    const e = await tok(rows.slice(i, i + 32), { padding: true, truncation: true, max_length: 512 });
    const fe = { input_ids: toOrt(e.input_ids), attention_mask: toOrt(e.attention_mask) };
    fe.token_type_ids = new ort.Tensor('int64', new BigInt64Array(fe.input_ids.data.length), fe.input_ids.dims);
    const a = argmax((await sf.run(fe)).logits);
    const b = argmax((await q.s.run(fe)).logits);
    const m = Array.from(fe.attention_mask.data, Number);
    a.forEach((x, j) => {
      if (m[j]) {
        tot++;
        if (x === b[j]) same++;
      }
    });
  }
  console.log(`dev agreement fp32 vs int8 (onnxruntime-node, ${rows.length} sentences, ${tot} subwords): ${((100 * same) / tot).toFixed(2)} %`);
}
// throughput: 32 sentences of ~30 words
{
  const batch = Array.from({ length: 32 }, (_, i) => `${texts[i % 3]} ${texts[(i + 1) % 3]}`);
  const e = await tok(batch, { padding: true });
  const fe = { input_ids: toOrt(e.input_ids), attention_mask: toOrt(e.attention_mask) };
  fe.token_type_ids = new ort.Tensor('int64', new BigInt64Array(fe.input_ids.data.length), fe.input_ids.dims);
  await q.s.run(fe);
  const t0 = performance.now();
  const reps = 5;
  for (let r = 0; r < reps; r++) await q.s.run(fe);
  const dt = (performance.now() - t0) / 1000;
  console.log(`int8 throughput: ${((32 * reps) / dt).toFixed(0)} sentences/s (batch 32, seq ${e.input_ids.dims[1]}, 2 threads)`);
}
const model = await AutoModelForTokenClassification.from_pretrained(modelId, { dtype: 'q8' });
const out = await model(enc);
console.log('transformers.js q8 logits dims', out.logits.dims, 'labels', Object.keys(model.config.id2label).length);
if (failures) process.exit(1);
