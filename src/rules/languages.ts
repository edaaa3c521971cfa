/** ISO 639-3 (franc's answer) → ISO 639-1 for the languages we list as candidates. */
export const ISO6393_TO_ISO6391: Readonly<Record<string, string>> = {
  fra: 'fr', eng: 'en', deu: 'de', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', cat: 'ca', oci: 'oc', bre: 'br',
  eus: 'eu', cos: 'co', lat: 'la', ara: 'ar', rus: 'ru', tur: 'tr', pol: 'pl', ron: 'ro',
};

/**
 * Languages with a stage set of their own (src/pipeline.ts): `language.accept` (`--lang`) may name only these, checked
 * at start-up; articles detected in any other language are skipped.
 */
export const PIPELINE_LANGUAGES: readonly string[] = ['fr', 'en'];
