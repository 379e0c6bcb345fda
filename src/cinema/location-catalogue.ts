import { z } from 'zod';
import type { DbOrTrx } from '../db/database.ts';
import type { CatalogueDeps } from './catalogue-deps.ts';
import { DomainError } from './domain-error.ts';
import { newId } from './new-id.ts';
import { parseInput, slugify } from './parse-input.ts';
import { inTransaction } from './repositories/in-transaction.ts';
import { findLocation, findLocationByCode, insertLocation, selectLocations, updateLocationRow, type LocationRow } from './repositories/location-repository.ts';
import { isValidTimeZone } from './time-zone.ts';
import { WEEKDAYS, type Location, type Weekday } from './types.ts';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like 09:30');
const openingHoursSchema = z.partialRecord(
  z.enum(WEEKDAYS as [Weekday, ...Weekday[]]),
  z.array(z.object({ opens: hhmm, closes: hhmm })).max(4),
);

export const codeSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and hyphens');

const fields = {
  code: codeSchema,
  name: z.string().trim().min(1).max(100),
  city: z.string().trim().min(1).max(100),
  address: z.string().trim().min(1).max(300),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  timezone: z.string().refine(isValidTimeZone, 'an IANA time zone such as Asia/Kolkata'),
  openingHours: openingHoursSchema,
  phone: z.string().trim().max(30).nullable(),
  email: z.email().nullable(),
  isActive: z.boolean(),
};

export const locationInputSchema = z.object({
  ...fields,
  code: fields.code.optional(),
  latitude: fields.latitude.optional(),
  longitude: fields.longitude.optional(),
  openingHours: fields.openingHours.optional(),
  phone: fields.phone.optional(),
  email: fields.email.optional(),
  isActive: fields.isActive.optional(),
});
export type LocationInput = z.input<typeof locationInputSchema>;
export type LocationPatch = Partial<LocationInput>;
const locationPatchSchema = z.object(fields).partial();

/** Adds a location; its code defaults to a slug of the name and must be unique in the cinema. */
export async function createLocation(deps: CatalogueDeps, input: { cinemaId: string } & LocationInput): Promise<Location> {
  const v = parseInput(locationInputSchema, input);
  const now = deps.clock.now();
  const code = v.code ?? (slugify(v.name) || newId('loc').slice(4, 12));
  return inTransaction(deps.db, async (trx) => {
    if (await findLocationByCode(trx, input.cinemaId, code)) throw new DomainError('already_exists', `a location with code ${code} exists`, { code });
    const row: LocationRow = {
      id: newId('loc'),
      cinema_id: input.cinemaId,
      code,
      name: v.name,
      city: v.city,
      address: v.address,
      latitude: v.latitude ?? null,
      longitude: v.longitude ?? null,
      timezone: v.timezone,
      opening_hours_json: JSON.stringify(v.openingHours ?? {}),
      phone: v.phone ?? null,
      email: v.email ?? null,
      is_active: v.isActive === false ? 0 : 1,
      created_at: now,
      updated_at: now,
    };
    await insertLocation(trx, row);
    return (await findLocation(trx, input.cinemaId, row.id))!;
  });
}

/** Changes some fields of a location. Errors: location_not_found, already_exists, invalid_input. */
export async function updateLocation(deps: CatalogueDeps, input: { cinemaId: string; locationId: string; patch: LocationPatch }): Promise<Location> {
  const v = parseInput(locationPatchSchema, input.patch);
  return inTransaction(deps.db, async (trx) => {
    const current = await findLocation(trx, input.cinemaId, input.locationId);
    if (!current) throw new DomainError('location_not_found', `no location ${input.locationId}`);
    if (v.code && v.code !== current.code && (await findLocationByCode(trx, input.cinemaId, v.code))) {
      throw new DomainError('already_exists', `a location with code ${v.code} exists`, { code: v.code });
    }
    const patch: Partial<LocationRow> = { updated_at: deps.clock.now() };
    if (v.code !== undefined) patch.code = v.code;
    if (v.name !== undefined) patch.name = v.name;
    if (v.city !== undefined) patch.city = v.city;
    if (v.address !== undefined) patch.address = v.address;
    if (v.latitude !== undefined) patch.latitude = v.latitude;
    if (v.longitude !== undefined) patch.longitude = v.longitude;
    if (v.timezone !== undefined) patch.timezone = v.timezone;
    if (v.openingHours !== undefined) patch.opening_hours_json = JSON.stringify(v.openingHours);
    if (v.phone !== undefined) patch.phone = v.phone;
    if (v.email !== undefined) patch.email = v.email;
    if (v.isActive !== undefined) patch.is_active = v.isActive ? 1 : 0;
    await updateLocationRow(trx, input.cinemaId, input.locationId, patch);
    return (await findLocation(trx, input.cinemaId, input.locationId))!;
  });
}

/** One location, or null. */
export async function getLocation(db: DbOrTrx, q: { cinemaId: string; locationId: string }): Promise<Location | null> {
  return findLocation(db, q.cinemaId, q.locationId);
}

/** One location by its code, or null. */
export async function getLocationByCode(db: DbOrTrx, q: { cinemaId: string; code: string }): Promise<Location | null> {
  return findLocationByCode(db, q.cinemaId, q.code);
}

/** The cinema's locations by name (inactive ones too unless `activeOnly`). */
export async function listLocations(db: DbOrTrx, q: { cinemaId: string; activeOnly?: boolean }): Promise<Location[]> {
  const all = await selectLocations(db, q.cinemaId);
  return q.activeOnly ? all.filter((l) => l.isActive) : all;
}
