/** `1 article`, `2 articles`, `0 articles`: a count with its noun (English plural in -s unless given). */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}
