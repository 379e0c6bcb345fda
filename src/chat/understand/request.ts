import { fold, maskSpans, toOriginal, wordsPattern } from './fold.ts';
import { allWords } from './lang.ts';
import { BOOKING_WORDS, CANCEL_WORDS } from './booking-words.ts';
import { dateSpans, parseDate } from './dates.ts';
import { matchNamesWithSpans } from './fuzzy.ts';
import { scanNumbers } from './numbers.ts';
import { parseQuantity } from './quantity.ts';
import { parseTimeOfDay, timeSpans } from './time-of-day.ts';

type Named = { id: string; names: string[] };
type Span = { start: number; end: number };

export interface ParsedRequest {
  movieId?: string;
  /** set instead of movieId when several films fit about equally well ("ponniyin" → part 1 or 2) */
  movieCandidates?: string[];
  locationId?: string;
  date?: string;
  time?: { fromMinutes: number; toMinutes: number; exact?: number };
  quantity?: { kind: 'ok'; value: number } | { kind: 'ambiguous'; values: number[] };
  wantsBooking: boolean;
}

/** Whole-word matches of a title or place ("Retro", "Ponniyin Selvan 2") are certain; fuzzy ones are guesses. */
const CERTAIN = 0.95;
/** Candidates closer than this to the best are too close to choose between. */
const CLOSE = 0.1;
/** A request is a sentence or two; the rest of a pasted essay is ignored. */
const MAX_CHARS = 1000;

const BOOKING_RE = new RegExp(wordsPattern(allWords(BOOKING_WORDS), { tamilTail: true }), 'gu');
const CANCEL_RE = new RegExp(wordsPattern(allWords(CANCEL_WORDS), { tamilTail: true }), 'u');

function choose(hits: { item: Named; score: number }[]): { id?: string; candidates?: string[] } {
  const [best, second] = hits;
  if (!best) return {};
  if (!second || best.score - second.score >= CLOSE) return { id: best.item.id };
  return { candidates: hits.filter((h) => best.score - h.score < CLOSE).map((h) => h.item.id) };
}

/**
 * Everything a one-message booking request says: film, place, date, time, ticket count, and whether it
 * asks to book at all. Titles are found first, so "Ponniyin Selvan 2" does not read as two tickets.
 * @example parseRequest('2 tickets for Retro tomorrow evening at Tirupur', { today: '2026-11-25', movies, locations })
 *   → { movieId: 'retro', locationId: 'tirupur', date: '2026-11-26', time: { fromMinutes: 960, toMinutes: 1200 },
 *       quantity: { kind: 'ok', value: 2 }, wantsBooking: true }
 */
export function parseRequest(text: string, o: { today: string; movies: Named[]; locations: Named[] }): ParsedRequest {
  const input = text.slice(0, MAX_CHARS);
  const out: ParsedRequest = { wantsBooking: false };

  // 1. Names said in full.
  const movieExact = matchNamesWithSpans(input, o.movies).filter((h) => h.score >= CERTAIN);
  const placeExact = matchNamesWithSpans(input, o.locations).filter((h) => h.score >= CERTAIN);
  const named: Span[] = [...movieExact, ...placeExact].flatMap((h) => h.spans);
  const rest = maskSpans(input, named);

  // 2. When, and how many, outside the names.
  const date = parseDate(rest, o.today);
  if (date) out.date = date.date;
  const time = parseTimeOfDay(rest);
  if (time) {
    out.time = { fromMinutes: time.fromMinutes, toMinutes: time.toMinutes };
    if (time.exact !== undefined) out.time.exact = time.exact;
  }
  const quantity = parseQuantity(rest);
  if (quantity.kind !== 'none') out.quantity = quantity;
  const f = fold(rest);
  out.wantsBooking = f.s.search(BOOKING_RE) >= 0 && f.s.search(CANCEL_RE) < 0;

  // 3. Names guessed from what is left once dates, times, numbers and booking words are out of the way.
  const spent: Span[] = [
    ...[...dateSpans(f), ...timeSpans(f), ...scanNumbers(f)].map((s) => toOriginal(f, s.fs, s.fe)),
    ...[...f.s.matchAll(BOOKING_RE)].map((m) => toOriginal(f, m.index!, m.index! + m[0].length)),
  ];
  let leftover = maskSpans(rest, spent);

  const movie = choose(movieExact.length > 0 ? movieExact : matchNamesWithSpans(leftover, o.movies));
  if (movie.id) out.movieId = movie.id;
  if (movie.candidates) out.movieCandidates = movie.candidates;
  if (movieExact.length === 0 && movie.id) {
    leftover = maskSpans(leftover, matchNamesWithSpans(leftover, o.movies).find((h) => h.item.id === movie.id)?.spans ?? []);
  }
  const place = choose(placeExact.length > 0 ? placeExact : matchNamesWithSpans(leftover, o.locations));
  if (place.id) out.locationId = place.id;
  return out;
}
