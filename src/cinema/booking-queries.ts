import type { DbOrTrx } from '../db/database.ts';
import { normalizeBookingRef } from './booking-ref.ts';
import { findBookingRow, findBookingRowByRef, loadBookings, selectCustomerBookingRows } from './repositories/booking-repository.ts';
import { selectShowsByIds } from './repositories/show-repository.ts';
import { summarizeShows } from './repositories/show-summary-repository.ts';
import type { Booking, BookingDetails } from './types.ts';

async function withShows(db: DbOrTrx, cinemaId: string, bookings: Booking[], now: number): Promise<BookingDetails[]> {
  if (!bookings.length) return [];
  const shows = await selectShowsByIds(db, cinemaId, [...new Set(bookings.map((b) => b.showId))]);
  const byId = new Map((await summarizeShows(db, cinemaId, shows, now)).map((s) => [s.id, s]));
  return bookings.map((b) => ({ ...b, show: byId.get(b.showId)! }));
}

/** A booking by its reference as the customer typed it (' k7mx-2q ' works), with its show; null when none. */
export async function getBookingByRef(db: DbOrTrx, q: { cinemaId: string; ref: string; now: number }): Promise<BookingDetails | null> {
  const ref = normalizeBookingRef(q.ref);
  if (!ref) return null;
  const row = await findBookingRowByRef(db, q.cinemaId, ref);
  if (!row) return null;
  return (await withShows(db, q.cinemaId, await loadBookings(db, q.cinemaId, [row], q.now), q.now))[0]!;
}

/** A booking by id, with its show; null when none. */
export async function getBooking(db: DbOrTrx, q: { cinemaId: string; bookingId: string; now: number }): Promise<BookingDetails | null> {
  const row = await findBookingRow(db, q.cinemaId, q.bookingId);
  if (!row) return null;
  return (await withShows(db, q.cinemaId, await loadBookings(db, q.cinemaId, [row], q.now), q.now))[0]!;
}

/**
 * A customer's bookings: `upcoming` — confirmed, or held and unexpired, for shows not yet over —
 * soonest first; `past` — everything else (shows over, cancelled, expired), latest first.
 */
export async function listCustomerBookings(
  db: DbOrTrx,
  q: { cinemaId: string; customerId: string; now: number; limit?: number },
): Promise<{ upcoming: BookingDetails[]; past: BookingDetails[] }> {
  const rows = await selectCustomerBookingRows(db, q.cinemaId, q.customerId, q.limit ?? 100);
  const all = await withShows(db, q.cinemaId, await loadBookings(db, q.cinemaId, rows, q.now), q.now);
  const isUpcoming = (b: BookingDetails) => (b.status === 'confirmed' || b.status === 'held') && b.show.endsAt > q.now;
  return {
    upcoming: all.filter(isUpcoming).sort((a, b) => a.show.startsAt - b.show.startsAt || a.createdAt - b.createdAt),
    past: all.filter((b) => !isUpcoming(b)).sort((a, b) => b.show.startsAt - a.show.startsAt || b.createdAt - a.createdAt),
  };
}
