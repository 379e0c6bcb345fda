import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { ScreensTable, SeatsTable } from '../tables.ts';
import type { Screen, Seat } from '../types.ts';
import { seatCode, seatsToLayout, type SeatSpec } from '../seat-layout.ts';
import { newId } from '../new-id.ts';

export type ScreenRow = Selectable<ScreensTable>;
export type SeatRow = Selectable<SeatsTable>;

export function toSeat(r: SeatRow): Seat {
  return {
    id: r.id,
    code: seatCode(r.row_label, r.number),
    rowLabel: r.row_label,
    rowIndex: r.row_index,
    col: r.col,
    number: r.number,
    category: r.category,
    wheelchair: r.wheelchair === 1,
    blocked: r.blocked === 1,
  };
}

function toSpec(r: SeatRow): SeatSpec {
  return {
    rowLabel: r.row_label,
    rowIndex: r.row_index,
    col: r.col,
    number: r.number,
    category: r.category,
    wheelchair: r.wheelchair === 1,
    blocked: r.blocked === 1,
  };
}

function toScreen(r: ScreenRow, seats: SeatRow[]): Screen {
  const live = seats.filter((s) => s.removed === 0).sort((a, b) => a.row_index - b.row_index || a.col - b.col);
  const categories: string[] = [];
  for (const s of live) if (!categories.includes(s.category)) categories.push(s.category);
  return {
    id: r.id,
    cinemaId: r.cinema_id,
    locationId: r.location_id,
    name: r.name,
    isActive: r.is_active === 1,
    layout: seatsToLayout(live.map(toSpec)),
    categories,
    sellableSeats: live.filter((s) => s.blocked === 0).length,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

export async function insertScreen(db: DbOrTrx, row: ScreenRow): Promise<void> {
  await db.insertInto('screens').values(row).execute();
}

export async function updateScreenRow(db: DbOrTrx, cinemaId: string, id: string, patch: Partial<ScreenRow>): Promise<void> {
  await db.updateTable('screens').set(patch).where('cinema_id', '=', cinemaId).where('id', '=', id).execute();
}

/**
 * Makes the screen's seats match a layout. Seats are matched by row label and number, so a seat
 * keeps its id (and its bookings) when it moves or changes category; seats no longer in the
 * layout are marked removed rather than deleted, because past bookings refer to them.
 */
export async function syncSeats(db: DbOrTrx, cinemaId: string, screenId: string, specs: readonly SeatSpec[]): Promise<void> {
  const existing = await db.selectFrom('seats').selectAll().where('cinema_id', '=', cinemaId).where('screen_id', '=', screenId).execute();
  const byCode = new Map(existing.map((s) => [seatCode(s.row_label, s.number), s]));
  const wanted = new Set<string>();
  const inserts: SeatRow[] = [];
  for (const spec of specs) {
    const code = seatCode(spec.rowLabel, spec.number);
    wanted.add(code);
    const old = byCode.get(code);
    const values = {
      row_label: spec.rowLabel,
      row_index: spec.rowIndex,
      col: spec.col,
      number: spec.number,
      category: spec.category,
      wheelchair: spec.wheelchair ? 1 : 0,
      blocked: spec.blocked ? 1 : 0,
      removed: 0,
    };
    if (!old) {
      inserts.push({ id: newId('seat'), cinema_id: cinemaId, screen_id: screenId, ...values });
    } else if (
      old.row_index !== values.row_index ||
      old.col !== values.col ||
      old.category !== values.category ||
      old.wheelchair !== values.wheelchair ||
      old.blocked !== values.blocked ||
      old.removed !== 0
    ) {
      await db.updateTable('seats').set(values).where('id', '=', old.id).execute();
    }
  }
  for (let i = 0; i < inserts.length; i += 200) await db.insertInto('seats').values(inserts.slice(i, i + 200)).execute();
  const gone = existing.filter((s) => s.removed === 0 && !wanted.has(seatCode(s.row_label, s.number))).map((s) => s.id);
  for (let i = 0; i < gone.length; i += 200) {
    await db.updateTable('seats').set({ removed: 1 }).where('id', 'in', gone.slice(i, i + 200)).execute();
  }
}

/** Blocks or unblocks seats by id; returns how many changed. */
export async function setSeatsBlocked(db: DbOrTrx, cinemaId: string, screenId: string, seatIds: readonly string[], blocked: boolean): Promise<number> {
  if (!seatIds.length) return 0;
  const r = await db
    .updateTable('seats')
    .set({ blocked: blocked ? 1 : 0 })
    .where('cinema_id', '=', cinemaId)
    .where('screen_id', '=', screenId)
    .where('id', 'in', [...seatIds])
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function findScreen(db: DbOrTrx, cinemaId: string, id: string): Promise<Screen | null> {
  const r = await db.selectFrom('screens').selectAll().where('cinema_id', '=', cinemaId).where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  const seats = await db.selectFrom('seats').selectAll().where('cinema_id', '=', cinemaId).where('screen_id', '=', id).execute();
  return toScreen(r, seats);
}

export async function findScreenByName(db: DbOrTrx, cinemaId: string, locationId: string, name: string): Promise<ScreenRow | null> {
  const r = await db
    .selectFrom('screens')
    .selectAll()
    .where('cinema_id', '=', cinemaId)
    .where('location_id', '=', locationId)
    .where('name', '=', name)
    .executeTakeFirst();
  return r ?? null;
}

export async function selectScreens(db: DbOrTrx, cinemaId: string, locationId?: string): Promise<Screen[]> {
  let q = db.selectFrom('screens').selectAll().where('cinema_id', '=', cinemaId);
  if (locationId) q = q.where('location_id', '=', locationId);
  const rows = await q.orderBy('location_id').orderBy('name').execute();
  if (!rows.length) return [];
  const seats = await db
    .selectFrom('seats')
    .selectAll()
    .where('cinema_id', '=', cinemaId)
    .where(
      'screen_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) =>
    toScreen(
      r,
      seats.filter((s) => s.screen_id === r.id),
    ),
  );
}

/** The screen's current seats (not removed). */
export async function selectSeats(db: DbOrTrx, cinemaId: string, screenId: string): Promise<Seat[]> {
  const rows = await db
    .selectFrom('seats')
    .selectAll()
    .where('cinema_id', '=', cinemaId)
    .where('screen_id', '=', screenId)
    .where('removed', '=', 0)
    .orderBy('row_index')
    .orderBy('col')
    .execute();
  return rows.map(toSeat);
}

/** A screen's name, location and seat categories (front to back), without loading its seats. */
export async function findScreenSummary(
  db: DbOrTrx,
  cinemaId: string,
  id: string,
): Promise<{ id: string; name: string; locationId: string; categories: string[] } | null> {
  const r = await db.selectFrom('screens').select(['id', 'name', 'location_id']).where('cinema_id', '=', cinemaId).where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  const cats = await db
    .selectFrom('seats')
    .select(['category', (eb) => eb.fn.min('row_index').as('first_row')])
    .where('cinema_id', '=', cinemaId)
    .where('screen_id', '=', id)
    .where('removed', '=', 0)
    .groupBy('category')
    .orderBy('first_row')
    .execute();
  return { id: r.id, name: r.name, locationId: r.location_id, categories: cats.map((c) => c.category) };
}
