/**
 * Stage `dates`: French time expressions → `doc.timexes` (TIMEX3 layer, see src/document.ts).
 *
 * The rule recognizer (src/dates/recognize.ts) runs per sentence with the publication date (`doc.meta.published`)
 * and a paragraph context: a line break between two sentences starts a new paragraph, so a year mentioned in one
 * paragraph never dates a year-less expression of the next one (the latest day carries over, for `le même jour`).
 *
 * Merge with the NER model's DATE spans (`doc.modelDates`, used when `config.dates.useModelSpans`):
 * - a model span that overlaps no rule span is kept (`source: "model"`); its value comes from the normalizer run on
 *   the span's text, and is `null` (anchor `unresolved`) when the normalizer cannot read it;
 * - where spans overlap, the rule span is kept (`source: "both"`): its boundaries follow the TimeML conventions the
 *   rules were tuned on (determiner in, preposition out) and it carries the normalized value. A model span covering
 *   several rule spans (`du 19 au 23 juillet`) marks each of them `both`;
 * - a rule span that no model span overlaps stays `source: "rules"`;
 * - a model span holding no letter or digit (a lone `,` the model tagged DATE) is dropped: no time expression is
 *   only punctuation.
 */
import type { Document, ModelDateSpan, Sentence, TimeExpression } from '../document.js';
import { createDateContext, findTimeExpressions, startParagraph, type DateContext, type TimexCandidate } from '../dates/recognize.js';
import type { Stage, StageContext } from './stage.js';

function startsParagraph(text: string, previous: Sentence | undefined, sentence: Sentence): boolean {
  if (!previous || previous.kind !== sentence.kind) return true;
  return text.slice(previous.end, sentence.start).includes('\n');
}

function toTimex(candidate: TimexCandidate, sentence: number, source: TimeExpression['source']): TimeExpression {
  return {
    start: candidate.start,
    end: candidate.end,
    sentence,
    type: candidate.type,
    value: candidate.value,
    granularity: candidate.granularity,
    mod: candidate.mod,
    anchor: candidate.anchor,
    source,
  };
}

/** Normalizes a model span's own text: the candidate covering most of it gives type and value. */
function normalizeModelSpan(doc: Document, span: ModelDateSpan, context: DateContext): TimeExpression {
  const found = findTimeExpressions(doc.text, { publication: doc.meta.published, region: span, context: { ...context } });
  let best: TimexCandidate | undefined;
  for (const c of found) if (!best || c.end - c.start > best.end - best.start) best = c;
  if (!best) {
    return { start: span.start, end: span.end, sentence: span.sentence, type: 'DATE', value: null, granularity: 'unknown', mod: null, anchor: 'unresolved', source: 'model' };
  }
  return { ...toTimex(best, span.sentence, 'model'), start: span.start, end: span.end };
}

/** Rule and model time expressions of one document, merged, in text order. */
export function extractTimexes(doc: Document, useModelSpans: boolean): TimeExpression[] {
  const rules: TimeExpression[] = [];
  const contextAtSentence = new Map<number, DateContext>();
  const context = createDateContext();
  let previous: Sentence | undefined;
  for (const sentence of doc.sentences) {
    if (startsParagraph(doc.text, previous, sentence)) startParagraph(context);
    contextAtSentence.set(sentence.index, { ...context });
    for (const c of findTimeExpressions(doc.text, { publication: doc.meta.published, region: sentence, context })) {
      rules.push(toTimex(c, sentence.index, 'rules'));
    }
    previous = sentence;
  }
  if (!useModelSpans || doc.modelDates.length === 0) return rules;

  const merged: TimeExpression[] = [...rules];
  for (const span of doc.modelDates) {
    if (!/[\p{L}\p{N}]/u.test(doc.text.slice(span.start, span.end))) continue;
    const overlapping = rules.filter((r) => r.start < span.end && span.start < r.end);
    if (overlapping.length > 0) {
      for (const r of overlapping) r.source = 'both';
      continue;
    }
    if (span.end <= span.start || span.start < 0 || span.end > doc.text.length) continue;
    const context = contextAtSentence.get(span.sentence) ?? createDateContext();
    merged.push(normalizeModelSpan(doc, span, context));
  }
  // Model spans may overlap each other; keep the first (longest at equal start) of any overlapping model-only group.
  merged.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TimeExpression[] = [];
  for (const t of merged) {
    const last = out[out.length - 1];
    if (last && t.source === 'model' && t.start < last.end) continue;
    out.push(t);
  }
  return out;
}

export function createDatesStage(): Stage & { init(context: StageContext): void } {
  let useModelSpans: boolean | null = null;
  return {
    name: 'dates',
    reads: ['sentences', 'modelDates'],
    writes: ['timexes'],
    init({ config }: StageContext): void {
      useModelSpans = config.dates.useModelSpans;
    },
    run(doc: Document): void {
      if (useModelSpans === null) throw new Error('dates stage used before init()');
      doc.timexes = extractTimexes(doc, useModelSpans);
    },
  };
}
