import type { Show } from './types.ts';

/** When booking closes if the show does not say: at the start of the show. */
export function bookingClosesAt(show: Pick<Show, 'startsAt' | 'bookingClosesAt'>): number {
  return show.bookingClosesAt ?? show.startsAt;
}

/** Why a show cannot be booked at `now`, or null when it can. */
export function notBookableReason(
  show: Pick<Show, 'status' | 'startsAt' | 'bookingOpensAt' | 'bookingClosesAt'>,
  now: number,
): 'cancelled' | 'not_open_yet' | 'closed' | null {
  if (show.status !== 'scheduled') return 'cancelled';
  if (show.bookingOpensAt !== null && now < show.bookingOpensAt) return 'not_open_yet';
  if (now >= bookingClosesAt(show)) return 'closed';
  return null;
}

/** True when the show is scheduled and inside its booking window at `now`. */
export function isBookableAt(show: Pick<Show, 'status' | 'startsAt' | 'bookingOpensAt' | 'bookingClosesAt'>, now: number): boolean {
  return notBookableReason(show, now) === null;
}
