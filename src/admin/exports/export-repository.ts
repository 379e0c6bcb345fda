import type { DbOrTrx } from '../../db/database.ts';
import { showSalesColumns } from '../analytics/show-sales-columns.ts';

/**
 * Reads for exports. Each reader pages through one cinema's rows in a stable order with keyset
 * pagination (WHERE (key, id) > (last key, last id) … LIMIT n), so a page costs the same at row
 * 100,000 as at row 1 and only one page is ever in memory. Test customers and bookings are left out.
 */

export interface ExportScope {
  cinemaId: string;
  /** Optional period [from, to) in epoch ms over each reader's own time column. */
  from?: number;
  to?: number;
  pageSize?: number;
}

export const DEFAULT_PAGE_SIZE = 1000;

export interface BookingExportRow {
  id: string;
  ref: string;
  status: string;
  createdAt: number;
  confirmedAt: number | null;
  cancelledAt: number | null;
  quantity: number;
  category: string | null;
  totalPaise: number;
  showStartsAt: number;
  movieTitle: string;
  locationName: string;
  locationTimezone: string;
  screenName: string;
  customerName: string | null;
  customerLast4: string | null;
  customerWaIdEnc: string | null;
  /** Seat codes in row and number order; empty for general admission. */
  seats: string[];
}

const n = (v: unknown): number => Number(v ?? 0);
const seatOrder = new Intl.Collator('en', { numeric: true });

/**
 * Bookings that were confirmed (including those cancelled later), by creation time. Held and
 * expired carts are not sales. Each page is read in two steps: the next page of keys from the
 * bookings table alone, which every planner serves by walking the (cinema_id, created_at, id) index,
 * then the details of exactly those bookings. With the joins in one query, SQLite and PostgreSQL
 * can prefer a plan that sorts the whole remainder for every page.
 */
export async function* bookingPages(db: DbOrTrx, s: ExportScope): AsyncGenerator<BookingExportRow[]> {
  const size = s.pageSize ?? DEFAULT_PAGE_SIZE;
  let after: { createdAt: number; id: string } | null = null;
  for (;;) {
    const cursor: { createdAt: number; id: string } | null = after;
    let keys = db
      .selectFrom('bookings as b')
      .select(['b.id', 'b.created_at'])
      .where('b.cinema_id', '=', s.cinemaId)
      .where('b.status', 'in', ['confirmed', 'cancelled'])
      .where('b.is_test', '=', 0)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('customers as c').select('c.id').whereRef('c.id', '=', 'b.customer_id').where('c.is_test', '=', 1))),
      );
    if (s.from !== undefined) keys = keys.where('b.created_at', '>=', s.from);
    if (s.to !== undefined) keys = keys.where('b.created_at', '<', s.to);
    if (cursor) keys = keys.where((eb) => eb(eb.refTuple('b.created_at', 'b.id'), '>', eb.tuple(cursor.createdAt, cursor.id)));
    const page = await keys.orderBy('b.created_at').orderBy('b.id').limit(size).execute();
    if (!page.length) return;
    const ids = page.map((r) => r.id);

    const rows = await db
      .selectFrom('bookings as b')
      .innerJoin('customers as c', 'c.id', 'b.customer_id')
      .innerJoin('shows as s', 's.id', 'b.show_id')
      .innerJoin('movies as m', 'm.id', 's.movie_id')
      .innerJoin('locations as l', 'l.id', 's.location_id')
      .innerJoin('screens as sc', 'sc.id', 's.screen_id')
      .select([
        'b.id',
        'b.ref',
        'b.status',
        'b.created_at',
        'b.confirmed_at',
        'b.cancelled_at',
        'b.quantity',
        'b.category',
        'b.total_paise',
        's.starts_at',
        'm.title',
        'l.name as location_name',
        'l.timezone',
        'sc.name as screen_name',
        'c.name as customer_name',
        'c.wa_id_last4',
        'c.wa_id_enc',
      ])
      .where('b.cinema_id', '=', s.cinemaId)
      .where('b.id', 'in', ids)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));

    const seats = new Map<string, string[]>();
    const seatRows = await db
      .selectFrom('booking_seats')
      .select(['booking_id', 'seat_code'])
      .where('cinema_id', '=', s.cinemaId)
      .where('booking_id', 'in', ids)
      .execute();
    for (const r of seatRows) {
      const list = seats.get(r.booking_id) ?? [];
      list.push(r.seat_code);
      seats.set(r.booking_id, list);
    }

    const out: BookingExportRow[] = [];
    for (const id of ids) {
      const r = byId.get(id);
      if (!r) continue;
      out.push({
        id: r.id,
        ref: r.ref,
        status: r.status,
        createdAt: n(r.created_at),
        confirmedAt: r.confirmed_at === null ? null : n(r.confirmed_at),
        cancelledAt: r.cancelled_at === null ? null : n(r.cancelled_at),
        quantity: n(r.quantity),
        category: r.category,
        totalPaise: n(r.total_paise),
        showStartsAt: n(r.starts_at),
        movieTitle: r.title,
        locationName: r.location_name,
        locationTimezone: r.timezone,
        screenName: r.screen_name,
        customerName: r.customer_name,
        customerLast4: r.wa_id_last4,
        customerWaIdEnc: r.wa_id_enc,
        seats: (seats.get(r.id) ?? []).sort(seatOrder.compare),
      });
    }
    yield out;
    if (page.length < size) return;
    const last = page[page.length - 1]!;
    after = { createdAt: n(last.created_at), id: last.id };
  }
}

export interface ShowExportRow {
  id: string;
  startsAt: number;
  movieTitle: string;
  locationName: string;
  locationTimezone: string;
  screenName: string;
  language: string;
  format: string;
  status: string;
  capacity: number;
  sold: number;
  revenuePaise: number;
}

/** Shows (scheduled and cancelled) by start time, with capacity and what real customers bought; keys first, as for bookings. */
export async function* showPages(db: DbOrTrx, s: ExportScope): AsyncGenerator<ShowExportRow[]> {
  const size = s.pageSize ?? DEFAULT_PAGE_SIZE;
  let after: { startsAt: number; id: string } | null = null;
  for (;;) {
    const cursor: { startsAt: number; id: string } | null = after;
    let keys = db.selectFrom('shows as s').select(['s.id', 's.starts_at']).where('s.cinema_id', '=', s.cinemaId);
    if (s.from !== undefined) keys = keys.where('s.starts_at', '>=', s.from);
    if (s.to !== undefined) keys = keys.where('s.starts_at', '<', s.to);
    if (cursor) keys = keys.where((eb) => eb(eb.refTuple('s.starts_at', 's.id'), '>', eb.tuple(cursor.startsAt, cursor.id)));
    const page = await keys.orderBy('s.starts_at').orderBy('s.id').limit(size).execute();
    if (!page.length) return;
    const ids = page.map((r) => r.id);

    const rows = await db
      .selectFrom('shows as s')
      .innerJoin('movies as m', 'm.id', 's.movie_id')
      .innerJoin('locations as l', 'l.id', 's.location_id')
      .innerJoin('screens as sc', 'sc.id', 's.screen_id')
      .leftJoin('admission_stock as a', 'a.show_id', 's.id')
      .select((eb) => {
        const sales = showSalesColumns(eb);
        return [
          's.id',
          's.starts_at',
          'm.title',
          'l.name as location_name',
          'l.timezone',
          'sc.name as screen_name',
          's.language',
          's.format',
          's.status',
          's.seating',
          eb.fn.coalesce('s.capacity', 'a.capacity').as('ga_capacity'),
          sales.seatCount.as('seat_count'),
          sales.sold.as('sold'),
          sales.revenue.as('revenue'),
        ];
      })
      .where('s.cinema_id', '=', s.cinemaId)
      .where('s.id', 'in', ids)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const out: ShowExportRow[] = [];
    for (const id of ids) {
      const r = byId.get(id);
      if (!r) continue;
      out.push({
        id: r.id,
        startsAt: n(r.starts_at),
        movieTitle: r.title,
        locationName: r.location_name,
        locationTimezone: r.timezone,
        screenName: r.screen_name,
        language: r.language,
        format: r.format,
        status: r.status,
        capacity: r.seating === 'general_admission' ? n(r.ga_capacity) : n(r.seat_count),
        sold: n(r.sold),
        revenuePaise: n(r.revenue),
      });
    }
    yield out;
    if (page.length < size) return;
    const last = page[page.length - 1]!;
    after = { startsAt: n(last.starts_at), id: last.id };
  }
}

export interface CustomerExportRow {
  id: string;
  name: string | null;
  last4: string | null;
  waIdEnc: string | null;
  language: string | null;
  createdAt: number;
  lastInboundAt: number | null;
  bookings: number;
  tickets: number;
  spentPaise: number;
  lastBookingAt: number | null;
}

/** Real customers by when they first wrote, with their confirmed bookings summed. */
export async function* customerPages(db: DbOrTrx, s: ExportScope): AsyncGenerator<CustomerExportRow[]> {
  const size = s.pageSize ?? DEFAULT_PAGE_SIZE;
  let after: { createdAt: number; id: string } | null = null;
  for (;;) {
    const cursor: { createdAt: number; id: string } | null = after;
    let q = db
      .selectFrom('customers as c')
      .select((eb) => [
        'c.id',
        'c.name',
        'c.wa_id_last4',
        'c.wa_id_enc',
        'c.language',
        'c.created_at',
        'c.last_inbound_at',
        eb
          .selectFrom('bookings as b')
          .select((e) => e.fn.countAll().as('n'))
          .whereRef('b.customer_id', '=', 'c.id')
          .where('b.cinema_id', '=', s.cinemaId)
          .where('b.status', '=', 'confirmed')
          .where('b.is_test', '=', 0)
          .as('bookings'),
        eb
          .selectFrom('bookings as b')
          .select((e) => e.fn.sum('b.quantity').as('n'))
          .whereRef('b.customer_id', '=', 'c.id')
          .where('b.cinema_id', '=', s.cinemaId)
          .where('b.status', '=', 'confirmed')
          .where('b.is_test', '=', 0)
          .as('tickets'),
        eb
          .selectFrom('bookings as b')
          .select((e) => e.fn.sum('b.total_paise').as('n'))
          .whereRef('b.customer_id', '=', 'c.id')
          .where('b.cinema_id', '=', s.cinemaId)
          .where('b.status', '=', 'confirmed')
          .where('b.is_test', '=', 0)
          .as('spent'),
        eb
          .selectFrom('bookings as b')
          .select((e) => e.fn.max('b.confirmed_at').as('n'))
          .whereRef('b.customer_id', '=', 'c.id')
          .where('b.cinema_id', '=', s.cinemaId)
          .where('b.status', '=', 'confirmed')
          .where('b.is_test', '=', 0)
          .as('last_booking_at'),
      ])
      .where('c.cinema_id', '=', s.cinemaId)
      .where('c.is_test', '=', 0);
    if (s.from !== undefined) q = q.where('c.created_at', '>=', s.from);
    if (s.to !== undefined) q = q.where('c.created_at', '<', s.to);
    if (cursor) q = q.where((eb) => eb(eb.refTuple('c.created_at', 'c.id'), '>', eb.tuple(cursor.createdAt, cursor.id)));
    const rows = await q.orderBy('c.created_at').orderBy('c.id').limit(size).execute();
    if (!rows.length) return;
    yield rows.map((r) => ({
      id: r.id,
      name: r.name,
      last4: r.wa_id_last4,
      waIdEnc: r.wa_id_enc,
      language: r.language,
      createdAt: n(r.created_at),
      lastInboundAt: r.last_inbound_at === null ? null : n(r.last_inbound_at),
      bookings: n(r.bookings),
      tickets: n(r.tickets),
      spentPaise: n(r.spent),
      lastBookingAt: r.last_booking_at === null || r.last_booking_at === undefined ? null : n(r.last_booking_at),
    }));
    if (rows.length < size) return;
    const last = rows[rows.length - 1]!;
    after = { createdAt: n(last.created_at), id: last.id };
  }
}
