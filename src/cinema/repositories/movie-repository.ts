import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { MoviesTable } from '../tables.ts';
import type { Certificate, Movie } from '../types.ts';
import { parseJsonColumn } from './json-column.ts';

export type MovieRow = Selectable<MoviesTable>;

export function toMovie(r: MovieRow): Movie {
  return {
    id: r.id,
    cinemaId: r.cinema_id,
    code: r.code,
    title: r.title,
    synopsis: r.synopsis,
    durationMinutes: r.duration_minutes,
    certificate: r.certificate as Certificate,
    languages: parseJsonColumn<string[]>(r.languages_json, []),
    genres: parseJsonColumn<string[]>(r.genres_json, []),
    posterUrl: r.poster_url,
    trailerUrl: r.trailer_url,
    releaseDate: r.release_date,
    isActive: r.is_active === 1,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

export async function insertMovie(db: DbOrTrx, row: MovieRow): Promise<void> {
  await db.insertInto('movies').values(row).execute();
}

export async function updateMovieRow(db: DbOrTrx, cinemaId: string, id: string, patch: Partial<MovieRow>): Promise<void> {
  await db.updateTable('movies').set(patch).where('cinema_id', '=', cinemaId).where('id', '=', id).execute();
}

export async function findMovie(db: DbOrTrx, cinemaId: string, id: string): Promise<Movie | null> {
  const r = await db.selectFrom('movies').selectAll().where('cinema_id', '=', cinemaId).where('id', '=', id).executeTakeFirst();
  return r ? toMovie(r) : null;
}

export async function findMovieByCode(db: DbOrTrx, cinemaId: string, code: string): Promise<Movie | null> {
  const r = await db.selectFrom('movies').selectAll().where('cinema_id', '=', cinemaId).where('code', '=', code).executeTakeFirst();
  return r ? toMovie(r) : null;
}

export async function selectMovies(db: DbOrTrx, cinemaId: string, opts: { activeOnly?: boolean } = {}): Promise<Movie[]> {
  let q = db.selectFrom('movies').selectAll().where('cinema_id', '=', cinemaId);
  if (opts.activeOnly) q = q.where('is_active', '=', 1);
  const rows = await q.orderBy('title').orderBy('id').execute();
  return rows.map(toMovie);
}
