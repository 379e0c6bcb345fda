import { z } from 'zod';
import type { DbOrTrx, Trx } from '../db/database.ts';
import type { CatalogueDeps } from './catalogue-deps.ts';
import { DomainError } from './domain-error.ts';
import { newId } from './new-id.ts';
import { parseInput } from './parse-input.ts';
import { findEvent, findEventByKey, insertEvent, selectEventIdsWithUpcomingShows, selectEvents, updateEventRow, type EventRow } from './repositories/event-repository.ts';
import { inTransaction } from './repositories/in-transaction.ts';
import { setAdmissionCapacity } from './repositories/inventory-repository.ts';
import { findLocation } from './repositories/location-repository.ts';
import { findMovie } from './repositories/movie-repository.ts';
import { countActiveBookings, findShow, selectShows, setShowsEvent } from './repositories/show-repository.ts';
import { summarizeShows } from './repositories/show-summary-repository.ts';
import { bookingClosesAt } from './show-window.ts';
import type { Seating, ShowSummary, SpecialEvent } from './types.ts';

const text = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(4000),
  terms: z.string().trim().max(4000),
});

const fields = {
  keyword: z.string().trim().regex(/^#?[A-Za-z0-9_]{2,30}$/, 'letters, digits and _ (2–30), optionally after #'),
  name: z.string().trim().min(1).max(200),
  movieId: z.string().min(1).nullable(),
  texts: z.object({ en: text, hi: text.optional(), ta: text.optional() }),
  maxTicketsPerBooking: z.number().int().min(1).max(50),
  seating: z.enum(['assigned', 'general_admission']),
  capacity: z.number().int().min(1).max(100_000).nullable(),
  locationIds: z.array(z.string().min(1)).max(100),
  showIds: z.array(z.string().min(1)).max(1000),
  status: z.enum(['active', 'inactive']),
};
export const eventInputSchema = z.object({
  ...fields,
  movieId: fields.movieId.optional(),
  capacity: fields.capacity.optional(),
  locationIds: fields.locationIds.optional(),
  showIds: fields.showIds.optional(),
  status: fields.status.optional(),
});
export type EventInput = z.input<typeof eventInputSchema>;
export type EventPatch = Partial<EventInput>;
const eventPatchSchema = z.object(fields).partial();

/** '#wretro' → 'WRETRO': how keywords are compared (case-insensitive, '#' optional). */
export function keywordKey(keyword: string): string {
  return keyword.trim().replace(/^#+/, '').toUpperCase();
}

/**
 * Adds a special event. Its shows become event shows (booked only through the event); for general
 * admission they switch to selling tickets up to `capacity` each. A show that already has bookings
 * cannot change how it is sold. Errors: invalid_input, already_exists, movie_not_found,
 * location_not_found, show_not_found, show_has_bookings.
 */
export async function createEvent(deps: CatalogueDeps, input: { cinemaId: string } & EventInput): Promise<SpecialEvent> {
  const v = parseInput(eventInputSchema, input);
  assertCapacity(v.seating, v.capacity ?? null);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const key = keywordKey(v.keyword);
    if (await findEventByKey(trx, input.cinemaId, key)) throw new DomainError('already_exists', `keyword #${key} is taken`, { keyword: `#${key}` });
    await assertReferences(trx, input.cinemaId, v.movieId ?? null, v.locationIds ?? []);
    const row: EventRow = {
      id: newId('evt'),
      cinema_id: input.cinemaId,
      keyword: `#${key}`,
      keyword_key: key,
      name: v.name,
      movie_id: v.movieId ?? null,
      texts_json: JSON.stringify(v.texts),
      max_tickets: v.maxTicketsPerBooking,
      seating: v.seating,
      capacity: v.seating === 'general_admission' ? v.capacity! : null,
      location_ids_json: JSON.stringify(v.locationIds ?? []),
      status: v.status ?? 'active',
      created_at: now,
      updated_at: now,
    };
    await insertEvent(trx, row);
    await linkShows(trx, input.cinemaId, row, [], v.showIds ?? [], now);
    return (await findEvent(trx, input.cinemaId, row.id))!;
  });
}

/** Changes an event; `showIds`, when given, is the full new list. Errors: as createEvent, event_not_found, capacity_below_taken. */
export async function updateEvent(deps: CatalogueDeps, input: { cinemaId: string; eventId: string; patch: EventPatch }): Promise<SpecialEvent> {
  const v = parseInput(eventPatchSchema, input.patch);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const current = await findEvent(trx, input.cinemaId, input.eventId);
    if (!current) throw new DomainError('event_not_found', `no event ${input.eventId}`);
    const seating = v.seating ?? current.seating;
    const capacity = seating === 'general_admission' ? (v.capacity !== undefined ? v.capacity : current.capacity) : null;
    assertCapacity(seating, capacity);
    const patch: Partial<EventRow> = { updated_at: now, seating, capacity };
    if (v.keyword !== undefined) {
      const key = keywordKey(v.keyword);
      const other = await findEventByKey(trx, input.cinemaId, key);
      if (other && other.id !== current.id) throw new DomainError('already_exists', `keyword #${key} is taken`, { keyword: `#${key}` });
      patch.keyword = `#${key}`;
      patch.keyword_key = key;
    }
    if (v.name !== undefined) patch.name = v.name;
    if (v.movieId !== undefined) patch.movie_id = v.movieId;
    if (v.texts !== undefined) patch.texts_json = JSON.stringify(v.texts);
    if (v.maxTicketsPerBooking !== undefined) patch.max_tickets = v.maxTicketsPerBooking;
    if (v.locationIds !== undefined) patch.location_ids_json = JSON.stringify(v.locationIds);
    if (v.status !== undefined) patch.status = v.status;
    await assertReferences(trx, input.cinemaId, v.movieId ?? null, v.locationIds ?? []);
    await updateEventRow(trx, input.cinemaId, current.id, patch);
    const row = { ...(await eventRow(trx, input.cinemaId, current.id)) };
    await linkShows(trx, input.cinemaId, row, current.showIds, v.showIds ?? current.showIds, now);
    return (await findEvent(trx, input.cinemaId, current.id))!;
  });
}

async function eventRow(trx: Trx, cinemaId: string, id: string): Promise<EventRow> {
  const e = (await findEvent(trx, cinemaId, id))!;
  return {
    id: e.id,
    cinema_id: e.cinemaId,
    keyword: e.keyword,
    keyword_key: keywordKey(e.keyword),
    name: e.name,
    movie_id: e.movieId,
    texts_json: JSON.stringify(e.texts),
    max_tickets: e.maxTicketsPerBooking,
    seating: e.seating,
    capacity: e.capacity,
    location_ids_json: JSON.stringify(e.locationIds),
    status: e.status,
    created_at: e.createdAt,
    updated_at: e.updatedAt,
  };
}

function assertCapacity(seating: Seating, capacity: number | null): void {
  if (seating === 'general_admission' && !capacity) {
    throw new DomainError('invalid_input', 'general admission needs a capacity', { fields: ['capacity: required for general admission'] });
  }
}

async function assertReferences(trx: Trx, cinemaId: string, movieId: string | null, locationIds: string[]): Promise<void> {
  if (movieId && !(await findMovie(trx, cinemaId, movieId))) throw new DomainError('movie_not_found', `no film ${movieId}`);
  for (const id of locationIds) if (!(await findLocation(trx, cinemaId, id))) throw new DomainError('location_not_found', `no location ${id}`);
}

/**
 * Makes exactly `wanted` the event's shows, selling each the event's way. Shows leaving the event
 * go back to ordinary booking and keep how they are sold.
 */
async function linkShows(trx: Trx, cinemaId: string, event: EventRow, before: readonly string[], wanted: readonly string[], now: number): Promise<void> {
  const locations: string[] = JSON.parse(event.location_ids_json);
  for (const id of wanted) {
    const show = await findShow(trx, cinemaId, id);
    if (!show) throw new DomainError('show_not_found', `no show ${id}`);
    if (show.eventId && show.eventId !== event.id) throw new DomainError('already_exists', `show ${id} belongs to another event`, { showId: id });
    if (locations.length && !locations.includes(show.locationId)) {
      throw new DomainError('event_not_eligible', `show ${id} is at a location outside the event`, { showId: id });
    }
    if (show.seating !== event.seating) {
      if ((await countActiveBookings(trx, cinemaId, id)) > 0) {
        throw new DomainError('show_has_bookings', `show ${id} has bookings and cannot switch to ${event.seating}`, { showId: id });
      }
    }
    if (event.seating === 'general_admission') {
      if (!(await setAdmissionCapacity(trx, cinemaId, id, event.capacity!))) {
        throw new DomainError('capacity_below_taken', `show ${id} has more than ${event.capacity} tickets taken`, { showId: id });
      }
    }
    await setShowsEvent(trx, cinemaId, [id], {
      event_id: event.id,
      seating: event.seating,
      capacity: event.seating === 'general_admission' ? event.capacity : null,
      updated_at: now,
    });
  }
  const leaving = before.filter((id) => !wanted.includes(id));
  await setShowsEvent(trx, cinemaId, leaving, { event_id: null, updated_at: now });
}

/** One event, or null. */
export async function getEvent(db: DbOrTrx, q: { cinemaId: string; eventId: string }): Promise<SpecialEvent | null> {
  return findEvent(db, q.cinemaId, q.eventId);
}

/** The cinema's events by name; `activeOnly` is short for status 'active'. */
export async function listEvents(db: DbOrTrx, q: { cinemaId: string; status?: 'active' | 'inactive'; activeOnly?: boolean }): Promise<SpecialEvent[]> {
  return selectEvents(db, q.cinemaId, { status: q.activeOnly ? 'active' : q.status });
}

/**
 * The event a keyword names — '#WRETRO', 'wretro' and '#wRetro' are the same — whatever its status,
 * so the caller can tell "no such event" from "this event is over". Finding the keyword inside a
 * message is the caller's job.
 */
export async function findEventByKeyword(db: DbOrTrx, cinemaId: string, keyword: string): Promise<SpecialEvent | null> {
  const key = keywordKey(keyword);
  if (!/^[A-Z0-9_]{2,30}$/.test(key)) return null;
  return findEventByKey(db, cinemaId, key);
}

/** Active events that still have a show open for booking (or not yet open) after `now`. */
export async function listActiveEvents(db: DbOrTrx, q: { cinemaId: string; now: number }): Promise<SpecialEvent[]> {
  const upcoming = new Set(await selectEventIdsWithUpcomingShows(db, q.cinemaId, q.now - 24 * 60 * 60_000));
  const events = (await selectEvents(db, q.cinemaId, { status: 'active' })).filter((e) => upcoming.has(e.id));
  const out: SpecialEvent[] = [];
  for (const e of events) if ((await listEventShows(db, { cinemaId: q.cinemaId, eventId: e.id, now: q.now })).length) out.push(e);
  return out;
}

/** The event's scheduled shows whose booking has not closed at `now`, in start order. */
export async function listEventShows(db: DbOrTrx, q: { cinemaId: string; eventId: string; now: number }): Promise<ShowSummary[]> {
  const shows = (await selectShows(db, q.cinemaId, { eventId: q.eventId, status: 'scheduled' })).filter((s) => bookingClosesAt(s) > q.now);
  return summarizeShows(db, q.cinemaId, shows, q.now);
}
