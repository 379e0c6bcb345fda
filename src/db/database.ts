import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Database } from './tables.ts';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Either the database or a transaction on it: what repositories take as their first argument. */
export type DbOrTrx = Kysely<Database> | Transaction<Database>;

// int8 (COUNT, BIGINT epoch-ms columns) as JS numbers: every value we store fits in 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export interface OpenOptions {
  url: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

/** Opens SQLite (`sqlite:path`, `file:path`, `sqlite::memory:`) or PostgreSQL (`postgres://…`). */
export function openDatabase({ url, poolSize = 10 }: OpenOptions): { db: Db; dialect: 'sqlite' | 'postgres' } {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: poolSize });
    pool.on('error', () => {
      /* idle client errors are reported on next use */
    });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
  }
  const file = url.replace(/^(sqlite|file):(\/\/)?/, '');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }), dialect: 'sqlite' };
}

/**
 * Kysely prepares every query afresh; on a hot path (webhook ingest) preparing costs as much as
 * running. Statements are reused by SQL text, except one still busy streaming rows.
 */
function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop !== 'prepare') return Reflect.get(target, prop, receiver);
      return (source: string) => {
        const hit = cache.get(source);
        if (hit && !hit.busy) return hit;
        const stmt = prepare(source);
        if (cache.size >= 500) cache.delete(cache.keys().next().value!);
        cache.set(source, stmt);
        return stmt;
      };
    },
  });
}
