/**
 * Local dates and times in a location's time zone, with Intl only (no tz library): shows are stored
 * in UTC and listed, imported and exported in the location's local time.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `tz` is an IANA zone this runtime knows. */
export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

export interface LocalParts {
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'HH:mm' */
  time: string;
  /** 'mon' … 'sun' */
  weekday: string;
}

function fields(ms: number, tz: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter(tz).formatToParts(new Date(ms))) out[p.type] = p.value;
  return out;
}

/** The local date, time and weekday of an instant: toLocal(Date.UTC(2026,10,25,18,45), 'Asia/Kolkata') → 2026-11-26 00:15 thu. */
export function toLocal(ms: number, tz: string): LocalParts {
  const f = fields(ms, tz);
  return { date: `${f.year}-${f.month}-${f.day}`, time: `${f.hour}:${f.minute}`, weekday: f.weekday!.toLowerCase() };
}

/** The zone's offset from UTC at an instant, in ms (Asia/Kolkata: +5:30). */
function offsetAt(ms: number, tz: string): number {
  const f = fields(ms, tz);
  const asUtc = Date.UTC(Number(f.year), Number(f.month) - 1, Number(f.day), Number(f.hour), Number(f.minute), Number(f.second));
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a real calendar date 'YYYY-MM-DD'. */
export function isLocalDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** True for 'HH:mm' on a 24-hour clock (00:00–23:59). */
export function isLocalTime(s: string): boolean {
  return TIME.test(s);
}

/**
 * The instant of a local date and time in a zone: fromLocal('2026-11-26', '00:15', 'Asia/Kolkata')
 * → Date.UTC(2026,10,25,18,45). In a DST gap the time is read with the offset before the gap.
 */
export function fromLocal(date: string, time: string, tz: string): number {
  if (!isLocalDate(date) || !isLocalTime(time)) throw new RangeError(`not a local date and time: ${date} ${time}`);
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  // The offsets in force a day either side cover any transition that night; a candidate is right
  // when the zone really has that offset at it. Ambiguous (clocks back): the earlier instant.
  const before = offsetAt(naive - DAY_MS, tz);
  const after = offsetAt(naive + DAY_MS, tz);
  const valid = [naive - before, naive - after].filter((t, i) => offsetAt(t, tz) === (i === 0 ? before : after));
  return valid.length ? Math.min(...valid) : naive - before;
}

const DAY_MS = 24 * 60 * 60_000;

/** The instants [start, end) of a local calendar day; a show at 00:15 belongs to the day it starts on. */
export function localDayRange(date: string, tz: string): { start: number; end: number } {
  return { start: fromLocal(date, '00:00', tz), end: fromLocal(addDays(date, 1), '00:00', tz) };
}

/** addDays('2026-11-30', 1) → '2026-12-01'. */
export function addDays(date: string, days: number): string {
  if (!isLocalDate(date)) throw new RangeError(`not a local date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
