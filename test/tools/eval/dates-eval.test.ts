/**
 * The dates evaluation: the TimeML reader on a hand-made document, then the targets of issue 3 on the real data when
 * ../shared is present (FR-TimeBank strict F1 ≥ 0.88, relaxed F1 ≥ 0.94, value accuracy ≥ 0.85; every seed gold time
 * expression found with its gold value).
 */
import { corporaDir } from '../../../tools/eval/corpora.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSeed, loadTimebank, parseTimeML, ruleRecognizer, scoreTimebank } from '../../../tools/eval/dates-eval.js';

const TML = `<?xml version='1.0' encoding='UTF-8'?>
<TimeML>
<DOCID>x</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t1" type="DATE" value="1999-05-19" /></DCT>
<TEXT>
Il est <EVENT eid="e1">arrivé</EVENT> <TIMEX3 tid="t2" type="DATE" value="1999-05-18">hier</TIMEX3> à <TIMEX3 tid="t3" type="TIME" value="1999-05-18T14:00">14 h</TIMEX3> &amp; reste <TIMEX3 tid="t4" type="DURATION" value="P2Y">deux ans</TIMEX3>.
</TEXT>
</TimeML>`;

describe('TimeML reader', () => {
  it('strips tags, decodes entities and keeps exact offsets', () => {
    const doc = parseTimeML('x', TML);
    expect(doc.dct).toBe('1999-05-19');
    expect(doc.timexes.map((t) => [doc.text.slice(t.start, t.end), t.type, t.value])).toEqual([
      ['hier', 'DATE', '1999-05-18'],
      ['14 h', 'TIME', '1999-05-18T14:00'],
      ['deux ans', 'DURATION', 'P2Y'],
    ]);
    expect(doc.text).toContain('& reste');
  });

  it('scores a perfect and an imperfect recognizer differently', () => {
    const doc = parseTimeML('x', TML);
    const perfect = scoreTimebank([doc], () => doc.timexes.map((t) => ({ ...t, granularity: 'unknown' as const, mod: null, anchor: 'absolute' as const })));
    expect(perfect.strict.f1).toBe(1);
    expect(perfect.valueAccuracy).toBe(1);
    const rules = scoreTimebank([doc], ruleRecognizer);
    expect(rules.strict.f1).toBe(1);
    expect(rules.valueAccuracy).toBe(1);
    const empty = scoreTimebank([doc], () => []);
    expect(empty.relaxed.r).toBe(0);
    expect(empty.misses).toHaveLength(3);
  });
});

const timebank = path.join(corporaDir(), 'fr-timebank', 'Data');
const seedGold = path.resolve(corporaDir(), '..', 'gold', 'karpathy-2024-03.gold.json');

describe.skipIf(!existsSync(timebank))('FR-TimeBank targets', () => {
  it('strict F1 ≥ 0.88, relaxed F1 ≥ 0.94, value accuracy ≥ 0.85', () => {
    const scores = scoreTimebank(loadTimebank(timebank), ruleRecognizer);
    expect(scores.gold).toBe(425);
    expect(scores.strict.f1).toBeGreaterThanOrEqual(0.88);
    expect(scores.relaxed.f1).toBeGreaterThanOrEqual(0.94);
    expect(scores.valueAccuracy).toBeGreaterThanOrEqual(0.85);
  });
});

describe.skipIf(!existsSync(seedGold))('seed gold', () => {
  it('every required time expression is found with its gold value', () => {
    const seed = checkSeed(ruleRecognizer);
    expect(seed.results.filter((r) => !r.ok && !r.note.includes('optional'))).toEqual([]);
    expect(seed.passed).toBe(seed.required);
  });
});
