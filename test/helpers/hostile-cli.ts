/**
 * Command-line flags the hostile and fault suites add to `chronique run` so that it needs no NER model (kept in one
 * place: the suites must not depend on a trained model being present).
 */
export const NO_MODEL_FLAGS: string[] = ['--no-ner'];
