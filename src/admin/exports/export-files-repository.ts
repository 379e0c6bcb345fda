import type { DbOrTrx } from '../../db/database.ts';
import type { ExportsTable, ExportsTables } from './tables.ts';

/** A scheduled export as the dashboard lists it. */
export interface ExportFile {
  id: number;
  cinemaId: string;
  kind: string;
  localDate: string;
  periodFrom: number;
  periodTo: number;
  status: ExportsTable['status'];
  fileName: string | null;
  sizeBytes: number | null;
  rowCount: number | null;
  attempts: number;
  error: string | null;
  claimedAt: number;
  createdAt: number;
  completedAt: number | null;
}

type Row = Omit<ExportsTable, 'id'> & { id: number };

function toExportFile(r: Row): ExportFile {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: Number(r.id),
    cinemaId: r.cinema_id,
    kind: r.kind,
    localDate: r.local_date,
    periodFrom: Number(r.period_from),
    periodTo: Number(r.period_to),
    status: r.status,
    fileName: r.file_name,
    sizeBytes: num(r.size_bytes),
    rowCount: num(r.row_count),
    attempts: Number(r.attempts),
    error: r.error,
    claimedAt: Number(r.claimed_at),
    createdAt: Number(r.created_at),
    completedAt: num(r.completed_at),
  };
}

const exportsOf = (db: DbOrTrx) => db.withTables<ExportsTables>();

/**
 * Takes on an export: inserts its row as `running`. The unique (cinema, kind, local date) lets only
 * one process win; the others get null and move on.
 */
export async function claimExport(
  db: DbOrTrx,
  e: { cinemaId: string; kind: string; localDate: string; periodFrom: number; periodTo: number; now: number },
): Promise<ExportFile | null> {
  const row = await exportsOf(db)
    .insertInto('exports')
    .values({
      cinema_id: e.cinemaId,
      kind: e.kind,
      local_date: e.localDate,
      period_from: e.periodFrom,
      period_to: e.periodTo,
      status: 'running',
      attempts: 1,
      claimed_at: e.now,
      created_at: e.now,
    })
    .onConflict((oc) => oc.columns(['cinema_id', 'kind', 'local_date']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? toExportFile(row) : null;
}

export async function findExport(db: DbOrTrx, cinemaId: string, kind: string, localDate: string): Promise<ExportFile | undefined> {
  const r = await exportsOf(db)
    .selectFrom('exports')
    .selectAll()
    .where('cinema_id', '=', cinemaId)
    .where('kind', '=', kind)
    .where('local_date', '=', localDate)
    .executeTakeFirst();
  return r ? toExportFile(r) : undefined;
}

/**
 * Takes over an export that a crashed process left running, or that failed and may be retried.
 * Conditional on the claim time the caller saw, so of two processes trying at once only one succeeds.
 */
export async function retakeExport(db: DbOrTrx, e: ExportFile, now: number): Promise<ExportFile | null> {
  const r = await exportsOf(db)
    .updateTable('exports')
    .set((eb) => ({ status: 'running', claimed_at: now, attempts: eb('attempts', '+', 1), error: null }))
    .where('id', '=', e.id)
    .where('claimed_at', '=', e.claimedAt)
    .where('status', '=', e.status)
    .returningAll()
    .executeTakeFirst();
  return r ? toExportFile(r) : null;
}

/** Marks the export written. Fenced by the claim: a process whose claim was taken over changes nothing. */
export async function completeExport(
  db: DbOrTrx,
  e: ExportFile,
  done: { fileName: string; sizeBytes: number; rowCount: number; now: number },
): Promise<boolean> {
  const r = await exportsOf(db)
    .updateTable('exports')
    .set({ status: 'ready', file_name: done.fileName, size_bytes: done.sizeBytes, row_count: done.rowCount, completed_at: done.now, error: null })
    .where('id', '=', e.id)
    .where('claimed_at', '=', e.claimedAt)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function failExport(db: DbOrTrx, e: ExportFile, error: string): Promise<void> {
  await exportsOf(db)
    .updateTable('exports')
    .set({ status: 'failed', error: error.slice(0, 500) })
    .where('id', '=', e.id)
    .where('claimed_at', '=', e.claimedAt)
    .where('status', '=', 'running')
    .execute();
}

/** A cinema's exports, newest first. */
export async function listExports(db: DbOrTrx, cinemaId: string, limit = 60): Promise<ExportFile[]> {
  const rows = await exportsOf(db)
    .selectFrom('exports')
    .selectAll()
    .where('cinema_id', '=', cinemaId)
    .orderBy('local_date', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toExportFile);
}

/** One export, only if it belongs to the cinema: ids from another cinema are simply not found. */
export async function getExport(db: DbOrTrx, cinemaId: string, id: number): Promise<ExportFile | undefined> {
  const r = await exportsOf(db).selectFrom('exports').selectAll().where('cinema_id', '=', cinemaId).where('id', '=', id).executeTakeFirst();
  return r ? toExportFile(r) : undefined;
}

export interface ScheduleRow {
  id: string;
  name: string;
  timezone: string;
  settingsJson: string;
}

/** Every cinema with its settings, for the scheduler to find the ones due. */
export async function listCinemaSchedules(db: DbOrTrx): Promise<ScheduleRow[]> {
  const rows = await db.selectFrom('cinemas').select(['id', 'name', 'timezone', 'settings_json']).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, timezone: r.timezone, settingsJson: r.settings_json }));
}
