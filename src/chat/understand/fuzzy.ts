import { fold, foldWord, tokenize } from './fold.ts';
import { allWords } from './lang.ts';
import { editDistance } from './edit-distance.ts';
import { MATCH_FILLERS } from './match-fillers.ts';

/** Below this a candidate is noise: one typo in a five-letter title still scores about 0.8. */
const THRESHOLD = 0.6;
/** Free text beyond this is not searched for names; a title is named near the start of any real message. */
const MAX_CHARS = 400;

const fillers = new Set(allWords(MATCH_FILLERS).map(foldWord));
const INDIC = /[\u0900-\u097F\u0B80-\u0BFF]/;

/** Case, diacritics ("Amélie" = "amelie") and punctuation do not distinguish names; Indic vowel signs do. */
function simplify(folded: string): string {
  return folded.normalize('NFD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1').normalize('NFC');
}

interface QToken {
  text: string;
  start: number;
  end: number;
}

function queryTokens(text: string): QToken[] {
  return tokenize(fold(text.slice(0, MAX_CHARS))).map((t) => ({ ...t, text: simplify(t.text) }));
}

function nameTokens(name: string): string[] {
  return tokenize(fold(name.replace(/&/g, ' and ').slice(0, MAX_CHARS))).map((t) => simplify(t.text));
}

/** How many typos a word of this length may carry and still be that word. */
function allowedEdits(len: number): number {
  return len >= 9 ? 3 : len >= 6 ? 2 : len >= 4 ? 1 : 0;
}

/** Similarity 0..1 of a typed word to a word of a name: exact, inflected, typed partly, or misspelt. */
export function wordSimilarity(q: string, n: string): number {
  if (q === n) return 1;
  // Tamil glues endings onto a title: "ரெட்ரோவுக்கு" is "to Retro".
  if (n.length >= 2 && q.startsWith(n) && INDIC.test(q.slice(n.length, n.length + 1))) return 0.9;
  const ql = [...q].length;
  const nl = [...n].length;
  if (ql >= 3 && n.startsWith(q)) return 0.6 + (0.3 * ql) / nl;
  const max = allowedEdits(Math.min(ql, nl));
  if (max === 0) return 0;
  const d = editDistance(q, n, max);
  return d > max ? 0 : 1 - d / Math.max(ql, nl);
}

/** A match of one name in a text: its score and the spans of the text that named it. */
export interface NameHit {
  score: number;
  spans: { start: number; end: number }[];
}

function scoreName(q: QToken[], content: QToken[], name: string[]): NameHit | undefined {
  if (name.length === 0 || q.length === 0) return undefined;
  const whole = (a: QToken[]) => ({ start: a[0]!.start, end: a[a.length - 1]!.end });
  if (q.length === name.length && q.every((t, i) => t.text === name[i])) return { score: 1, spans: [whole(q)] };
  // The whole name, word for word, inside a longer message; longer names win ties ("Retro 2" over "Retro").
  for (let i = 0; i + name.length <= q.length; i++) {
    if (name.every((w, j) => q[i + j]!.text === w)) {
      return { score: 0.95 + Math.min(0.04, name.join('').length / 1000), spans: [whole(q.slice(i, i + name.length))] };
    }
  }
  if (content.length === 0) return undefined;
  let best: NameHit | undefined;
  const consider = (score: number, spans: NameHit['spans']) => {
    if (!best || score > best.score) best = { score, spans };
  };
  // Run-together or misspelt as a whole: "ponniyinselvan", "retor".
  const compact = name.join('');
  for (let len = 1; len <= name.length + 1; len++) {
    for (let i = 0; i + len <= content.length; i++) {
      const win = content.slice(i, i + len);
      const sim = wordSimilarity(win.map((t) => t.text).join(''), compact);
      if (sim > 0) consider(0.9 * sim, [whole(win)]);
    }
  }
  // Words of the name found anywhere, in any order: "selvan", "king lion".
  const used = new Set<number>();
  let weighted = 0;
  let total = 0;
  let meaningful = false;
  const spans: NameHit['spans'] = [];
  for (const w of name) {
    const wl = [...w].length;
    total += wl;
    let bestSim = 0;
    let bestIdx = -1;
    content.forEach((t, idx) => {
      if (used.has(idx)) return;
      const sim = wordSimilarity(t.text, w);
      if (sim > bestSim) {
        bestSim = sim;
        bestIdx = idx;
      }
    });
    if (bestSim >= 0.75) {
      used.add(bestIdx);
      weighted += wl * bestSim;
      spans.push({ start: content[bestIdx]!.start, end: content[bestIdx]!.end });
      // A number or a two-letter word alone ("2", "of") does not name a film.
      if (wl >= 3 && !/^\d+$/.test(w)) meaningful = true;
    }
  }
  if (meaningful) consider(0.5 + (0.4 * weighted) / total, spans);
  return best;
}

/** Like matchNames, with the spans of the text that matched each item. */
export function matchNamesWithSpans<T extends { id: string; names: string[] }>(
  text: string,
  items: T[],
): { item: T; score: number; spans: { start: number; end: number }[] }[] {
  const q = queryTokens(text);
  const content = q.filter((t) => !fillers.has(t.text));
  const out: { item: T; score: number; spans: { start: number; end: number }[] }[] = [];
  for (const item of items) {
    let best: NameHit | undefined;
    for (const name of item.names) {
      const hit = scoreName(q, content, nameTokens(name));
      if (hit && (!best || hit.score > best.score)) best = hit;
    }
    if (best && best.score >= THRESHOLD) out.push({ item, score: Math.round(best.score * 1000) / 1000, spans: best.spans });
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * Titles or places a customer may mean, best first, scored 0..1; tolerant of typos, partial titles, case,
 * diacritics and aliases such as a Tamil-script title. An exact or whole-word match scores highest.
 * @example matchNames('retor', [{ id: 'm1', names: ['Retro', 'ரெட்ரோ'] }]) → [{ item: …m1, score: 0.82 }]
 */
export function matchNames<T extends { id: string; names: string[] }>(text: string, items: T[]): { item: T; score: number }[] {
  return matchNamesWithSpans(text, items).map(({ item, score }) => ({ item, score }));
}
