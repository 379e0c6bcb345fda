import type { AppDeps } from '../app-deps.ts';
import { cancelBooking, getBooking, getBookingByRef, normalizeBookingRef, type BookingDetails } from '../cinema/index.ts';
import { queueOutbound } from '../jobs/outbox.ts';
import { getCinema } from '../tenants/cinemas.ts';
import { audit } from './audit-repo.ts';
import type { StaffIdentity } from './auth.ts';
import { recordCheckin, type Checkin } from './bookings-repo.ts';
import { getCustomer } from './conversations-repo.ts';
import { badRequest, notFound } from './errors.ts';
import { formatDateTime } from './format.ts';
import { renderNotice } from './notices.ts';

/**
 * Cancels a booking on the cinema's behalf (no customer cut-off) and, in the same transaction,
 * queues a notice to the customer in their language. Cancelling twice notifies once.
 */
export async function cancelByStaff(deps: AppDeps, staff: StaffIdentity, cinemaId: string, bookingId: string): Promise<{ booking: BookingDetails; notified: boolean }> {
  const cinema = await getCinema(deps.db, cinemaId);
  if (!cinema) throw notFound('cinema');
  let notified = false;
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const before = await getBooking(trx, { cinemaId, bookingId, now });
    if (!before) throw notFound('booking');
    const after = await cancelBooking({ db: trx, clock: deps.clock }, { cinemaId, bookingId, cutoffMinutes: null });
    if (after.status !== 'cancelled' || before.status === 'cancelled') return;
    await audit(trx, now, { cinemaId, userId: staff.userId, action: 'cancel_booking', subject: before.ref });
    // Only a confirmed booking was something the customer was told about; an abandoned hold needs no notice.
    if (before.status !== 'confirmed') return;
    const customer = await getCustomer(trx, cinemaId, before.customerId);
    const text = renderNotice('booking_cancelled_by_cinema', {
      lang: customer?.language,
      defaultLang: cinema.defaultLanguage,
      settings: cinema.settings,
      vars: { cinema: cinema.name, ref: before.ref, title: before.show.movie.title, when: formatDateTime(before.show.startsAt, before.show.location.timezone) },
    });
    await queueOutbound(trx, now, [
      { cinemaId, customerId: before.customerId, kind: 'notice', message: { type: 'text', text: { body: text } }, dedupeKey: `staff-cancel:${bookingId}` },
    ]);
    notified = true;
  });
  if (notified) deps.wake();
  const booking = await getBooking(deps.db, { cinemaId, bookingId, now: deps.clock.now() });
  return { booking: booking!, notified };
}

export type CheckinOutcome =
  | { result: 'admitted'; booking: BookingDetails; checkin: Checkin }
  | { result: 'already_used'; booking: BookingDetails; checkin: Checkin }
  | { result: 'not_valid'; booking: BookingDetails; reason: 'cancelled' | 'not_paid' | 'expired' };

/**
 * What a scanned QR code or typed reference names: the ticket QR carries the reference, but a
 * scanner may add a prefix or a URL around it.
 */
export function refFromScan(input: string): string | null {
  const direct = normalizeBookingRef(input);
  if (direct) return direct;
  const tokens = input.toUpperCase().split(/[^A-Z0-9]+/).reverse();
  for (const t of tokens) {
    const r = normalizeBookingRef(t);
    if (r) return r;
  }
  return null;
}

/** Admits a booking's tickets once; a second use is reported with when and by whom it was first used. */
export async function checkIn(deps: AppDeps, staff: StaffIdentity, cinemaId: string, scanned: { ref?: string; bookingId?: string }): Promise<CheckinOutcome> {
  const now = deps.clock.now();
  let booking: BookingDetails | null = null;
  if (scanned.bookingId) booking = await getBooking(deps.db, { cinemaId, bookingId: scanned.bookingId, now });
  else if (scanned.ref) {
    const ref = refFromScan(scanned.ref);
    if (!ref) throw badRequest('invalid_reference', 'That is not a booking reference: six letters and digits, like K7MX2Q.');
    booking = await getBookingByRef(deps.db, { cinemaId, ref, now });
  }
  if (!booking) throw notFound('booking');
  if (booking.status === 'cancelled') return { result: 'not_valid', booking, reason: 'cancelled' };
  if (booking.status === 'expired') return { result: 'not_valid', booking, reason: 'expired' };
  if (booking.status !== 'confirmed') return { result: 'not_valid', booking, reason: 'not_paid' };
  const { first, checkin } = await recordCheckin(deps.db, now, cinemaId, booking.id, staff.email);
  return { result: first ? 'admitted' : 'already_used', booking, checkin };
}
