import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { ShowsTable } from '../tables.ts';
import type { Price, Show } from '../types.ts';
import { isSqlite } from './in-transaction.ts';

export type ShowRow = Selectable<ShowsTable>;

export function toShow(r: ShowRow, prices: Price[]): Show {
  return {
    id: r.id,
    cinemaId: r.cinema_id,
    movieId: r.movie_id,
    screenId: r.screen_id,
    locationId: r.location_id,
    startsAt: Number(r.starts_at),
    endsAt: Number(r.ends_at),
    language: r.language,
    format: r.format,
    seating: r.seating,
    capacity: r.capacity,
    eventId: r.event_id,
    bookingOpensAt: r.booking_opens_at === null ? null : Number(r.booking_opens_at),
    bookingClosesAt: r.booking_closes_at === null ? null : Number(r.booking_closes_at),
    status: r.status,
    prices: [...prices].sort((a, b) => a.pricePaise - b.pricePaise || a.category.localeCompare(b.category)),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

/** Prices of many shows, keyed by show id. */
export async function selectPrices(db: DbOrTrx, cinemaId: string, showIds: readonly string[]): Promise<Map<string, Price[]>> {
  const out = new Map<string, Price[]>();
  for (let i = 0; i < showIds.length; i += 500) {
    const rows = await db
      .selectFrom('show_prices')
      .select(['show_id', 'category', 'price_paise'])
      .where('cinema_id', '=', cinemaId)
      .where('show_id', 'in', showIds.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const list = out.get(r.show_id) ?? [];
      list.push({ category: r.category, pricePaise: Number(r.price_paise) });
      out.set(r.show_id, list);
    }
  }
  return out;
}

async function withPrices(db: DbOrTrx, cinemaId: string, rows: ShowRow[]): Promise<Show[]> {
  const prices = await selectPrices(
    db,
    cinemaId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toShow(r, prices.get(r.id) ?? []));
}

export async function insertShow(db: DbOrTrx, row: ShowRow, prices: readonly Price[]): Promise<void> {
  await db.insertInto('shows').values(row).execute();
  await replacePrices(db, row.cinema_id, row.id, prices);
}

export async function updateShowRow(db: DbOrTrx, cinemaId: string, id: string, patch: Partial<ShowRow>): Promise<void> {
  await db.updateTable('shows').set(patch).where('cinema_id', '=', cinemaId).where('id', '=', id).execute();
}

export async function replacePrices(db: DbOrTrx, cinemaId: string, showId: string, prices: readonly Price[]): Promise<void> {
  await db.deleteFrom('show_prices').where('cinema_id', '=', cinemaId).where('show_id', '=', showId).execute();
  if (prices.length) {
    await db
      .insertInto('show_prices')
      .values(prices.map((p) => ({ cinema_id: cinemaId, show_id: showId, category: p.category, price_paise: p.pricePaise })))
      .execute();
  }
}

export async function findShow(db: DbOrTrx, cinemaId: string, id: string): Promise<Show | null> {
  const r = await db.selectFrom('shows').selectAll().where('cinema_id', '=', cinemaId).where('id', '=', id).executeTakeFirst();
  return r ? (await withPrices(db, cinemaId, [r]))[0]! : null;
}

/**
 * Reads a show and, on PostgreSQL, locks its row against other seat pickers until the transaction
 * ends, so that concurrent best-available requests choose one after another instead of all
 * racing for the same best block. (NO KEY UPDATE: plain inserts referencing the show are not blocked.)
 */
export async function findShowForPicking(db: DbOrTrx, cinemaId: string, id: string): Promise<Show | null> {
  let q = db.selectFrom('shows').selectAll().where('cinema_id', '=', cinemaId).where('id', '=', id);
  if (!isSqlite(db)) q = q.forNoKeyUpdate();
  const r = await q.executeTakeFirst();
  return r ? (await withPrices(db, cinemaId, [r]))[0]! : null;
}

export async function findShowAt(db: DbOrTrx, cinemaId: string, screenId: string, startsAt: number): Promise<Show | null> {
  const r = await db
    .selectFrom('shows')
    .selectAll()
    .where('cinema_id', '=', cinemaId)
    .where('screen_id', '=', screenId)
    .where('starts_at', '=', startsAt)
    .executeTakeFirst();
  return r ? (await withPrices(db, cinemaId, [r]))[0]! : null;
}

export interface ShowFilter {
  locationId?: string;
  screenId?: string;
  movieId?: string;
  eventId?: string;
  /** starts_at >= from */
  from?: number;
  /** starts_at < to */
  to?: number;
  status?: 'scheduled' | 'cancelled';
  limit?: number;
}

export async function selectShows(db: DbOrTrx, cinemaId: string, f: ShowFilter): Promise<Show[]> {
  let q = db.selectFrom('shows').selectAll().where('cinema_id', '=', cinemaId);
  if (f.locationId) q = q.where('location_id', '=', f.locationId);
  if (f.screenId) q = q.where('screen_id', '=', f.screenId);
  if (f.movieId) q = q.where('movie_id', '=', f.movieId);
  if (f.eventId) q = q.where('event_id', '=', f.eventId);
  if (f.from !== undefined) q = q.where('starts_at', '>=', f.from);
  if (f.to !== undefined) q = q.where('starts_at', '<', f.to);
  if (f.status) q = q.where('status', '=', f.status);
  q = q.orderBy('starts_at').orderBy('id');
  if (f.limit) q = q.limit(f.limit);
  return withPrices(db, cinemaId, await q.execute());
}

/** Scheduled shows on the screen whose running time intersects [start, end). */
export async function selectOverlappingShows(db: DbOrTrx, cinemaId: string, screenId: string, start: number, end: number, excludeId?: string): Promise<ShowRow[]> {
  let q = db
    .selectFrom('shows')
    .selectAll()
    .where('cinema_id', '=', cinemaId)
    .where('screen_id', '=', screenId)
    .where('status', '=', 'scheduled')
    .where('starts_at', '<', end)
    .where('ends_at', '>', start);
  if (excludeId) q = q.where('id', '!=', excludeId);
  return q.execute();
}

/** Bookings of the show that still count: confirmed, or held (expired or not, until released). */
export async function countActiveBookings(db: DbOrTrx, cinemaId: string, showId: string): Promise<number> {
  const r = await db
    .selectFrom('bookings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('cinema_id', '=', cinemaId)
    .where('show_id', '=', showId)
    .where('status', 'in', ['held', 'confirmed'])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Points shows at an event (or at none), optionally switching them to general admission. */
export async function setShowsEvent(db: DbOrTrx, cinemaId: string, showIds: readonly string[], patch: Partial<ShowRow>): Promise<void> {
  if (!showIds.length) return;
  await db.updateTable('shows').set(patch).where('cinema_id', '=', cinemaId).where('id', 'in', [...showIds]).execute();
}

export async function selectShowsByIds(db: DbOrTrx, cinemaId: string, ids: readonly string[]): Promise<Show[]> {
  const rows: ShowRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(...(await db.selectFrom('shows').selectAll().where('cinema_id', '=', cinemaId).where('id', 'in', ids.slice(i, i + 500)).execute()));
  }
  return withPrices(db, cinemaId, rows);
}
