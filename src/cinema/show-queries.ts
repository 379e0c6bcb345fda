import type { DbOrTrx } from '../db/database.ts';
import { DomainError } from './domain-error.ts';
import { findLocation, selectLocations } from './repositories/location-repository.ts';
import { selectShows } from './repositories/show-repository.ts';
import { summarizeShows } from './repositories/show-summary-repository.ts';
import { bookingClosesAt } from './show-window.ts';
import { isLocalDate, localDayRange, toLocal } from './time-zone.ts';
import type { ShowSummary } from './types.ts';

const DAY = 24 * 60 * 60_000;

/**
 * What is on at a location on a local date ('YYYY-MM-DD' in the location's time zone; a show at
 * 00:15 belongs to the date it starts on), in start order. Cancelled shows are left out unless asked.
 */
export async function listShowsAt(
  db: DbOrTrx,
  q: { cinemaId: string; locationId: string; date: string; now: number; includeCancelled?: boolean },
): Promise<ShowSummary[]> {
  if (!isLocalDate(q.date)) throw new DomainError('invalid_input', `not a date: ${q.date}`);
  const location = await findLocation(db, q.cinemaId, q.locationId);
  if (!location) throw new DomainError('location_not_found', `no location ${q.locationId}`);
  const { start, end } = localDayRange(q.date, location.timezone);
  const shows = await selectShows(db, q.cinemaId, {
    locationId: location.id,
    from: start,
    to: end,
    status: q.includeCancelled ? undefined : 'scheduled',
  });
  return summarizeShows(db, q.cinemaId, shows, q.now);
}

/**
 * The shows of a film still open for booking, from `now` for `days` days (default 7), across all
 * locations or one; in start order.
 */
export async function listShowsForMovie(
  db: DbOrTrx,
  q: { cinemaId: string; movieId: string; now: number; days?: number; locationId?: string },
): Promise<ShowSummary[]> {
  const shows = await upcomingShows(db, q.cinemaId, q.now, q.days ?? 7, { movieId: q.movieId, locationId: q.locationId });
  return summarizeShows(db, q.cinemaId, shows, q.now);
}

/**
 * Local dates (ascending) that have a show still open for booking, from `now` for `days` days
 * (default 7), optionally for one location and/or film. Each show counts in its location's zone.
 */
export async function listShowDates(
  db: DbOrTrx,
  q: { cinemaId: string; now: number; days?: number; locationId?: string; movieId?: string },
): Promise<string[]> {
  const shows = await upcomingShows(db, q.cinemaId, q.now, q.days ?? 7, { movieId: q.movieId, locationId: q.locationId });
  const zones = new Map((await selectLocations(db, q.cinemaId)).map((l) => [l.id, l.timezone]));
  const dates = new Set(shows.map((s) => toLocal(s.startsAt, zones.get(s.locationId) ?? 'UTC').date));
  return [...dates].sort();
}

async function upcomingShows(db: DbOrTrx, cinemaId: string, now: number, days: number, f: { movieId?: string; locationId?: string }) {
  // Booking may stay open a while after the start, so look back a little and filter on the window.
  const shows = await selectShows(db, cinemaId, { ...f, from: now - DAY, to: now + days * DAY, status: 'scheduled' });
  return shows.filter((s) => bookingClosesAt(s) > now);
}
