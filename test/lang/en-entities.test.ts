import { describe, expect, it } from 'vitest';
import { findEnglishEntities } from '../../src/lang/en/entities.js';
import { segmentEnglish } from '../../src/lang/en/sentences.js';
import { segmentSentences } from '../../src/segment/sentences.js';

const whole = (text: string) => ({ start: 0, end: text.length });

describe('English entities (compromise + lexicon)', () => {
  it('finds people, places and organizations with exact offsets, titles and possessives left out', () => {
    const text = 'Mr. John Smith met Angela Merkel in New York, and IBM\'s chief said NATO would act.';
    const found = findEnglishEntities(text, whole(text));
    for (const e of found) expect(text.slice(e.start, e.end)).not.toMatch(/^\s|\s$|'s$/);
    const got = found.map((e) => [text.slice(e.start, e.end), e.label]);
    expect(got).toContainEqual(['John Smith', 'PER']);
    expect(got).toContainEqual(['Angela Merkel', 'PER']);
    expect(got).toContainEqual(['New York', 'LOC']);
    expect(got).toContainEqual(['NATO', 'ORG']);
    expect(got).toContainEqual(['IBM', 'ORG']);
  });

  it('uses the lexicon extension for MISC names and demonyms', () => {
    const text = 'The German team won the World Cup before the Olympics.';
    const got = findEnglishEntities(text, whole(text)).map((e) => [text.slice(e.start, e.end), e.label]);
    expect(got).toContainEqual(['German', 'MISC']);
    expect(got).toContainEqual(['World Cup', 'MISC']);
    expect(got).toContainEqual(['Olympics', 'MISC']);
  });

  it('maps offsets of a sentence inside a longer text, with non-ASCII text before it', () => {
    const text = '« Déjà » — café.\n\nPresident Barack Obama visited Paris on Monday.';
    const sentences = segmentEnglish(text, whole(text));
    const spans = sentences.flatMap((s) => findEnglishEntities(text, s));
    const got = spans.map((e) => [text.slice(e.start, e.end), e.label]);
    expect(got).toContainEqual(['Barack Obama', 'PER']);
    expect(got).toContainEqual(['Paris', 'LOC']);
    for (let i = 1; i < spans.length; i += 1) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
  });
});

describe('English sentences (rule scanner + English lexicon)', () => {
  it('keeps abbreviations inside sentences and ends one at each line break', () => {
    const text = 'Mr. Smith of Acme Corp. met U.S. officials at 5 p.m. on Friday. They agreed.\nHeadline without a period\nIt cost $5.50.';
    const got = segmentEnglish(text, whole(text)).map((s) => text.slice(s.start, s.end));
    expect(got).toEqual(['Mr. Smith of Acme Corp. met U.S. officials at 5 p.m. on Friday.', 'They agreed.', 'Headline without a period', 'It cost $5.50.']);
  });

  it('ends a sentence after a dotted acronym before a sentence opener, not after a title', () => {
    const text = 'Troops arrived in the U.S. The talks resumed. Sen. Smith and Gov. Jones spoke on Sept. 5 in Washington.';
    expect(segmentEnglish(text, whole(text)).map((s) => text.slice(s.start, s.end))).toEqual(['Troops arrived in the U.S.', 'The talks resumed.', 'Sen. Smith and Gov. Jones spoke on Sept. 5 in Washington.']);
  });

  it('gives French text its own lexicon back after an English call (no state leaks between languages)', () => {
    const french = 'M. Dupont est arrivé. Il a parlé.';
    const before = segmentSentences(french, whole(french));
    segmentEnglish('Mr. Smith left. He spoke.', { start: 0, end: 25 });
    expect(segmentSentences(french, whole(french))).toEqual(before);
    expect(before.map((s) => french.slice(s.start, s.end))).toEqual(['M. Dupont est arrivé.', 'Il a parlé.']);
  });
});
