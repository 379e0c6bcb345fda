import type { Trx } from '../db/database.ts';
import { generateBookingRef } from './booking-ref.ts';
import { DomainError } from './domain-error.ts';
import { admitHold, holdExpiry, type HoldCommon } from './hold-rules.ts';
import type { InventoryDeps } from './inventory-deps.ts';
import { newId } from './new-id.ts';
import { expireDueHolds, insertBookingWithRef, toBooking, type BookingRow } from './repositories/booking-repository.ts';
import { inTransaction } from './repositories/in-transaction.ts';
import { countAdmissionTaken, findAdmissionStock, releaseClaims, returnAdmission, takeAdmission } from './repositories/inventory-repository.ts';
import { findShow } from './repositories/show-repository.ts';
import type { Booking } from './types.ts';

export interface HoldGeneralAdmissionInput extends HoldCommon {
  quantity: number;
  /** The price category; omitted: the show's cheapest. */
  category?: string;
}

/**
 * Holds `quantity` general-admission tickets (no seats) until `now + holdMinutes`. The tickets are
 * taken from the show's stock by one conditional update that cannot pass its capacity.
 * Errors: show_not_found, show_not_bookable, event_required, event_not_eligible, too_many_tickets,
 * category_not_found, show_sold_out, not_enough_seats (details.available).
 */
export async function holdGeneralAdmission(deps: InventoryDeps, input: HoldGeneralAdmissionInput): Promise<Booking> {
  const now = deps.clock.now();
  const expiresAt = holdExpiry(now, input.holdMinutes);
  return inTransaction(deps.db, async (trx) => {
    const show = await findShow(trx, input.cinemaId, input.showId);
    if (!show) throw new DomainError('show_not_found', `no show ${input.showId}`);
    if (show.seating !== 'general_admission') {
      throw new DomainError('show_not_bookable', `show ${show.id} sells seats, not general admission`, { reason: 'assigned_seating' });
    }
    const { eventId } = await admitHold(trx, show, input, input.quantity, now);
    const price = input.category === undefined ? show.prices[0] : show.prices.find((p) => p.category === input.category);
    if (!price) throw new DomainError('category_not_found', `no ${input.category ?? ''} tickets for this show`, { category: input.category });

    await releaseExpiredAdmission(trx, input.cinemaId, show.id, now);
    if (!(await takeAdmission(trx, input.cinemaId, show.id, input.quantity))) {
      const stock = await findAdmissionStock(trx, input.cinemaId, show.id);
      const available = stock ? stock.capacity - ((await countAdmissionTaken(trx, input.cinemaId, [show.id], now)).get(show.id) ?? 0) : 0;
      if (available <= 0) throw new DomainError('show_sold_out', `show ${show.id} is sold out`, { available: 0 });
      throw new DomainError('not_enough_seats', `only ${available} tickets left`, { available });
    }
    const row: Omit<BookingRow, 'ref'> = {
      id: newId('bkg'),
      cinema_id: input.cinemaId,
      show_id: show.id,
      customer_id: input.customerId,
      event_id: eventId,
      status: 'held',
      seating: 'general_admission',
      arrangement: 'general_admission',
      quantity: input.quantity,
      category: price.category,
      total_paise: price.pricePaise * input.quantity,
      hold_expires_at: expiresAt,
      is_test: input.isTest ? 1 : 0,
      created_at: now,
      updated_at: now,
      confirmed_at: null,
      cancelled_at: null,
      expired_at: null,
    };
    const ref = await insertBookingWithRef(trx, row, deps.newRef ?? generateBookingRef);
    return toBooking({ ...row, ref }, [], now);
  });
}

/**
 * Gives the tickets of expired holds back to the stock before taking new ones, so that an expired
 * hold never blocks a buyer even if housekeeping has not run. Each expired booking is released by
 * exactly one transaction (see expireDueHolds).
 */
export async function releaseExpiredAdmission(trx: Trx, cinemaId: string, showId: string, now: number): Promise<void> {
  const expired = await expireDueHolds(trx, { cinemaId, showId, now, limit: 1000 });
  await releaseClaims(
    trx,
    cinemaId,
    expired.filter((b) => b.seating === 'assigned').map((b) => b.id),
    { holdsOnly: true },
  );
  const tickets = expired.filter((b) => b.seating === 'general_admission').reduce((n, b) => n + b.quantity, 0);
  await returnAdmission(trx, cinemaId, showId, tickets);
}
