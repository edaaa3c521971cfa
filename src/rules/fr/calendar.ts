/** French calendar words as data: month names (full and abbreviated) → month number. */
export const FRENCH_MONTHS: Readonly<Record<string, number>> = {
  janvier: 1, 'janv.': 1, janv: 1,
  février: 2, fevrier: 2, 'févr.': 2, févr: 2, 'fév.': 2, fév: 2,
  mars: 3,
  avril: 4, 'avr.': 4, avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7, 'juil.': 7, juil: 7,
  août: 8, aout: 8,
  septembre: 9, 'sept.': 9, sept: 9,
  octobre: 10, 'oct.': 10, oct: 10,
  novembre: 11, 'nov.': 11, nov: 11,
  décembre: 12, decembre: 12, 'déc.': 12, déc: 12,
};

/** A news dateline at the start of a paragraph: `22 mai 2012. - …`, `Paris, le 3 juin 2019 —`. */
export const DATELINE_PATTERN = /^\s*(?:[A-ZÀ-Ý][\p{L}' -]{0,40},\s*)?(?:le\s+)?(\d{1,2})(?:er)?\s+(\p{L}+\.?)\s+(\d{4})\s*[.,]?\s*[-–—]/u;
