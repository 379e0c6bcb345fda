/** Questions the dialogue asks of the catalogue view; all pure, all relative to `ctx.now`. */
import type { ChatContext, EventView, LocationView, MovieView, ShowView } from './types.ts';

export const findMovie = (ctx: ChatContext, id: string | undefined): MovieView | undefined => (id === undefined ? undefined : ctx.catalog.movies.find((m) => m.id === id));
export const findLocation = (ctx: ChatContext, id: string | undefined): LocationView | undefined =>
  id === undefined ? undefined : ctx.catalog.locations.find((l) => l.id === id);
export const findShow = (ctx: ChatContext, id: string | undefined): ShowView | undefined => (id === undefined ? undefined : ctx.catalog.shows.find((s) => s.id === id));
export const findEvent = (ctx: ChatContext, id: string | undefined): EventView | undefined => (id === undefined ? undefined : ctx.catalog.events.find((e) => e.id === id));

/** A show can still be sold: in the future, with seats left, and not reported sold out in this booking. */
export function isOpen(ctx: ChatContext, show: ShowView, soldOut: readonly string[] = []): boolean {
  return show.startsAt > ctx.now && show.seatsLeft > 0 && !soldOut.includes(show.id);
}

/** Shows that belong to a special event are sold only through it, after its terms are accepted. */
export function eventShowIds(ctx: ChatContext): Set<string> {
  return new Set(ctx.catalog.events.flatMap((e) => e.showIds));
}

/** Shows open to a regular booking. */
export function regularShows(ctx: ChatContext, soldOut: readonly string[] = []): ShowView[] {
  const special = eventShowIds(ctx);
  return ctx.catalog.shows.filter((s) => !special.has(s.id) && isOpen(ctx, s, soldOut));
}

/** Films with at least one regular show, in catalogue order. */
export function bookableMovies(ctx: ChatContext, soldOut: readonly string[] = []): MovieView[] {
  const withShows = new Set(regularShows(ctx, soldOut).map((s) => s.movieId));
  return ctx.catalog.movies.filter((m) => withShows.has(m.id));
}

/** An event's open shows, at the event's locations. */
export function eventShows(ctx: ChatContext, event: EventView, soldOut: readonly string[] = []): ShowView[] {
  return ctx.catalog.shows.filter((s) => event.showIds.includes(s.id) && event.locationIds.includes(s.locationId) && isOpen(ctx, s, soldOut));
}

/** Events someone could book now. */
export function openEvents(ctx: ChatContext): EventView[] {
  return ctx.catalog.events.filter((e) => eventShows(ctx, e).length > 0);
}

/** The event a show belongs to, if any. */
export function eventOfShow(ctx: ChatContext, showId: string): EventView | undefined {
  return ctx.catalog.events.find((e) => e.showIds.includes(showId));
}

/** Distinct values in first-seen order. */
export function distinct<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** Locations in catalogue order that appear among `shows`. */
export function locationsOf(ctx: ChatContext, shows: readonly ShowView[]): LocationView[] {
  const ids = new Set(shows.map((s) => s.locationId));
  return ctx.catalog.locations.filter((l) => ids.has(l.id));
}

/** A cinema's day runs until 06:00: a 00:30 show belongs to the evening before, as customers speak of it. */
export const DAY_STARTS_MINUTES = 6 * 60;

/** Minutes after the programme day's midnight: '19:30' → 1170, '00:30' → 1470. */
export function showMinutes(show: Pick<ShowView, 'localTime'>): number {
  const [h, m] = show.localTime.split(':').map(Number);
  const t = (h ?? 0) * 60 + (m ?? 0);
  return t < DAY_STARTS_MINUTES ? t + 24 * 60 : t;
}

/**
 * The programme day a show is listed under: its calendar date, or the day before for a show after
 * midnight — but never before today, so at 1 am tonight's late show is still "today".
 */
export function showDay(show: Pick<ShowView, 'localDate' | 'localTime'>, today: string): string {
  const [h] = show.localTime.split(':').map(Number);
  const day = (h ?? 0) * 60 < DAY_STARTS_MINUTES ? previousDate(show.localDate) : show.localDate;
  return day < today ? today : day;
}

/** Whether a show falls in the part of the day asked for; no window means any time. */
export function inWindow(show: Pick<ShowView, 'localTime'>, time: { from: number; to: number } | undefined): boolean {
  if (!time) return true;
  const m = showMinutes(show);
  return m >= time.from && m <= time.to;
}

function previousDate(localDate: string): string {
  const [y, m, d] = localDate.split('-').map(Number);
  const t = Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) - 1);
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : localDate;
}

/** The location ids among some shows. */
export function candidateLocationIds(shows: readonly ShowView[]): Set<string> {
  return new Set(shows.map((s) => s.locationId));
}
