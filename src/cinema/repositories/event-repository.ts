import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { EventsTable } from '../tables.ts';
import type { SpecialEvent } from '../types.ts';
import { parseJsonColumn } from './json-column.ts';

export type EventRow = Selectable<EventsTable>;

function toEvent(r: EventRow, showIds: string[]): SpecialEvent {
  return {
    id: r.id,
    cinemaId: r.cinema_id,
    keyword: r.keyword,
    name: r.name,
    movieId: r.movie_id,
    texts: parseJsonColumn<SpecialEvent['texts']>(r.texts_json, { en: { title: r.name, description: '', terms: '' } }),
    maxTicketsPerBooking: r.max_tickets,
    seating: r.seating,
    capacity: r.capacity,
    locationIds: parseJsonColumn<string[]>(r.location_ids_json, []),
    showIds,
    status: r.status,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

async function withShows(db: DbOrTrx, cinemaId: string, rows: EventRow[]): Promise<SpecialEvent[]> {
  if (!rows.length) return [];
  const shows = await db
    .selectFrom('shows')
    .select(['id', 'event_id'])
    .where('cinema_id', '=', cinemaId)
    .where(
      'event_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('starts_at')
    .execute();
  return rows.map((r) =>
    toEvent(
      r,
      shows.filter((s) => s.event_id === r.id).map((s) => s.id),
    ),
  );
}

export async function insertEvent(db: DbOrTrx, row: EventRow): Promise<void> {
  await db.insertInto('events').values(row).execute();
}

export async function updateEventRow(db: DbOrTrx, cinemaId: string, id: string, patch: Partial<EventRow>): Promise<void> {
  await db.updateTable('events').set(patch).where('cinema_id', '=', cinemaId).where('id', '=', id).execute();
}

export async function findEvent(db: DbOrTrx, cinemaId: string, id: string): Promise<SpecialEvent | null> {
  const r = await db.selectFrom('events').selectAll().where('cinema_id', '=', cinemaId).where('id', '=', id).executeTakeFirst();
  return r ? (await withShows(db, cinemaId, [r]))[0]! : null;
}

export async function findEventByKey(db: DbOrTrx, cinemaId: string, keywordKey: string): Promise<SpecialEvent | null> {
  const r = await db.selectFrom('events').selectAll().where('cinema_id', '=', cinemaId).where('keyword_key', '=', keywordKey).executeTakeFirst();
  return r ? (await withShows(db, cinemaId, [r]))[0]! : null;
}

export async function selectEvents(db: DbOrTrx, cinemaId: string, opts: { status?: 'active' | 'inactive' } = {}): Promise<SpecialEvent[]> {
  let q = db.selectFrom('events').selectAll().where('cinema_id', '=', cinemaId);
  if (opts.status) q = q.where('status', '=', opts.status);
  return withShows(db, cinemaId, await q.orderBy('name').orderBy('id').execute());
}

/** Events of the cinema with at least one scheduled show starting after `now`. */
export async function selectEventIdsWithUpcomingShows(db: DbOrTrx, cinemaId: string, now: number): Promise<string[]> {
  const rows = await db
    .selectFrom('shows')
    .select('event_id')
    .distinct()
    .where('cinema_id', '=', cinemaId)
    .where('event_id', 'is not', null)
    .where('status', '=', 'scheduled')
    .where('starts_at', '>', now)
    .execute();
  return rows.map((r) => r.event_id!).filter(Boolean);
}
