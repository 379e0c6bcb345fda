import { DomainError } from './domain-error.ts';
import { createHeldSeatBooking } from './held-seat-booking.ts';
import { admitHold, holdExpiry, type HoldCommon } from './hold-rules.ts';
import type { InventoryDeps } from './inventory-deps.ts';
import { inTransaction } from './repositories/in-transaction.ts';
import { selectTakenSeats } from './repositories/inventory-repository.ts';
import { selectSeats } from './repositories/screen-repository.ts';
import { findShow } from './repositories/show-repository.ts';
import { normalizeSeatCode } from './seat-layout.ts';
import type { Booking, Seat } from './types.ts';

export interface HoldSeatsInput extends HoldCommon {
  /** The seats by id… */
  seatIds?: string[];
  /** …or by code as the customer wrote them ('F12', 'f 13'). */
  seatCodes?: string[];
}

/**
 * Holds the seats a customer chose, all or none, until `now + holdMinutes`.
 * Errors: show_not_found, show_not_bookable, event_required, event_not_eligible, too_many_tickets,
 * seat_not_found, category_not_found, seat_unavailable (details.seats: the codes already taken).
 */
export async function holdSeats(deps: InventoryDeps, input: HoldSeatsInput): Promise<Booking> {
  const now = deps.clock.now();
  const expiresAt = holdExpiry(now, input.holdMinutes);
  return inTransaction(deps.db, async (trx) => {
    const show = await findShow(trx, input.cinemaId, input.showId);
    if (!show) throw new DomainError('show_not_found', `no show ${input.showId}`);
    if (show.seating !== 'assigned') {
      throw new DomainError('show_not_bookable', `show ${show.id} sells general admission, not seats`, { reason: 'general_admission' });
    }
    const seats = resolveSeats(await selectSeats(trx, input.cinemaId, show.screenId), input);
    const { eventId } = await admitHold(trx, show, input, seats.length, now);
    const blocked = seats.filter((s) => s.blocked);
    if (blocked.length) throw new DomainError('seat_unavailable', `seats not for sale: ${codes(blocked)}`, { seats: blocked.map((s) => s.code) });
    const made = await createHeldSeatBooking(trx, {
      show,
      customerId: input.customerId,
      seats,
      arrangement: 'chosen',
      eventId,
      expiresAt,
      now,
      isTest: input.isTest === true,
      newRef: deps.newRef,
    });
    if (made.ok) return made.booking;
    const wanted = new Set(seats.map((s) => s.id));
    const taken = (await selectTakenSeats(trx, input.cinemaId, show.id, now)).filter((t) => wanted.has(t.seatId) && t.bookingId !== made.bookingId);
    const takenCodes = seats.filter((s) => taken.some((t) => t.seatId === s.id)).map((s) => s.code);
    throw new DomainError('seat_unavailable', `seats already taken: ${takenCodes.join(', ')}`, { seats: takenCodes });
  });
}

function codes(seats: readonly Seat[]): string {
  return seats.map((s) => s.code).join(', ');
}

/** The screen's seats named by the input, in the order given; each seat once. */
function resolveSeats(screenSeats: readonly Seat[], input: HoldSeatsInput): Seat[] {
  const byId = new Map(screenSeats.map((s) => [s.id, s]));
  const byCode = new Map(screenSeats.map((s) => [s.code, s]));
  const out: Seat[] = [];
  const missing: string[] = [];
  for (const id of input.seatIds ?? []) {
    const s = byId.get(id);
    if (s) out.push(s);
    else missing.push(id);
  }
  for (const raw of input.seatCodes ?? []) {
    const code = normalizeSeatCode(raw);
    const s = code ? byCode.get(code) : undefined;
    if (s) out.push(s);
    else missing.push(raw);
  }
  if (missing.length) throw new DomainError('seat_not_found', `no such seats: ${missing.join(', ')}`, { seats: missing });
  const unique = [...new Map(out.map((s) => [s.id, s])).values()];
  if (unique.length !== out.length) throw new DomainError('invalid_input', 'a seat is named twice');
  if (!unique.length) throw new DomainError('invalid_input', 'no seats given');
  return unique;
}
