import { describe, expect, it } from 'vitest';
import { createDocument, type Document } from '../../src/document.js';
import { createEnglishDateContext, findEnglishTimeExpressions } from '../../src/lang/en/dates.js';
import { findEnglishEntities } from '../../src/lang/en/entities.js';
import { extractEnglishEvents } from '../../src/lang/en/events.js';
import { clusterEntities } from '../../src/entities/cluster.js';
import { segmentEnglish } from '../../src/lang/en/sentences.js';

function analyze(text: string, published = '2024-03-01'): Document {
  const doc = createDocument({ id: 't', source: 't', sha256: '', title: null, published, url: null, declaredLanguage: 'en', externalId: null, sourceName: null }, text, { start: 0, end: text.length }, null);
  doc.sentences = segmentEnglish(text, { start: 0, end: text.length }).map((s, index) => ({ ...s, index, kind: 'body' as const }));
  const context = createEnglishDateContext();
  for (const s of doc.sentences) {
    for (const e of findEnglishEntities(text, s)) doc.mentions.push({ ...e, sentence: s.index, source: 'rules' });
    for (const t of findEnglishTimeExpressions(text, { publication: published, region: s, context })) doc.timexes.push({ ...t, sentence: s.index, source: 'rules' });
  }
  clusterEntities(doc);
  return doc;
}

function summary(doc: Document): string[] {
  return extractEnglishEvents(doc).map((e) => {
    const args = e.arguments.map((a) => `${a.role}=${doc.text.slice(a.span.mention.start, a.span.mention.end)}`).join(' ');
    return `${e.type} "${doc.text.slice(e.trigger.start, e.trigger.end)}" [${args}] ${e.polarity}/${e.modality}${e.time ? ` @${e.time.value}` : ''}`;
  });
}

describe('English events', () => {
  it('finds the participants of a verb by position (subject over an appositive, object, preposition)', () => {
    const doc = analyze('John Smith, the chief executive of Acme Corp., resigned on Tuesday. Microsoft sued Apple in California.');
    expect(summary(doc)).toEqual([
      'Personnel.End-Position "resigned" [person=John Smith organization=Acme Corp.] positive/asserted @2024-02-27',
      'Justice.Sue "sued" [agent=Microsoft target=Apple place=California] positive/asserted',
    ]);
  });

  it('lemmatizes with compromise and reads negation, plans and the passive', () => {
    const doc = analyze('Barack Obama did not meet Vladimir Putin in Moscow. Google will acquire YouTube. Ahmed Ali was killed by gunmen in Baghdad.');
    expect(summary(doc)).toEqual([
      'Contact.Meet "meet" [person=Barack Obama entity=Vladimir Putin place=Moscow] negative/asserted',
      'Transaction.Transfer-Ownership "acquire" [agent=Google target=YouTube] positive/planned',
      'Life.Die "killed" [victim=Ahmed Ali place=Baghdad] positive/asserted',
    ]);
  });

  it('resolves a pronoun subject and keeps it as written', () => {
    const doc = analyze('Angela Merkel arrived in Washington on Monday. She met Joe Biden.');
    const events = extractEnglishEvents(doc);
    const meet = events.find((e) => e.type === 'Contact.Meet');
    expect(meet).toBeDefined();
    const person = meet!.arguments.find((a) => a.role === 'person')!;
    expect(doc.text.slice(person.anaphor!.start, person.anaphor!.end)).toBe('She');
    expect(doc.text.slice(person.span.mention.start, person.span.mention.end)).toBe('Angela Merkel');
    for (const e of events) expect(doc.text.slice(e.trigger.start, e.trigger.end)).toMatch(/^(arrived|met)$/);
  });

  it('needs context for ambiguous triggers (`fire` shots is no dismissal)', () => {
    const doc = analyze('Soldiers fired shots at Gaza. Acme fired John Smith.');
    expect(summary(doc).map((s) => s.split(' [')[0])).toEqual(['Personnel.End-Position "fired"']);
  });
});
