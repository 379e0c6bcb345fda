import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';

/**
 * The live inventory. A seat of a show is taken while it has a claim that is sold or whose hold
 * expires after `now`; the primary key (show_id, seat_id) allows one claim per seat, so a seat can
 * never be sold twice. General admission counts tickets in admission_stock, whose CHECK keeps
 * `taken <= capacity`.
 */

/**
 * Claims seats for a booking in one statement: a seat without a claim is inserted; a seat whose
 * claim is an expired hold is taken over; a sold seat or a live hold is left alone. Returns how
 * many seats were claimed — the caller must roll back unless it equals the seats asked for.
 * Seats are claimed in id order so that concurrent claims lock rows in the same order.
 */
export async function claimSeats(
  db: DbOrTrx,
  c: { cinemaId: string; showId: string; bookingId: string; seatIds: readonly string[]; expiresAt: number; now: number },
): Promise<number> {
  if (!c.seatIds.length) return 0;
  const rows = [...c.seatIds]
    .sort()
    .map((seatId) => ({ cinema_id: c.cinemaId, show_id: c.showId, seat_id: seatId, booking_id: c.bookingId, sold: 0, expires_at: c.expiresAt }));
  const r = await db
    .insertInto('seat_claims')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['show_id', 'seat_id'])
        .doUpdateSet((eb) => ({ booking_id: eb.ref('excluded.booking_id'), expires_at: eb.ref('excluded.expires_at') }))
        .where('seat_claims.sold', '=', 0)
        .where('seat_claims.expires_at', '<=', c.now),
    )
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/** Turns the booking's unexpired holds into sales; returns how many. */
export async function sellClaims(db: DbOrTrx, cinemaId: string, bookingId: string, now: number): Promise<number> {
  const r = await db
    .updateTable('seat_claims')
    .set({ sold: 1, expires_at: null })
    .where('cinema_id', '=', cinemaId)
    .where('booking_id', '=', bookingId)
    .where('sold', '=', 0)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Frees the bookings' seats at once (all of them, or only unsold holds). */
export async function releaseClaims(db: DbOrTrx, cinemaId: string, bookingIds: readonly string[], opts: { holdsOnly: boolean }): Promise<number> {
  let total = 0;
  for (let i = 0; i < bookingIds.length; i += 500) {
    let q = db.deleteFrom('seat_claims').where('cinema_id', '=', cinemaId).where('booking_id', 'in', bookingIds.slice(i, i + 500));
    if (opts.holdsOnly) q = q.where('sold', '=', 0);
    const r = await q.executeTakeFirst();
    total += Number(r.numDeletedRows);
  }
  return total;
}

/** Seats of the show taken at `now`, with the booking holding each. */
export async function selectTakenSeats(db: DbOrTrx, cinemaId: string, showId: string, now: number): Promise<{ seatId: string; bookingId: string; sold: boolean }[]> {
  const rows = await db
    .selectFrom('seat_claims')
    .select(['seat_id', 'booking_id', 'sold'])
    .where('cinema_id', '=', cinemaId)
    .where('show_id', '=', showId)
    .where((eb) => eb.or([eb('sold', '=', 1), eb('expires_at', '>', now)]))
    .execute();
  return rows.map((r) => ({ seatId: r.seat_id, bookingId: r.booking_id, sold: r.sold === 1 }));
}

/** Seats available at `now` per show (assigned seating): sellable seats with a price and no live claim. */
export async function countAvailableSeats(db: DbOrTrx, cinemaId: string, showIds: readonly string[], now: number): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < showIds.length; i += 500) {
    const rows = await db
      .selectFrom('shows as sh')
      .innerJoin('seats as s', 's.screen_id', 'sh.screen_id')
      .innerJoin('show_prices as p', (j) => j.onRef('p.show_id', '=', 'sh.id').onRef('p.category', '=', 's.category'))
      .select(['sh.id as show_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('sh.cinema_id', '=', cinemaId)
      .where('sh.id', 'in', showIds.slice(i, i + 500))
      .where('s.blocked', '=', 0)
      .where('s.removed', '=', 0)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('seat_claims as c')
              .select(sql`1`.as('one'))
              .whereRef('c.show_id', '=', 'sh.id')
              .whereRef('c.seat_id', '=', 's.id')
              .where((eb) => eb.or([eb('c.sold', '=', 1), eb('c.expires_at', '>', now)])),
          ),
        ),
      )
      .groupBy('sh.id')
      .execute();
    for (const r of rows) out.set(r.show_id, Number(r.n));
  }
  return out;
}

/** Tickets sold or validly held at `now` per general-admission show. */
export async function countAdmissionTaken(db: DbOrTrx, cinemaId: string, showIds: readonly string[], now: number): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < showIds.length; i += 500) {
    const rows = await db
      .selectFrom('bookings')
      .select(['show_id', (eb) => eb.fn.sum<number>('quantity').as('n')])
      .where('cinema_id', '=', cinemaId)
      .where('show_id', 'in', showIds.slice(i, i + 500))
      .where('seating', '=', 'general_admission')
      .where((eb) => eb.or([eb('status', '=', 'confirmed'), eb.and([eb('status', '=', 'held'), eb('hold_expires_at', '>', now)])]))
      .groupBy('show_id')
      .execute();
    for (const r of rows) out.set(r.show_id, Number(r.n ?? 0));
  }
  return out;
}

/** Creates or resizes a show's general-admission stock; false when tickets already taken exceed the new capacity. */
export async function setAdmissionCapacity(db: DbOrTrx, cinemaId: string, showId: string, capacity: number): Promise<boolean> {
  const existing = await db.selectFrom('admission_stock').select(['taken']).where('show_id', '=', showId).executeTakeFirst();
  if (!existing) {
    await db.insertInto('admission_stock').values({ show_id: showId, cinema_id: cinemaId, capacity, taken: 0 }).execute();
    return true;
  }
  const r = await db
    .updateTable('admission_stock')
    .set({ capacity })
    .where('show_id', '=', showId)
    .where('cinema_id', '=', cinemaId)
    .where('taken', '<=', capacity)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Takes `n` tickets if they fit: one conditional update, so concurrent buyers can never exceed capacity. */
export async function takeAdmission(db: DbOrTrx, cinemaId: string, showId: string, n: number): Promise<boolean> {
  const r = await db
    .updateTable('admission_stock')
    .set((eb) => ({ taken: eb('taken', '+', n) }))
    .where('show_id', '=', showId)
    .where('cinema_id', '=', cinemaId)
    .where((eb) => eb(eb('taken', '+', n), '<=', eb.ref('capacity')))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Gives `n` tickets back (cancellation, released hold). */
export async function returnAdmission(db: DbOrTrx, cinemaId: string, showId: string, n: number): Promise<void> {
  if (n <= 0) return;
  await db
    .updateTable('admission_stock')
    .set((eb) => ({ taken: eb('taken', '-', n) }))
    .where('show_id', '=', showId)
    .where('cinema_id', '=', cinemaId)
    .execute();
}

export async function findAdmissionStock(db: DbOrTrx, cinemaId: string, showId: string): Promise<{ capacity: number; taken: number } | null> {
  const r = await db.selectFrom('admission_stock').select(['capacity', 'taken']).where('cinema_id', '=', cinemaId).where('show_id', '=', showId).executeTakeFirst();
  return r ? { capacity: Number(r.capacity), taken: Number(r.taken) } : null;
}
