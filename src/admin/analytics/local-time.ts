/**
 * Wall-clock arithmetic in a cinema's IANA time zone with nothing but Intl. Offsets are cached per
 * quarter hour (every zone's offset changes on a quarter-hour boundary), so formatting a hundred
 * thousand export rows costs a handful of Intl calls.
 */
export interface LocalTime {
  readonly timeZone: string;
  /** Offset from UTC in ms at instant `ms` (IST: +19_800_000). */
  offset(ms: number): number;
  /** 'YYYY-MM-DD' of the instant in this zone. */
  date(ms: number): string;
  /** 'YYYY-MM-DD HH:mm' of the instant in this zone. */
  dateTime(ms: number): string;
  /** Hour of day 0–23 in this zone. */
  hour(ms: number): number;
  /** A Date whose UTC fields show the local wall clock: what a spreadsheet cell without a zone should hold. */
  wallClock(ms: number): Date;
  /** The instant a local date and time ('HH:mm', default midnight) happen; a time skipped by DST moves forward. */
  at(date: string, time?: string): number;
}

const QUARTER = 15 * 60_000;
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
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function computeOffset(f: Intl.DateTimeFormat, ms: number): number {
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** True when Intl knows the zone. */
export function isTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

export function localTime(timeZone: string): LocalTime {
  const f = formatter(timeZone);
  const cache = new Map<number, number>();
  const offset = (ms: number): number => {
    const q = Math.floor(ms / QUARTER);
    let o = cache.get(q);
    if (o === undefined) {
      o = computeOffset(f, q * QUARTER);
      if (cache.size > 10_000) cache.clear();
      cache.set(q, o);
    }
    return o;
  };
  const wallClock = (ms: number): Date => new Date(ms + offset(ms));
  return {
    timeZone,
    offset,
    wallClock,
    date(ms) {
      return wallClock(ms).toISOString().slice(0, 10);
    },
    dateTime(ms) {
      const iso = wallClock(ms).toISOString();
      return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
    },
    hour(ms) {
      return wallClock(ms).getUTCHours();
    },
    at(date, time = '00:00') {
      const [y, m, d] = date.split('-').map(Number);
      const [hh, mm] = time.split(':').map(Number);
      const guess = Date.UTC(y!, m! - 1, d!, hh!, mm!);
      // The offset at the guess may differ from the one at the answer near a DST change; one correction settles it.
      const first = guess - offset(guess);
      const second = guess - offset(first);
      return offset(second) === offset(first) ? second : Math.max(first, second);
    },
  };
}

/** 'YYYY-MM-DD' plus n days (calendar arithmetic, no zone involved). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y!, m! - 1, d! + n));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 3700; d = addDays(d, 1)) out.push(d);
  return out;
}

export const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
