/** Short labels shared by several prompts: days, shows, films, ticket counts, distances. */
import { showMinutes } from './catalog-queries.ts';
import { formatClock, formatDate, formatNumber, formatPrice, nextDate } from './format.ts';
import type { Turn } from './turn.ts';
import type { MovieView, ShowView } from './types.ts';

/** 'Today', 'Tomorrow' or 'Fri, 28 Nov' in the customer's language. */
export function dayLabel(turn: Turn, localDate: string): string {
  if (localDate === turn.ctx.today) return turn.say('day.today');
  if (localDate === nextDate(turn.ctx.today)) return turn.say('day.tomorrow');
  return formatDate(localDate, turn.lang);
}

/**
 * A show's day and time, e.g. 'Tomorrow, 7:30 pm'. A show after midnight gets its calendar date
 * spelt out ('Thu, 26 Nov, 12:30 am'): "today" or "tomorrow" is exactly what gets misread at that hour.
 */
export function showWhen(turn: Turn, show: Pick<ShowView, 'localDate' | 'localTime'>): string {
  const day = isLateNight(show) ? formatDate(show.localDate, turn.lang) : dayLabel(turn, show.localDate);
  return turn.say('show.when', { day, time: formatClock(show.localTime, turn.lang) });
}

/** A show after midnight is listed with the evening before; its row says which calendar day it really is. */
export function isLateNight(show: Pick<ShowView, 'localTime'>): boolean {
  return showMinutes(show) >= 24 * 60;
}

export function duration(turn: Turn, minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  return turn.say('duration', { h: Math.floor(m / 60), m: m % 60 });
}

/** 'U/A · 2h 35m · Tamil, Telugu' */
export function movieFacts(turn: Turn, movie: MovieView): string {
  return [movie.certificate, duration(turn, movie.durationMinutes), movie.languages.join(', ')].filter((s) => s.trim() !== '').join(' · ');
}

export function tickets(turn: Turn, n: number): string {
  return n === 1 ? turn.say('tickets.one') : turn.say('tickets.many', { count: n });
}

export function price(turn: Turn, paise: number): string {
  return formatPrice(paise, turn.lang);
}

export function km(turn: Turn, distance: number): string {
  const value = formatNumber(distance, turn.lang, distance < 10 ? 1 : 0);
  return turn.say('distance.km', { km: value });
}

/** A show as a list row: '7:30 pm · Tamil' over 'IMAX · Screen 2 · from ₹180'. */
export function showRow(turn: Turn, show: ShowView, withDay: boolean): { title: string; description: string } {
  const time = formatClock(show.localTime, turn.lang);
  const title = withDay ? `${dayLabel(turn, show.localDate)} ${time}` : `${time} · ${show.language}`;
  const parts = [
    isLateNight(show) ? turn.say('show.after_midnight', { day: formatDate(show.localDate, turn.lang) }) : '',
    withDay ? show.language : '',
    show.format,
    show.screenName,
    turn.say('show.price_from', { price: price(turn, show.priceFrom) }),
  ];
  return { title, description: parts.filter((s) => s.trim() !== '').join(' · ') };
}
