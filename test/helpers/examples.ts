/** Examples written inline in rule rows: `[…]` marks the spans the row's engine must find, `{Name|LABEL}` a mention. */
import type { EntityLabel } from '../../src/vocabulary.js';

export interface MarkedExample {
  /** The sentence without marks. */
  text: string;
  /** The bracketed spans, in order (offsets into `text`). */
  spans: Array<[number, number]>;
  /** The marked names and their labels. */
  names: Array<[string, EntityLabel]>;
}

export function parseMarkedExample(marked: string): MarkedExample {
  let text = '';
  let open = -1;
  const spans: Array<[number, number]> = [];
  const names: Array<[string, EntityLabel]> = [];
  let last = 0;
  for (const m of marked.matchAll(/\[|\]|\{([^|}]+)\|(PER|ORG|LOC|MISC)\}/g)) {
    text += marked.slice(last, m.index);
    if (m[0] === '[') open = text.length;
    else if (m[0] === ']') {
      if (open < 0) throw new Error(`unbalanced ] in example: ${marked}`);
      spans.push([open, text.length]);
      open = -1;
    } else {
      names.push([m[1]!, m[2] as EntityLabel]);
      text += m[1]!;
    }
    last = (m.index ?? 0) + m[0].length;
  }
  if (open >= 0) throw new Error(`unbalanced [ in example: ${marked}`);
  return { text: text + marked.slice(last), spans, names };
}
