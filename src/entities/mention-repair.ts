/**
 * Mention repairs before clustering: a mention never covers two names (`Tesla pour OpenAI`, `LinkedIn de Karpathy`),
 * and a name the model cut in two is rejoined when its parts spell the acronym after it.
 */
import type { Document, Mention } from '../document.js';
import { foldWord } from '../rules/fr/orthography.js';
import { majorityLabel } from './labels.js';
import { foldName, initials, isAcronym, words } from './names.js';

/** Particles inside person names (`Charles de Gaulle`, `Ursula von der Leyen`): never the word a surname joins on. */
const NAME_PARTICLES = new Set(['de', 'du', "d'", 'des', 'von', 'van', 'der', 'den', 'di', 'da', 'le', 'la', 'ben', 'bin', 'ibn', 'al', 'el', 'y', 'dos', 'das', 'del']);
/** Words that join two names in a span the model tagged as one (`Tesla pour OpenAI`, `Paris et Londres`). */
export const NAME_CONNECTORS = new Set(['pour', 'et', 'ou', 'contre', 'avec', 'chez', 'face', 'vs', 'vs.', 'versus', 'puis', 'via', 'entre', 'après', 'avant', 'selon']);
/** Connectors that never stand inside one name; the others (`et`, `ou`: `Procter et Gamble`) split only when a side is named alone elsewhere. */
const ALWAYS_SPLIT = new Set(['pour', 'contre', 'avec', 'chez', 'vs', 'vs.', 'versus', 'via', 'selon']);

/**
 * The words a one-word name may join this person name on (lowercased first and last word), or null when the span
 * does not look like a person's name: 2–4 words, each capitalized or a name particle, no connector word, no
 * internal capital (`LinkedIn`, `OpenAI` name products and companies; `McCartney`-style prefixes excepted). The last
 * word counts only when no particle precedes it: in `LinkedIn de Karpathy` or `Charles de Gaulle` it is not a surname
 * standing alone.
 */
export function personNameParts(surface: string): string[] | null {
  const ws = words(surface);
  if (ws.length < 2 || ws.length > 4) return null;
  for (const w of ws) {
    const lower = w.toLowerCase();
    if (NAME_CONNECTORS.has(lower)) return null;
    if (NAME_PARTICLES.has(lower) || /^[dl]['’]/i.test(w)) continue;
    if (!/^\p{Lu}/u.test(w)) return null;
    if (/^\p{Lu}\p{Ll}*\p{Lu}/u.test(w) && !/^(Mc|Mac|De|Di|Da|La|Le|O['’])\p{Lu}/u.test(w) && !/^\p{Lu}+$/u.test(w)) return null;
  }
  const folded = ws.map((w) => foldName(w));
  const out = [folded[0]!];
  const beforeLast = folded[folded.length - 2] ?? '';
  if (!NAME_PARTICLES.has(beforeLast) && !/^[dl]'/.test(folded[folded.length - 1] ?? '')) out.push(folded[folded.length - 1]!);
  return out;
}

/**
 * Splits a mention that spans two names joined by a connector (`Tesla pour OpenAI`, `Paris et Londres`) into its two
 * names: a mention never covers two entities. Each part is labelled by the vote of the article's other mentions of
 * that form (its own span's label when there are none) and keeps the span's score; parts have `source: "rules"`.
 * Returns how many mentions were split.
 */
export function splitJoinedMentions(doc: Document): number {
  const votes = new Map<string, Mention[]>();
  for (const m of doc.mentions) {
    const key = foldName(doc.text.slice(m.start, m.end));
    const list = votes.get(key);
    if (list) list.push(m);
    else votes.set(key, [m]);
  }
  let split = 0;
  const out: Mention[] = [];
  for (const m of doc.mentions) {
    const surface = doc.text.slice(m.start, m.end);
    const parts = splitAtConnector(surface, (name) => (votes.get(foldName(name)) ?? []).some((o) => o !== m));
    if (!parts) {
      out.push(m);
      continue;
    }
    split++;
    for (const [from, to] of parts) {
      const text = surface.slice(from, to);
      const others = (votes.get(foldName(text)) ?? []).filter((o) => o !== m);
      out.push({ start: m.start + from, end: m.start + to, sentence: m.sentence, label: others.length > 0 ? majorityLabel(others) : m.label, score: m.score, source: 'rules' });
    }
  }
  if (split > 0) doc.mentions = out.sort((a, b) => a.start - b.start || a.end - b.end);
  return split;
}

/**
 * Joins adjacent mentions (only spaces between) that together spell the acronym defined in parentheses right after
 * them (`National Highway` + `Traffic Safety Administration (NHTSA)`): the model cut one name in two. The joined
 * mention has `source: "rules"`, the label of its longer part and the parts' mean score. Returns how many were joined.
 */
export function joinAcronymParts(doc: Document): number {
  const ms = [...doc.mentions].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Mention[] = [];
  let joined = 0;
  for (let i = 0; i < ms.length; i++) {
    let k = i;
    while (k + 1 < ms.length && /^[ \u00A0]+$/.test(doc.text.slice(ms[k]!.end, ms[k + 1]!.start)) && ms[k + 1]!.sentence === ms[i]!.sentence) k++;
    let done = false;
    for (let last = k; last > i && !done; last--) {
      const start = ms[i]!.start;
      const end = ms[last]!.end;
      const acronym = /^\s*\(\s*([A-Z][A-Za-z0-9&.-]{1,9})\s*\)/.exec(doc.text.slice(end, end + 16))?.[1];
      if (!acronym || !isAcronym(acronym) || initials(doc.text.slice(start, end)) !== acronym.replace(/[.&-]/g, '').toLowerCase()) continue;
      const parts = ms.slice(i, last + 1);
      const longest = [...parts].sort((a, b) => b.end - b.start - (a.end - a.start))[0]!;
      out.push({ start, end, sentence: ms[i]!.sentence, label: longest.label, score: parts.reduce((sum, m) => sum + m.score, 0) / parts.length, source: 'rules' });
      joined++;
      i = last;
      done = true;
    }
    if (!done) out.push(ms[i]!);
  }
  if (joined > 0) doc.mentions = out;
  return joined;
}

/**
 * `[start, end)` of the two names of `X <connector> Y` inside a surface, both capitalized; null when it is one name.
 * `namedElsewhere`: whether a form is a mention of its own in the article (the evidence `et`/`ou` need).
 */
function splitAtConnector(surface: string, namedElsewhere: (name: string) => boolean): Array<[number, number]> | null {
  const tokens = [...surface.matchAll(/\S+/gu)];
  for (let k = 1; k < tokens.length - 1; k++) {
    const w = tokens[k]![0];
    const lower = foldWord(w);
    const elided = /^[dD]['’]\p{Lu}/u.test(w);
    if (!(NAME_CONNECTORS.has(lower) || lower === 'de' || lower === 'du' || elided) || /^\p{Lu}/u.test(w)) continue;
    const left = tokens[k - 1]![0];
    const right = elided ? w.slice(2) : tokens[k + 1]![0];
    if (!/^\p{Lu}/u.test(tokens[0]![0]) || !/^[\p{Lu}\p{N}]/u.test(left) || !/^\p{Lu}/u.test(right)) continue;
    const leftEnd = (tokens[k - 1]!.index ?? 0) + left.length;
    const rightStart = elided ? (tokens[k]!.index ?? 0) + 2 : (tokens[k + 1]!.index ?? 0);
    const leftName = surface.slice(0, leftEnd);
    const rightName = surface.slice(rightStart);
    if (lower === 'de' || lower === 'du' || elided) {
      // `LinkedIn de Karpathy`, `IA de Tesla`: the possessor is named alone elsewhere and the head is a name of its
      // own (named alone too, or a brand/acronym spelling); `Université de Stanford` keeps its common-noun head.
      const brand = /^\p{Lu}+$/u.test(leftName) || /^\p{Lu}\p{Ll}+\p{Lu}/u.test(leftName);
      if (!namedElsewhere(rightName) || !(brand || namedElsewhere(leftName))) continue;
    } else if (!ALWAYS_SPLIT.has(lower) && !namedElsewhere(leftName) && !namedElsewhere(rightName)) continue;
    return [
      [0, leftEnd],
      [rightStart, surface.length],
    ];
  }
  return null;
}
