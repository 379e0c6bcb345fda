import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { LocationsTable } from '../tables.ts';
import type { Location, OpeningHours } from '../types.ts';
import { parseJsonColumn } from './json-column.ts';

export type LocationRow = Selectable<LocationsTable>;

export function toLocation(r: LocationRow): Location {
  return {
    id: r.id,
    cinemaId: r.cinema_id,
    code: r.code,
    name: r.name,
    city: r.city,
    address: r.address,
    latitude: r.latitude === null ? null : Number(r.latitude),
    longitude: r.longitude === null ? null : Number(r.longitude),
    timezone: r.timezone,
    openingHours: parseJsonColumn<OpeningHours>(r.opening_hours_json, {}),
    phone: r.phone,
    email: r.email,
    isActive: r.is_active === 1,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

export async function insertLocation(db: DbOrTrx, row: LocationRow): Promise<void> {
  await db.insertInto('locations').values(row).execute();
}

export async function updateLocationRow(db: DbOrTrx, cinemaId: string, id: string, patch: Partial<LocationRow>): Promise<void> {
  await db.updateTable('locations').set(patch).where('cinema_id', '=', cinemaId).where('id', '=', id).execute();
}

export async function findLocation(db: DbOrTrx, cinemaId: string, id: string): Promise<Location | null> {
  const r = await db.selectFrom('locations').selectAll().where('cinema_id', '=', cinemaId).where('id', '=', id).executeTakeFirst();
  return r ? toLocation(r) : null;
}

export async function findLocationByCode(db: DbOrTrx, cinemaId: string, code: string): Promise<Location | null> {
  const r = await db.selectFrom('locations').selectAll().where('cinema_id', '=', cinemaId).where('code', '=', code).executeTakeFirst();
  return r ? toLocation(r) : null;
}

export async function selectLocations(db: DbOrTrx, cinemaId: string): Promise<Location[]> {
  const rows = await db.selectFrom('locations').selectAll().where('cinema_id', '=', cinemaId).orderBy('name').orderBy('id').execute();
  return rows.map(toLocation);
}
