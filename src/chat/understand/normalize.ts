const ZERO_WIDTH = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// '#' survives at the front because event keywords ("#WRETRO") are written with it.
const LEADING_JUNK = /^[^\p{L}\p{M}\p{N}#]+/u;
const TRAILING_JUNK = /[^\p{L}\p{M}\p{N}]+$/u;

/**
 * The canonical form of a message for comparing whole replies; keeps Devanagari and Tamil vowel signs.
 * @example normalize('  👋 Hello   THERE!! ') === 'hello there'
 */
export function normalize(text: string): string {
  let s = text.replace(LONE_SURROGATE, ' ').replace(ZERO_WIDTH, '');
  // Lower-casing can decompose (e.g. 'İ'), so compose after it.
  s = s.toLowerCase().normalize('NFC');
  s = s.replace(/\s+/gu, ' ');
  s = s.replace(LEADING_JUNK, '').replace(TRAILING_JUNK, '');
  return s.trim();
}
