/** Generated French news-like articles for the batch tests: distinct ids and texts, deterministic. */
import { promises as fs } from 'node:fs';
import path from 'node:path';

const CITIES = ['Lyon', 'Marseille', 'Toulouse', 'Nantes', 'Lille', 'Bordeaux', 'Rennes', 'Grenoble'];
const VERBS = ['a annoncé la nomination de', 'a confirmé le départ de', 'a démenti le rachat de', 'a présenté les résultats de'];

export function generatedArticle(index: number, variant = 0): string {
  const day = (index % 28) + 1;
  const city = CITIES[index % CITIES.length]!;
  const verb = VERBS[(index + variant) % VERBS.length]!;
  return [
    `date 2024-03-${String(day).padStart(2, '0')} Dépêche numéro ${index} depuis ${city}`,
    `Le ${day} mars 2024, la direction de la société Entreprise${index} ${verb} Claire Martin${index}, a-t-on appris à ${city}.`,
    `Selon un communiqué publié mardi, l'opération devrait être finalisée avant la fin de l'année ${2024 + (index % 3)}.`,
    `Les syndicats ont demandé une réunion la semaine prochaine${variant > 0 ? `, précise la version ${variant}` : ''}.`,
    '',
  ].join('\n');
}

/** Writes articles `from` .. `to - 1` as `art-00042.txt` files (sorted ids). */
export async function writeGeneratedCorpus(dir: string, from: number, to: number): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  for (let index = from; index < to; index += 1) await fs.writeFile(path.join(dir, articleFile(index)), generatedArticle(index));
}

export const articleFile = (index: number): string => `art-${String(index).padStart(5, '0')}.txt`;
