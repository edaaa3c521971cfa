/**
 * The trigger table's examples are tests: in each example, the bracketed words are a trigger of the row's type
 * (names marked `{Name|LABEL}` are the sentence's mentions). Also the noun classes' and money examples.
 */
import { describe, expect, it } from 'vitest';
import type { EntityLabel } from '../../src/document.js';
import { moneyAt, nounPhraseAt } from '../../src/events/chunker.js';
import { buildSentenceView } from '../../src/events/sentence-view.js';
import { tokenize } from '../../src/events/tokens.js';
import { NOUN_CLASS_EXAMPLES } from '../../src/rules/fr/noun-classes.js';
import { MONEY_EXAMPLES } from '../../src/rules/fr/quantities.js';
import { TRIGGERS } from '../../src/rules/fr/triggers.js';
import { makeDoc, TEST_PROVENANCE } from '../helpers/events.js';
import { buildEventRecords } from '../../src/events/records.js';

/** Text without marks, the bracketed span, and the marked names. */
function parseExample(marked: string): { text: string; span: [number, number]; names: Array<[string, EntityLabel]> } {
  let text = '';
  let span: [number, number] = [0, 0];
  const names: Array<[string, EntityLabel]> = [];
  const re = /\[|\]|\{([^|}]+)\|(PER|ORG|LOC|MISC)\}/g;
  let last = 0;
  for (const m of marked.matchAll(re)) {
    text += marked.slice(last, m.index);
    if (m[0] === '[') span = [text.length, text.length];
    else if (m[0] === ']') span = [span[0], text.length];
    else {
      names.push([m[1]!, m[2] as EntityLabel]);
      text += m[1]!;
    }
    last = (m.index ?? 0) + m[0].length;
  }
  text += marked.slice(last);
  return { text, span, names };
}

describe('trigger table examples', () => {
  const rows = TRIGGERS.filter((r) => r.examples && r.examples.length > 0);
  it('has examples for the rows added as data', () => {
    expect(rows.length).toBeGreaterThan(30);
  });
  for (const row of rows) {
    for (const example of row.examples ?? []) {
      it(`${row.lemma} (${row.type}): ${example}`, () => {
        const { text, span, names } = parseExample(example);
        const doc = makeDoc({ text, entities: names }, { cluster: true });
        const records = buildEventRecords(doc, TEST_PROVENANCE);
        const hit = records.find((r) => r.type === row.type && r.trigger.start < span[1] && span[0] < r.trigger.end);
        expect(hit, `events: ${records.map((r) => `${r.type} “${r.trigger.text}”`).join(', ') || 'none'}`).toBeDefined();
      });
    }
  }
});

describe('participant phrases', () => {
  for (const example of NOUN_CLASS_EXAMPLES) {
    it(example.text, () => {
      const { text, span } = parseExample(example.text);
      const doc = makeDoc({ text }, { cluster: true });
      const view = buildSentenceView(doc, doc.sentences[0]!, [], []);
      const first = view.tokens.findIndex((t) => t.start === span[0]);
      const np = nounPhraseAt(view, first);
      expect(np).not.toBeNull();
      expect([view.tokens[np!.head]!.text, np!.label, text.slice(view.tokens[np!.first]!.start, view.tokens[np!.last]!.end), np!.count]).toEqual([
        example.head,
        example.label,
        text.slice(span[0], span[1]),
        example.count ?? null,
      ]);
    });
  }
  for (const example of MONEY_EXAMPLES) {
    it(example.text, () => {
      const { text, span } = parseExample(example.text);
      const tokens = tokenize(text, 0, text.length);
      const first = tokens.findIndex((t) => t.start === span[0]);
      const money = moneyAt(tokens, first);
      expect(money && [text.slice(tokens[money.first]!.start, tokens[money.last]!.end), money.value, money.currency]).toEqual([text.slice(span[0], span[1]), example.value, example.currency]);
    });
  }
});
