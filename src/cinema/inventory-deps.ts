import type { Clock } from '../clock.ts';
import type { DbOrTrx } from '../db/database.ts';

/**
 * What the booking use cases need. `db` may be a transaction: the conversation worker applies a
 * hold inside the transaction that saves the session, and the use case then runs under a savepoint.
 */
export interface InventoryDeps {
  db: DbOrTrx;
  clock: Clock;
  /** Draws booking references (default: random); tests pass a fixed sequence to force collisions. */
  newRef?: () => string;
}

/** Hold length when a cinema has not set its own. */
export const DEFAULT_HOLD_MINUTES = 10;
/** Tickets per booking when a cinema has not set its own limit. */
export const DEFAULT_MAX_TICKETS = 10;
