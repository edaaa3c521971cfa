/**
 * DATA: number words, approximate quantities and currencies for participant counts (`deux gendarmes` → 2,
 * `une vingtaine de personnes` → 20) and money amounts (`15 millions d'euros` → 15000000 EUR), read by
 * src/events/chunker.ts. Vague quantities (`des dizaines de`, `des milliers de`) give no number.
 */
export const NUMBER_WORDS: Record<string, number> = {
  deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15,
  seize: 16, vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, cent: 100, mille: 1000,
};

/** `une quarantaine de` → 40 (approximate; the count is the round figure). */
export const APPROXIMATE_NUMBERS: Record<string, number> = {
  dizaine: 10, douzaine: 12, quinzaine: 15, vingtaine: 20, trentaine: 30, quarantaine: 40, cinquantaine: 50, soixantaine: 60, centaine: 100, millier: 1000,
};

/** Plural vague quantities (`des dizaines de civils`): a participant phrase, no count. */
export const VAGUE_QUANTITIES = new Set(['dizaines', 'centaines', 'milliers', 'millions', 'milliards', 'douzaines', 'vingtaines']);

/** Words before a number that keep the phrase (`au moins 15`, `plus de 200`, `près de 40`, `environ 30`). */
export const QUANTITY_PREFIXES = [['au', 'moins'], ['plus', 'de'], ['près', 'de'], ['moins', 'de'], ['environ'], ['quelque']];

/** Multipliers after a number (`15 millions`). */
export const MULTIPLIERS: Record<string, number> = { mille: 1e3, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9 };

/** Currency words and signs → ISO 4217. */
export const CURRENCIES: Record<string, string> = {
  euro: 'EUR', euros: 'EUR', '€': 'EUR', dollar: 'USD', dollars: 'USD', $: 'USD', livre: 'GBP', livres: 'GBP', '£': 'GBP', yen: 'JPY', yens: 'JPY',
  yuan: 'CNY', yuans: 'CNY', franc: 'CHF', francs: 'CHF', rouble: 'RUB', roubles: 'RUB', roupie: 'INR', roupies: 'INR',
};

/** `[text]` → amount (null: vague) and currency. */
export const MONEY_EXAMPLES: Array<{ text: string; value: number | null; currency: string }> = [
  { text: "une amende de [15 millions d'euros]", value: 15e6, currency: 'EUR' },
  { text: 'un ticket à [2,10 euros]', value: 2.1, currency: 'EUR' },
  { text: 'un loyer de [1 200 €] par mois', value: 1200, currency: 'EUR' },
  { text: 'la société a levé [des milliards de dollars]', value: null, currency: 'USD' },
];
