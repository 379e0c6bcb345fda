import type { DbOrTrx } from '../../db/database.ts';

/** Recomputes the end of the film's shows that have not started, after its running time changed. */
export async function updateFutureShowEnds(db: DbOrTrx, cinemaId: string, movieId: string, durationMinutes: number, now: number): Promise<void> {
  await db
    .updateTable('shows')
    .set((eb) => ({ ends_at: eb('starts_at', '+', durationMinutes * 60_000), updated_at: now }))
    .where('cinema_id', '=', cinemaId)
    .where('movie_id', '=', movieId)
    .where('starts_at', '>', now)
    .execute();
}
