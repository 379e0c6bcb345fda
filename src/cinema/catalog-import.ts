import type { Trx } from '../db/database.ts';
import type { CatalogueDeps } from './catalogue-deps.ts';
import {
  catalogDocumentSchema,
  expandLayout,
  type CatalogEvent,
  type CatalogLocation,
  type CatalogMovie,
  type CatalogScreen,
  type CatalogShowKey,
} from './catalog-format.ts';
import { isDomainError, type DomainError } from './domain-error.ts';
import { createEvent, getEvent, keywordKey, updateEvent, type EventInput } from './event-catalogue.ts';
import { createLocation, updateLocation, type LocationInput } from './location-catalogue.ts';
import { createMovie, updateMovie, type MovieInput } from './movie-catalogue.ts';
import { findEventByKey } from './repositories/event-repository.ts';
import { inTransaction } from './repositories/in-transaction.ts';
import { findLocationByCode } from './repositories/location-repository.ts';
import { findMovieByCode, selectMovies } from './repositories/movie-repository.ts';
import { findScreen, findScreenByName, findScreenSummary } from './repositories/screen-repository.ts';
import { findShowAt } from './repositories/show-repository.ts';
import { createScreen, updateScreen } from './screen-catalogue.ts';
import { layoutToSeats, seatsToLayout } from './seat-layout.ts';
import { createShow, updateShow, type ShowPatch } from './show-catalogue.ts';
import { fromLocal, isLocalDate, isLocalTime } from './time-zone.ts';
import type { Location, Movie, Price, Screen, Show } from './types.ts';

/** One problem in an import file: where (a JSON path or a spreadsheet row), which field, what is wrong. */
export interface ImportIssue {
  /** 'shows[3]' in a catalogue file, 'row 7' in a spreadsheet. */
  where: string;
  /** Spreadsheet row number (the header is row 1). */
  row?: number;
  field: string;
  message: string;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportSummary {
  locations: ImportCounts;
  screens: ImportCounts;
  movies: ImportCounts;
  shows: ImportCounts;
  events: ImportCounts;
}

/** Either everything was imported, or nothing was and every problem found is listed. */
export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; errors: ImportIssue[] };

/** A show as an import file states it, in the location's local time; prices in paise. */
export interface ShowLine {
  where: string;
  row?: number;
  location: string;
  screen: string;
  /** Film code, or its exact title. */
  movie: string;
  date: string;
  time: string;
  language: string;
  format?: string;
  pricesPaise: Record<string, number>;
  seating?: 'assigned' | 'general_admission';
  capacity?: number | null;
  /** 'YYYY-MM-DD HH:mm' local; null: no limit. */
  bookingOpens?: string | null;
  bookingCloses?: string | null;
  status?: 'scheduled' | 'cancelled';
  /** Fields already reported while reading the file: not reported a second time. */
  reported?: string[];
}

class ImportRejected extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super('import rejected');
  }
}

const counts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0 });
const emptySummary = (): ImportSummary => ({ locations: counts(), screens: counts(), movies: counts(), shows: counts(), events: counts() });

/**
 * Imports a catalogue document (see docs/catalog-format.md): all or nothing. Every entry is checked
 * with the same rules as the dashboard's changes; the first problem does not stop the checking, so
 * the result lists them all. Entries are matched by natural key, so importing the same file again
 * changes nothing. Entries not in the file are left alone.
 */
export async function importCatalogue(deps: CatalogueDeps, input: { cinemaId: string; document: unknown }): Promise<ImportResult> {
  const parsed = catalogDocumentSchema.safeParse(input.document);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => shapeIssue(i.path.map(String), i.message)) };
  const doc = parsed.data;
  return run(deps, input.cinemaId, async (trx, ctx) => {
    for (const [i, l] of doc.locations.entries()) await applyLocation(trx, ctx, `locations[${i}]`, l);
    for (const [i, l] of doc.locations.entries()) {
      for (const [j, s] of l.screens.entries()) await applyScreen(trx, ctx, `locations[${i}].screens[${j}]`, l.code, s);
    }
    for (const [i, m] of doc.movies.entries()) await applyMovie(trx, ctx, `movies[${i}]`, m);
    for (const [i, s] of doc.shows.entries()) await applyShow(trx, ctx, { where: `shows[${i}]`, ...s });
    for (const [i, e] of doc.events.entries()) await applyEvent(trx, ctx, `events[${i}]`, e);
  });
}

/** A problem with the document's shape: ['shows', '3', 'time'] → where 'shows[3]', field 'time'. */
function shapeIssue(path: string[], message: string): ImportIssue {
  const [section = 'document', index, ...rest] = path;
  if (index !== undefined && /^\d+$/.test(index)) return { where: `${section}[${index}]`, field: rest.join('.') || section, message };
  return { where: section, field: [index, ...rest].filter(Boolean).join('.') || section, message };
}

/** Imports show schedule lines (from a spreadsheet): all or nothing, idempotent like importCatalogue. */
export async function importShowLines(
  deps: CatalogueDeps,
  input: { cinemaId: string; lines: ShowLine[]; issues?: ImportIssue[] },
): Promise<ImportResult> {
  return run(
    deps,
    input.cinemaId,
    async (trx, ctx) => {
      for (const line of input.lines) await applyShow(trx, ctx, line);
    },
    input.issues ?? [],
  );
}

interface Ctx {
  cinemaId: string;
  now: number;
  clock: CatalogueDeps['clock'];
  issues: ImportIssue[];
  summary: ImportSummary;
  cache: { movies?: Movie[] };
  skip?: (field: string) => boolean;
}

async function run(deps: CatalogueDeps, cinemaId: string, body: (trx: Trx, ctx: Ctx) => Promise<void>, earlier: ImportIssue[] = []): Promise<ImportResult> {
  try {
    const summary = await inTransaction(deps.db, async (trx) => {
      const ctx: Ctx = { cinemaId, now: deps.clock.now(), clock: deps.clock, issues: [...earlier], summary: emptySummary(), cache: {} };
      await body(trx, ctx);
      if (ctx.issues.length) throw new ImportRejected(ctx.issues);
      return ctx.summary;
    });
    return { ok: true, summary };
  } catch (e) {
    if (e instanceof ImportRejected) return { ok: false, errors: sortIssues(e.issues) };
    throw e;
  }
}

function sortIssues(issues: ImportIssue[]): ImportIssue[] {
  return [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

function issue(ctx: Ctx, where: string, field: string, message: string, row?: number): void {
  if (ctx.skip?.(field)) return;
  ctx.issues.push({ where, field, message, ...(row !== undefined ? { row } : {}) });
}

/** Reports a domain refusal against the fields it names. */
function report(ctx: Ctx, where: string, e: DomainError, fallbackField: string, row?: number): void {
  const fields = e.details?.fields;
  if (e.code === 'invalid_input' && Array.isArray(fields) && fields.length) {
    for (const f of fields as string[]) {
      const i = f.indexOf(': ');
      issue(ctx, where, i > 0 ? f.slice(0, i) : fallbackField, i > 0 ? f.slice(i + 2) : f, row);
    }
    return;
  }
  const field =
    e.code === 'movie_not_found' ? 'movie' : e.code === 'screen_not_found' ? 'screen' : e.code === 'location_not_found' ? 'location' : e.code === 'show_overlap' ? 'time' : fallbackField;
  issue(ctx, where, field, `${e.code}: ${e.message}`, row);
}

/** Runs one entry's change; a domain refusal becomes an issue (its savepoint undone), anything else aborts. */
async function attempt(ctx: Ctx, where: string, field: string, fn: () => Promise<void>, row?: number): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (!isDomainError(e)) throw e;
    report(ctx, where, e, field, row);
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function applyLocation(trx: Trx, ctx: Ctx, where: string, l: CatalogLocation): Promise<void> {
  const wanted: LocationInput = {
    code: l.code,
    name: l.name,
    city: l.city,
    address: l.address,
    latitude: l.latitude ?? null,
    longitude: l.longitude ?? null,
    timezone: l.timezone,
    openingHours: (l.openingHours ?? {}) as LocationInput['openingHours'],
    phone: l.phone ?? null,
    email: l.email ?? null,
    isActive: l.isActive ?? true,
  };
  const deps = { db: trx, clock: ctx.clock };
  await attempt(ctx, where, 'code', async () => {
    const existing = await findLocationByCode(trx, ctx.cinemaId, l.code);
    if (!existing) {
      await createLocation(deps, { cinemaId: ctx.cinemaId, ...wanted });
      ctx.summary.locations.created++;
    } else if (!same(locationFields(existing), wanted)) {
      await updateLocation(deps, { cinemaId: ctx.cinemaId, locationId: existing.id, patch: wanted });
      ctx.summary.locations.updated++;
    } else ctx.summary.locations.unchanged++;
  });
}

function locationFields(l: Location): LocationInput {
  return {
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
  };
}

async function applyScreen(trx: Trx, ctx: Ctx, where: string, locationCode: string, s: CatalogScreen): Promise<void> {
  const location = await findLocationByCode(trx, ctx.cinemaId, locationCode);
  if (!location) return; // the location's own issue is already reported
  const deps = { db: trx, clock: ctx.clock };
  await attempt(ctx, where, 'layout', async () => {
    const layout = expandLayout(s.layout.rows);
    const existing = await findScreenByName(trx, ctx.cinemaId, location.id, s.name.trim());
    if (!existing) {
      await createScreen(deps, { cinemaId: ctx.cinemaId, locationId: location.id, name: s.name, layout, isActive: s.isActive });
      ctx.summary.screens.created++;
      return;
    }
    const current = (await findScreen(trx, ctx.cinemaId, existing.id)) as Screen;
    const normalized = seatsToLayout(layoutToSeats(layout));
    if (!same(current.layout, normalized) || current.isActive !== (s.isActive ?? true)) {
      await updateScreen(deps, { cinemaId: ctx.cinemaId, screenId: existing.id, patch: { layout, isActive: s.isActive ?? true } });
      ctx.summary.screens.updated++;
    } else ctx.summary.screens.unchanged++;
  });
}

async function applyMovie(trx: Trx, ctx: Ctx, where: string, m: CatalogMovie): Promise<void> {
  const wanted = {
    code: m.code,
    title: m.title,
    synopsis: m.synopsis ?? '',
    durationMinutes: m.durationMinutes,
    certificate: m.certificate as MovieInput['certificate'],
    languages: m.languages ?? [],
    genres: m.genres ?? [],
    posterUrl: m.posterUrl ?? null,
    trailerUrl: m.trailerUrl ?? null,
    releaseDate: m.releaseDate ?? null,
    isActive: m.isActive ?? true,
  } satisfies MovieInput;
  const deps = { db: trx, clock: ctx.clock };
  await attempt(ctx, where, 'code', async () => {
    const existing = await findMovieByCode(trx, ctx.cinemaId, m.code);
    const current = existing && {
      code: existing.code,
      title: existing.title,
      synopsis: existing.synopsis,
      durationMinutes: existing.durationMinutes,
      certificate: existing.certificate,
      languages: existing.languages,
      genres: existing.genres,
      posterUrl: existing.posterUrl,
      trailerUrl: existing.trailerUrl,
      releaseDate: existing.releaseDate,
      isActive: existing.isActive,
    };
    if (!existing) {
      await createMovie(deps, { cinemaId: ctx.cinemaId, ...wanted });
      ctx.summary.movies.created++;
    } else if (!same(current, wanted)) {
      await updateMovie(deps, { cinemaId: ctx.cinemaId, movieId: existing.id, patch: wanted });
      ctx.summary.movies.updated++;
    } else ctx.summary.movies.unchanged++;
  });
  ctx.cache.movies = undefined;
}

/** A film by code, else by exact title (ignoring case) when only one film has it. */
async function resolveMovie(trx: Trx, ctx: Ctx, ref: string): Promise<Movie | null> {
  const byCode = await findMovieByCode(trx, ctx.cinemaId, ref.trim());
  if (byCode) return byCode;
  ctx.cache.movies ??= await selectMovies(trx, ctx.cinemaId);
  const matches = ctx.cache.movies.filter((m) => m.title.toLowerCase() === ref.trim().toLowerCase());
  return matches.length === 1 ? matches[0]! : null;
}

/** The show a key names (location code, screen name, local date and time), or an issue. */
async function resolveShowKey(trx: Trx, ctx: Ctx, where: string, k: CatalogShowKey, row?: number): Promise<{ location: Location; screenId: string; startsAt: number } | null> {
  const location = await findLocationByCode(trx, ctx.cinemaId, k.location.trim());
  if (!location) {
    issue(ctx, where, 'location', `no location with code '${k.location}'`, row);
    return null;
  }
  const screen = await findScreenByName(trx, ctx.cinemaId, location.id, k.screen.trim());
  let ok = true;
  if (!screen) {
    issue(ctx, where, 'screen', `no screen '${k.screen}' at ${location.name}`, row);
    ok = false;
  }
  if (!isLocalDate(k.date)) {
    issue(ctx, where, 'date', `'${k.date}' is not a date like 2026-11-27`, row);
    ok = false;
  }
  if (!isLocalTime(k.time)) {
    issue(ctx, where, 'time', `'${k.time}' is not a 24-hour time like 18:30`, row);
    ok = false;
  }
  if (!ok || !screen) return null;
  return { location, screenId: screen.id, startsAt: fromLocal(k.date, k.time, location.timezone) };
}

function localInstant(ctx: Ctx, where: string, field: string, value: string | null | undefined, tz: string, row?: number): number | null | undefined {
  if (value === undefined || value === null) return value;
  const [date, time] = value.split(' ');
  if (!date || !time || !isLocalDate(date) || !isLocalTime(time)) {
    issue(ctx, where, field, `'${value}' is not a local date and time like 2026-11-26 09:00`, row);
    return undefined;
  }
  return fromLocal(date, time, tz);
}

async function applyShow(trx: Trx, outer: Ctx, line: ShowLine): Promise<void> {
  const { where, row } = line;
  const reported = new Set(line.reported ?? []);
  // Fields the file reader already reported on this row are not reported again.
  const ctx: Ctx = { ...outer, skip: (field) => reported.has(field) || (field === 'prices' && [...reported].some((f) => f.startsWith('price'))) };
  const before = ctx.issues.length;
  const failed = () => ctx.issues.length > before || reported.size > 0;
  const key = await resolveShowKey(trx, ctx, where, line, row);
  const movie = await resolveMovie(trx, ctx, line.movie);
  if (!movie) issue(ctx, where, 'movie', `no film with code or title '${line.movie}'`, row);
  const prices: Price[] = Object.entries(line.pricesPaise).map(([category, pricePaise]) => ({ category: category.trim(), pricePaise }));
  if (!prices.length) issue(ctx, where, 'prices', 'at least one price is needed', row);
  const opens = key ? localInstant(ctx, where, 'bookingOpens', line.bookingOpens, key.location.timezone, row) : undefined;
  const closes = key ? localInstant(ctx, where, 'bookingCloses', line.bookingCloses, key.location.timezone, row) : undefined;
  if (!key || !movie || failed()) return;
  // Categories are matched to the screen's without regard to case: 'price:prime' prices Prime seats.
  const screen = (await findScreenSummary(trx, ctx.cinemaId, key.screenId))!;
  for (const p of prices) p.category = screen.categories.find((c) => c.toLowerCase() === p.category.toLowerCase()) ?? p.category;

  const deps = { db: trx, clock: ctx.clock };
  await attempt(
    ctx,
    where,
    'show',
    async () => {
      const existing = await findShowAt(trx, ctx.cinemaId, key.screenId, key.startsAt);
      if (existing && existing.movieId !== movie.id) {
        issue(ctx, where, 'movie', `another film is already scheduled on ${line.screen} at ${line.date} ${line.time}`, row);
        return;
      }
      const status = line.status ?? 'scheduled';
      if (!existing) {
        const created = await createShow(deps, {
          cinemaId: ctx.cinemaId,
          movieId: movie.id,
          screenId: key.screenId,
          startsAt: key.startsAt,
          language: line.language,
          format: line.format,
          prices,
          bookingOpensAt: opens ?? null,
          bookingClosesAt: closes ?? null,
          seating: line.seating,
          capacity: line.capacity ?? null,
        });
        if (status === 'cancelled') await updateShow(deps, { cinemaId: ctx.cinemaId, showId: created.id, patch: { status } });
        ctx.summary.shows.created++;
        return;
      }
      const patch = showPatch(existing, movie, line, prices, opens, closes, status);
      if (Object.keys(patch).length) {
        await updateShow(deps, { cinemaId: ctx.cinemaId, showId: existing.id, patch });
        ctx.summary.shows.updated++;
      } else ctx.summary.shows.unchanged++;
    },
    row,
  );
}

/** What differs between a stored show and its line; empty when nothing does. */
function showPatch(
  s: Show,
  movie: Movie,
  line: ShowLine,
  prices: Price[],
  opens: number | null | undefined,
  closes: number | null | undefined,
  status: 'scheduled' | 'cancelled',
): ShowPatch {
  const patch: ShowPatch = {};
  const language = movie.languages.find((l) => l.toLowerCase() === line.language.trim().toLowerCase()) ?? line.language.trim();
  if (language !== s.language) patch.language = language;
  if ((line.format?.trim() || '2D') !== s.format) patch.format = line.format?.trim() || '2D';
  const sorted = (ps: Price[]) => [...ps].sort((a, b) => a.category.localeCompare(b.category));
  if (!same(sorted(prices), sorted(s.prices))) patch.prices = prices;
  if ((opens ?? null) !== s.bookingOpensAt) patch.bookingOpensAt = opens ?? null;
  if ((closes ?? null) !== s.bookingClosesAt) patch.bookingClosesAt = closes ?? null;
  // How an event show is sold belongs to its event; only a stated capacity of a GA show is compared.
  if (s.seating === 'general_admission' && line.capacity != null && line.capacity !== s.capacity) patch.capacity = line.capacity;
  if (status !== s.status) patch.status = status;
  return patch;
}

async function applyEvent(trx: Trx, ctx: Ctx, where: string, e: CatalogEvent): Promise<void> {
  const before = ctx.issues.length;
  let movieId: string | null = null;
  if (e.movie) {
    const movie = await resolveMovie(trx, ctx, e.movie);
    if (!movie) issue(ctx, where, 'movie', `no film with code or title '${e.movie}'`);
    movieId = movie?.id ?? null;
  }
  const locationIds: string[] = [];
  for (const code of e.locations ?? []) {
    const l = await findLocationByCode(trx, ctx.cinemaId, code);
    if (!l) issue(ctx, where, 'locations', `no location with code '${code}'`);
    else locationIds.push(l.id);
  }
  const showIds: string[] = [];
  for (const [i, k] of (e.shows ?? []).entries()) {
    const key = await resolveShowKey(trx, ctx, `${where}.shows[${i}]`, k);
    if (!key) continue;
    const show = await findShowAt(trx, ctx.cinemaId, key.screenId, key.startsAt);
    if (!show) issue(ctx, `${where}.shows[${i}]`, 'time', `no show on ${k.screen} at ${k.location} on ${k.date} ${k.time}`);
    else showIds.push(show.id);
  }
  if (ctx.issues.length > before) return;
  const wanted = {
    keyword: `#${keywordKey(e.keyword)}`,
    name: e.name,
    movieId,
    texts: e.texts,
    maxTicketsPerBooking: e.maxTicketsPerBooking,
    seating: e.seating,
    capacity: e.seating === 'general_admission' ? (e.capacity ?? null) : null,
    locationIds,
    showIds,
    status: e.status ?? 'active',
  } satisfies EventInput;
  const deps = { db: trx, clock: ctx.clock };
  await attempt(ctx, where, 'keyword', async () => {
    const existing = await findEventByKey(trx, ctx.cinemaId, keywordKey(e.keyword));
    if (!existing) {
      await createEvent(deps, { cinemaId: ctx.cinemaId, ...wanted });
      ctx.summary.events.created++;
      return;
    }
    const current = (await getEvent(trx, { cinemaId: ctx.cinemaId, eventId: existing.id }))!;
    const currentFields = {
      keyword: current.keyword,
      name: current.name,
      movieId: current.movieId,
      texts: current.texts,
      maxTicketsPerBooking: current.maxTicketsPerBooking,
      seating: current.seating,
      capacity: current.capacity,
      locationIds: current.locationIds,
      showIds: [...current.showIds].sort(),
      status: current.status,
    };
    if (!same(currentFields, { ...wanted, texts: JSON.parse(JSON.stringify(wanted.texts)), showIds: [...showIds].sort() })) {
      await updateEvent(deps, { cinemaId: ctx.cinemaId, eventId: existing.id, patch: wanted });
      ctx.summary.events.updated++;
    } else ctx.summary.events.unchanged++;
  });
}
