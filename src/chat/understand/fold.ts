/**
 * Internal matching form of a message. Every parser matches against the folded string and reports
 * spans in the caller's original text, so the dialogue can slice or mask exactly what the customer typed.
 */
export interface Folded {
  /** lower case, NFC, native digits as ASCII, zero-width chars and apostrophes dropped, spaces kept 1:1 */
  readonly s: string;
  /** for each UTF-16 unit of `s`, the original span it came from */
  readonly from: readonly number[];
  readonly to: readonly number[];
  readonly original: string;
}

const ZERO_WIDTH = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const APOSTROPHE = /['’‘`´]/;
const MARK = /\p{M}/u;
const SPACE = /\s/u;
const DEVANAGARI_ZERO = 0x0966;
const TAMIL_ZERO = 0x0be6;

/** Hindi is typed with either chandrabindu or anusvara ("हाँ"/"हां") and with or without nukta ("मंज़ूर"/"मंजूर"). */
function foldIndic(s: string): string {
  return s.replace(/\u0901/g, '\u0902').replace(/\u093C/g, '');
}

function foldCluster(cluster: string): string {
  const cp = cluster.codePointAt(0)!;
  if (cp >= 0xd800 && cp <= 0xdfff) return ' '; // a lone surrogate: nothing can match it
  if (APOSTROPHE.test(cluster[0]!)) return '';
  if (SPACE.test(cluster[0]!)) return ' ';
  if (cp >= DEVANAGARI_ZERO && cp <= DEVANAGARI_ZERO + 9) return String(cp - DEVANAGARI_ZERO);
  if (cp >= TAMIL_ZERO && cp <= TAMIL_ZERO + 9) return String(cp - TAMIL_ZERO);
  return foldIndic(cluster.replace(ZERO_WIDTH, '').toLowerCase().normalize('NFC'));
}

/** Folds `text` keeping a map back to it; a cluster is a base character with its combining marks. */
export function fold(text: string): Folded {
  let s = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    while (i < text.length) {
      const next = text.codePointAt(i)!;
      const ch = String.fromCodePoint(next);
      if (!MARK.test(ch) && !(next >= 0x200c && next <= 0x200d)) break;
      i += next > 0xffff ? 2 : 1;
    }
    const out = foldCluster(text.slice(start, i));
    for (let k = 0; k < out.length; k++) {
      from.push(start);
      to.push(i);
    }
    s += out;
  }
  return { s, from, to, original: text };
}

/** Folds a word-list entry the same way a message is folded, so lists can be written naturally. */
export function foldWord(word: string): string {
  return fold(word).s.replace(/\s+/g, ' ').trim();
}

/** Maps a span of the folded string back to the original text. */
export function toOriginal(f: Folded, start: number, end: number): { start: number; end: number } {
  if (f.s.length === 0) return { start: 0, end: 0 };
  const a = Math.min(start, f.s.length - 1);
  const b = Math.max(Math.min(end, f.s.length) - 1, a);
  return { start: f.from[a]!, end: f.to[b]! };
}

/** Replaces spans of the original text with spaces of the same length, so later parsers ignore them. */
export function maskSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const { start, end } of spans) out = out.slice(0, start) + ' '.repeat(Math.max(0, end - start)) + out.slice(end);
  return out;
}

/** A letter, combining mark or digit of any script: what a word is made of. */
export const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}]`;
/** Start and end of a whole word, Unicode-aware (JavaScript's \b only knows ASCII). */
export const WB = String.raw`(?<![\p{L}\p{M}\p{N}])`;
export const WE = String.raw`(?![\p{L}\p{M}\p{N}])`;
/** Tamil glues case endings onto words ("நாளைக்கு", "சனிக்கிழமையன்று"); these may follow a Tamil entry. */
const TAMIL_TAIL = String.raw`[\u0B80-\u0BFF]*`;

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex group matching any of `words` (folded, longest first); spaces match any run of spaces. */
export function wordsAlternation(words: Iterable<string>, opts: { tamilTail?: boolean } = {}): string {
  const folded = [...new Set([...words].map(foldWord).filter((w) => w.length > 0))];
  folded.sort((a, b) => b.length - a.length);
  const alts = folded.map((w) => {
    const body = escapeRegex(w).replace(/ /g, ' +');
    return opts.tamilTail && /[\u0B80-\u0BFF]$/.test(w) ? body + TAMIL_TAIL : body;
  });
  return `(?:${alts.join('|')})`;
}

/** Like wordsAlternation, matching whole words only. */
export function wordsPattern(words: Iterable<string>, opts: { tamilTail?: boolean } = {}): string {
  return `${WB}${wordsAlternation(words, opts)}${WE}`;
}

export interface Token {
  readonly text: string;
  /** span in the original text */
  readonly start: number;
  readonly end: number;
}

/** Whole words of the message (letters, marks, digits), folded, with their original spans. */
export function tokenize(f: Folded): Token[] {
  const out: Token[] = [];
  for (const m of f.s.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const span = toOriginal(f, m.index, m.index + m[0].length);
    out.push({ text: m[0], ...span });
  }
  return out;
}

/** The words of a message joined by single spaces: the form whole-message phrases are compared in. */
export function plainWords(text: string): string {
  return tokenize(fold(text))
    .map((t) => t.text)
    .join(' ');
}
