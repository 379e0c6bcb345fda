import { toLocal } from '../cinema/index.ts';

/** '₹1,250.00' from paise. */
export function formatMoney(paise: number): string {
  return new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' }).format(paise / 100);
}

/** '25 Nov 2026, 18:30' in the cinema's zone. */
export function formatDateTime(ms: number | null | undefined, tz: string): string {
  if (ms === null || ms === undefined) return '—';
  return new Intl.DateTimeFormat('en-GB', { timeZone: tz, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

/** 'Wed 25 Nov' in the cinema's zone. */
export function formatDay(ms: number, tz: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: tz, weekday: 'short', day: 'numeric', month: 'short' }).format(ms);
}

export function formatTime(ms: number, tz: string): string {
  return toLocal(ms, tz).time;
}

/** '5 min ago', '3 h ago', '2 days ago'. */
export function ago(ms: number | null | undefined, now: number): string {
  if (ms === null || ms === undefined) return 'never';
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  const d = Math.floor(s / 86400);
  return `${d} day${d === 1 ? '' : 's'} ago`;
}

/** Today's local date in a zone, 'YYYY-MM-DD'. */
export function localToday(now: number, tz: string): string {
  return toLocal(now, tz).date;
}
