/**
 * chronique's vocabulary, on the ground floor: the closed sets of values that the Document's layers, the rule tables,
 * the engines and the output schema (src/dataset/schema.ts) all speak. Defined once, as `const` arrays from which the
 * TypeScript unions derive, so that a new value is added in one place and reaches the types and the JSON Schemas.
 */

/** Named-entity labels of mentions and canonical entities. */
export const ENTITY_LABELS = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

/** ISO-TimeML TIMEX3 types. */
export const TIMEX_TYPES = ['DATE', 'TIME', 'DURATION', 'SET'] as const;
export type TimexType = (typeof TIMEX_TYPES)[number];

/** ISO-TimeML TIMEX3 `mod` values. */
export const TIMEX_MODS = ['START', 'MID', 'END', 'APPROX', 'BEFORE', 'AFTER', 'ON_OR_AFTER', 'ON_OR_BEFORE', 'LESS_THAN', 'MORE_THAN', 'EQUAL_OR_LESS', 'EQUAL_OR_MORE'] as const;
export type TimexMod = (typeof TIMEX_MODS)[number];

/** What a time expression's value is anchored on: itself, the publication date, an earlier expression, or nothing. */
export const TIMEX_ANCHORS = ['absolute', 'publication', 'context', 'unresolved'] as const;
export type TimexAnchor = (typeof TIMEX_ANCHORS)[number];

/** The unit a TIMEX3 value is precise to. */
export const GRANULARITIES = ['millennium', 'century', 'decade', 'year', 'season', 'quarter', 'month', 'week', 'day', 'time', 'duration', 'set', 'ref', 'unknown'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** ACE-2005-style event types, extended where news needs them (Nominate/Elect, Business, Justice, Statement). */
export const EVENT_TYPES = [
  'Personnel.Start-Position',
  'Personnel.End-Position',
  'Personnel.Nominate',
  'Personnel.Elect',
  'Business.Start-Org',
  'Business.End-Org',
  'Business.Merge-Org',
  'Business.Declare-Bankruptcy',
  'Transaction.Transfer-Money',
  'Transaction.Transfer-Ownership',
  'Justice.Investigate',
  'Justice.Arrest-Jail',
  'Justice.Charge-Indict',
  'Justice.Trial-Hearing',
  'Justice.Sue',
  'Justice.Convict',
  'Justice.Sentence',
  'Justice.Fine',
  'Conflict.Attack',
  'Conflict.Demonstrate',
  'Contact.Meet',
  'Contact.Statement',
  'Life.Be-Born',
  'Life.Die',
  'Life.Injure',
  'Life.Marry',
  'Movement.Transport',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * Argument roles. `person`/`organization`: who holds or leaves a position, which organization is concerned;
 * `agent`: who acts (founder, investigator, buyer, speaker, attacker); `target`: who or what the action is aimed at
 * (investigated, sued, acquired); `beneficiary`: who receives (money); `victim`: who dies or is hurt;
 * `entity`: the other party of a meeting; `place`, `origin`, `destination`: locations; `money`: the amount (`amount`).
 */
export const ROLES = ['person', 'organization', 'agent', 'target', 'beneficiary', 'victim', 'entity', 'place', 'origin', 'destination', 'money'] as const;
export type Role = (typeof ROLES)[number];

/** `negative`: the text says the event did not (or will not) happen. */
export const POLARITIES = ['positive', 'negative'] as const;
export type Polarity = (typeof POLARITIES)[number];

/**
 * `asserted`: stated as fact by the article; `reported`: attributed to a source (complement of a reporting verb,
 * `selon X`, journalistic conditional `aurait quitté`); `planned`: future, promised or intended; `hypothetical`:
 * possible, conditional or questioned (`pourrait`, `un éventuel retour`, `si`).
 */
export const MODALITIES = ['asserted', 'reported', 'planned', 'hypothetical'] as const;
export type Modality = (typeof MODALITIES)[number];
