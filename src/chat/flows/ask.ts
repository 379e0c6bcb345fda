/** Re-asks whatever the current step is waiting for: after help, a hint, a language change or an odd message. */
import { findEvent, findLocation } from '../catalog-queries.ts';
import type { Turn } from '../turn.ts';
import { advance, askMovie } from './booking.ts';
import { askTerms, showEvents } from './events.ts';
import { askHoldLost, askSeats, showReview } from './hold.ts';
import { showLocationInfo, showLocations } from './locations.ts';
import { showLanguagePicker, showMenu } from './menu.ts';
import { bookingAction, showBooking, showBookings } from './my-bookings.ts';

export function ask(turn: Turn): void {
  const step = turn.state.step;
  const flow = turn.state.slots.flow;
  switch (step.name) {
    case 'start':
    case 'menu':
    case 'done':
      return showMenu(turn);
    case 'movie':
      return flow === 'booking' ? askMovie(turn, step.page, step.candidates) : advance(turn);
    case 'location':
    case 'date':
    case 'show':
    case 'quantity':
      return advance(turn);
    case 'seats':
      return askSeats(turn);
    case 'review':
      return showReview(turn);
    case 'hold_lost':
      return askHoldLost(turn);
    case 'events':
      return showEvents(turn);
    case 'terms': {
      const event = flow === 'event' ? findEvent(turn.ctx, turn.state.slots.eventId) : undefined;
      return event ? askTerms(turn, event, true) : advance(turn);
    }
    case 'bookings':
      return showBookings(turn, step.page);
    case 'booking':
      return showBooking(turn, step.ref);
    case 'cancel_confirm':
      return bookingAction(turn, 'cancel', step.ref);
    case 'locations':
      return showLocations(turn);
    case 'location_info': {
      const l = findLocation(turn.ctx, step.locationId);
      return l ? showLocationInfo(turn, l) : showLocations(turn);
    }
    case 'language':
      return showLanguagePicker(turn);
  }
}
