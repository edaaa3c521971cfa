/** A news dateline at the start of a paragraph: `22 mai 2012. - …`, `Paris, le 3 juin 2019 —` (day, month word, year). */
export const DATELINE_PATTERN = /^\s*(?:[A-ZÀ-Ý][\p{L}' -]{0,40},\s*)?(?:le\s+)?(\d{1,2})(?:er)?\s+(\p{L}+\.?)\s+(\d{4})\s*[.,]?\s*[-–—]/u;
