/**
 * French inflection by rule: every surface form of a verb (all finite tenses of the indicative, conditional and
 * subjunctive present, participles with agreement) or noun (plural) generated from its dictionary form, so that the
 * trigger table lists lemmas only. Each form carries its tense, which the modality step reads (future → planned,
 * conditional → hypothetical).
 *
 * Why not fr-compromise: measured on the trigger table (see tools/eval/events-eval.ts `--lemmatizer`), its token
 * lemmas miss passé simple, feminine/plural participles and tag auxiliaries as prepositions; generating forms from
 * lemmas is exact for the verbs we list and costs a Map lookup per token.
 */
import type { IrregularStems } from '../rules/schema.js';

export type Tense = 'inf' | 'pres' | 'impf' | 'ps' | 'fut' | 'cond' | 'subj' | 'ppast' | 'ppres' | 'noun';

export interface InflectedForm {
  form: string;
  tense: Tense;
}


export type VerbClass = 'er' | 'ir' | 're' | 'irregular';

const IMPF = ['ais', 'ait', 'ions', 'iez', 'aient'];
const FUT = ['ai', 'as', 'a', 'ons', 'ez', 'ont'];
const COND = ['ais', 'ait', 'ions', 'iez', 'aient'];
const SUBJ = ['e', 'es', 'ions', 'iez', 'ent'];

function add(out: InflectedForm[], tense: Tense, forms: Iterable<string>): void {
  for (const form of forms) out.push({ form, tense });
}

/** Past participle agreement: masculine/feminine × singular/plural. */
export function participleForms(masculine: string): string[] {
  const plural = /[sx]$/.test(masculine) ? masculine : masculine + 's';
  return [masculine, masculine + 'e', plural, masculine + 'es'];
}

/**
 * First group (-er), with the spelling rules that matter: ç/ge before a/o (annoncer, engager), è/ê in stems with a
 * mute e (lever → lève, céder → cède), y → i before a mute e (employer → emploie; payer keeps both spellings).
 */
function conjugateEr(lemma: string, out: InflectedForm[]): void {
  const stem = lemma.slice(0, -2);
  // Before endings that start with a or o, -c- becomes -ç- and -g- becomes -ge-.
  const hardStem = stem.endsWith('c') ? stem.slice(0, -1) + 'ç' : stem.endsWith('g') ? stem + 'e' : stem;
  // Before a mute e: the last stem vowel e/é becomes è (lever → lèv-, céder → cèd-), y becomes i.
  const muteStems = new Set<string>([stem]);
  // Only before ONE consonant or a consonant + r/l (lever, céder, célébrer); not manifester, interpeller.
  const m = /^(.*)([eé])([bcdfgjklmnpqrstvz]|[bcdfgptv][rl])$/.exec(stem);
  if (m && m[1] !== undefined && m[3] !== undefined && m[1].length > 0) muteStems.add(m[1] + 'è' + m[3]);
  if (stem.endsWith('y')) muteStems.add(stem.slice(0, -1) + 'i');
  // The grave-accent variant only applies when the original vowel is e/é followed by one consonant group.
  const mute = [...muteStems];
  const muteOnly = mute.length > 1 ? mute.filter((s) => s !== stem || stem.endsWith('y')) : mute;

  add(out, 'inf', [lemma]);
  for (const s of muteOnly) add(out, 'pres', [s + 'e', s + 'es', s + 'ent']);
  add(out, 'pres', [hardStem + 'ons', stem + 'ez']);
  add(out, 'impf', IMPF.map((e) => (e.startsWith('a') ? hardStem + e : stem + e)));
  add(out, 'ps', [hardStem + 'ai', hardStem + 'as', hardStem + 'a', hardStem + 'âmes', hardStem + 'âtes', stem + 'èrent']);
  // Future/conditional: lever → lèverai; céder → céderai and (1990 spelling) cèderai; y → i (emploierai).
  const futStems = new Set<string>([stem + 'er', ...muteOnly.map((s) => s + 'er')]);
  for (const f of futStems) {
    add(out, 'fut', FUT.map((e) => f + e));
    add(out, 'cond', COND.map((e) => f + e));
  }
  for (const s of muteOnly) add(out, 'subj', [s + 'e', s + 'es', s + 'ent']);
  add(out, 'subj', [stem + 'ions', stem + 'iez']);
  add(out, 'ppast', participleForms(stem + 'é'));
  add(out, 'ppres', [hardStem + 'ant']);
}

/** Second group (-ir, finir-type: finissons). */
function conjugateIr(lemma: string, out: InflectedForm[]): void {
  const stem = lemma.slice(0, -2);
  add(out, 'inf', [lemma]);
  add(out, 'pres', ['is', 'it', 'issons', 'issez', 'issent'].map((e) => stem + e));
  add(out, 'impf', IMPF.map((e) => stem + 'iss' + e));
  add(out, 'ps', ['is', 'it', 'îmes', 'îtes', 'irent'].map((e) => stem + e));
  add(out, 'fut', FUT.map((e) => lemma + e));
  add(out, 'cond', COND.map((e) => lemma + e));
  add(out, 'subj', SUBJ.map((e) => stem + 'iss' + e));
  add(out, 'ppast', participleForms(stem + 'i'));
  add(out, 'ppres', [stem + 'issant']);
}

/** Regular third group in -re (vendre: vend, vendons, vendu). */
function conjugateRe(lemma: string, out: InflectedForm[]): void {
  const stem = lemma.slice(0, -2);
  add(out, 'inf', [lemma]);
  add(out, 'pres', ['s', '', 'ons', 'ez', 'ent'].map((e) => stem + e));
  add(out, 'impf', IMPF.map((e) => stem + e));
  add(out, 'ps', ['is', 'it', 'îmes', 'îtes', 'irent'].map((e) => stem + e));
  add(out, 'fut', FUT.map((e) => stem + 'r' + e));
  add(out, 'cond', COND.map((e) => stem + 'r' + e));
  add(out, 'subj', SUBJ.map((e) => stem + e));
  add(out, 'ppast', participleForms(stem + 'u'));
  add(out, 'ppres', [stem + 'ant']);
}

function conjugateIrregular(lemma: string, stems: IrregularStems, out: InflectedForm[]): void {
  add(out, 'inf', [lemma]);
  add(out, 'pres', stems.pres);
  add(out, 'impf', IMPF.map((e) => stems.impf + e));
  // Before the passé simple: `élus`, `mis`, `promis` are far more often participles in news text.
  add(out, 'ppast', stems.ppastForms ?? participleForms(stems.ppast));
  add(out, 'ps', stems.ps);
  add(out, 'fut', FUT.map((e) => stems.fut + e));
  add(out, 'cond', COND.map((e) => stems.fut + e));
  add(out, 'subj', SUBJ.map((e) => stems.subj + e));
  add(out, 'ppres', [stems.ppres]);
}

/** The verb class implied by the infinitive when the table does not say. */
export function defaultVerbClass(lemma: string): VerbClass {
  if (lemma.endsWith('er')) return 'er';
  if (lemma.endsWith('ir')) return 'ir';
  return 're';
}

/** Every form of a verb, lowercase, de-duplicated (first tense wins for a form shared by two tenses). */
export function conjugate(lemma: string, verbClass: VerbClass, stems?: IrregularStems): InflectedForm[] {
  const out: InflectedForm[] = [];
  switch (verbClass) {
    case 'er':
      conjugateEr(lemma, out);
      break;
    case 'ir':
      conjugateIr(lemma, out);
      break;
    case 're':
      conjugateRe(lemma, out);
      break;
    case 'irregular':
      if (!stems) throw new Error(`irregular verb "${lemma}" needs its stems`);
      conjugateIrregular(lemma, stems, out);
      break;
  }
  return dedupe(out);
}

/** Singular and plural of a noun (cheval → chevaux, bureau → bureaux, procès → procès). */
export function nounForms(lemma: string): InflectedForm[] {
  let plural: string;
  if (/[sxz]$/.test(lemma)) plural = lemma;
  else if (lemma.endsWith('al')) plural = lemma.slice(0, -2) + 'aux';
  else if (/(eau|au|eu)$/.test(lemma)) plural = lemma + 'x';
  else plural = lemma + 's';
  return dedupe([
    { form: lemma, tense: 'noun' },
    { form: plural, tense: 'noun' },
  ]);
}

function dedupe(forms: InflectedForm[]): InflectedForm[] {
  const seen = new Set<string>();
  const out: InflectedForm[] = [];
  for (const f of forms) {
    if (seen.has(f.form)) continue;
    seen.add(f.form);
    out.push(f);
  }
  return out;
}
