import type { Trx } from '../db/database.ts';
import { generateBookingRef } from './booking-ref.ts';
import { DomainError } from './domain-error.ts';
import { newId } from './new-id.ts';
import { insertBookingSeats, insertBookingWithRef, toBooking, type BookingRow } from './repositories/booking-repository.ts';
import { claimSeats } from './repositories/inventory-repository.ts';
import type { Booking, SeatArrangement, Seat, Show } from './types.ts';

export interface HeldSeatBookingInput {
  show: Show;
  customerId: string;
  seats: readonly Seat[];
  arrangement: SeatArrangement;
  eventId: string | null;
  expiresAt: number;
  now: number;
  isTest: boolean;
  newRef?: () => string;
}

/**
 * Inserts a held booking and claims its seats with one conditional statement. Fails when fewer
 * seats were claimed than asked for (someone else holds one): the caller must then abandon the
 * transaction, which takes the booking row and its partial claims with it.
 */
export async function createHeldSeatBooking(trx: Trx, b: HeldSeatBookingInput): Promise<{ ok: true; booking: Booking } | { ok: false; bookingId: string }> {
  const price = new Map(b.show.prices.map((p) => [p.category, p.pricePaise]));
  for (const s of b.seats) {
    if (!price.has(s.category)) {
      throw new DomainError('category_not_found', `seats in ${s.category} are not sold for this show`, { category: s.category, seat: s.code });
    }
  }
  const id = newId('bkg');
  const row: Omit<BookingRow, 'ref'> = {
    id,
    cinema_id: b.show.cinemaId,
    show_id: b.show.id,
    customer_id: b.customerId,
    event_id: b.eventId,
    status: 'held',
    seating: 'assigned',
    arrangement: b.arrangement,
    quantity: b.seats.length,
    category: null,
    total_paise: b.seats.reduce((sum, s) => sum + price.get(s.category)!, 0),
    hold_expires_at: b.expiresAt,
    is_test: b.isTest ? 1 : 0,
    created_at: b.now,
    updated_at: b.now,
    confirmed_at: null,
    cancelled_at: null,
    expired_at: null,
  };
  const ref = await insertBookingWithRef(trx, row, b.newRef ?? generateBookingRef);
  const claimed = await claimSeats(trx, {
    cinemaId: b.show.cinemaId,
    showId: b.show.id,
    bookingId: id,
    seatIds: b.seats.map((s) => s.id),
    expiresAt: b.expiresAt,
    now: b.now,
  });
  if (claimed !== b.seats.length) return { ok: false, bookingId: id };
  const seatRows = b.seats.map((s) => ({
    cinema_id: b.show.cinemaId,
    booking_id: id,
    seat_id: s.id,
    seat_code: s.code,
    category: s.category,
    price_paise: price.get(s.category)!,
  }));
  await insertBookingSeats(trx, seatRows);
  return { ok: true, booking: toBooking({ ...row, ref }, seatRows, b.now) };
}
