import type { DbOrTrx } from '../../db/database.ts';
import { seatCode } from '../seat-layout.ts';

/** Codes of the screen's seats that are sold, or held at `now`, for shows starting after `now`. */
export async function selectFutureClaimedSeats(db: DbOrTrx, cinemaId: string, screenId: string, now: number): Promise<string[]> {
  const rows = await db
    .selectFrom('seat_claims as c')
    .innerJoin('shows as sh', 'sh.id', 'c.show_id')
    .innerJoin('seats as s', 's.id', 'c.seat_id')
    .select(['s.row_label', 's.number'])
    .distinct()
    .where('c.cinema_id', '=', cinemaId)
    .where('sh.screen_id', '=', screenId)
    .where('sh.starts_at', '>', now)
    .where((eb) => eb.or([eb('c.sold', '=', 1), eb('c.expires_at', '>', now)]))
    .execute();
  return rows.map((r) => seatCode(r.row_label, r.number));
}
