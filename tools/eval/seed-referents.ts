/**
 * Which of the seed gold's name forms denote one referent (hand annotation of the seed article): the gold lists
 * mentions without entity ids. Any form not listed is its own referent. Used by the seed cluster test and the
 * canonical-participant check of `npm run eval:events`.
 */
import { foldName } from '../../src/entities/cluster.js';

const SAME_REFERENT: Record<string, string> = {
  karpathy: 'Andrej Karpathy',
  andrej: 'Andrej Karpathy',
  'andrej karpathy': 'Andrej Karpathy',
  musk: 'Elon Musk',
  elon: 'Elon Musk',
  'elon musk': 'Elon Musk',
  nhtsa: 'NHTSA',
  'national highway traffic safety administration': 'NHTSA',
  fridman: 'Lex Fridman',
  'lex fridman': 'Lex Fridman',
  stanford: 'Stanford',
  'universite de stanford': 'Stanford',
  'google deepmind': 'Google DeepMind',
  'google deepmind ai': 'Google DeepMind',
  openai: 'OpenAI',
  tesla: 'Tesla',
};

/** The seed referent a surface form names (its folded form when not listed). */
export function seedReferent(surface: string): string {
  const key = foldName(surface);
  return SAME_REFERENT[key] ?? key;
}
