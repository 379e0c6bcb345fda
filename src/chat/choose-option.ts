/**
 * A tapped option (or a typed number standing for one). Ids say what they mean, so a tap on an
 * older menu is acted on when it still makes sense, and otherwise answered with "that menu has
 * expired" and the current question.
 */
import { bookableMovies, candidateLocationIds, eventOfShow, findLocation, findMovie, findShow, isOpen, openEvents, showDay } from './catalog-queries.ts';
import { ask } from './flows/ask.ts';
import { askMovie, askShow, candidateShows, chooseQuantity, setSlot, startBooking } from './flows/booking.ts';
import { answerTerms, startEvent } from './flows/events.ts';
import { holdAction } from './flows/hold.ts';
import { showLocationInfo } from './flows/locations.ts';
import { runMenuAction, setLanguage, showMenu } from './flows/menu.ts';
import { bookingAction, showBookings } from './flows/my-bookings.ts';
import { parseOptionId, type OptionRef } from './options.ts';
import type { Turn } from './turn.ts';

/** An option id as it came back from WhatsApp; ids we never wrote are treated as an expired menu. */
export function chooseId(turn: Turn, id: string): void {
  const ref = parseOptionId(id.trim());
  if (!ref) return expired(turn);
  chooseOption(turn, ref);
}

export function expired(turn: Turn): void {
  turn.note(turn.say('menu.expired'));
  ask(turn);
}

export function chooseOption(turn: Turn, ref: OptionRef): void {
  const { ctx } = turn;
  const s = turn.state.slots;
  switch (ref.kind) {
    case 'menu':
      return runMenuAction(turn, ref.action);
    case 'lang':
      return setLanguage(turn, ref.lang);
    case 'movie': {
      if (!bookableMovies(ctx).some((m) => m.id === ref.movieId)) {
        turn.note(turn.say('booking.movie_unavailable', { movie: findMovie(ctx, ref.movieId)?.title ?? '' }));
        return ask(turn);
      }
      return s.flow === 'booking' ? setSlot(turn, 'movie', { movieId: ref.movieId }) : startBooking(turn, { movieId: ref.movieId }, ['movie']);
    }
    case 'location': {
      if (!findLocation(ctx, ref.locationId)) return expired(turn);
      if (s.flow !== undefined) {
        if (candidateLocationIds(candidateShows(turn, 'location')).has(ref.locationId)) return setSlot(turn, 'location', { locationId: ref.locationId });
        return expired(turn);
      }
      // "Book here" under a location's details.
      return startBooking(turn, { locationId: ref.locationId }, ['location']);
    }
    case 'date': {
      if (s.flow === 'booking' && s.movieId !== undefined && candidateShows(turn, 'date').some((x) => showDay(x, ctx.today) === ref.date)) {
        return setSlot(turn, 'date', { date: ref.date });
      }
      return expired(turn);
    }
    case 'show': {
      const show = findShow(ctx, ref.showId);
      if (!show || !isOpen(ctx, show, s.soldOut)) {
        turn.note(turn.say('show_unavailable'));
        return ask(turn);
      }
      const event = eventOfShow(ctx, show.id);
      if (event) {
        if (s.flow === 'event' && s.eventId === event.id && turn.state.acceptedEvents.includes(event.id)) {
          return setSlot(turn, 'show', { locationId: show.locationId, showId: show.id });
        }
        // The terms come first, whichever way the customer reached the show.
        return startEvent(turn, event);
      }
      // A quantity already given in this booking ("2 tickets for Retro tomorrow evening") stays.
      const keep = s.flow === 'booking' && s.quantity !== undefined && s.trail.includes('quantity');
      return startBooking(
        turn,
        { movieId: show.movieId, locationId: show.locationId, date: showDay(show, ctx.today), showId: show.id, ...(keep ? { quantity: s.quantity } : {}) },
        keep ? ['movie', 'location', 'date', 'show', 'quantity'] : ['movie', 'location', 'date', 'show'],
      );
    }
    case 'qty': {
      if (s.flow === undefined || s.showId === undefined || !findShow(ctx, s.showId) || turn.state.pending) return expired(turn);
      return chooseQuantity(turn, ref.quantity);
    }
    case 'more': {
      const step = turn.state.step;
      if (ref.list === 'movie' && s.flow === 'booking') return askMovie(turn, ref.page, step.name === 'movie' ? step.candidates : undefined);
      if (ref.list === 'show' && s.flow !== undefined && s.showId === undefined && candidateShows(turn, 'show').length > 0) return askShow(turn, ref.page);
      if (ref.list === 'bookings') return showBookings(turn, ref.page);
      return expired(turn);
    }
    case 'hold':
      return holdAction(turn, ref.action);
    case 'event': {
      const event = openEvents(ctx).find((e) => e.id === ref.eventId);
      if (!event) {
        turn.note(turn.say('event_not_found'));
        return showMenu(turn);
      }
      return startEvent(turn, event);
    }
    case 'terms':
      return answerTerms(turn, ref.eventId, ref.accept);
    case 'booking':
      return bookingAction(turn, ref.action, ref.ref);
    case 'info': {
      const l = findLocation(ctx, ref.locationId);
      return l ? showLocationInfo(turn, l) : expired(turn);
    }
    case 'position': {
      const id = turn.state.menu[ref.n - 1];
      const inner = id === undefined ? undefined : parseOptionId(id);
      return inner && inner.kind !== 'position' ? chooseOption(turn, inner) : expired(turn);
    }
  }
}
