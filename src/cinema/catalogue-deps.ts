import type { Clock } from '../clock.ts';
import type { DbOrTrx } from '../db/database.ts';

/** What catalogue changes need: the database (or a transaction) and a clock for timestamps. */
export interface CatalogueDeps {
  db: DbOrTrx;
  clock: Clock;
}
