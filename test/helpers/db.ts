import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Db } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

export interface TestDb {
  db: Db;
  dialect: 'sqlite' | 'postgres';
  /** A URL another process can open to reach the same data (a file for SQLite, a schema for PostgreSQL). */
  url: string;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: a temporary SQLite file, or — when the suite runs
 * with DATABASE_URL=postgres://… — a schema of its own in that database, dropped afterwards.
 */
export async function createTestDb(): Promise<TestDb> {
  const base = process.env.DATABASE_URL;
  if (base && /^postgres/.test(base)) {
    const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const u = new URL(base);
    u.searchParams.set('options', `-c search_path=${schema}`);
    const url = u.toString();
    const { db, dialect } = openDatabase({ url });
    await migrateToLatest(db, dialect);
    return {
      db,
      dialect,
      url,
      async close() {
        await db.destroy();
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-test-'));
  const url = `sqlite:${path.join(dir, 'test.db')}`;
  const { db, dialect } = openDatabase({ url });
  await migrateToLatest(db, dialect);
  return {
    db,
    dialect,
    url,
    async close() {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
