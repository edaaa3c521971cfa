/**
 * Alignment of an article's old text with its new text, so that records of an edited article can be compared by
 * what they point at rather than by absolute offsets: every old offset is mapped into the new text.
 *
 * The edit script comes from jsdiff (`diff` on npm): Myers' O(ND) algorithm over characters, so a small edit costs
 * little whatever the article length, and the result is the minimal edit, which keeps every untouched character
 * paired with itself. Texts rewritten beyond `maxEditChars` characters fall back to a word-level diff (far fewer
 * tokens), then, past that too, to one replacement of everything between the common prefix and suffix.
 */
import { diffChars, diffWordsWithSpace, type ChangeObject } from 'diff';

/** One replaced region: old [oldStart, oldEnd) became new [newStart, newEnd) (either may be empty). */
export interface TextEdit {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

export interface TextAlignment {
  /** The edits in text order; between two edits the texts are equal. Empty when the texts are identical. */
  edits: TextEdit[];
  /** How the edit script was found. */
  method: 'identical' | 'chars' | 'words' | 'prefix-suffix';
}

export interface AlignOptions {
  /** Largest edit (inserted + deleted characters) the character diff looks for before falling back. */
  maxEditChars: number;
}

const DEFAULT_ALIGN: AlignOptions = { maxEditChars: 4000 };

export function alignTexts(oldText: string, newText: string, options: AlignOptions = DEFAULT_ALIGN): TextAlignment {
  if (oldText === newText) return { edits: [], method: 'identical' };
  const chars = diffChars(oldText, newText, { maxEditLength: options.maxEditChars });
  if (chars) return { edits: editsOf(chars), method: 'chars' };
  const words = diffWordsWithSpace(oldText, newText, { maxEditLength: Math.ceil(options.maxEditChars / 4) });
  if (words) return { edits: editsOf(words), method: 'words' };
  let prefix = 0;
  while (prefix < oldText.length && prefix < newText.length && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  while (suffix < oldText.length - prefix && suffix < newText.length - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix += 1;
  return { edits: [{ oldStart: prefix, oldEnd: oldText.length - suffix, newStart: prefix, newEnd: newText.length - suffix }], method: 'prefix-suffix' };
}

/** Adjacent removals and insertions merge into one edit. */
function editsOf(changes: ChangeObject<string>[]): TextEdit[] {
  const edits: TextEdit[] = [];
  let oldPos = 0;
  let newPos = 0;
  let open: TextEdit | null = null;
  for (const change of changes) {
    const length = change.value.length;
    if (!change.added && !change.removed) {
      if (open) edits.push(open);
      open = null;
      oldPos += length;
      newPos += length;
      continue;
    }
    open ??= { oldStart: oldPos, oldEnd: oldPos, newStart: newPos, newEnd: newPos };
    if (change.removed) open.oldEnd = oldPos += length;
    else open.newEnd = newPos += length;
  }
  if (open) edits.push(open);
  return edits;
}

/**
 * Maps old offsets to new ones through the edits. An offset in an unchanged stretch moves by the length change of
 * the edits before it; an offset strictly inside a replaced region goes to that region's start (for a span start)
 * or end (for a span end), so a mapped span always covers what replaced its text.
 */
export class OffsetMap {
  constructor(readonly alignment: TextAlignment) {}

  get identical(): boolean {
    return this.alignment.edits.length === 0;
  }

  /** Index of the last edit starting at or before `offset` (-1: none). */
  private editBefore(offset: number): number {
    const edits = this.alignment.edits;
    let low = 0;
    let high = edits.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (edits[mid]!.oldStart <= offset) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }

  map(offset: number, side: 'start' | 'end'): number {
    const index = this.editBefore(offset);
    if (index < 0) return offset;
    const edit = this.alignment.edits[index]!;
    const insertion = edit.oldStart === edit.oldEnd;
    // Text inserted at a span's edge belongs to neither side: the span keeps its own characters.
    if (offset === edit.oldStart) return insertion && side === 'start' ? edit.newEnd : edit.newStart;
    if (offset >= edit.oldEnd) return edit.newEnd + (offset - edit.oldEnd);
    return side === 'start' ? edit.newStart : edit.newEnd;
  }

  mapSpan<T extends { start: number; end: number }>(span: T): { start: number; end: number } {
    if (this.identical) return { start: span.start, end: span.end };
    const start = this.map(span.start, 'start');
    return { start, end: Math.max(start, this.map(span.end, 'end')) };
  }

  /** Whether an edit overlaps old [start, end) or inserts text strictly inside it. */
  touches(start: number, end: number): boolean {
    for (let i = Math.max(0, this.editBefore(start)); i < this.alignment.edits.length; i += 1) {
      const edit = this.alignment.edits[i]!;
      if (edit.oldStart > end) break;
      const hit = edit.oldStart === edit.oldEnd ? edit.oldStart > start && edit.oldStart < end : edit.oldStart < end && edit.oldEnd > start;
      if (hit) return true;
    }
    return false;
  }

  /** Whether an edit's new text overlaps new [start, end), or a deletion lies strictly inside it. */
  touchesNew(start: number, end: number): boolean {
    for (const edit of this.alignment.edits) {
      if (edit.newStart > end) break;
      const hit = edit.newStart === edit.newEnd ? edit.newStart > start && edit.newStart < end : edit.newStart < end && edit.newEnd > start;
      if (hit) return true;
    }
    return false;
  }
}
