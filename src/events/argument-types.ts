/**
 * Which entities may fill a role, whatever the syntax says: places are locations (never a holiday nor a medium),
 * agents, persons and victims are never vehicles. Per-article facts (media, vehicles) are computed once per document.
 */
import type { Role } from '../vocabulary.js';
import { HOLIDAY_NAMES, MEDIA_NOUNS, VEHICLE_MAKERS, VEHICLE_NOUNS } from '../rules/fr/event-cues.js';
import type { MentionSpan, SentenceView } from './sentence-view.js';
import type { DocContext, ExtractedArgument } from './types.js';

/** Roles a phrase with no name never fills: places are named locations (LOC/GPE), never `son domicile`. */
export const PLACE_ROLES = new Set<Role>(['place', 'origin', 'destination']);

/** Folded name of a mention: lowercase, accents dropped (`Noël` → `noel`). */
function foldedText(view: SentenceView, span: MentionSpan): string {
  return view.tokens
    .slice(span.first, span.last + 1)
    .map((t) => t.norm)
    .join(' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/** A holiday the model tagged LOC is no place (`une célébration de Halloween`). */
export function isHolidayPlace(view: SentenceView, span: MentionSpan): boolean {
  return HOLIDAY_NAMES.has(foldedText(view, span));
}

/** Per article (its views): the entities some mention of which a media noun introduces (`la chaîne X`). */
const mediaByViews = new WeakMap<SentenceView[], Set<string>>();

export function mediaEntities(views: SentenceView[]): Set<string> {
  let media = mediaByViews.get(views);
  if (!media) {
    media = new Set();
    for (const v of views) {
      for (const m of v.mentions) {
        if (!m.mention.entity) continue;
        // `la chaîne X`, `la chaîne publique X`: the noun right before the name or one word earlier.
        if (MEDIA_NOUNS.has(v.tokens[m.first - 1]?.norm ?? '') || MEDIA_NOUNS.has(v.tokens[m.first - 2]?.norm ?? '')) media.add(m.mention.entity);
      }
    }
    mediaByViews.set(views, media);
  }
  return media;
}

/** Roles only a person, a group or an organization fills. */
const ANIMATE_ROLES = new Set<Role>(['agent', 'person', 'victim', 'beneficiary']);
/** A craft's model number in its name (`737`, `A320`, `A-380`): three digits or more, after at most three capitals. */
const MODEL_NUMBER = /^(?:\p{Lu}{1,3}-?)?\d{3,}$/u;
const vehiclesByViews = new WeakMap<SentenceView[], Set<string>>();

/** Per article: the entities named as a vehicle somewhere (`l'avion X`, `Airbus A320`, `Boeing 737`). */
export function vehicleEntities(views: SentenceView[]): Set<string> {
  let vehicles = vehiclesByViews.get(views);
  if (!vehicles) {
    vehicles = new Set();
    for (const v of views) {
      for (const m of v.mentions) {
        if (!m.mention.entity) continue;
        const words = v.tokens.slice(m.first, m.last + 1);
        const introduced = VEHICLE_NOUNS.has(v.tokens[m.first - 1]?.norm ?? '');
        // A maker's name alone is the company (`Airbus a confirmé`); with a model after it, the craft (`Airbus A320`).
        const crafted = words.length > 1 && (VEHICLE_MAKERS.has(words[0]!.norm) || words.slice(1).some((t) => MODEL_NUMBER.test(t.text)));
        if (introduced || crafted) vehicles.add(m.mention.entity);
      }
    }
    vehiclesByViews.set(views, vehicles);
  }
  return vehicles;
}

/**
 * Drops arguments whose entity cannot fill their role: as a place, a holiday (the model tags `Halloween` LOC now and
 * then) or a medium the article introduces as one (`la radio France Inter`); as an agent, person or victim, a vehicle.
 */
export function withTypedArguments(ctx: DocContext, view: SentenceView, args: ExtractedArgument[]): ExtractedArgument[] {
  return args.filter((a) => {
    const entity = a.span.mention.entity;
    if (ANIMATE_ROLES.has(a.role)) return !(entity && vehicleEntities(ctx.views).has(entity));
    if (!PLACE_ROLES.has(a.role)) return true;
    if (isHolidayPlace(view, a.span)) return false;
    return !(entity && mediaEntities(ctx.views).has(entity));
  });
}
