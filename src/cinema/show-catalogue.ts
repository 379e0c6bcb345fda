import { z } from 'zod';
import type { DbOrTrx, Trx } from '../db/database.ts';
import type { CatalogueDeps } from './catalogue-deps.ts';
import { DomainError } from './domain-error.ts';
import { newId } from './new-id.ts';
import { parseInput } from './parse-input.ts';
import { inTransaction } from './repositories/in-transaction.ts';
import { setAdmissionCapacity } from './repositories/inventory-repository.ts';
import { findLocation } from './repositories/location-repository.ts';
import { findMovie } from './repositories/movie-repository.ts';
import { findScreenSummary } from './repositories/screen-repository.ts';
import {
  countActiveBookings,
  findShow,
  findShowAt,
  insertShow,
  replacePrices,
  selectOverlappingShows,
  selectShows,
  updateShowRow,
  type ShowFilter,
  type ShowRow,
} from './repositories/show-repository.ts';
import { summarizeShows } from './repositories/show-summary-repository.ts';
import { fromLocal, isLocalDate, isLocalTime } from './time-zone.ts';
import type { Location, Movie, Price, Seating, Show, ShowStatus, ShowSummary } from './types.ts';

const priceSchema = z.object({ category: z.string().trim().min(1).max(40), pricePaise: z.number().int().min(0).max(10_000_000) });

const showFields = {
  movieId: z.string().min(1),
  screenId: z.string().min(1),
  startsAt: z.number().int().positive().optional(),
  date: z.string().refine(isLocalDate, 'a date like 2026-11-27').optional(),
  time: z.string().refine(isLocalTime, 'a 24-hour time like 18:30').optional(),
  language: z.string().trim().min(1).max(40),
  format: z.string().trim().min(1).max(20).optional(),
  prices: z.array(priceSchema).min(1).max(20),
  bookingOpensAt: z.number().int().nullable().optional(),
  bookingClosesAt: z.number().int().nullable().optional(),
  seating: z.enum(['assigned', 'general_admission']).optional(),
  capacity: z.number().int().min(1).max(100_000).nullable().optional(),
};
const showInputSchema = z.object(showFields);

/** A show to schedule. The start is given in UTC (`startsAt`) or as the location's local `date` and `time`. */
export type ShowInput = z.input<typeof showInputSchema>;

/** A show checked against the catalogue, ready to insert. */
export interface PlannedShow {
  row: ShowRow;
  prices: Price[];
  movie: Movie;
  screen: { id: string; name: string; locationId: string; categories: string[] };
  location: Location;
}

/**
 * Checks a show against the catalogue without writing: film, screen and location exist, the start
 * is a real local time, prices name the screen's categories, the language is one of the film's,
 * general admission has a capacity. Returns the row to insert.
 */
export async function planShow(db: DbOrTrx, cinemaId: string, input: ShowInput, now: number): Promise<PlannedShow> {
  const v = parseInput(showInputSchema, input);
  const movie = await findMovie(db, cinemaId, v.movieId);
  if (!movie) throw new DomainError('movie_not_found', `no film ${v.movieId}`);
  const screen = await findScreenSummary(db, cinemaId, v.screenId);
  if (!screen) throw new DomainError('screen_not_found', `no screen ${v.screenId}`);
  const location = (await findLocation(db, cinemaId, screen.locationId))!;
  const startsAt = resolveStart(v, location.timezone);
  const seating: Seating = v.seating ?? 'assigned';
  const problems: string[] = [];
  const categories = new Set<string>();
  for (const p of v.prices) {
    if (categories.has(p.category)) problems.push(`prices: ${p.category} is priced twice`);
    categories.add(p.category);
    if (seating === 'assigned' && !screen.categories.includes(p.category)) {
      problems.push(`prices: ${screen.name} has no ${p.category} seats (it has ${screen.categories.join(', ')})`);
    }
  }
  if (movie.languages.length && !movie.languages.some((l) => l.toLowerCase() === v.language.toLowerCase())) {
    problems.push(`language: ${movie.title} is in ${movie.languages.join(', ')}, not ${v.language}`);
  }
  if (seating === 'general_admission' && !v.capacity) problems.push('capacity: general admission needs a capacity');
  const closes = v.bookingClosesAt ?? startsAt;
  if (v.bookingOpensAt != null && v.bookingOpensAt >= closes) problems.push('bookingOpensAt: booking must open before it closes');
  if (problems.length) throw new DomainError('invalid_input', `invalid show: ${problems.join('; ')}`, { fields: problems });
  const language = movie.languages.find((l) => l.toLowerCase() === v.language.toLowerCase()) ?? v.language;
  return {
    row: {
      id: newId('shw'),
      cinema_id: cinemaId,
      movie_id: movie.id,
      screen_id: screen.id,
      location_id: location.id,
      starts_at: startsAt,
      ends_at: startsAt + movie.durationMinutes * 60_000,
      language,
      format: v.format ?? '2D',
      seating,
      capacity: seating === 'general_admission' ? v.capacity! : null,
      event_id: null,
      booking_opens_at: v.bookingOpensAt ?? null,
      booking_closes_at: v.bookingClosesAt ?? null,
      status: 'scheduled',
      created_at: now,
      updated_at: now,
    },
    prices: v.prices,
    movie,
    screen,
    location,
  };
}

function resolveStart(v: { startsAt?: number; date?: string; time?: string }, timezone: string): number {
  if (v.startsAt !== undefined) return v.startsAt;
  if (v.date && v.time) return fromLocal(v.date, v.time, timezone);
  throw new DomainError('invalid_input', 'a show needs startsAt, or a local date and time', { fields: ['startsAt: required (or date and time)'] });
}

/** Refuses a show that would run at the same time as another on its screen. */
async function assertNoOverlap(trx: Trx, cinemaId: string, row: ShowRow, excludeId?: string): Promise<void> {
  const clash = await selectOverlappingShows(trx, cinemaId, row.screen_id, row.starts_at, row.ends_at, excludeId);
  if (clash.length) {
    throw new DomainError('show_overlap', `the screen is busy then with show ${clash[0]!.id}`, { showId: clash[0]!.id, startsAt: Number(clash[0]!.starts_at) });
  }
}

/** Inserts a planned show (and its general-admission stock). */
export async function insertPlannedShow(trx: Trx, p: PlannedShow): Promise<void> {
  await insertShow(trx, p.row, p.prices);
  if (p.row.seating === 'general_admission') await setAdmissionCapacity(trx, p.row.cinema_id, p.row.id, p.row.capacity!);
}

/** Schedules one show. Errors: movie_not_found, screen_not_found, invalid_input, already_exists, show_overlap. */
export async function createShow(deps: CatalogueDeps, input: { cinemaId: string } & ShowInput): Promise<Show> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const p = await planShow(trx, input.cinemaId, input, now);
    if (await findShowAt(trx, input.cinemaId, p.row.screen_id, p.row.starts_at)) {
      throw new DomainError('already_exists', 'a show already starts then on this screen');
    }
    await assertNoOverlap(trx, input.cinemaId, p.row);
    await insertPlannedShow(trx, p);
    return (await findShow(trx, input.cinemaId, p.row.id))!;
  });
}

export interface BulkShowsInput {
  cinemaId: string;
  movieId: string;
  screenIds: string[];
  /** Local dates at each screen's location. */
  dates: string[];
  /** Local 24-hour times, e.g. ['10:00', '14:15', '18:30', '22:00']. */
  times: string[];
  language: string;
  format?: string;
  /** Per category; categories a screen does not have are ignored for that screen. */
  prices: Price[];
}

/**
 * Schedules a film on every screen × date × time, all or nothing. A show of the same film already
 * at that screen and start is kept and reported in `existing`, so running it twice is harmless;
 * anything else on the screen at that time is an error (show_overlap).
 */
export async function createShows(deps: CatalogueDeps, input: BulkShowsInput): Promise<{ created: Show[]; existing: Show[] }> {
  const now = deps.clock.now();
  if (!input.screenIds.length || !input.dates.length || !input.times.length) {
    throw new DomainError('invalid_input', 'screens, dates and times are each needed', { fields: ['screenIds, dates, times: at least one each'] });
  }
  return inTransaction(deps.db, async (trx) => {
    const created: Show[] = [];
    const existing: Show[] = [];
    const planned: PlannedShow[] = [];
    for (const screenId of input.screenIds) {
      const screen = await findScreenSummary(trx, input.cinemaId, screenId);
      if (!screen) throw new DomainError('screen_not_found', `no screen ${screenId}`);
      const prices = input.prices.filter((p) => screen.categories.includes(p.category));
      for (const date of input.dates) {
        for (const time of input.times) {
          const p = await planShow(trx, input.cinemaId, { movieId: input.movieId, screenId, date, time, language: input.language, format: input.format, prices }, now);
          const same = await findShowAt(trx, input.cinemaId, screenId, p.row.starts_at);
          if (same) {
            if (same.movieId !== input.movieId || same.status !== 'scheduled') {
              throw new DomainError('already_exists', `${screen.name} already has a ${same.status} show at ${date} ${time}`, { showId: same.id });
            }
            existing.push(same);
            continue;
          }
          const clash = planned.find((o) => o.row.screen_id === screenId && o.row.starts_at < p.row.ends_at && o.row.ends_at > p.row.starts_at);
          if (clash) throw new DomainError('show_overlap', `${date} ${time} on ${screen.name} overlaps another new show`, { startsAt: p.row.starts_at });
          await assertNoOverlap(trx, input.cinemaId, p.row);
          planned.push(p);
        }
      }
    }
    for (const p of planned) {
      await insertPlannedShow(trx, p);
      created.push((await findShow(trx, input.cinemaId, p.row.id))!);
    }
    return { created, existing };
  });
}

export interface ShowPatch {
  startsAt?: number;
  date?: string;
  time?: string;
  language?: string;
  format?: string;
  prices?: Price[];
  bookingOpensAt?: number | null;
  bookingClosesAt?: number | null;
  /** General admission only. */
  capacity?: number;
  status?: ShowStatus;
}

/**
 * Changes a show: time, language, format, prices (bookings keep the prices they were made at),
 * booking window, capacity, status. Errors: show_not_found, invalid_input, show_overlap,
 * capacity_below_taken.
 */
export async function updateShow(deps: CatalogueDeps, input: { cinemaId: string; showId: string; patch: ShowPatch }): Promise<Show> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const show = await findShow(trx, input.cinemaId, input.showId);
    if (!show) throw new DomainError('show_not_found', `no show ${input.showId}`);
    const q = input.patch;
    const startGiven = q.startsAt !== undefined || q.date !== undefined || q.time !== undefined;
    const plan = await planShow(
      trx,
      input.cinemaId,
      {
        movieId: show.movieId,
        screenId: show.screenId,
        startsAt: startGiven ? q.startsAt : show.startsAt,
        date: q.date,
        time: q.time,
        language: q.language ?? show.language,
        format: q.format ?? show.format,
        prices: q.prices ?? show.prices,
        bookingOpensAt: q.bookingOpensAt !== undefined ? q.bookingOpensAt : show.bookingOpensAt,
        bookingClosesAt: q.bookingClosesAt !== undefined ? q.bookingClosesAt : show.bookingClosesAt,
        seating: show.seating,
        capacity: q.capacity ?? show.capacity,
      },
      now,
    );
    const status = q.status ?? show.status;
    if (status === 'scheduled' && (plan.row.starts_at !== show.startsAt || show.status !== 'scheduled')) {
      await assertNoOverlap(trx, input.cinemaId, plan.row, show.id);
    }
    if (q.capacity !== undefined) {
      if (show.seating !== 'general_admission') throw new DomainError('invalid_input', 'only general admission has a capacity', { fields: ['capacity: not for seated shows'] });
      if (!(await setAdmissionCapacity(trx, input.cinemaId, show.id, q.capacity))) {
        throw new DomainError('capacity_below_taken', `more than ${q.capacity} tickets are already sold or held`);
      }
    }
    await updateShowRow(trx, input.cinemaId, show.id, {
      starts_at: plan.row.starts_at,
      ends_at: plan.row.ends_at,
      language: plan.row.language,
      format: plan.row.format,
      booking_opens_at: plan.row.booking_opens_at,
      booking_closes_at: plan.row.booking_closes_at,
      capacity: plan.row.capacity,
      status,
      updated_at: now,
    });
    if (q.prices) await replacePrices(trx, input.cinemaId, show.id, plan.prices);
    return (await findShow(trx, input.cinemaId, show.id))!;
  });
}

/**
 * Cancels a show: it disappears from listings and no hold on it can be confirmed. Bookings are left
 * for staff to handle (refunds belong to payments). Errors: show_not_found.
 */
export async function cancelShow(deps: CatalogueDeps, input: { cinemaId: string; showId: string }): Promise<Show> {
  return updateShow(deps, { cinemaId: input.cinemaId, showId: input.showId, patch: { status: 'cancelled' } });
}

/** One show with film, screen, location, local time and availability at `now`, or null. */
export async function getShow(db: DbOrTrx, q: { cinemaId: string; showId: string; now: number }): Promise<ShowSummary | null> {
  const show = await findShow(db, q.cinemaId, q.showId);
  return show ? (await summarizeShows(db, q.cinemaId, [show], q.now))[0]! : null;
}

/** Shows for the dashboard, filtered, in start order (`from`/`to` are UTC instants, `to` exclusive). */
export async function listShows(db: DbOrTrx, q: { cinemaId: string; now: number } & Omit<ShowFilter, 'eventId'>): Promise<ShowSummary[]> {
  const { cinemaId, now, ...filter } = q;
  return summarizeShows(db, cinemaId, await selectShows(db, cinemaId, filter), now);
}

/** True when the show has bookings that still count (confirmed, or held). */
export async function showHasBookings(db: DbOrTrx, q: { cinemaId: string; showId: string }): Promise<boolean> {
  return (await countActiveBookings(db, q.cinemaId, q.showId)) > 0;
}
