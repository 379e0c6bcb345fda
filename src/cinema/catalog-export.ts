import type { DbOrTrx } from '../db/database.ts';
import { CATALOG_FORMAT, CATALOG_VERSION, compactLayout, type CatalogDocument } from './catalog-format.ts';
import type { ShowLine } from './catalog-import.ts';
import { selectEvents } from './repositories/event-repository.ts';
import { selectLocations } from './repositories/location-repository.ts';
import { selectMovies } from './repositories/movie-repository.ts';
import { selectScreens } from './repositories/screen-repository.ts';
import { selectShows } from './repositories/show-repository.ts';
import { toLocal } from './time-zone.ts';
import type { Location, Movie, Screen, Show } from './types.ts';

interface Names {
  locations: Map<string, Location>;
  screens: Map<string, Screen>;
  movies: Map<string, Movie>;
}

async function names(db: DbOrTrx, cinemaId: string): Promise<Names> {
  return {
    locations: new Map((await selectLocations(db, cinemaId)).map((l) => [l.id, l])),
    screens: new Map((await selectScreens(db, cinemaId)).map((s) => [s.id, s])),
    movies: new Map((await selectMovies(db, cinemaId)).map((m) => [m.id, m])),
  };
}

function localString(ms: number | null, tz: string): string | null {
  if (ms === null) return null;
  const l = toLocal(ms, tz);
  return `${l.date} ${l.time}`;
}

function toLine(s: Show, n: Names): ShowLine {
  const location = n.locations.get(s.locationId)!;
  const local = toLocal(s.startsAt, location.timezone);
  return {
    where: '',
    location: location.code,
    screen: n.screens.get(s.screenId)!.name,
    movie: n.movies.get(s.movieId)!.code,
    date: local.date,
    time: local.time,
    language: s.language,
    format: s.format,
    pricesPaise: Object.fromEntries(s.prices.map((p) => [p.category, p.pricePaise])),
    seating: s.seating,
    capacity: s.capacity,
    bookingOpens: localString(s.bookingOpensAt, location.timezone),
    bookingCloses: localString(s.bookingClosesAt, location.timezone),
    status: s.status,
  };
}

function showSortKey(s: Show, n: Names): string {
  return `${n.locations.get(s.locationId)!.code}\u0000${n.screens.get(s.screenId)!.name}`;
}

/** Shows as schedule lines (location, date, time order) and the price categories they use, cheapest first. */
export async function exportShowLines(
  db: DbOrTrx,
  q: { cinemaId: string; from?: number; to?: number },
): Promise<{ lines: ShowLine[]; categories: string[] }> {
  const n = await names(db, q.cinemaId);
  const shows = await selectShows(db, q.cinemaId, { from: q.from, to: q.to });
  const lines = shows.map((s) => toLine(s, n)).sort((a, b) => a.location.localeCompare(b.location) || a.date.localeCompare(b.date) || a.time.localeCompare(b.time) || a.screen.localeCompare(b.screen));
  const cheapest = new Map<string, number>();
  for (const s of shows) for (const p of s.prices) cheapest.set(p.category, Math.min(cheapest.get(p.category) ?? Infinity, p.pricePaise));
  const categories = [...cheapest.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([c]) => c);
  return { lines, categories };
}

/** The whole catalogue (shows from `from` if given) as a catalogue document; importing it back changes nothing. */
export async function exportCatalogue(db: DbOrTrx, q: { cinemaId: string; from?: number }): Promise<CatalogDocument> {
  const n = await names(db, q.cinemaId);
  const shows = await selectShows(db, q.cinemaId, { from: q.from });
  const showById = new Map(shows.map((s) => [s.id, s]));
  const events = await selectEvents(db, q.cinemaId);
  const key = (s: Show) => {
    const l = toLine(s, n);
    return { location: l.location, screen: l.screen, date: l.date, time: l.time };
  };
  return {
    format: CATALOG_FORMAT,
    version: CATALOG_VERSION,
    locations: [...n.locations.values()].map((l) => ({
      code: l.code,
      name: l.name,
      city: l.city,
      address: l.address,
      latitude: l.latitude,
      longitude: l.longitude,
      timezone: l.timezone,
      openingHours: l.openingHours,
      phone: l.phone,
      email: l.email,
      isActive: l.isActive,
      screens: [...n.screens.values()]
        .filter((s) => s.locationId === l.id)
        .map((s) => ({ name: s.name, isActive: s.isActive, layout: { rows: compactLayout(s.layout) } })),
    })),
    movies: [...n.movies.values()].map((m) => ({
      code: m.code,
      title: m.title,
      synopsis: m.synopsis,
      durationMinutes: m.durationMinutes,
      certificate: m.certificate,
      languages: m.languages,
      genres: m.genres,
      posterUrl: m.posterUrl,
      trailerUrl: m.trailerUrl,
      releaseDate: m.releaseDate,
      isActive: m.isActive,
    })),
    // Start order, then location and screen: the same catalogue always exports the same file.
    shows: [...shows]
      .sort((a, b) => a.startsAt - b.startsAt || showSortKey(a, n).localeCompare(showSortKey(b, n)))
      .map((s) => {
        const { where: _where, row: _row, reported: _reported, ...line } = toLine(s, n);
        return { ...line, capacity: line.capacity ?? null };
      }),
    events: events.map((e) => ({
      keyword: e.keyword,
      name: e.name,
      movie: e.movieId ? (n.movies.get(e.movieId)?.code ?? null) : null,
      texts: e.texts,
      maxTicketsPerBooking: e.maxTicketsPerBooking,
      seating: e.seating,
      capacity: e.capacity,
      locations: e.locationIds.map((id) => n.locations.get(id)?.code ?? id),
      shows: e.showIds.filter((id) => showById.has(id)).map((id) => key(showById.get(id)!)),
      status: e.status,
    })),
  };
}
