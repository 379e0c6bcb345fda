/**
 * Making text fit WhatsApp's limits without breaking it: cuts fall between grapheme clusters, so a
 * surrogate pair, an emoji sequence or a letter with its combining marks (Devanagari and Tamil vowel
 * signs, viramas) is never split.
 */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const ELLIPSIS = '…';

/** One line, spaces collapsed: titles and headers cannot hold line breaks usefully. */
export function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** `text` if it fits in `max` UTF-16 units, else as much as fits with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    if (out.length + segment.length + ELLIPSIS.length > max) break;
    out += segment;
  }
  return out.trimEnd() + ELLIPSIS;
}

/** Splits text into pieces of at most `max` units, preferring paragraph, then line, then word breaks. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = breakAt(rest, max);
    const piece = rest.slice(0, cut).trimEnd();
    if (piece !== '') pieces.push(piece);
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

/** Where to cut `text` so the first part is at most `max` long: a natural break if one is not too early. */
function breakAt(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  for (const sep of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(sep);
    if (at >= max / 2 && at <= max) return at;
  }
  let cut = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    if (index + segment.length > max) break;
    cut = index + segment.length;
  }
  // A single cluster longer than the limit (pathological input) is cut by code points as a last resort.
  if (cut === 0) {
    cut = max;
    if (/[\uD800-\uDBFF]/.test(text[cut - 1] ?? '')) cut--;
  }
  return cut;
}
