import { sql, SqliteAdapter } from 'kysely';
import type { DbOrTrx, Trx } from '../../db/database.ts';

let savepoints = 0;

/** PostgreSQL errors after which the whole transaction can simply run again. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

/**
 * Runs `fn` atomically. Given the database, it opens a transaction (retrying PostgreSQL
 * serialization failures and deadlocks). Given a transaction — the conversation worker applies
 * domain commands inside its own — it runs under a savepoint, so a domain error leaves nothing
 * half-done in the caller's transaction and the caller can still commit its reply.
 */
export async function inTransaction<T>(db: DbOrTrx, fn: (trx: Trx) => Promise<T>): Promise<T> {
  if (db.isTransaction) {
    const trx = db as Trx;
    const name = `cinema_sp_${++savepoints}`;
    await sql.raw(`SAVEPOINT ${name}`).execute(trx);
    try {
      const result = await fn(trx);
      await sql.raw(`RELEASE SAVEPOINT ${name}`).execute(trx);
      return result;
    } catch (e) {
      await sql.raw(`ROLLBACK TO SAVEPOINT ${name}`).execute(trx);
      await sql.raw(`RELEASE SAVEPOINT ${name}`).execute(trx);
      throw e;
    }
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(fn);
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (attempt >= MAX_ATTEMPTS || typeof code !== 'string' || !RETRYABLE.has(code)) throw e;
    }
  }
}

/** True on SQLite, where one connection serialises every transaction and row locks do not exist. */
export function isSqlite(db: DbOrTrx): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** True for a unique or primary key violation on either database. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown };
  return err.code === '23505' || err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
