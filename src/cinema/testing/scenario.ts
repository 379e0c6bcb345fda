import crypto from 'node:crypto';
import type { Db, DbOrTrx } from '../../db/database.ts';
import { ManualClock } from '../../clock.ts';
import { createLocation } from '../location-catalogue.ts';
import { createMovie } from '../movie-catalogue.ts';
import { createScreen } from '../screen-catalogue.ts';
import { createShow } from '../show-catalogue.ts';
import { getShowAvailability } from '../get-show-availability.ts';
import { layoutRow } from '../seat-layout.ts';
import type { Location, Movie, Price, Screen, SeatLayout, Show } from '../types.ts';

/** Test scenarios in a few lines: a cinema with a location, a screen, a film and a show. */

export const T0 = Date.UTC(2026, 10, 25, 6, 30); // 2026-11-25 12:00 in Asia/Kolkata

/** Inserts a minimal cinema row (the tenants module owns the real onboarding). */
export async function addCinema(db: DbOrTrx, id = `cin_${crypto.randomBytes(4).toString('hex')}`): Promise<string> {
  await db
    .insertInto('cinemas')
    .values({
      id,
      name: `Cinema ${id}`,
      waba_id: `waba_${id}`,
      phone_number_id: `pn_${id}`,
      display_phone_number: '+91 90000 00000',
      access_token_enc: 'sealed',
      app_secret_enc: null,
      token_status: 'valid',
      token_error: null,
      timezone: 'Asia/Kolkata',
      default_language: 'en',
      settings_json: '{}',
      is_demo: 0,
      created_at: T0,
      updated_at: T0,
    })
    .execute();
  return id;
}

/** Inserts `n` customers of a cinema and returns their ids. */
export async function addCustomers(db: DbOrTrx, cinemaId: string, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => `cus_${crypto.randomBytes(6).toString('hex')}`);
  for (let i = 0; i < ids.length; i += 100) {
    await db
      .insertInto('customers')
      .values(
        ids.slice(i, i + 100).map((id) => ({
          id,
          cinema_id: cinemaId,
          key_hash: `key_${id}`,
          wa_id_enc: null,
          wa_id_hash: null,
          wa_id_last4: null,
          user_id: null,
          name: null,
          language: null,
          is_test: 0,
          created_at: T0,
          last_inbound_at: null,
        })),
      )
      .execute();
  }
  return ids;
}

/** Rows A… of one category each, from patterns (see layoutRow). */
export function layoutOf(rows: [category: string, pattern: string][]): SeatLayout {
  return { rows: rows.map(([category, pattern], i) => layoutRow(String.fromCharCode(65 + i), category, pattern)) };
}

/** 10 rows: A–D Classic, E–H Prime, I–J Recliner, 20 seats with two aisles (recliners 12). */
export const STANDARD_LAYOUT = layoutOf([
  ...Array.from({ length: 4 }, () => ['Classic', 'SSSS_SSSSSSSSSSSS_SSSS'] as [string, string]),
  ...Array.from({ length: 4 }, () => ['Prime', 'SSSS_SSSSSSSSSSSS_SSSS'] as [string, string]),
  ...Array.from({ length: 2 }, () => ['Recliner', '_____SSSSSSSSSSSS_____'] as [string, string]),
]);

export interface Scenario {
  db: Db;
  clock: ManualClock;
  cinemaId: string;
  location: Location;
  screen: Screen;
  movie: Movie;
  show: Show;
}

export interface ScenarioOptions {
  cinemaId?: string;
  layout?: SeatLayout;
  prices?: Price[];
  /** Default: two days after T0. */
  startsAt?: number;
  timezone?: string;
  seating?: 'assigned' | 'general_admission';
  capacity?: number;
}

/** A cinema (new unless given) with one location, screen, film and show, and a clock at T0. */
export async function scenario(db: Db, o: ScenarioOptions = {}): Promise<Scenario> {
  const clock = new ManualClock(T0);
  const deps = { db, clock };
  const cinemaId = o.cinemaId ?? (await addCinema(db));
  const suffix = crypto.randomBytes(3).toString('hex');
  const location = await createLocation(deps, {
    cinemaId,
    code: `loc-${suffix}`,
    name: `Marquee ${suffix}`,
    city: 'Dindigul',
    address: '1 Main Road',
    timezone: o.timezone ?? 'Asia/Kolkata',
  });
  const layout = o.layout ?? STANDARD_LAYOUT;
  const screen = await createScreen(deps, { cinemaId, locationId: location.id, name: 'Screen 1', layout });
  const movie = await createMovie(deps, { cinemaId, code: `film-${suffix}`, title: `Film ${suffix}`, durationMinutes: 150, certificate: 'UA', languages: ['Tamil'] });
  const prices =
    o.prices ??
    (o.seating === 'general_admission'
      ? [{ category: 'General', pricePaise: 20000 }]
      : screen.categories.map((category, i) => ({ category, pricePaise: 15000 + i * 5000 })));
  const show = await createShow(deps, {
    cinemaId,
    movieId: movie.id,
    screenId: screen.id,
    startsAt: o.startsAt ?? T0 + 2 * 24 * 60 * 60_000,
    language: 'Tamil',
    prices,
    seating: o.seating,
    capacity: o.capacity,
  });
  return { db, clock, cinemaId, location, screen, movie, show };
}

/** The show's seat ids by code: (await seatIdsByCode(s)).get('F12'). */
export async function seatIdsByCode(s: Scenario): Promise<Map<string, string>> {
  const a = await getShowAvailability(s.db, { cinemaId: s.cinemaId, showId: s.show.id, now: s.clock.now() });
  return new Map(a.rows.flatMap((r) => r.cells.filter((c) => c !== null).map((c) => [c.code, c.seatId] as const)));
}
