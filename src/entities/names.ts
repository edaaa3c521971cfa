/** Name forms: comparison key, words, initials, acronyms (shared by clustering and mention repairs). */

/** Words skipped when reading the initials of a name for an acronym. */
export const ACRONYM_STOPWORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', "l'", "d'", 'et', 'pour', 'en', 'à', 'au', 'aux', 'of', 'the', 'and', 'for', 'sur']);

/** Comparison key: lowercase, accents removed, apostrophes and spaces normalized, trailing possessive `'s` dropped. */
export function foldName(surface: string): string {
  return surface
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’`´]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/'s$/, '')
    .trim();
}

export function words(surface: string): string[] {
  return surface.split(/[\s\u00A0]+/).filter((w) => w.length > 0);
}

/** Initials of a name's content words (`National Highway Traffic Safety Administration` → `nhtsa`). */
export function initials(surface: string): string {
  return words(surface)
    .flatMap((w) => w.split('-'))
    .map((w) => w.replace(/^[ldLD]['’]/, ''))
    .filter((w) => w.length > 0 && !ACRONYM_STOPWORDS.has(w.toLowerCase()))
    .map((w) => w[0] ?? '')
    .join('')
    .toLowerCase();
}

export function isAcronym(surface: string): boolean {
  return /^[A-Z][A-Z0-9&.-]{1,9}$/.test(surface) && /[A-Z].*[A-Z]/.test(surface);
}

