import { describe, expect, it } from 'vitest';
import type { Mention } from '../../src/document.js';
import { clusterEntities, contextLabelVote, personNameParts, propagateMentions, propagatedScore, splitJoinedMentions } from '../../src/entities/cluster.js';
import { ENTITY_CUES } from '../../src/rules/fr/entity-cues.js';
import { makeDoc } from '../helpers/events.js';

const surfaces = (doc: ReturnType<typeof makeDoc>) => doc.mentions.map((m) => `${doc.text.slice(m.start, m.end)}/${m.label}/${m.source}`);

describe('mentions spanning two names', () => {
  it('splits `X pour Y` always, `X et Y` only when a side is named alone, `X de Y` only for a named head', () => {
    const doc = makeDoc({
      text: 'Tesla recrute. Son départ de Tesla pour OpenAI. Procter et Gamble vend. Paris et Londres votent. Londres vote. Le LinkedIn de Karpathy parle. Karpathy écrit. Université de Stanford. Stanford brille.',
      entities: [['Tesla', 'ORG', 0], ['Tesla pour OpenAI', 'PER'], ['Procter et Gamble', 'ORG'], ['Paris et Londres', 'LOC'], ['Londres', 'LOC', 1], ['LinkedIn de Karpathy', 'MISC'], ['Karpathy', 'PER', 1], ['Université de Stanford', 'ORG'], ['Stanford', 'LOC', 1]],
    });
    expect(splitJoinedMentions(doc)).toBe(3);
    expect(surfaces(doc)).toEqual([
      'Tesla/ORG/model', 'Tesla/ORG/rules', 'OpenAI/PER/rules', 'Procter et Gamble/ORG/model', 'Paris/LOC/rules', 'Londres/LOC/rules', 'Londres/LOC/model',
      'LinkedIn/MISC/rules', 'Karpathy/PER/rules', 'Karpathy/PER/model', 'Université de Stanford/ORG/model', 'Stanford/LOC/model',
    ]);
    for (const m of doc.mentions) expect(doc.text.slice(m.start, m.end)).toBe(doc.text.slice(m.start, m.end).trim());
  });

  it('joins a surname only to a span that looks like a person name', () => {
    expect(personNameParts('Andrej Karpathy')).toEqual(['andrej', 'karpathy']);
    expect(personNameParts('Charles de Gaulle')).toEqual(['charles']);
    expect(personNameParts('LinkedIn de Karpathy')).toBeNull();
    expect(personNameParts('Tesla pour OpenAI')).toBeNull();
    expect(personNameParts('Paul McCartney')).toEqual(['paul', 'mccartney']);
    const doc = makeDoc({ text: 'Tesla recrute. Tesla grandit. Tesla Karpathy parle.', entities: [['Tesla', 'ORG', 0], ['Tesla', 'ORG', 1], ['Tesla Karpathy', 'PER']] });
    clusterEntities(doc);
    expect(doc.entities.map((e) => e.canonical)).toEqual(['Tesla', 'Tesla Karpathy']);
  });
});

describe('entity label by evidence', () => {
  it('every cue example votes its label for the bracketed name', () => {
    for (const cue of ENTITY_CUES) {
      for (const example of cue.examples) {
        const start = example.indexOf('[');
        const end = example.indexOf(']') - 1;
        const text = example.replace('[', '').replace(']', '');
        expect(contextLabelVote(text, { start, end }), `${cue.words}: ${example}`).toContain(cue.label);
      }
    }
    expect(contextLabelVote('le marchand de Paris', { start: 15, end: 20 })).toEqual([]);
  });

  it('context votes outweigh a split model guess; each mention keeps its own label', () => {
    const doc = makeDoc({
      text: 'OpenAI publie. OpenAI recrute. Il travaille chez OpenAI. Le vide au sein d’OpenAI. Retour chez OpenAI.',
      entities: [['OpenAI', 'PER', 0], ['OpenAI', 'PER', 1], ['OpenAI', 'MISC', 2], ['OpenAI', 'LOC', 3], ['OpenAI', 'ORG', 4]],
    });
    clusterEntities(doc);
    expect(doc.entities.map((e) => e.label)).toEqual(['ORG']);
    expect(doc.mentions.map((m) => m.label)).toEqual(['PER', 'PER', 'MISC', 'LOC', 'ORG']);
  });

  it('propagated mentions carry a score of their own, from the evidence for their form', () => {
    const m = (label: Mention['label'], score: number): Mention => ({ start: 0, end: 1, sentence: 0, label, score, source: 'model' });
    expect(propagatedScore([m('ORG', 0.9), m('ORG', 0.7), m('PER', 0.8)], 'ORG')).toBeCloseTo(0.8 * (2 / 3), 3);
    const doc = makeDoc({ text: 'Tesla vend. Tesla achète. Karpathy rejoint Tesla.', entities: [['Tesla', 'ORG', 0], ['Tesla', 'PER', 1], ['Karpathy', 'PER']] });
    doc.mentions[0]!.score = 0.9;
    doc.mentions[1]!.score = 0.5;
    clusterEntities(doc);
    expect(propagateMentions(doc)).toBe(1);
    const added = doc.mentions.find((x) => x.source === 'rules')!;
    expect(added.score).toBeCloseTo(0.7 * 0.5, 3);
  });
});
