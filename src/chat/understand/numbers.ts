import { fold, foldWord, toOriginal, wordsPattern, type Folded } from './fold.ts';
import { detectLanguage } from './language.ts';
import {
  CONTEXTUAL_NUMBER_WORDS,
  COUNT_FILLERS,
  GIVE_HELPERS,
  GIVE_WORDS,
  NUMBER_WORDS,
  ONE_DETERMINERS,
  QUANTITY_NOUNS,
} from './number-words.ts';
import type { Lang } from './lang.ts';

/** A number found in folded text; `fs`/`fe` index the folded string. */
export interface NumberHit {
  readonly value: number;
  readonly fs: number;
  readonly fe: number;
  readonly word: boolean;
}

const valueOf = new Map<string, { value: number; lang: Lang }>();
for (const lang of ['en', 'hi', 'ta'] as const) {
  for (const [w, v] of Object.entries(NUMBER_WORDS[lang])) valueOf.set(foldWord(w), { value: v, lang });
}
const WORDS_RE = new RegExp(wordsPattern(valueOf.keys()), 'gu');
const nouns = new Set([...QUANTITY_NOUNS.en, ...QUANTITY_NOUNS.hi, ...QUANTITY_NOUNS.ta].map(foldWord));
const fillers = new Set([...COUNT_FILLERS].map(foldWord));
const contextual = new Set([...CONTEXTUAL_NUMBER_WORDS].map(foldWord));
const giveWords = new Set([...GIVE_WORDS].map(foldWord));
const giveHelpers = new Set([...GIVE_HELPERS].map(foldWord));
// A digit run longer than this is a phone or card number, never a count, date or hour.
const MAX_DIGITS = 15;

/** True for a word naming what is counted ("tickets", "टिकट", "டிக்கெட்டுகள்"). */
export function isQuantityNoun(word: string): boolean {
  if (nouns.has(word)) return true;
  // Tamil case endings: "டிக்கெட்டுக்கு", "பேருக்கு".
  for (const n of nouns) if (/[\u0B80-\u0BFF]/.test(n) && word.startsWith(n)) return true;
  return false;
}

interface Tok {
  text: string;
  fs: number;
  fe: number;
}

function foldedTokens(f: Folded): Tok[] {
  return [...f.s.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => ({ text: m[0], fs: m.index, fe: m.index + m[0].length }));
}

/** All numbers in a folded message, as digits or words, with word readings checked against their context. */
export function scanNumbers(f: Folded): NumberHit[] {
  const hits: NumberHit[] = [];
  for (const m of f.s.matchAll(/\d+/g)) {
    if (m[0].length > MAX_DIGITS) continue;
    hits.push({ value: Number.parseInt(m[0], 10), fs: m.index, fe: m.index + m[0].length, word: false });
  }
  const words = [...f.s.matchAll(WORDS_RE)];
  if (words.length > 0) {
    const toks = foldedTokens(f);
    const isCount = (t: string) => /^\d+$/.test(t) || valueOf.has(t) || fillers.has(t) || isQuantityNoun(t);
    const onlyCounts = toks.every((t) => isCount(t.text));
    let lang: Lang | undefined | null = null; // computed on first need
    let k = 0; // index of the first token not ending before the current match
    for (const m of words) {
      const w = m[0].replace(/ +/g, ' ');
      const entry = valueOf.get(w);
      if (!entry) continue;
      const fs = m.index;
      const fe = fs + m[0].length;
      while (k < toks.length && toks[k]!.fe <= fs) k++;
      const prev = toks[k - 1]?.text;
      let n = k;
      while (n < toks.length && toks[n]!.fs < fe) n++;
      const next = toks[n]?.text;
      const nextIsNoun = next !== undefined && isQuantityNoun(next);
      if (w === 'one' && prev !== undefined && ONE_DETERMINERS.has(prev)) continue;
      if (giveWords.has(w) && prev !== undefined && (isQuantityNoun(prev) || giveHelpers.has(prev)) && !nextIsNoun) continue;
      if (contextual.has(w) && !nextIsNoun && !onlyCounts) {
        if (lang === null) lang = detectLanguage(f.original);
        if (lang !== entry.lang) continue;
      }
      hits.push({ value: entry.value, fs, fe, word: true });
    }
  }
  return hits.sort((a, b) => a.fs - b.fs);
}

/**
 * Every number in a message, typed as digits (any of the three scripts) or as a word, with its span in `text`.
 * @example findNumbers('दो टिकट, 3 people') → [{ value: 2, start: 0, end: 2 }, { value: 3, start: 9, end: 10 }]
 */
export function findNumbers(text: string): { value: number; start: number; end: number }[] {
  const f = fold(text);
  return scanNumbers(f).map((h) => ({ value: h.value, ...toOriginal(f, h.fs, h.fe) }));
}
