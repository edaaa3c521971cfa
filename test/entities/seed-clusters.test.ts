/**
 * On the seed article, no canonical entity may join mentions of two different gold entities — neither from the gold
 * mentions nor from the shipped model's mentions through the real stages. Gold identity: tools/eval/seed-referents.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import type { Document } from '../../src/document.js';
import { clusterEntities, propagateMentions } from '../../src/entities/cluster.js';
import { seedReferent } from '../../tools/eval/seed-referents.js';
import { loadSeedGold, seedDocument, seedDocumentWithGoldLayers, type SeedGold } from '../../tools/eval/seed-gold.js';
import { SHIPPED_MODEL_DIR } from '../helpers/ner-models.js';

const referentOf = seedReferent;

/** For each entity: the gold referents its mentions overlap (a mention overlapping two gold mentions counts both). */
function referentsByEntity(doc: Document, gold: SeedGold): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of doc.mentions) {
    if (!m.entity) continue;
    const set = out.get(m.entity) ?? new Set<string>();
    for (const g of gold.entities) if (g.start < m.end && m.start < g.end) set.add(referentOf(g.text));
    out.set(m.entity, set);
  }
  return out;
}

function expectNoJoinedReferents(doc: Document, gold: SeedGold): void {
  const canonical = new Map(doc.entities.map((e) => [e.id, e.canonical] as const));
  for (const [entity, referents] of referentsByEntity(doc, gold)) {
    expect([...referents].sort(), `entity ${canonical.get(entity)} joins ${[...referents].join(' + ')}`).toHaveLength(Math.min(1, referents.size));
  }
}

describe('seed entity clusters', () => {
  it('never join two gold referents (gold mentions)', () => {
    const gold = loadSeedGold();
    const doc = seedDocumentWithGoldLayers(gold);
    clusterEntities(doc);
    propagateMentions(doc);
    expectNoJoinedReferents(doc, gold);
  });

  describe.skipIf(SHIPPED_MODEL_DIR === null)('with the shipped model', () => {
    let doc: Document;
    let gold: SeedGold;
    beforeAll(async () => {
      gold = loadSeedGold();
      const config = resolveConfig({});
      const { Pipeline, defaultStages } = await import('../../src/pipeline.js');
      // The real stages up to the entities stage (clustering and name propagation), without events.
      const stages = defaultStages().filter((stage) => stage.name !== 'events');
      const pipeline = await Pipeline.create(config, stages);
      doc = await pipeline.process(seedDocument());
      await pipeline.dispose();
    });

    it('never join two gold referents (model mentions, after propagation)', () => {
      expectNoJoinedReferents(doc, gold);
    });

    it('keeps Tesla and OpenAI apart, both organizations, and LinkedIn out of Karpathy', () => {
      const byCanonical = new Map(doc.entities.map((e) => [e.canonical, e] as const));
      const tesla = byCanonical.get('Tesla');
      const openai = byCanonical.get('OpenAI');
      expect(tesla?.label).toBe('ORG');
      expect(openai?.label).toBe('ORG');
      expect(tesla?.id).not.toBe(openai?.id);
      const karpathy = byCanonical.get('Andrej Karpathy')!;
      expect(karpathy.mentions.every((m) => !doc.text.slice(m.start, m.end).includes('LinkedIn'))).toBe(true);
      // Every mention keeps its own label; propagated ones are rules mentions with a score of their own.
      const rules = doc.mentions.filter((m) => m.source === 'rules');
      expect(rules.length).toBeGreaterThan(0);
      for (const m of rules) expect(m.score).toBeGreaterThanOrEqual(0);
      expect(doc.mentions.some((m) => m.entity === tesla?.id && m.label !== 'ORG')).toBe(true);
    });
  });
});
