/**
 * Stage `entities`: canonical entities per article. Clusters the mentions into `doc.entities` (linking each mention to
 * its entity), then tags the entities' names wherever else they appear untagged (mentions with source `rules`, see
 * src/entities/cluster.ts), so that a name the model tagged once still takes part in events where it recurs.
 */
import type { Document } from '../document.js';
import { clusterEntities, propagateMentions } from '../entities/cluster.js';
import type { Stage } from './stage.js';

export const entitiesStage: Stage = {
  name: 'entities',
  reads: ['sentences'],
  amends: ['mentions'],
  writes: ['entities'],
  run(doc: Document): void {
    clusterEntities(doc);
    propagateMentions(doc);
  },
};
