import { fold, foldWord, toOriginal, WB, WE, wordsAlternation, type Folded } from './fold.ts';
import { allWords } from './lang.ts';
import { NUMBER_WORDS } from './number-words.ts';
import { isQuantityNoun } from './numbers.ts';
import { AT_WORDS, HOUR_MARKERS, PERIODS, QUARTER_PREFIXES, type Period } from './time-words.ts';

/** A part of the day in minutes after the show date's midnight; `exact` when a clock time was given. */
export interface TimeWindow {
  fromMinutes: number;
  toMinutes: number;
  exact?: number;
}

/** How far either side of an exact time a show still counts as "the 7pm show". */
const EXACT_SLACK = 60;
/** Before 06:00 belongs to the previous evening's programme, as in the night window (20:00–30:00). */
const DAY_STARTS = 6 * 60;

const periodOf = new Map<string, (typeof PERIODS)[number]>();
for (const p of PERIODS) for (const w of allWords(p.words)) periodOf.set(foldWord(w), p);
const PERIOD_RE = new RegExp(`${WB}(${wordsAlternation(periodOf.keys(), { tamilTail: true })})${WE}`, 'gu');

const hourWords = new Map<string, number>();
for (const lang of ['en', 'hi', 'ta'] as const) {
  for (const [w, v] of Object.entries(NUMBER_WORDS[lang])) if (v <= 12) hourWords.set(foldWord(w), v);
}
const quarterOf = new Map<string, number>();
for (const q of QUARTER_PREFIXES) for (const w of q.words) quarterOf.set(foldWord(w), q.minutes);

const MERIDIEM = String.raw`(a\.? ?m|p\.? ?m)\.?(?![\p{L}\p{M}])`;
const MARKER = wordsAlternation(allWords(HOUR_MARKERS), { tamilTail: true });
const HOUR = String.raw`(?<![\p{L}\p{M}\p{N}:.])(\d{1,2})`;
const QUARTER = `(?:(${wordsAlternation(quarterOf.keys())}) +)?`;

// 7:30, 19.30, 7:30 pm, 7:30 மணிக்கு
const CLOCK_RE = new RegExp(String.raw`${HOUR}[:.](\d{2})(?![\p{N}])(?: *${MERIDIEM}| *${MARKER}${WE})?`, 'gu');
// 7pm, 7 p.m.
const MERIDIEM_RE = new RegExp(String.raw`${HOUR} *${MERIDIEM}`, 'gu');
// 7 baje, saade saat baje, ஏழு மணிக்கு, 7 o'clock
const MARKED_RE = new RegExp(
  String.raw`${WB}${QUARTER}(\d{1,2}|${wordsAlternation(hourWords.keys())}) *${MARKER}${WE}`,
  'gu',
);
// at 7, @ 7
const AT_RE = new RegExp(String.raw`(?:${WB}${wordsAlternation(AT_WORDS)}|@) *(\d{1,2})(?![\p{N}:.]| *(?:am|pm|a\.m|p\.m))`, 'gu');

/** Hours (as typed, 12-hour) that a part of day can start a show at; "evening 2" is two tickets, not 2pm. */
const PLAUSIBLE_HOURS: Record<Period, readonly number[]> = {
  morning: [6, 7, 8, 9, 10, 11, 12],
  afternoon: [12, 1, 2, 3, 4],
  evening: [4, 5, 6, 7, 8, 9],
  night: [8, 9, 10, 11, 12, 1, 2, 3],
  tonight: [4, 5, 6, 7, 8, 9, 10, 11, 12],
};

interface Hit {
  fs: number;
  fe: number;
  hour: number;
  minute: number;
  meridiem?: 'am' | 'pm';
}

interface PeriodHit {
  fs: number;
  fe: number;
  period: Period;
  from: number;
  to: number;
}

function meridiemOf(m: string | undefined): 'am' | 'pm' | undefined {
  if (!m) return undefined;
  return m.startsWith('a') ? 'am' : 'pm';
}

function scanClockTimes(f: Folded): Hit[] {
  const s = f.s;
  const hits: Hit[] = [];
  const add = (fs: number, fe: number, hour: number, minute: number, meridiem?: 'am' | 'pm') => {
    if (hour > 24 || minute > 59) return;
    if (hour > 12) meridiem = undefined; // "19:30 pm" is still 19:30
    if (hits.some((h) => fs < h.fe && h.fs < fe)) return;
    hits.push({ fs, fe, hour, minute, meridiem });
  };
  for (const m of s.matchAll(CLOCK_RE)) add(m.index!, m.index! + m[0].length, Number(m[1]), Number(m[2]), meridiemOf(m[3]));
  for (const m of s.matchAll(MERIDIEM_RE)) add(m.index!, m.index! + m[0].length, Number(m[1]), 0, meridiemOf(m[2]));
  for (const m of s.matchAll(MARKED_RE)) {
    const quarter = m[1] ? (quarterOf.get(m[1].replace(/ +/g, ' ')) ?? 0) : 0;
    const hour = /^\d+$/.test(m[2]!) ? Number(m[2]) : hourWords.get(m[2]!.replace(/ +/g, ' '));
    if (hour === undefined) continue;
    const total = hour * 60 + quarter;
    add(m.index!, m.index! + m[0].length, Math.floor(total / 60), total % 60);
  }
  // "evening 7", "7 in the evening", "shaam 7": a bare hour beside a part of day, if it fits that part.
  for (const p of scanPeriods(f)) {
    const before = /(?<![\p{L}\p{M}\p{N}:.])(\d{1,2}) *(?:in the +)?$/u.exec(s.slice(Math.max(0, p.fs - 12), p.fs));
    const after = /^ *(\d{1,2})(?![\p{L}\p{M}\p{N}:.])/u.exec(s.slice(p.fe, p.fe + 4));
    const nextWord = after ? /^ *([\p{L}\p{M}]+)/u.exec(s.slice(p.fe + after[0].length, p.fe + after[0].length + 24))?.[1] : undefined;
    if (before && PLAUSIBLE_HOURS[p.period].includes(Number(before[1]))) {
      add(p.fs - before[0].length, p.fe, Number(before[1]), 0);
    } else if (after && PLAUSIBLE_HOURS[p.period].includes(Number(after[1])) && !(nextWord && isQuantityNoun(nextWord))) {
      add(p.fs, p.fe + after[0].length, Number(after[1]), 0);
    }
  }
  for (const m of s.matchAll(AT_RE)) {
    const after = /^ *([\p{L}\p{M}]+)/u.exec(s.slice(m.index! + m[0].length, m.index! + m[0].length + 24))?.[1];
    if (after !== undefined && isQuantityNoun(after)) continue; // "at 2 tickets each"
    add(m.index!, m.index! + m[0].length, Number(m[1]), 0);
  }
  return hits.sort((a, b) => a.fs - b.fs);
}

function scanPeriods(f: Folded): PeriodHit[] {
  const out: PeriodHit[] = [];
  for (const m of f.s.matchAll(PERIOD_RE)) {
    const w = m[1]!.replace(/ +/g, ' ');
    let p = periodOf.get(w);
    if (!p) {
      // A Tamil word with a case ending ("மாலையில்"): the longest known word it starts with.
      let best = '';
      for (const k of periodOf.keys()) if (w.startsWith(k) && k.length > best.length) best = k;
      p = periodOf.get(best);
    }
    if (p) out.push({ fs: m.index!, fe: m.index! + m[0].length, period: p.period, from: p.from, to: p.to });
  }
  return out;
}

/** Minutes after midnight for a clock time, reading a bare 1–11 through the part of day the customer named. */
function minutesOf(hit: Hit, period: Period | undefined): number {
  let h = hit.hour;
  if (hit.meridiem === 'am') h = h === 12 ? 0 : h;
  else if (hit.meridiem === 'pm') h = h === 12 ? 12 : h + 12;
  else if (h >= 1 && h <= 12) {
    if (period === 'morning') {
      // as typed
    } else if (period === 'night' || period === 'tonight') h = h === 12 ? 24 : h < 6 ? h : h + 12;
    // Otherwise a bare hour is read as afternoon or evening: nearly all shows start after noon.
    else h = h === 12 ? 12 : h + 12;
  }
  const minutes = h * 60 + hit.minute;
  return minutes < DAY_STARTS ? minutes + 24 * 60 : minutes;
}

/** Joins a clock time with a part-of-day word right next to it ("shaam 7 baje", "7 in the evening"). */
function adjacent(f: Folded, a: { fs: number; fe: number }, b: { fs: number; fe: number }): boolean {
  const [first, second] = a.fs < b.fs ? [a, b] : [b, a];
  if (second.fs < first.fe) return true;
  const gap = f.s.slice(first.fe, second.fs);
  return /^[ ,]*(?:(?:in the|at|ko|को|ke|के|ka|का|la|ல|ku|கு)[ ,]*)?$/u.test(gap);
}

/** All time expressions, for keeping hours out of ticket counts. */
export function timeSpans(f: Folded): { fs: number; fe: number }[] {
  return [...scanClockTimes(f), ...scanPeriods(f)].map(({ fs, fe }) => ({ fs, fe }));
}

/**
 * The time of day a customer asked for, as a window in minutes after midnight (night runs to 30:00, i.e.
 * 06:00 next day); a clock time also sets `exact`, with the window an hour either side.
 * @example parseTimeOfDay('shaam 7 baje') → { fromMinutes: 1080, toMinutes: 1200, exact: 1140, start: 0, end: 12 }
 */
export function parseTimeOfDay(
  text: string,
): { fromMinutes: number; toMinutes: number; exact?: number; start: number; end: number } | undefined {
  const f = fold(text);
  const clocks = scanClockTimes(f);
  const periods = scanPeriods(f);
  const clock = clocks[0];
  if (clock) {
    const near = periods.find((p) => adjacent(f, p, clock)) ?? periods[0];
    const exact = minutesOf(clock, near?.period);
    const span = near && adjacent(f, near, clock) ? { fs: Math.min(near.fs, clock.fs), fe: Math.max(near.fe, clock.fe) } : clock;
    return { fromMinutes: exact - EXACT_SLACK, toMinutes: exact + EXACT_SLACK, exact, ...toOriginal(f, span.fs, span.fe) };
  }
  const p = periods[0];
  if (!p) return undefined;
  return { fromMinutes: p.from, toMinutes: p.to, ...toOriginal(f, p.fs, p.fe) };
}
