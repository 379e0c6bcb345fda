import { z } from 'zod';
import type { DbOrTrx } from '../db/database.ts';
import type { CatalogueDeps } from './catalogue-deps.ts';
import { DomainError } from './domain-error.ts';
import { newId } from './new-id.ts';
import { parseInput } from './parse-input.ts';
import { inTransaction } from './repositories/in-transaction.ts';
import { findLocation } from './repositories/location-repository.ts';
import {
  findScreen,
  findScreenByName,
  insertScreen,
  selectScreens,
  selectSeats,
  setSeatsBlocked as setSeatsBlockedRows,
  syncSeats,
  updateScreenRow,
} from './repositories/screen-repository.ts';
import { selectFutureClaimedSeats } from './repositories/screen-usage-repository.ts';
import { layoutToSeats, normalizeSeatCode, seatCode } from './seat-layout.ts';
import type { Screen, SeatLayout } from './types.ts';

const nameSchema = z.string().trim().min(1).max(60);

/** Adds a screen with its seat layout to a location. Errors: location_not_found, already_exists, invalid_input. */
export async function createScreen(
  deps: CatalogueDeps,
  input: { cinemaId: string; locationId: string; name: string; layout: SeatLayout; isActive?: boolean },
): Promise<Screen> {
  const name = parseInput(nameSchema, input.name);
  const specs = layoutToSeats(input.layout);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    if (!(await findLocation(trx, input.cinemaId, input.locationId))) throw new DomainError('location_not_found', `no location ${input.locationId}`);
    if (await findScreenByName(trx, input.cinemaId, input.locationId, name)) throw new DomainError('already_exists', `a screen named ${name} exists here`, { name });
    const id = newId('scr');
    await insertScreen(trx, {
      id,
      cinema_id: input.cinemaId,
      location_id: input.locationId,
      name,
      is_active: input.isActive === false ? 0 : 1,
      created_at: now,
      updated_at: now,
    });
    await syncSeats(trx, input.cinemaId, id, specs);
    return (await findScreen(trx, input.cinemaId, id))!;
  });
}

/**
 * Renames a screen or replaces its layout. Seats keep their identity by row and number; a seat
 * that is sold or held for a show still to come cannot be taken out of the layout
 * (show_has_bookings, details.seats). Errors: screen_not_found, already_exists, invalid_input.
 */
export async function updateScreen(
  deps: CatalogueDeps,
  input: { cinemaId: string; screenId: string; patch: { name?: string; layout?: SeatLayout; isActive?: boolean } },
): Promise<Screen> {
  const name = input.patch.name === undefined ? undefined : parseInput(nameSchema, input.patch.name);
  const specs = input.patch.layout ? layoutToSeats(input.patch.layout) : undefined;
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const screen = await findScreen(trx, input.cinemaId, input.screenId);
    if (!screen) throw new DomainError('screen_not_found', `no screen ${input.screenId}`);
    if (name !== undefined && name !== screen.name && (await findScreenByName(trx, input.cinemaId, screen.locationId, name))) {
      throw new DomainError('already_exists', `a screen named ${name} exists here`, { name });
    }
    if (specs) {
      const kept = new Set(specs.map((s) => seatCode(s.rowLabel, s.number)));
      const inUse = (await selectFutureClaimedSeats(trx, input.cinemaId, screen.id, now)).filter((code) => !kept.has(code));
      if (inUse.length) throw new DomainError('show_has_bookings', `seats booked for coming shows: ${inUse.join(', ')}`, { seats: inUse });
      await syncSeats(trx, input.cinemaId, screen.id, specs);
    }
    await updateScreenRow(trx, input.cinemaId, screen.id, {
      updated_at: now,
      ...(name !== undefined ? { name } : {}),
      ...(input.patch.isActive !== undefined ? { is_active: input.patch.isActive ? 1 : 0 } : {}),
    });
    return (await findScreen(trx, input.cinemaId, screen.id))!;
  });
}

/**
 * Staff block seats (broken, house seats) or release them, by code ('F12'). A blocked seat is never
 * offered or sold; seats already sold stay sold. Errors: screen_not_found, seat_not_found.
 */
export async function setSeatsBlocked(
  deps: CatalogueDeps,
  input: { cinemaId: string; screenId: string; seatCodes: string[]; blocked: boolean },
): Promise<Screen> {
  return inTransaction(deps.db, async (trx) => {
    const screen = await findScreen(trx, input.cinemaId, input.screenId);
    if (!screen) throw new DomainError('screen_not_found', `no screen ${input.screenId}`);
    const byCode = new Map((await selectSeats(trx, input.cinemaId, screen.id)).map((s) => [s.code, s.id]));
    const missing = input.seatCodes.filter((c) => !byCode.has(normalizeSeatCode(c) ?? ''));
    if (missing.length) throw new DomainError('seat_not_found', `no such seats: ${missing.join(', ')}`, { seats: missing });
    await setSeatsBlockedRows(
      trx,
      input.cinemaId,
      screen.id,
      input.seatCodes.map((c) => byCode.get(normalizeSeatCode(c)!)!),
      input.blocked,
    );
    await updateScreenRow(trx, input.cinemaId, screen.id, { updated_at: deps.clock.now() });
    return (await findScreen(trx, input.cinemaId, screen.id))!;
  });
}

/** One screen with its layout, or null. */
export async function getScreen(db: DbOrTrx, q: { cinemaId: string; screenId: string }): Promise<Screen | null> {
  return findScreen(db, q.cinemaId, q.screenId);
}

/** The cinema's screens (of one location if given), with layouts. */
export async function listScreens(db: DbOrTrx, q: { cinemaId: string; locationId?: string }): Promise<Screen[]> {
  return selectScreens(db, q.cinemaId, q.locationId);
}
