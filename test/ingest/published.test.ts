/**
 * Publication dates are read strictly: a real calendar date (ISO date or datetime), a year-month or a year, or RSS's
 * RFC 2822; anything else is rejected whole (never truncated to a prefix), with a warning naming the record, and the
 * article goes on without a publication date.
 */
import { describe, expect, it } from 'vitest';
import { parseCorpusText } from '../../src/ingest/parse.js';
import { parsePublished } from '../../src/ingest/published.js';

describe('parsePublished', () => {
  it('keeps the calendar part of real dates, year-months and years', () => {
    expect(parsePublished('2024-05-02')).toBe('2024-05-02');
    expect(parsePublished('2024-05-02T08:00:00Z')).toBe('2024-05-02');
    expect(parsePublished('2024-05-02T08:00:00.123+02:00')).toBe('2024-05-02');
    expect(parsePublished('2024-05-02 08:00')).toBe('2024-05-02');
    expect(parsePublished('2024-02-29')).toBe('2024-02-29');
    expect(parsePublished('2000-02-29')).toBe('2000-02-29');
    expect(parsePublished('2024-05')).toBe('2024-05');
    expect(parsePublished('2024')).toBe('2024');
    expect(parsePublished(' 2024-05-02 ')).toBe('2024-05-02');
    expect(parsePublished('Thu, 02 May 2024 08:00:00 GMT')).toBe('2024-05-02');
    expect(parsePublished('Thu, 02 May 2024 23:30:00 -0400')).toBe('2024-05-02');
    expect(parsePublished('2 May 2024')).toBe('2024-05-02');
  });

  it('rejects whole anything else: no prefix is kept', () => {
    for (const value of ['12345-01-01', '20240105', '2024-02-31', '2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-05-02T25:00', '2024-05-02T08:61', '2024-05-02garbage', '2024-5-2', '24-05-02', 'hier', '', 'Mon, 45 Foo 2024', '31 Feb 2024', '2024-05-02T08:00:00+99:00']) {
      expect(parsePublished(value), value).toBeNull();
    }
  });
});

describe('a rejected publication date in every input format', () => {
  const text = 'Le ministre a démissionné hier.';
  it('JSONL: warning naming file:line, no date, the article processed', () => {
    const docs = parseCorpusText('feed.jsonl', [{ id: 'a', text, published: '2024-05-02' }, { id: 'b', text, published: '12345-01-01' }, { id: 'c', text, date: '20240105' }, { id: 'd', text, published: '2024-02-31' }, { id: 'e', text, published: 2024 }].map((r) => JSON.stringify(r)).join('\n'));
    expect(docs.map((doc) => doc.meta.published)).toEqual(['2024-05-02', null, null, null, null]);
    expect(docs.map((doc) => doc.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(docs[0]!.meta.warnings).toBeUndefined();
    expect(docs[1]!.meta.warnings).toEqual([expect.stringMatching(/^feed\.jsonl:2: publication date "12345-01-01" rejected .*without a publication date$/)]);
    expect(docs[2]!.meta.warnings).toEqual([expect.stringMatching(/^feed\.jsonl:3: publication date "20240105" rejected/)]);
    expect(docs[3]!.meta.warnings).toEqual([expect.stringMatching(/^feed\.jsonl:4: publication date "2024-02-31" rejected/)]);
    expect(docs[4]!.meta.warnings).toEqual([expect.stringMatching(/^feed\.jsonl:5: publication date 2024 rejected/)]);
  });

  it('JSON, .txt header line and front matter: warning naming the file', () => {
    const [json] = parseCorpusText('a.json', JSON.stringify({ text, published: '2024-02-31' }));
    expect(json!.meta).toMatchObject({ published: null, warnings: [expect.stringMatching(/^a\.json: publication date "2024-02-31" rejected/)] });
    const [header] = parseCorpusText('b.txt', `date 2024-02-31 Titre\n${text}`);
    expect(header!.meta).toMatchObject({ published: null, title: 'Titre', warnings: [expect.stringMatching(/^b\.txt: publication date "2024-02-31" rejected/)] });
    const [front] = parseCorpusText('c.txt', `---\ndate: 20240105\ntitle: T\n---\n${text}`);
    expect(front!.meta).toMatchObject({ published: null, warnings: [expect.stringMatching(/^c\.txt: publication date "20240105" rejected/)] });
    const [good] = parseCorpusText('d.txt', `date 2024-02-29 Titre\n${text}`);
    expect(good!.meta.published).toBe('2024-02-29');
    expect(good!.meta.warnings).toBeUndefined();
  });

  it('HTML: an impossible <meta> date is not taken', () => {
    const page = (date: string): string => `<html><head><meta property="article:published_time" content="${date}"><title>T</title></head><body><article><p>${text} ${text} ${text}</p></article></body></html>`;
    expect(parseCorpusText('a.html', page('2024-02-31T10:00:00Z'))[0]!.meta.published).toBeNull();
    expect(parseCorpusText('a.html', page('2024-02-29T10:00:00Z'))[0]!.meta.published).toBe('2024-02-29');
  });
});
