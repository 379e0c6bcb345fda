import { sql } from 'kysely';
import { showSalesColumns } from './show-sales-columns.ts';
import type { DbOrTrx } from '../../db/database.ts';
import type { AnalyticsTables } from './tables.ts';

/** One cinema over [from, to) in epoch ms. Every query below is scoped by it. */
export interface Period {
  cinemaId: string;
  from: number;
  to: number;
}

export interface MessageCounts {
  inboundTotal: number;
  inboundFailed: number;
  outboundTotal: number;
  outboundFailed: number;
  /** Customers who wrote at least once in the period. */
  uniqueCustomers: number;
}

export interface ConversationRow {
  key: string;
  customerId: string;
  startedAt: number;
  /** The last step reached other than `abandoned` (which is recorded when the session times out). */
  lastStepAt: number;
  showChosen: boolean;
  quantityChosen: boolean;
  confirmed: boolean;
  abandoned: boolean;
  /** Messages the customer sent during the conversation. */
  inboundMessages: number;
  lastInboundAt: number | null;
}

export interface SalesBucketRow {
  /** Start of a quarter hour, epoch ms: fine enough to be assigned to a local day in any zone. */
  bucketStart: number;
  bookings: number;
  tickets: number;
  revenuePaise: number;
}

export interface ShowRow {
  showId: string;
  movieId: string;
  title: string;
  locationName: string;
  timezone: string;
  screenName: string;
  startsAt: number;
  /** Sellable seats of the screen, or the general-admission capacity. */
  capacity: number;
  sold: number;
  revenuePaise: number;
}

export const QUARTER_HOUR = 15 * 60_000;

/**
 * Inbound messages a little older than a conversation's start still belong to it: the start is
 * recorded when the worker handles the first message, which was received slightly earlier.
 */
export const START_GRACE_MS = 60_000;

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** Inbound and outbound volumes and failures of real (non-test) customers. Staff notifications count as outbound. */
export async function messageCounts(db: DbOrTrx, p: Period): Promise<MessageCounts> {
  const inbound = await db
    .selectFrom('inbound_messages as m')
    .innerJoin('customers as c', 'c.id', 'm.customer_id')
    .select((eb) => [
      eb.fn.countAll().as('total'),
      eb.fn.sum(eb.case().when('m.status', '=', 'failed').then(1).else(0).end()).as('failed'),
      eb.fn.count('m.customer_id').distinct().as('customers'),
    ])
    .where('m.cinema_id', '=', p.cinemaId)
    .where('c.is_test', '=', 0)
    .where('m.received_at', '>=', p.from)
    .where('m.received_at', '<', p.to)
    .executeTakeFirstOrThrow();
  const outbound = await db
    .selectFrom('outbound_messages as o')
    .leftJoin('customers as c', 'c.id', 'o.customer_id')
    .select((eb) => [
      eb.fn.countAll().as('total'),
      eb.fn.sum(eb.case().when('o.status', '=', 'failed').then(1).else(0).end()).as('failed'),
    ])
    .where('o.cinema_id', '=', p.cinemaId)
    .where((eb) => eb.or([eb('c.is_test', '=', 0), eb('c.id', 'is', null)]))
    .where('o.created_at', '>=', p.from)
    .where('o.created_at', '<', p.to)
    .executeTakeFirstOrThrow();
  return {
    inboundTotal: n(inbound.total),
    inboundFailed: n(inbound.failed),
    outboundTotal: n(outbound.total),
    outboundFailed: n(outbound.failed),
    uniqueCustomers: n(inbound.customers),
  };
}

/** Conversations that started in the period, with the steps they reached and the customer's messages in them. */
export async function conversations(db: DbOrTrx, p: Period): Promise<ConversationRow[]> {
  const adb = db.withTables<AnalyticsTables>();
  const flag = (step: string) => sql<number>`max(case when f.step = ${sql.lit(step)} then 1 else 0 end)`;
  const steps = await adb
    .selectFrom('funnel_events as f')
    .innerJoin('customers as c', 'c.id', 'f.customer_id')
    .select((eb) => [
      'f.conversation_key as key',
      'f.customer_id as customerId',
      eb.fn.min('f.at').as('startedAt'),
      sql<number | null>`max(case when f.step <> 'abandoned' then f.at end)`.as('lastStepAt'),
      flag('show_chosen').as('showChosen'),
      flag('quantity_chosen').as('quantityChosen'),
      flag('confirmed').as('confirmed'),
      flag('abandoned').as('abandoned'),
    ])
    .where('f.cinema_id', '=', p.cinemaId)
    .where('f.is_test', '=', 0)
    .where('c.is_test', '=', 0)
    // A conversation belongs to the period it started in, whenever its later steps happened.
    .where('f.conversation_key', 'in', (eb) =>
      eb
        .selectFrom('funnel_events as s')
        .select('s.conversation_key')
        .where('s.cinema_id', '=', p.cinemaId)
        .where('s.step', '=', 'started')
        .where('s.at', '>=', p.from)
        .where('s.at', '<', p.to),
    )
    .groupBy(['f.conversation_key', 'f.customer_id'])
    .orderBy('startedAt')
    .execute();

  // A conversation runs from its start until the customer's next start; the messages received in
  // that window are its messages.
  const grace = sql.lit(START_GRACE_MS);
  const counts = await sql<{ key: string; inbound: number | string; last_inbound_at: number | string | null }>`
    with starts as (
      select f.conversation_key, f.customer_id, f.at,
             lead(f.at) over (partition by f.customer_id order by f.at, f.id) as next_at
      from funnel_events f
      where f.cinema_id = ${p.cinemaId} and f.step = 'started' and f.at >= ${p.from}
    ), windows as (
      select conversation_key, customer_id, at - ${grace} as lo, next_at - ${grace} as hi
      from starts where at < ${p.to}
    )
    select w.conversation_key as key, count(m.id) as inbound, max(m.received_at) as last_inbound_at
    from windows w
    left join inbound_messages m
      on m.customer_id = w.customer_id and m.received_at >= w.lo and (w.hi is null or m.received_at < w.hi)
    group by w.conversation_key
  `.execute(adb);
  const byKey = new Map(counts.rows.map((r) => [r.key, r]));

  return steps.map((r) => {
    const c = byKey.get(r.key);
    const startedAt = n(r.startedAt);
    return {
      key: r.key,
      customerId: r.customerId,
      startedAt,
      lastStepAt: r.lastStepAt === null ? startedAt : n(r.lastStepAt),
      showChosen: n(r.showChosen) === 1,
      quantityChosen: n(r.quantityChosen) === 1,
      confirmed: n(r.confirmed) === 1,
      abandoned: n(r.abandoned) === 1,
      inboundMessages: n(c?.inbound),
      lastInboundAt: c?.last_inbound_at == null ? null : n(c.last_inbound_at),
    };
  });
}

/** Confirmed real bookings by the quarter hour they were confirmed in. */
export async function salesBuckets(db: DbOrTrx, p: Period): Promise<SalesBucketRow[]> {
  const bucket = sql<number>`b.confirmed_at / ${sql.lit(QUARTER_HOUR)}`;
  const rows = await db
    .selectFrom('bookings as b')
    .innerJoin('customers as c', 'c.id', 'b.customer_id')
    .select((eb) => [
      bucket.as('bucket'),
      eb.fn.countAll().as('bookings'),
      eb.fn.sum('b.quantity').as('tickets'),
      eb.fn.sum('b.total_paise').as('revenue'),
    ])
    .where('b.cinema_id', '=', p.cinemaId)
    .where('b.status', '=', 'confirmed')
    .where('b.is_test', '=', 0)
    .where('c.is_test', '=', 0)
    .where('b.confirmed_at', '>=', p.from)
    .where('b.confirmed_at', '<', p.to)
    .groupBy(bucket)
    .orderBy(bucket)
    .execute();
  return rows.map((r) => ({
    bucketStart: n(r.bucket) * QUARTER_HOUR,
    bookings: n(r.bookings),
    tickets: n(r.tickets),
    revenuePaise: n(r.revenue),
  }));
}

export interface CountBucketRow {
  bucketStart: number;
  count: number;
}

/** Real bookings cancelled in the period, by the quarter hour they were cancelled in. */
export async function cancellationBuckets(db: DbOrTrx, p: Period): Promise<CountBucketRow[]> {
  const bucket = sql<number>`b.cancelled_at / ${sql.lit(QUARTER_HOUR)}`;
  const rows = await db
    .selectFrom('bookings as b')
    .innerJoin('customers as c', 'c.id', 'b.customer_id')
    .select((eb) => [bucket.as('bucket'), eb.fn.countAll().as('n')])
    .where('b.cinema_id', '=', p.cinemaId)
    .where('b.status', '=', 'cancelled')
    .where('b.is_test', '=', 0)
    .where('c.is_test', '=', 0)
    .where('b.cancelled_at', '>=', p.from)
    .where('b.cancelled_at', '<', p.to)
    .groupBy(bucket)
    .orderBy(bucket)
    .execute();
  return rows.map((r) => ({ bucketStart: n(r.bucket) * QUARTER_HOUR, count: n(r.n) }));
}

/** Real bookings cancelled in the period. */
export async function cancellations(db: DbOrTrx, p: Period): Promise<number> {
  const r = await db
    .selectFrom('bookings as b')
    .innerJoin('customers as c', 'c.id', 'b.customer_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('b.cinema_id', '=', p.cinemaId)
    .where('b.status', '=', 'cancelled')
    .where('b.is_test', '=', 0)
    .where('c.is_test', '=', 0)
    .where('b.cancelled_at', '>=', p.from)
    .where('b.cancelled_at', '<', p.to)
    .executeTakeFirstOrThrow();
  return n(r.n);
}

/** Scheduled shows starting in the period with their capacity and what real customers bought. */
export async function showsWithSales(db: DbOrTrx, p: Period): Promise<ShowRow[]> {
  const rows = await db
    .selectFrom('shows as s')
    .innerJoin('movies as mv', 'mv.id', 's.movie_id')
    .innerJoin('locations as l', 'l.id', 's.location_id')
    .innerJoin('screens as sc', 'sc.id', 's.screen_id')
    .leftJoin('admission_stock as a', 'a.show_id', 's.id')
    .select((eb) => {
      const sales = showSalesColumns(eb);
      return [
        's.id as showId',
        's.movie_id as movieId',
        'mv.title as title',
        'l.name as locationName',
        'l.timezone as timezone',
        'sc.name as screenName',
        's.starts_at as startsAt',
        's.seating as seating',
        eb.fn.coalesce('s.capacity', 'a.capacity').as('gaCapacity'),
        sales.seatCount.as('seatCount'),
        sales.sold.as('sold'),
        sales.revenue.as('revenue'),
      ];
    })
    .where('s.cinema_id', '=', p.cinemaId)
    .where('s.status', '=', 'scheduled')
    .where('s.starts_at', '>=', p.from)
    .where('s.starts_at', '<', p.to)
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({
    showId: r.showId,
    movieId: r.movieId,
    title: r.title,
    locationName: r.locationName,
    timezone: r.timezone,
    screenName: r.screenName,
    startsAt: n(r.startsAt),
    capacity: r.seating === 'general_admission' ? n(r.gaCapacity) : n(r.seatCount),
    sold: n(r.sold),
    revenuePaise: n(r.revenue),
  }));
}

export interface CinemaRef {
  id: string;
  name: string;
  timezone: string;
}

/** The cinemas an operator sees side by side. */
export async function listCinemaRefs(db: DbOrTrx): Promise<CinemaRef[]> {
  return db.selectFrom('cinemas').select(['id', 'name', 'timezone']).orderBy('name').orderBy('id').execute();
}

export async function getCinemaRef(db: DbOrTrx, cinemaId: string): Promise<CinemaRef | undefined> {
  return db.selectFrom('cinemas').select(['id', 'name', 'timezone']).where('id', '=', cinemaId).executeTakeFirst();
}
