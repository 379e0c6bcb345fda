import { DomainError } from './domain-error.ts';
import type { InventoryDeps } from './inventory-deps.ts';
import { effectiveStatus, findBookingRow, loadBooking, markConfirmed } from './repositories/booking-repository.ts';
import { inTransaction } from './repositories/in-transaction.ts';
import { sellClaims } from './repositories/inventory-repository.ts';
import { findShow } from './repositories/show-repository.ts';
import type { Booking } from './types.ts';

export interface ConfirmBookingInput {
  cinemaId: string;
  bookingId: string;
  /** When given, the booking must be this customer's (else booking_not_found). */
  customerId?: string;
}

/**
 * Turns a hold into a sale. In one transaction the hold is re-checked — still this booking's, not
 * expired at `now` — and every seat claim becomes sold; if any seat was lost the whole confirmation
 * is undone. Confirming a confirmed booking returns it unchanged (safe to retry).
 * Errors: booking_not_found, hold_expired, booking_cancelled, show_not_bookable (the show was cancelled).
 */
export async function confirmBooking(deps: InventoryDeps, input: ConfirmBookingInput): Promise<Booking> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const row = await findBookingRow(trx, input.cinemaId, input.bookingId);
    if (!row || (input.customerId !== undefined && row.customer_id !== input.customerId)) {
      throw new DomainError('booking_not_found', `no booking ${input.bookingId}`);
    }
    if (row.status === 'confirmed') {
      // Confirming again is safe to retry, but a cancellation that committed in between wins.
      const again = (await loadBooking(trx, input.cinemaId, row.id, now))!;
      if (again.status === 'cancelled') throw new DomainError('booking_cancelled', `booking ${row.ref} was cancelled`);
      return again;
    }
    const show = await findShow(trx, input.cinemaId, row.show_id);
    if (!show || show.status !== 'scheduled') throw new DomainError('show_not_bookable', `show ${row.show_id} was cancelled`, { reason: 'cancelled' });
    if (!(await markConfirmed(trx, input.cinemaId, row.id, now))) {
      const current = (await findBookingRow(trx, input.cinemaId, row.id))!;
      const status = effectiveStatus(current, now);
      if (status === 'confirmed') return (await loadBooking(trx, input.cinemaId, row.id, now))!;
      if (status === 'cancelled') throw new DomainError('booking_cancelled', `booking ${row.ref} was cancelled`);
      throw new DomainError('hold_expired', `the hold on booking ${row.ref} has expired`);
    }
    if (row.seating === 'assigned') {
      const sold = await sellClaims(trx, input.cinemaId, row.id, now);
      // Fewer seats than booked: a seat's hold had lapsed and someone else has it now.
      if (sold !== row.quantity) throw new DomainError('hold_expired', `the hold on booking ${row.ref} has expired`);
    }
    return (await loadBooking(trx, input.cinemaId, row.id, now))!;
  });
}
