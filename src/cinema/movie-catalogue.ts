import { z } from 'zod';
import type { DbOrTrx } from '../db/database.ts';
import type { CatalogueDeps } from './catalogue-deps.ts';
import { DomainError } from './domain-error.ts';
import { codeSchema } from './location-catalogue.ts';
import { newId } from './new-id.ts';
import { parseInput, slugify } from './parse-input.ts';
import { inTransaction } from './repositories/in-transaction.ts';
import { findMovie, findMovieByCode, insertMovie, selectMovies, updateMovieRow, type MovieRow } from './repositories/movie-repository.ts';
import { updateFutureShowEnds } from './repositories/movie-shows-repository.ts';
import { isLocalDate } from './time-zone.ts';
import { CERTIFICATES, type Movie } from './types.ts';

const url = z.url({ protocol: /^https?$/ });

const fields = {
  code: codeSchema,
  title: z.string().trim().min(1).max(200),
  synopsis: z.string().trim().max(2000),
  durationMinutes: z.number().int().min(1).max(600),
  certificate: z.enum(CERTIFICATES),
  languages: z.array(z.string().trim().min(1).max(40)).max(20),
  genres: z.array(z.string().trim().min(1).max(40)).max(20),
  posterUrl: url.nullable(),
  trailerUrl: url.nullable(),
  releaseDate: z.string().refine(isLocalDate, 'a date like 2026-11-27').nullable(),
  isActive: z.boolean(),
};

export const movieInputSchema = z.object({
  ...fields,
  code: fields.code.optional(),
  synopsis: fields.synopsis.optional(),
  languages: fields.languages.optional(),
  genres: fields.genres.optional(),
  posterUrl: fields.posterUrl.optional(),
  trailerUrl: fields.trailerUrl.optional(),
  releaseDate: fields.releaseDate.optional(),
  isActive: fields.isActive.optional(),
});
export type MovieInput = z.input<typeof movieInputSchema>;
export type MoviePatch = Partial<MovieInput>;
const moviePatchSchema = z.object(fields).partial();

/** Adds a film; its code defaults to a slug of the title. Errors: already_exists, invalid_input. */
export async function createMovie(deps: CatalogueDeps, input: { cinemaId: string } & MovieInput): Promise<Movie> {
  const v = parseInput(movieInputSchema, input);
  const now = deps.clock.now();
  const code = v.code ?? (slugify(v.title) || newId('mov').slice(4, 12));
  return inTransaction(deps.db, async (trx) => {
    if (await findMovieByCode(trx, input.cinemaId, code)) throw new DomainError('already_exists', `a film with code ${code} exists`, { code });
    const row: MovieRow = {
      id: newId('mov'),
      cinema_id: input.cinemaId,
      code,
      title: v.title,
      synopsis: v.synopsis ?? '',
      duration_minutes: v.durationMinutes,
      certificate: v.certificate,
      languages_json: JSON.stringify(v.languages ?? []),
      genres_json: JSON.stringify(v.genres ?? []),
      poster_url: v.posterUrl ?? null,
      trailer_url: v.trailerUrl ?? null,
      release_date: v.releaseDate ?? null,
      is_active: v.isActive === false ? 0 : 1,
      created_at: now,
      updated_at: now,
    };
    await insertMovie(trx, row);
    return (await findMovie(trx, input.cinemaId, row.id))!;
  });
}

/** Changes some fields of a film; a new duration also moves the end of its coming shows. */
export async function updateMovie(deps: CatalogueDeps, input: { cinemaId: string; movieId: string; patch: MoviePatch }): Promise<Movie> {
  const v = parseInput(moviePatchSchema, input.patch);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const current = await findMovie(trx, input.cinemaId, input.movieId);
    if (!current) throw new DomainError('movie_not_found', `no film ${input.movieId}`);
    if (v.code && v.code !== current.code && (await findMovieByCode(trx, input.cinemaId, v.code))) {
      throw new DomainError('already_exists', `a film with code ${v.code} exists`, { code: v.code });
    }
    const patch: Partial<MovieRow> = { updated_at: now };
    if (v.code !== undefined) patch.code = v.code;
    if (v.title !== undefined) patch.title = v.title;
    if (v.synopsis !== undefined) patch.synopsis = v.synopsis;
    if (v.durationMinutes !== undefined) patch.duration_minutes = v.durationMinutes;
    if (v.certificate !== undefined) patch.certificate = v.certificate;
    if (v.languages !== undefined) patch.languages_json = JSON.stringify(v.languages);
    if (v.genres !== undefined) patch.genres_json = JSON.stringify(v.genres);
    if (v.posterUrl !== undefined) patch.poster_url = v.posterUrl;
    if (v.trailerUrl !== undefined) patch.trailer_url = v.trailerUrl;
    if (v.releaseDate !== undefined) patch.release_date = v.releaseDate;
    if (v.isActive !== undefined) patch.is_active = v.isActive ? 1 : 0;
    await updateMovieRow(trx, input.cinemaId, current.id, patch);
    if (v.durationMinutes !== undefined && v.durationMinutes !== current.durationMinutes) {
      await updateFutureShowEnds(trx, input.cinemaId, current.id, v.durationMinutes, now);
    }
    return (await findMovie(trx, input.cinemaId, current.id))!;
  });
}

/** One film, or null. */
export async function getMovie(db: DbOrTrx, q: { cinemaId: string; movieId: string }): Promise<Movie | null> {
  return findMovie(db, q.cinemaId, q.movieId);
}

/** One film by its code, or null. */
export async function getMovieByCode(db: DbOrTrx, q: { cinemaId: string; code: string }): Promise<Movie | null> {
  return findMovieByCode(db, q.cinemaId, q.code);
}

/** The cinema's films by title. */
export async function listMovies(db: DbOrTrx, q: { cinemaId: string; activeOnly?: boolean }): Promise<Movie[]> {
  return selectMovies(db, q.cinemaId, { activeOnly: q.activeOnly });
}
