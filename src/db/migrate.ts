import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider, type CreateTableBuilder } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/**
 * A migration file in src/db/migrations exports `up(db, dialect)`. Files are applied in name order
 * (`0001-core.ts`, `0002-cinema.ts`, …) and recorded by Kysely's migrator.
 */
export type MigrationUp = (db: Kysely<any>, dialect: Dialect) => Promise<void>;

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

class FolderProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    const files = fs.readdirSync(dir).filter((f) => /^\d{4}-.*\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
    for (const f of files) {
      const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { up: MigrationUp };
      out[f.replace(/\.(ts|js)$/, '')] = { up: (db) => mod.up(db, this.dialect) };
    }
    return out;
  }
}

export async function migrator(db: Kysely<any>, dialect: Dialect): Promise<Migrator> {
  // Kysely looks for its bookkeeping tables across all schemas unless told which one is ours:
  // with several schemas in one database (tests, tenants of a shared server) name it.
  const schema = dialect === 'postgres' ? (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]?.s : undefined;
  return new Migrator({ db, provider: new FolderProvider(dialect), ...(schema ? { migrationTableSchema: schema } : {}) });
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect): Promise<string[]> {
  const { error, results } = await (await migrator(db, dialect)).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when every known migration has been applied (for /readyz). */
export async function migrationsCurrent(db: Kysely<any>, dialect: Dialect): Promise<boolean> {
  const all = await (await migrator(db, dialect)).getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}

/** An auto-incrementing integer primary key named `id`, the same on both dialects. */
export function withAutoId<T extends string>(t: CreateTableBuilder<T, never>, dialect: Dialect): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? t.addColumn('id', 'bigserial', (c) => c.primaryKey())
    : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}
