/**
 * Stable error codes of the cinema domain. They double as keys of the message catalogue: transports
 * map them to an HTTP status or a reply in the customer's language, never show `message` verbatim.
 */
export type CinemaErrorCode =
  | 'invalid_input'
  | 'already_exists'
  | 'location_not_found'
  | 'screen_not_found'
  | 'movie_not_found'
  | 'show_not_found'
  | 'event_not_found'
  | 'category_not_found'
  | 'seat_not_found'
  | 'show_not_bookable'
  | 'show_overlap'
  | 'show_has_bookings'
  | 'show_sold_out'
  | 'not_enough_seats'
  | 'seats_not_together'
  | 'seat_unavailable'
  | 'too_many_tickets'
  | 'hold_expired'
  | 'booking_not_found'
  | 'booking_cancelled'
  | 'cancel_too_late'
  | 'event_required'
  | 'event_not_eligible'
  | 'capacity_below_taken'
  | 'import_invalid';

/** A rule of the domain said no. `details` carries data for the message (e.g. seats left) or field errors. */
export class DomainError extends Error {
  constructor(
    readonly code: CinemaErrorCode,
    message?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? code);
    this.name = 'DomainError';
  }
}

/** True for a DomainError, optionally with the given code. */
export function isDomainError(e: unknown, code?: CinemaErrorCode): e is DomainError {
  return e instanceof DomainError && (code === undefined || e.code === code);
}
