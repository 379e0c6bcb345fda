import type { DbOrTrx } from '../db/database.ts';

export interface DayTotals {
  bookings: number;
  tickets: number;
  revenuePaise: number;
  cancellations: number;
}

/** Confirmed bookings (and cancellations) in [start, end), test bookings excluded. */
export async function dayTotals(db: DbOrTrx, cinemaId: string, start: number, end: number): Promise<DayTotals> {
  const sold = await db
    .selectFrom('bookings')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('quantity').as('tickets'), eb.fn.sum<number>('total_paise').as('revenue')])
    .where('cinema_id', '=', cinemaId)
    .where('is_test', '=', 0)
    .where('confirmed_at', '>=', start)
    .where('confirmed_at', '<', end)
    .where('status', 'in', ['confirmed', 'cancelled'])
    .executeTakeFirst();
  const cancelled = await db
    .selectFrom('bookings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('cinema_id', '=', cinemaId)
    .where('is_test', '=', 0)
    .where('cancelled_at', '>=', start)
    .where('cancelled_at', '<', end)
    .executeTakeFirst();
  return { bookings: Number(sold?.n ?? 0), tickets: Number(sold?.tickets ?? 0), revenuePaise: Number(sold?.revenue ?? 0), cancellations: Number(cancelled?.n ?? 0) };
}

export interface ShowOfDay {
  id: string;
  startsAt: number;
  title: string;
  screen: string;
  location: string;
  status: string;
  sold: number;
  checkedIn: number;
}

/** The day's shows with tickets sold and admitted so far. */
export async function showsOfDay(db: DbOrTrx, cinemaId: string, start: number, end: number): Promise<ShowOfDay[]> {
  const shows = await db
    .selectFrom('shows as s')
    .innerJoin('movies as m', 'm.id', 's.movie_id')
    .innerJoin('screens as sc', 'sc.id', 's.screen_id')
    .innerJoin('locations as l', 'l.id', 's.location_id')
    .select(['s.id', 's.starts_at', 's.status', 'm.title', 'sc.name as screen', 'l.name as location'])
    .where('s.cinema_id', '=', cinemaId)
    .where('s.starts_at', '>=', start)
    .where('s.starts_at', '<', end)
    .orderBy('s.starts_at')
    .execute();
  if (!shows.length) return [];
  const ids = shows.map((s) => s.id);
  const sold = await db
    .selectFrom('bookings')
    .select((eb) => ['show_id', eb.fn.sum<number>('quantity').as('n')])
    .where('cinema_id', '=', cinemaId)
    .where('show_id', 'in', ids)
    .where('status', '=', 'confirmed')
    .groupBy('show_id')
    .execute();
  const admitted = await db
    .selectFrom('booking_checkins as c')
    .innerJoin('bookings as b', 'b.id', 'c.booking_id')
    .select((eb) => ['b.show_id', eb.fn.sum<number>('b.quantity').as('n')])
    .where('c.cinema_id', '=', cinemaId)
    .where('b.show_id', 'in', ids)
    .groupBy('b.show_id')
    .execute();
  const soldBy = new Map(sold.map((r) => [r.show_id, Number(r.n)]));
  const inBy = new Map(admitted.map((r) => [r.show_id, Number(r.n)]));
  return shows.map((s) => ({ id: s.id, startsAt: s.starts_at, title: s.title, screen: s.screen, location: s.location, status: s.status, sold: soldBy.get(s.id) ?? 0, checkedIn: inBy.get(s.id) ?? 0 }));
}
