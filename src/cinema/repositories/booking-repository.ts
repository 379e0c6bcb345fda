import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { BookingSeatsTable, BookingsTable } from '../tables.ts';
import type { BookedSeat, Booking, BookingStatus, SeatArrangement } from '../types.ts';

export type BookingRow = Selectable<BookingsTable>;
export type BookingSeatRow = Selectable<BookingSeatsTable>;

const MAX_REF_ATTEMPTS = 20;

/** The status as of `now`: a hold past its expiry is expired even before housekeeping marks it. */
export function effectiveStatus(r: Pick<BookingRow, 'status' | 'hold_expires_at'>, now: number): BookingStatus {
  if (r.status === 'held' && Number(r.hold_expires_at) <= now) return 'expired';
  return r.status as BookingStatus;
}

export function toBooking(r: BookingRow, seats: readonly BookingSeatRow[], now: number): Booking {
  const booked: BookedSeat[] = seats.map((s) => ({ seatId: s.seat_id, code: s.seat_code, category: s.category, pricePaise: Number(s.price_paise) }));
  booked.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  return {
    id: r.id,
    ref: r.ref,
    cinemaId: r.cinema_id,
    showId: r.show_id,
    customerId: r.customer_id,
    eventId: r.event_id,
    status: effectiveStatus(r, now),
    seating: r.seating,
    arrangement: r.arrangement as SeatArrangement,
    quantity: r.quantity,
    category: r.category,
    seats: booked,
    totalPaise: Number(r.total_paise),
    holdExpiresAt: Number(r.hold_expires_at),
    isTest: r.is_test === 1,
    createdAt: Number(r.created_at),
    confirmedAt: r.confirmed_at === null ? null : Number(r.confirmed_at),
    cancelledAt: r.cancelled_at === null ? null : Number(r.cancelled_at),
  };
}

/**
 * Inserts a booking under a fresh reference. A reference already taken is skipped by ON CONFLICT
 * (no error, so a PostgreSQL transaction stays usable) and another one is drawn.
 */
export async function insertBookingWithRef(db: DbOrTrx, row: Omit<BookingRow, 'ref'>, nextRef: () => string): Promise<string> {
  for (let attempt = 0; attempt < MAX_REF_ATTEMPTS; attempt++) {
    const ref = nextRef();
    const r = await db
      .insertInto('bookings')
      .values({ ...row, ref })
      .onConflict((oc) => oc.column('ref').doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0) === 1) return ref;
  }
  throw new Error(`no free booking reference after ${MAX_REF_ATTEMPTS} attempts`);
}

export async function insertBookingSeats(db: DbOrTrx, rows: readonly BookingSeatRow[]): Promise<void> {
  if (rows.length) await db.insertInto('booking_seats').values([...rows]).execute();
}

export async function findBookingRow(db: DbOrTrx, cinemaId: string, id: string): Promise<BookingRow | null> {
  const r = await db.selectFrom('bookings').selectAll().where('cinema_id', '=', cinemaId).where('id', '=', id).executeTakeFirst();
  return r ?? null;
}

export async function findBookingRowByRef(db: DbOrTrx, cinemaId: string, ref: string): Promise<BookingRow | null> {
  const r = await db.selectFrom('bookings').selectAll().where('cinema_id', '=', cinemaId).where('ref', '=', ref).executeTakeFirst();
  return r ?? null;
}

/** Bookings with their seats. */
export async function loadBookings(db: DbOrTrx, cinemaId: string, rows: readonly BookingRow[], now: number): Promise<Booking[]> {
  if (!rows.length) return [];
  const seats: BookingSeatRow[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    seats.push(
      ...(await db
        .selectFrom('booking_seats')
        .selectAll()
        .where('cinema_id', '=', cinemaId)
        .where(
          'booking_id',
          'in',
          rows.slice(i, i + 500).map((r) => r.id),
        )
        .execute()),
    );
  }
  return rows.map((r) =>
    toBooking(
      r,
      seats.filter((s) => s.booking_id === r.id),
      now,
    ),
  );
}

export async function loadBooking(db: DbOrTrx, cinemaId: string, id: string, now: number): Promise<Booking | null> {
  const r = await findBookingRow(db, cinemaId, id);
  return r ? (await loadBookings(db, cinemaId, [r], now))[0]! : null;
}

/** held → confirmed, only while the hold is unexpired; false when the booking was not in that state. */
export async function markConfirmed(db: DbOrTrx, cinemaId: string, id: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable('bookings')
    .set({ status: 'confirmed', confirmed_at: now, updated_at: now })
    .where('cinema_id', '=', cinemaId)
    .where('id', '=', id)
    .where('status', '=', 'held')
    .where('hold_expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** `from` → cancelled; false when the booking had meanwhile left `from`. */
export async function markCancelled(db: DbOrTrx, cinemaId: string, id: string, from: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable('bookings')
    .set({ status: 'cancelled', cancelled_at: now, updated_at: now })
    .where('cinema_id', '=', cinemaId)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Marks holds past their expiry as expired and returns them, at most `limit`. Each row is returned
 * by exactly one transaction (the status condition is re-checked under the row lock), so the
 * caller can release their seats or tickets without counting anything twice.
 */
export async function expireDueHolds(
  db: DbOrTrx,
  f: { cinemaId?: string; showId?: string; now: number; limit: number },
): Promise<Pick<BookingRow, 'id' | 'cinema_id' | 'show_id' | 'seating' | 'quantity'>[]> {
  let due = db.selectFrom('bookings').select('id').where('status', '=', 'held').where('hold_expires_at', '<=', f.now);
  if (f.cinemaId) due = due.where('cinema_id', '=', f.cinemaId);
  if (f.showId) due = due.where('show_id', '=', f.showId);
  const ids = (await due.orderBy('hold_expires_at').limit(f.limit).execute()).map((r) => r.id);
  if (!ids.length) return [];
  return db
    .updateTable('bookings')
    .set({ status: 'expired', expired_at: f.now, updated_at: f.now })
    .where('id', 'in', ids)
    .where('status', '=', 'held')
    .where('hold_expires_at', '<=', f.now)
    .returning(['id', 'cinema_id', 'show_id', 'seating', 'quantity'])
    .execute();
}

export async function selectCustomerBookingRows(db: DbOrTrx, cinemaId: string, customerId: string, limit: number): Promise<BookingRow[]> {
  return db
    .selectFrom('bookings')
    .selectAll()
    .where('cinema_id', '=', cinemaId)
    .where('customer_id', '=', customerId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}
