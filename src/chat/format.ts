/** Prices, dates and times as a customer in India reads them, in their language and the cinema's zone. */
import type { Lang } from './types.ts';

const LOCALES: Record<Lang, string> = { en: 'en-IN', hi: 'hi-IN', ta: 'ta-IN' };

export const localeOf = (lang: Lang): string => LOCALES[lang] ?? 'en-IN';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f as T;
}

/** A time zone Intl accepts; a misconfigured one must not take the conversation down. */
export function safeZone(timeZone: string): string {
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
      zone = timeZone;
    } catch {
      zone = 'Asia/Kolkata';
    }
    zones.set(timeZone, zone);
  }
  return zone;
}
const zones = new Map<string, string>();

/** Paise as rupees with Indian grouping: 123456700 → '₹12,34,567'; paise shown only when present. */
export function formatPrice(paise: number, lang: Lang): string {
  const fraction = Number.isInteger(paise) && paise % 100 === 0 ? 0 : 2;
  const f = cached(`price:${lang}:${fraction}`, () => new Intl.NumberFormat(localeOf(lang), { style: 'currency', currency: 'INR', minimumFractionDigits: fraction, maximumFractionDigits: fraction }));
  return f.format(Number.isFinite(paise) ? paise / 100 : 0);
}

/** A local calendar date ('YYYY-MM-DD') as 'Wed, 26 Nov' in the language; the date is not shifted by any zone. */
export function formatDate(localDate: string, lang: Lang): string {
  const [y, m, d] = localDate.split('-').map(Number);
  const at = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12);
  if (!Number.isFinite(at)) return localDate;
  const f = cached(`date:${lang}`, () => new Intl.DateTimeFormat(localeOf(lang), { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }));
  return f.format(at);
}

/** A distance with one decimal below 10 km: '2.5', '43'. */
export function formatNumber(value: number, lang: Lang, fractionDigits: number): string {
  return cached(`number:${lang}:${fractionDigits}`, () => new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: fractionDigits })).format(value);
}

/** A local wall-clock time ('HH:mm') as '7:30 pm' in the language. */
export function formatClock(localTime: string, lang: Lang): string {
  const [h, m] = localTime.split(':').map(Number);
  if (!Number.isInteger(h) || !Number.isInteger(m)) return localTime;
  const f = cached(`clock:${lang}`, () => new Intl.DateTimeFormat(localeOf(lang), { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' }));
  return f.format(Date.UTC(2000, 0, 1, h!, m!));
}

/** An instant as a time of day in the cinema's zone, e.g. a hold's expiry: '7:42 pm'. */
export function formatTime(epochMs: number, lang: Lang, timeZone: string): string {
  const zone = safeZone(timeZone);
  const f = cached(`time:${lang}:${zone}`, () => new Intl.DateTimeFormat(localeOf(lang), { timeZone: zone, hour: 'numeric', minute: '2-digit' }));
  return Number.isFinite(epochMs) ? f.format(epochMs) : '';
}

/** The local calendar date of an instant in the cinema's zone, as 'YYYY-MM-DD'. */
export function localDateOf(epochMs: number, timeZone: string): string {
  const zone = safeZone(timeZone);
  const f = cached(`iso:${zone}`, () => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }));
  return Number.isFinite(epochMs) ? f.format(epochMs) : '1970-01-01';
}

/** The day after a local date: '2026-11-30' → '2026-12-01'. */
export function nextDate(localDate: string): string {
  const [y, m, d] = localDate.split('-').map(Number);
  const t = Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1);
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : localDate;
}
