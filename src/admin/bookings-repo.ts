import type { DbOrTrx } from '../db/database.ts';

export interface BookingListQuery {
  /** [from, to) of the show's start. */
  showFrom?: number;
  showTo?: number;
  showId?: string;
  status?: 'held' | 'confirmed' | 'cancelled' | 'expired';
  ref?: string;
  /** Customers matched by the keyed hash of their number (never by the number itself). */
  phoneHash?: string;
  customerId?: string;
  limit?: number;
  offset?: number;
}

export interface BookingListRow {
  id: string;
  ref: string;
  status: 'held' | 'confirmed' | 'cancelled' | 'expired';
  quantity: number;
  totalPaise: number;
  createdAt: number;
  showId: string;
  showStartsAt: number;
  movieTitle: string;
  screenName: string;
  customerId: string;
  customerName: string | null;
  customerLast4: string | null;
  isTest: boolean;
  checkedInAt: number | null;
}

/** Bookings of one cinema, newest show first, filtered; a held booking past its expiry reads as expired. */
export async function searchBookings(db: DbOrTrx, cinemaId: string, now: number, q: BookingListQuery): Promise<BookingListRow[]> {
  let s = db
    .selectFrom('bookings as b')
    .innerJoin('shows as s', 's.id', 'b.show_id')
    .innerJoin('movies as m', 'm.id', 's.movie_id')
    .innerJoin('screens as sc', 'sc.id', 's.screen_id')
    .innerJoin('customers as c', 'c.id', 'b.customer_id')
    .leftJoin('booking_checkins as k', 'k.booking_id', 'b.id')
    .select([
      'b.id', 'b.ref', 'b.status', 'b.quantity', 'b.total_paise', 'b.created_at', 'b.hold_expires_at', 'b.is_test',
      's.id as show_id', 's.starts_at', 'm.title', 'sc.name as screen_name',
      'c.id as customer_id', 'c.name as customer_name', 'c.wa_id_last4', 'k.checked_in_at',
    ])
    .where('b.cinema_id', '=', cinemaId)
    .where('s.cinema_id', '=', cinemaId)
    .where('c.cinema_id', '=', cinemaId);
  if (q.showFrom !== undefined) s = s.where('s.starts_at', '>=', q.showFrom);
  if (q.showTo !== undefined) s = s.where('s.starts_at', '<', q.showTo);
  if (q.showId) s = s.where('b.show_id', '=', q.showId);
  if (q.ref) s = s.where('b.ref', '=', q.ref);
  if (q.phoneHash) s = s.where('c.wa_id_hash', '=', q.phoneHash);
  if (q.customerId) s = s.where('b.customer_id', '=', q.customerId);
  if (q.status === 'held') s = s.where('b.status', '=', 'held').where('b.hold_expires_at', '>', now);
  else if (q.status === 'expired') s = s.where((eb) => eb.or([eb('b.status', '=', 'expired'), eb.and([eb('b.status', '=', 'held'), eb('b.hold_expires_at', '<=', now)])]));
  else if (q.status) s = s.where('b.status', '=', q.status);
  const rows = await s
    .orderBy('s.starts_at', 'desc')
    .orderBy('b.created_at', 'desc')
    .limit(Math.min(q.limit ?? 50, 200))
    .offset(q.offset ?? 0)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    ref: r.ref,
    status: (r.status === 'held' && r.hold_expires_at <= now ? 'expired' : r.status) as BookingListRow['status'],
    quantity: r.quantity,
    totalPaise: r.total_paise,
    createdAt: r.created_at,
    showId: r.show_id,
    showStartsAt: r.starts_at,
    movieTitle: r.title,
    screenName: r.screen_name,
    customerId: r.customer_id,
    customerName: r.customer_name,
    customerLast4: r.wa_id_last4,
    isTest: r.is_test === 1,
    checkedInAt: r.checked_in_at,
  }));
}

export interface Checkin {
  bookingId: string;
  checkedInAt: number;
  checkedInBy: string;
  repeatScans: number;
  lastRepeatAt: number | null;
}

export async function getCheckin(db: DbOrTrx, cinemaId: string, bookingId: string): Promise<Checkin | undefined> {
  const r = await db.selectFrom('booking_checkins').selectAll().where('cinema_id', '=', cinemaId).where('booking_id', '=', bookingId).executeTakeFirst();
  return r ? { bookingId: r.booking_id, checkedInAt: r.checked_in_at, checkedInBy: r.checked_in_by, repeatScans: r.repeat_scans, lastRepeatAt: r.last_repeat_at } : undefined;
}

/**
 * Marks a booking's tickets used. The primary key makes the first scan win under any concurrency;
 * a later scan is counted and answered with the first one.
 */
export async function recordCheckin(db: DbOrTrx, now: number, cinemaId: string, bookingId: string, by: string): Promise<{ first: boolean; checkin: Checkin }> {
  const res = await db
    .insertInto('booking_checkins')
    .values({ booking_id: bookingId, cinema_id: cinemaId, checked_in_at: now, checked_in_by: by, repeat_scans: 0, last_repeat_at: null })
    .onConflict((oc) => oc.column('booking_id').doNothing())
    .executeTakeFirst();
  const first = Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  if (!first) {
    await db
      .updateTable('booking_checkins')
      .set((eb) => ({ repeat_scans: eb('repeat_scans', '+', 1), last_repeat_at: now }))
      .where('booking_id', '=', bookingId)
      .where('cinema_id', '=', cinemaId)
      .execute();
  }
  return { first, checkin: (await getCheckin(db, cinemaId, bookingId))! };
}

/** The shows of a local day, for the bookings filter. */
export async function showsBetween(db: DbOrTrx, cinemaId: string, from: number, to: number): Promise<{ id: string; startsAt: number; title: string; screen: string }[]> {
  const rows = await db
    .selectFrom('shows as s')
    .innerJoin('movies as m', 'm.id', 's.movie_id')
    .innerJoin('screens as sc', 'sc.id', 's.screen_id')
    .select(['s.id', 's.starts_at', 'm.title', 'sc.name'])
    .where('s.cinema_id', '=', cinemaId)
    .where('s.starts_at', '>=', from)
    .where('s.starts_at', '<', to)
    .orderBy('s.starts_at')
    .execute();
  return rows.map((r) => ({ id: r.id, startsAt: r.starts_at, title: r.title, screen: r.name }));
}
