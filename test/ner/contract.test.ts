import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/config.js';
import { normalizeForModel } from '../../src/ner/align.js';
import {
  APOSTROPHES,
  CONTRACT_ENTITY_TYPES,
  CONTRACT_MENTION_TYPES,
  FEATURE_GROUPS,
  INVISIBLE,
  QUOTES,
  ROOT_POSITION,
  SPACES,
  SYNTAX_OUTPUTS,
  UPOS_TAGS,
} from '../../src/ner/contract.js';
import { BIO_TAGS, MENTION_TYPES, NER_TYPES } from '../../src/ner/labels.js';

const SHIPPED = path.join(PACKAGE_ROOT, 'models', 'chronique-ner-fr');

interface TokenizerJson {
  normalizer: { type: string; normalizers?: Array<{ type: string; pattern?: { String?: string }; content?: string }> };
}

/** The 1:1 replacements of a tokenizer.json normalizer (Replace steps with a plain string pattern). */
function replacements(file: string): Map<string, string> {
  const json = JSON.parse(readFileSync(file, 'utf8')) as TokenizerJson;
  const steps = json.normalizer.type === 'Sequence' ? json.normalizer.normalizers ?? [] : [json.normalizer];
  const map = new Map<string, string>();
  for (const step of steps) if (step.type === 'Replace' && step.pattern?.String !== undefined) map.set(step.pattern.String, step.content ?? '');
  return map;
}

describe('model contract (src/ner/model-contract.json, also read by training/contract.py)', () => {
  it('fixes the label space the runtime decodes', () => {
    expect(NER_TYPES).toEqual(CONTRACT_ENTITY_TYPES);
    expect(MENTION_TYPES).toEqual(CONTRACT_MENTION_TYPES);
    expect(BIO_TAGS).toEqual(['O', ...CONTRACT_ENTITY_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])]);
  });

  it('the runtime maps every contract apostrophe and space, drops every invisible character, keeps quotes', () => {
    for (const a of APOSTROPHES) expect(normalizeForModel(`l${a}a`).text).toBe("l'a");
    for (const s of SPACES) expect(normalizeForModel(`a${s}b`).text).toBe('a b');
    for (const c of INVISIBLE) expect(normalizeForModel(`${c}b`).text).toBe('b');
    for (const q of QUOTES) expect(normalizeForModel(`${q}a`).text).toBe(`${q}a`);
    expect(APOSTROPHES).toContain('\u201B');
  });

  it('the shipped model was trained with the same label space and its tokenizer maps the contract quotes and apostrophes', () => {
    const config = JSON.parse(readFileSync(path.join(SHIPPED, 'config.json'), 'utf8')) as { id2label: Record<string, string> };
    expect(Object.keys(config.id2label).sort((a, b) => Number(a) - Number(b)).map((k) => config.id2label[k])).toEqual([...BIO_TAGS]);
    const map = replacements(path.join(SHIPPED, 'tokenizer.json'));
    for (const q of QUOTES) expect(map.get(q), `quote U+${q.codePointAt(0)!.toString(16)}`).toBe('"');
    for (const a of APOSTROPHES) expect(map.get(a), `apostrophe U+${a.codePointAt(0)!.toString(16)}`).toBe("'");
  });

  it('declares the multi-head outputs: the 17 UD UPOS tags, the feature groups, the root at [CLS]', () => {
    expect(SYNTAX_OUTPUTS).toEqual(['upos_logits', 'feats_logits', 'lemma_logits', 'arc_scores', 'rel_dep', 'rel_head']);
    expect(new Set(UPOS_TAGS).size).toBe(17);
    expect(UPOS_TAGS).toContain('PROPN');
    expect(FEATURE_GROUPS).toEqual(['Number', 'Gender', 'Person', 'Tense', 'Mood', 'VerbForm']);
    expect(ROOT_POSITION).toBe(0);
    expect(SYNTAX_OUTPUTS).not.toContain('logits');
  });
});
