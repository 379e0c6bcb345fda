import { fold, toOriginal, WB, WE, wordsAlternation, wordsPattern, type Folded } from './fold.ts';
import { allWords } from './lang.ts';
import {
  DAY_OF_MONTH_MARKERS,
  MONTHS,
  NEXT_WEEKDAY,
  RELATIVE_DAYS,
  THIS_WEEKDAY,
  WEEKDAYS,
  WEEKEND,
} from './date-words.ts';
import { isQuantityNoun } from './numbers.ts';

/** A calendar date as days since 1970-01-01; avoids time zones entirely. */
type DayNumber = number;

const DAY_MS = 86_400_000;

function dayNumber(y: number, m: number, d: number): DayNumber | undefined {
  if (!Number.isInteger(y) || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
  return t / DAY_MS;
}

function parseIsoDay(s: string): DayNumber | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

function iso(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function parts(day: DayNumber): { y: number; m: number; d: number; dow: number } {
  const t = new Date(day * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), dow: t.getUTCDay() };
}

/** A day and month with no year: this year's if still ahead, otherwise the next year that has that date. */
function nextDayMonth(today: DayNumber, m: number, d: number): DayNumber | undefined {
  const { y } = parts(today);
  for (let year = y; year <= y + 8; year++) {
    const day = dayNumber(year, m, d);
    if (day !== undefined && day >= today) return day;
  }
  return undefined;
}

/** A day of the month alone ("the 25th"): this month's if still ahead, otherwise the next month that has it. */
function nextDayOfMonth(today: DayNumber, d: number): DayNumber | undefined {
  let { y, m } = parts(today);
  for (let i = 0; i < 13; i++) {
    const day = dayNumber(y, m, d);
    if (day !== undefined && day >= today) return day;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return undefined;
}

function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

/** An explicit year never moves, so a date already past is rejected rather than silently changed. */
function notPast(today: DayNumber, day: DayNumber | undefined): DayNumber | undefined {
  return day !== undefined && day >= today ? day : undefined;
}

interface Candidate {
  fs: number;
  fe: number;
  resolve(today: DayNumber): DayNumber | undefined;
}

const monthIndex = new Map<string, number>();
MONTHS.forEach((w, i) => {
  for (const name of allWords(w)) monthIndex.set(fold(name).s, i + 1);
});
const relativeIndex = new Map<string, number>();
for (const r of RELATIVE_DAYS) for (const w of allWords(r.words)) relativeIndex.set(fold(w).s.replace(/\s+/g, ' '), r.days);

// Month names may touch digits ("25nov") and Tamil ones take endings ("நவம்பரில்").
const MONTH = `(?<!\\p{L})(${wordsAlternation(monthIndex.keys(), { tamilTail: true })})(?!\\p{L})`;
const ORDINAL = String.raw`(?:st|nd|rd|th|ஆம்|-ஆம்|ம்)?`;
const DAY = String.raw`(?<![\p{L}\p{N}:./-])(\d{1,2})${ORDINAL}(?![\p{N}])`;
// Only four-digit years after a month name: "25 nov 10am" must not read as the year 2010.
const YEAR = String.raw`(?:,? *(\d{4}))?(?![\p{N}:])`;
const MARKERS = wordsAlternation(allWords(DAY_OF_MONTH_MARKERS), { tamilTail: true });

const ISO_RE = /(?<![\p{N}])(\d{4})-(\d{1,2})-(\d{1,2})(?![\p{N}])/gu;
const NUMERIC_RE = /(?<![\p{L}\p{N}:.\/-])(\d{1,2})([\/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\p{N}:]|[.\/-]\d)/gu;
const DAY_MONTH_RE = new RegExp(`${DAY}[ -]*(?:of +)?${MONTH}${YEAR}`, 'gu');
const MONTH_DAY_RE = new RegExp(`${MONTH}[ -]*(?:the +)?${DAY}${YEAR}`, 'gu');
const DAY_MARKED_RE = new RegExp(String.raw`(?<![\p{L}\p{N}:./-])(\d{1,2})(?:st|nd|rd|th)?[ -]*${MARKERS}${WE}`, 'gu');
const ORDINAL_DAY_RE = /(?<![\p{L}\p{N}:.\/-])(?:the +)?(\d{1,2})(?:st|nd|rd|th)(?![\p{L}\p{M}\p{N}])/gu;
// "the 2nd show", "3rd row": an ordinal before these is not a day of the month.
const NOT_A_DAY_BEFORE = new Set([
  'show', 'shows', 'row', 'rows', 'screen', 'seat', 'seats', 'ticket', 'tickets', 'floor', 'time', 'week', 'day',
  'film', 'movie', 'one', 'half', 'class', 'option', 'choice', 'part', 'audi', 'hall', 'level', 'balcony',
]);
const RELATIVE_RE = new RegExp(wordsPattern(relativeIndex.keys(), { tamilTail: true }), 'gu');
const weekdayIndex = new Map<string, number>();
WEEKDAYS.forEach((w, i) => {
  for (const name of allWords(w)) weekdayIndex.set(fold(name).s.replace(/\s+/g, ' '), i);
});
const WEEKDAY_RE = new RegExp(
  `${WB}(?:(?:(${wordsAlternation(allWords(NEXT_WEEKDAY))})|(${wordsAlternation(allWords(THIS_WEEKDAY))})) +)?(${wordsAlternation(weekdayIndex.keys(), { tamilTail: true })})${WE}`,
  'gu',
);
const WEEKEND_RE = new RegExp(`${WB}(?:(${wordsAlternation(allWords(NEXT_WEEKDAY))}) +)?${wordsAlternation(allWords(WEEKEND), { tamilTail: true })}${WE}`, 'gu');
// A number pair followed by these is an hour or a count, not a date: "7-9 pm", "2-3 tickets", "2/3 baje".
const NOT_A_DATE_AFTER = /^ *(?:am|pm|a\.m|p\.m|baje|बजे|மணி|mani|hrs|hours|o ?clock|min|mins)/u;

function lookupTamil(index: Map<string, number>, word: string): number | undefined {
  const w = word.replace(/\s+/g, ' ');
  if (index.has(w)) return index.get(w);
  // A Tamil name with a case ending: the longest known name it starts with.
  let best: string | undefined;
  for (const k of index.keys()) if (w.startsWith(k) && (!best || k.length > best.length)) best = k;
  return best === undefined ? undefined : index.get(best);
}

function followedByCountOrHour(f: Folded, end: number): boolean {
  const rest = f.s.slice(end, end + 24);
  if (NOT_A_DATE_AFTER.test(rest)) return true;
  const next = /^ *([\p{L}\p{M}]+)/u.exec(rest)?.[1];
  return next !== undefined && isQuantityNoun(next);
}

function scanDates(f: Folded): Candidate[] {
  const s = f.s;
  const out: Candidate[] = [];
  const add = (m: RegExpMatchArray, resolve: Candidate['resolve']) =>
    out.push({ fs: m.index!, fe: m.index! + m[0].length, resolve });

  for (const m of s.matchAll(ISO_RE)) {
    add(m, (t) => notPast(t, dayNumber(Number(m[1]), Number(m[2]), Number(m[3]))));
  }
  for (const m of s.matchAll(NUMERIC_RE)) {
    const [, a, sep, b, y] = m;
    // "7.30" is a time and "2-3" a range of counts unless a year makes it a date.
    if (y === undefined && sep === '.') continue;
    if (y === undefined && followedByCountOrHour(f, m.index! + m[0].length)) continue;
    add(m, (t) => {
      const day = Number(a);
      const month = Number(b);
      // Day first as written in India; month first only when day first cannot be a date ("11/25").
      const dayFirst = dayNumber(2000, month, day) !== undefined || (month === 2 && day === 29);
      const [d, mo] = dayFirst ? [day, month] : [month, day];
      if (y !== undefined) return notPast(t, dayNumber(fullYear(y), mo, d));
      return nextDayMonth(t, mo, d);
    });
  }
  for (const m of s.matchAll(DAY_MONTH_RE)) {
    const mo = lookupTamil(monthIndex, m[2]!);
    if (mo === undefined) continue;
    add(m, (t) => (m[3] ? notPast(t, dayNumber(fullYear(m[3]), mo, Number(m[1]))) : nextDayMonth(t, mo, Number(m[1]))));
  }
  for (const m of s.matchAll(MONTH_DAY_RE)) {
    const mo = lookupTamil(monthIndex, m[1]!);
    if (mo === undefined) continue;
    // "may 2" reads as a date, but "may i" never reaches here: a day number must follow.
    add(m, (t) => (m[3] ? notPast(t, dayNumber(fullYear(m[3]), mo, Number(m[2]))) : nextDayMonth(t, mo, Number(m[2]))));
  }
  for (const m of s.matchAll(DAY_MARKED_RE)) add(m, (t) => nextDayOfMonth(t, Number(m[1])));
  for (const m of s.matchAll(ORDINAL_DAY_RE)) {
    const next = /^ *([\p{L}\p{M}]+)/u.exec(s.slice(m.index! + m[0].length, m.index! + m[0].length + 24))?.[1];
    if (next !== undefined && NOT_A_DAY_BEFORE.has(next)) continue;
    add(m, (t) => nextDayOfMonth(t, Number(m[1])));
  }
  for (const m of s.matchAll(RELATIVE_RE)) {
    const days = lookupTamil(relativeIndex, m[0]);
    if (days !== undefined) add(m, (t) => t + days);
  }
  for (const m of s.matchAll(WEEKDAY_RE)) {
    const dow = lookupTamil(weekdayIndex, m[3]!);
    if (dow === undefined) continue;
    const next = m[1] !== undefined;
    add(m, (t) => {
      const ahead = (dow - parts(t).dow + 7) % 7;
      return t + (next && ahead === 0 ? 7 : ahead);
    });
  }
  for (const m of s.matchAll(WEEKEND_RE)) {
    const next = m[1] !== undefined;
    add(m, (t) => {
      const dow = parts(t).dow;
      if (!next && (dow === 6 || dow === 0)) return t;
      return t + ((6 - dow + 7) % 7 || 7);
    });
  }
  // Earliest first; at the same place the longest reading ("day after tomorrow" over "tomorrow").
  return out.sort((a, b) => a.fs - b.fs || b.fe - a.fe);
}

/** Spans of everything that reads as a date, resolvable or not; used to keep dates out of counts. */
export function dateSpans(f: Folded): { fs: number; fe: number }[] {
  return scanDates(f).map(({ fs, fe }) => ({ fs, fe }));
}

/**
 * The first date in a message, resolved against `today` (the cinema's local date), never in the past.
 * @example parseDate('saturday evening', '2026-11-25') → { date: '2026-11-28', start: 0, end: 8 }
 */
export function parseDate(text: string, today: string): { date: string; start: number; end: number } | undefined {
  const t = parseIsoDay(today);
  if (t === undefined) return undefined;
  const f = fold(text);
  for (const c of scanDates(f)) {
    const day = c.resolve(t);
    if (day !== undefined && day >= t) return { date: iso(day), ...toOriginal(f, c.fs, c.fe) };
  }
  return undefined;
}
