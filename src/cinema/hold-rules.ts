import type { Trx } from '../db/database.ts';
import { DomainError } from './domain-error.ts';
import { findEvent } from './repositories/event-repository.ts';
import { notBookableReason } from './show-window.ts';
import type { Show } from './types.ts';
import { DEFAULT_MAX_TICKETS } from './inventory-deps.ts';

export interface HoldCommon {
  cinemaId: string;
  showId: string;
  customerId: string;
  /** How long the hold lasts (the cinema's setting; default 10). */
  holdMinutes: number;
  /** The cinema's limit of tickets per booking (default 10); an event's own limit applies on top. */
  maxTickets?: number;
  /** Required for a show that belongs to a special event, and must be that event. */
  eventId?: string;
  /** A booking made by the chat simulator: kept out of analytics and exports. */
  isTest?: boolean;
}

/** The hold's expiry, validating the length (1 minute to 1 day). */
export function holdExpiry(now: number, holdMinutes: number): number {
  if (!Number.isInteger(holdMinutes) || holdMinutes < 1 || holdMinutes > 24 * 60) {
    throw new DomainError('invalid_input', `holdMinutes must be a whole number of minutes between 1 and 1440, not ${holdMinutes}`);
  }
  return now + holdMinutes * 60_000;
}

/**
 * Checks that a customer may take `quantity` tickets of this show at `now`: the show is open for
 * booking, the event rules are met (an event show is booked through its event, which must be
 * active), and the quantity is within the limit. Returns the event id to record on the booking.
 */
export async function admitHold(trx: Trx, show: Show, input: HoldCommon, quantity: number, now: number): Promise<{ eventId: string | null; maxTickets: number }> {
  const reason = notBookableReason(show, now);
  if (reason) throw new DomainError('show_not_bookable', `show ${show.id} cannot be booked: ${reason}`, { reason });
  let maxTickets = input.maxTickets ?? DEFAULT_MAX_TICKETS;
  if (show.eventId) {
    if (!input.eventId) throw new DomainError('event_required', `show ${show.id} is booked through its event`, { eventId: show.eventId });
    if (input.eventId !== show.eventId) throw new DomainError('event_not_eligible', `show ${show.id} is not part of event ${input.eventId}`);
    const event = await findEvent(trx, input.cinemaId, show.eventId);
    if (!event || event.status !== 'active') throw new DomainError('show_not_bookable', `event ${show.eventId} is not active`, { reason: 'event_inactive' });
    if (event.locationIds.length && !event.locationIds.includes(show.locationId)) {
      throw new DomainError('event_not_eligible', `event ${event.id} does not run at location ${show.locationId}`);
    }
    maxTickets = Math.min(maxTickets, event.maxTicketsPerBooking);
  } else if (input.eventId) {
    throw new DomainError('event_not_eligible', `show ${show.id} is not part of event ${input.eventId}`);
  }
  if (!Number.isInteger(quantity) || quantity < 1) throw new DomainError('invalid_input', `a booking needs at least one ticket, not ${quantity}`);
  if (quantity > maxTickets) throw new DomainError('too_many_tickets', `at most ${maxTickets} tickets per booking`, { max: maxTickets });
  return { eventId: show.eventId, maxTickets };
}
