/**
 * French orthography has one source (src/rules/fr/orthography.ts): the event tokenizer and the NER pre-tokenizer split
 * elisions alike, and no other module spells out the elided words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/events/tokens.js';
import { normalizeForModel, splitWordRanges } from '../../src/ner/align.js';
import { ELIDED_WORDS, WHOLE_APOSTROPHE_WORDS, withoutElision } from '../../src/rules/fr/orthography.js';

const SRC = path.resolve(import.meta.dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : [],
  );
}

const SAMPLES = [
  "l'UE", 'L’Oréal', "d'OpenAI", "qu'il", "jusqu'aujourd'hui", "lorsqu'elle", "puisqu'on", "quoiqu'il", "presqu'île", 'Presqu’îles',
  "quelqu'un", "quelqu'autre", "prud'hommes", "entr'acte", "O'Neill", "aujourd'hui", "s'est", "c'était", "n'a", "m'en", "t'as", "j'ai",
];

describe('French orthography', () => {
  it('the event tokenizer and the NER pre-tokenizer split the same elisions', () => {
    for (const sample of SAMPLES) {
      const events = tokenize(sample, 0, sample.length).map((t) => t.text);
      const normalized = normalizeForModel(sample).text;
      const ner = splitWordRanges(normalized).map(([start, end]) => sample.slice(start, end));
      expect(events, sample).toEqual(ner);
    }
    expect(tokenize("jusqu'aujourd'hui", 0, 17).map((t) => t.text)).toEqual(["jusqu'", "aujourd'hui"]);
    expect(tokenize("presqu'île", 0, 10).map((t) => t.text)).toEqual(["presqu'île"]);
  });

  it('takes an elided word off the start of a word, and only an elided word', () => {
    expect(["l'art", 'Qu’env', "jusqu'au", "aujourd'hui", "O'Neill", "l'"].map(withoutElision)).toEqual(['art', 'env', 'au', "aujourd'hui", "O'Neill", "l'"]);
  });

  it('lists are lowercase with the ASCII apostrophe', () => {
    for (const word of [...ELIDED_WORDS, ...WHOLE_APOSTROPHE_WORDS]) expect(word).toBe(word.toLowerCase().replace(/\u2019/g, "'"));
  });

  it('no other module keeps a list of the elided words', () => {
    // A module naming most of the long elided words is a second copy of the list (one of them is a lexicon word).
    const long = ELIDED_WORDS.filter((word) => word.length > 2);
    const owner = path.join(SRC, 'rules', 'fr', 'orthography.ts');
    const copies = sourceFiles(SRC)
      .filter((file) => file !== owner)
      .filter((file) => {
        const text = readFileSync(file, 'utf8');
        return long.filter((word) => new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'u').test(text)).length >= 4;
      })
      .map((file) => path.relative(SRC, file));
    expect(long.length).toBeGreaterThanOrEqual(6);
    expect(copies).toEqual([]);
  });
});
