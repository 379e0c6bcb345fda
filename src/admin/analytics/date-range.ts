import { addDays, DATE_RE, datesBetween, localTime } from './local-time.ts';

/** Local dates, both included: what people pick in the dashboard and pass as `from`/`to`. */
export interface DateRange {
  fromDate: string;
  toDate: string;
}

export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 366;

/**
 * Reads `from`/`to` ('YYYY-MM-DD', local to the cinema). Missing values default to the 30 days
 * ending `today`; a missing `from` counts back from `to`.
 *
 *     parseDateRange({ to: '2026-11-30' }, '2026-12-05') → { ok: true, range: { fromDate: '2026-11-01', toDate: '2026-11-30' } }
 */
export function parseDateRange(
  q: { from?: unknown; to?: unknown },
  today: string,
): { ok: true; range: DateRange } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const read = (name: 'from' | 'to'): string | undefined => {
    const v = q[name];
    if (v === undefined || v === '') return undefined;
    if (typeof v !== 'string' || !DATE_RE.test(v) || addDays(v, 0) !== v) {
      problems.push(`${name}: must be a date as YYYY-MM-DD`);
      return undefined;
    }
    return v;
  };
  const from = read('from');
  const to = read('to');
  if (problems.length) return { ok: false, problems };
  const toDate = to ?? today;
  const fromDate = from ?? addDays(toDate, -(DEFAULT_DAYS - 1));
  if (fromDate > toDate) return { ok: false, problems: ['from: must not be after to'] };
  if (datesBetween(fromDate, toDate).length > MAX_DAYS) return { ok: false, problems: [`to: a range covers at most ${MAX_DAYS} days`] };
  return { ok: true, range: { fromDate, toDate } };
}

/** The instants [from, to) a local date range covers in a zone: from the first midnight to the midnight after the last day. */
export function periodOf(range: DateRange, timeZone: string): { from: number; to: number } {
  const tz = localTime(timeZone);
  return { from: tz.at(range.fromDate), to: tz.at(addDays(range.toDate, 1)) };
}
