import { DomainError } from './domain-error.ts';
import type { InventoryDeps } from './inventory-deps.ts';
import { findBookingRow, loadBooking, markCancelled } from './repositories/booking-repository.ts';
import { inTransaction } from './repositories/in-transaction.ts';
import { releaseClaims, returnAdmission } from './repositories/inventory-repository.ts';
import { findShow } from './repositories/show-repository.ts';
import type { Booking } from './types.ts';

export interface CancelBookingInput {
  cinemaId: string;
  bookingId: string;
  /** When given, the booking must be this customer's (else booking_not_found). */
  customerId?: string;
  /**
   * A confirmed booking can be cancelled until this many minutes before the show (the cinema's
   * setting); null lifts the cut-off (staff). Holds can always be cancelled.
   */
  cutoffMinutes: number | null;
}

/**
 * Cancels a hold or a confirmed booking and frees its seats (or tickets) at once. Cancelling a
 * cancelled or expired booking returns it unchanged.
 * Errors: booking_not_found, cancel_too_late (details.cutoffAt).
 */
export async function cancelBooking(deps: InventoryDeps, input: CancelBookingInput): Promise<Booking> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    for (;;) {
      const row = await findBookingRow(trx, input.cinemaId, input.bookingId);
      if (!row || (input.customerId !== undefined && row.customer_id !== input.customerId)) {
        throw new DomainError('booking_not_found', `no booking ${input.bookingId}`);
      }
      if (row.status !== 'held' && row.status !== 'confirmed') return (await loadBooking(trx, input.cinemaId, row.id, now))!;
      if (row.status === 'confirmed' && input.cutoffMinutes !== null) {
        const show = (await findShow(trx, input.cinemaId, row.show_id))!;
        const cutoffAt = show.startsAt - input.cutoffMinutes * 60_000;
        if (now > cutoffAt) throw new DomainError('cancel_too_late', `booking ${row.ref} can no longer be cancelled`, { cutoffAt });
      }
      // The status is the condition: if a confirmation or expiry got there first, look again.
      if (!(await markCancelled(trx, input.cinemaId, row.id, row.status, now))) continue;
      if (row.seating === 'assigned') await releaseClaims(trx, input.cinemaId, [row.id], { holdsOnly: false });
      else await returnAdmission(trx, input.cinemaId, row.show_id, row.quantity);
      return (await loadBooking(trx, input.cinemaId, row.id, now))!;
    }
  });
}
