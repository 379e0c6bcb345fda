import type { DbOrTrx } from '../../db/database.ts';
import type { Certificate, Show, ShowSummary } from '../types.ts';
import { toLocal } from '../time-zone.ts';
import { isBookableAt } from '../show-window.ts';
import { countAdmissionTaken, countAvailableSeats } from './inventory-repository.ts';

/** Adds film, screen, location, local time, bookability and availability at `now` to shows. */
export async function summarizeShows(db: DbOrTrx, cinemaId: string, shows: readonly Show[], now: number): Promise<ShowSummary[]> {
  if (!shows.length) return [];
  const uniq = (xs: string[]) => [...new Set(xs)];
  const movies = await db
    .selectFrom('movies')
    .select(['id', 'code', 'title', 'certificate', 'duration_minutes', 'poster_url'])
    .where('cinema_id', '=', cinemaId)
    .where('id', 'in', uniq(shows.map((s) => s.movieId)))
    .execute();
  const screens = await db
    .selectFrom('screens')
    .select(['id', 'name'])
    .where('cinema_id', '=', cinemaId)
    .where('id', 'in', uniq(shows.map((s) => s.screenId)))
    .execute();
  const locations = await db
    .selectFrom('locations')
    .select(['id', 'code', 'name', 'city', 'timezone'])
    .where('cinema_id', '=', cinemaId)
    .where('id', 'in', uniq(shows.map((s) => s.locationId)))
    .execute();
  const assigned = shows.filter((s) => s.seating === 'assigned').map((s) => s.id);
  const general = shows.filter((s) => s.seating === 'general_admission').map((s) => s.id);
  const seatsLeft = await countAvailableSeats(db, cinemaId, assigned, now);
  const admissionTaken = await countAdmissionTaken(db, cinemaId, general, now);

  const movieById = new Map(movies.map((m) => [m.id, m]));
  const screenById = new Map(screens.map((s) => [s.id, s]));
  const locationById = new Map(locations.map((l) => [l.id, l]));
  return shows.map((s) => {
    const m = movieById.get(s.movieId)!;
    const l = locationById.get(s.locationId)!;
    const local = toLocal(s.startsAt, l.timezone);
    const available =
      s.seating === 'assigned' ? (seatsLeft.get(s.id) ?? 0) : Math.max(0, (s.capacity ?? 0) - (admissionTaken.get(s.id) ?? 0));
    return {
      ...s,
      movie: {
        id: m.id,
        code: m.code,
        title: m.title,
        certificate: m.certificate as Certificate,
        durationMinutes: m.duration_minutes,
        posterUrl: m.poster_url,
      },
      screenName: screenById.get(s.screenId)?.name ?? '',
      location: { id: l.id, code: l.code, name: l.name, city: l.city, timezone: l.timezone },
      localDate: local.date,
      localTime: local.time,
      bookable: isBookableAt(s, now),
      available,
    };
  });
}
