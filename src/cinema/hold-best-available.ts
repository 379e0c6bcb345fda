import { pickBestSeats } from './best-available.ts';
import { DomainError } from './domain-error.ts';
import { createHeldSeatBooking } from './held-seat-booking.ts';
import { admitHold, holdExpiry, type HoldCommon } from './hold-rules.ts';
import type { InventoryDeps } from './inventory-deps.ts';
import { inTransaction } from './repositories/in-transaction.ts';
import { selectTakenSeats } from './repositories/inventory-repository.ts';
import { selectSeats } from './repositories/screen-repository.ts';
import { findShowForPicking } from './repositories/show-repository.ts';
import type { Booking } from './types.ts';

export interface HoldBestAvailableInput extends HoldCommon {
  quantity: number;
  /** e.g. 'Prime'; omitted: the best seats of any one category. */
  category?: string;
  /** Accept seats spread over the hall when no two adjacent rows have room (arrangement 'scattered'). */
  allowScattered?: boolean;
}

/** Another customer's chosen seats landed on our pick between reading and claiming. */
class PickRaced extends Error {}

const MAX_ATTEMPTS = 5;

/**
 * Holds the best `quantity` seats: together in one row nearest the centre, else split over two
 * adjacent rows, else (only if allowed) scattered. `booking.arrangement` says which.
 * Errors: as holdSeats, plus category_not_found, show_sold_out, not_enough_seats (details.available),
 * seats_not_together (details.available).
 */
export async function holdBestAvailable(deps: InventoryDeps, input: HoldBestAvailableInput): Promise<Booking> {
  const now = deps.clock.now();
  const expiresAt = holdExpiry(now, input.holdMinutes);
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(deps.db, async (trx) => {
        const show = await findShowForPicking(trx, input.cinemaId, input.showId);
        if (!show) throw new DomainError('show_not_found', `no show ${input.showId}`);
        if (show.seating !== 'assigned') {
          throw new DomainError('show_not_bookable', `show ${show.id} sells general admission, not seats`, { reason: 'general_admission' });
        }
        const { eventId } = await admitHold(trx, show, input, input.quantity, now);
        const priced = new Set(show.prices.map((p) => p.category));
        if (input.category !== undefined && !priced.has(input.category)) {
          throw new DomainError('category_not_found', `no ${input.category} seats for this show`, { category: input.category });
        }
        const seats = (await selectSeats(trx, input.cinemaId, show.screenId)).filter((s) => priced.has(s.category));
        const taken = new Set((await selectTakenSeats(trx, input.cinemaId, show.id, now)).map((t) => t.seatId));
        const pick = pickBestSeats(
          seats.map((s) => ({ id: s.id, rowIndex: s.rowIndex, col: s.col, category: s.category, wheelchair: s.wheelchair, free: !s.blocked && !taken.has(s.id) })),
          { quantity: input.quantity, category: input.category, allowScattered: input.allowScattered },
        );
        if (!pick.ok) throw new DomainError(pick.reason, `cannot seat ${input.quantity}: ${pick.reason}`, { available: pick.available });
        const byId = new Map(seats.map((s) => [s.id, s]));
        const made = await createHeldSeatBooking(trx, {
          show,
          customerId: input.customerId,
          seats: pick.seatIds.map((id) => byId.get(id)!),
          arrangement: pick.arrangement,
          eventId,
          expiresAt,
          now,
          isTest: input.isTest === true,
          newRef: deps.newRef,
        });
        if (!made.ok) throw new PickRaced();
        return made.booking;
      });
    } catch (e) {
      if (!(e instanceof PickRaced)) throw e;
      if (attempt >= MAX_ATTEMPTS) throw new DomainError('seat_unavailable', 'the seats picked were taken meanwhile; try again');
    }
  }
}
