/**
 * Mentions of the same event within an article (`event_cluster`): a later record joins an earlier one of the same type
 * when (a) they share a named participant in a core role, no role holds two different entities and their times do
 * not disagree (not for acts one participant repeats: statements, meetings, trips), or (b) it is a definite event noun with no named core participant (`l'attaque a fait 14 morts`,
 * `ce décès`) within ANAPHORIC_WINDOW sentences after it. Both records are kept; the cluster id is the earliest
 * record's id. Deterministic: records are taken in text order.
 */
import type { EventRecord } from '../dataset/schema.js';
import { CORE_ROLES } from '../rules/fr/event-frames.js';

/** How many sentences back a definite event noun looks for the event it takes up. */
const ANAPHORIC_WINDOW = 3;
const DEFINITE_BEFORE = /(?:^|[\s'’(«"])(?:l['’]|le|la|les|ce|cet|cette|ces|son|sa|ses|leur)\s*$/iu;

function coreEntities(r: EventRecord): Map<string, string> {
  const core = new Set<string>(CORE_ROLES[r.type]);
  const out = new Map<string, string>();
  for (const a of r.arguments) if (a.entity !== '' && core.has(a.role) && !out.has(a.role)) out.set(a.role, a.entity);
  return out;
}

/** Acts a participant repeats without it being the same event (two statements of one speaker are two statements). */
const REPEATABLE = new Set<EventRecord['type']>(['Contact.Statement', 'Contact.Meet', 'Movement.Transport']);

function sameEventByParticipants(a: EventRecord, b: EventRecord): boolean {
  if (REPEATABLE.has(a.type)) return false;
  const ea = coreEntities(a);
  const eb = coreEntities(b);
  let shared = 0;
  for (const [role, entity] of ea) {
    const other = eb.get(role);
    if (other === undefined) continue;
    if (other !== entity) return false;
    shared++;
  }
  if (shared === 0) return false;
  const ta = a.time?.value ?? null;
  const tb = b.time?.value ?? null;
  return ta === null || tb === null || ta.startsWith(tb) || tb.startsWith(ta);
}

/** Sets `event_cluster` on every record of one article (records in text order). */
export function linkEventMentions(records: EventRecord[], text: string): void {
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    r.event_cluster = r.id;
    const definiteNoun = DEFINITE_BEFORE.test(text.slice(Math.max(0, r.trigger.start - 8), r.trigger.start));
    const noNamedCore = coreEntities(r).size === 0;
    for (let j = i - 1; j >= 0; j--) {
      const q = records[j]!;
      if (q.type !== r.type) continue;
      const near = r.sentence.index - q.sentence.index <= ANAPHORIC_WINDOW;
      if (sameEventByParticipants(q, r) || (definiteNoun && noNamedCore && near && q.polarity === r.polarity)) {
        r.event_cluster = q.event_cluster;
        break;
      }
    }
  }
}
