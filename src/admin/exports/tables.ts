import type { Generated } from 'kysely';

export type ExportStatus = 'running' | 'ready' | 'failed';

/** A file produced by the scheduled daily export, kept under `<dataDir>/exports/<cinemaId>/`. */
export type ExportsTable = {
  id: Generated<number>;
  cinema_id: string;
  /** What was exported; the scheduled job writes `daily`. */
  kind: string;
  /** The cinema's local date the export belongs to, 'YYYY-MM-DD'; unique per cinema and kind. */
  local_date: string;
  /** The period covered, [period_from, period_to) in epoch ms. */
  period_from: number;
  period_to: number;
  status: ExportStatus;
  /** The file's name inside the cinema's export folder. */
  file_name: string | null;
  size_bytes: number | null;
  row_count: number | null;
  attempts: number;
  error: string | null;
  /** When a process took the export on; a stale claim (crashed process) may be taken over. */
  claimed_at: number;
  created_at: number;
  completed_at: number | null;
};

/**
 * Tables owned by exports; repositories reach them through `db.withTables<ExportsTables>()`.
 * Type aliases rather than interfaces because withTables wants types with implicit index signatures.
 */
export type ExportsTables = {
  exports: ExportsTable;
};
