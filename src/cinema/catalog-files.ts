import type { DbOrTrx } from '../db/database.ts';
import type { CatalogueDeps } from './catalogue-deps.ts';
import { exportCatalogue, exportShowLines } from './catalog-export.ts';
import { importCatalogue, importShowLines, type ImportResult } from './catalog-import.ts';
import { readScheduleCsv, readScheduleXlsx, writeScheduleCsv, writeScheduleXlsx } from './schedule-sheet.ts';

export type CatalogFileFormat = 'json' | 'xlsx' | 'csv';

/** The format a file name implies: '.json', '.xlsx' or '.csv'; null for anything else. */
export function formatOfFileName(name: string): CatalogFileFormat | null {
  const m = /\.(json|xlsx|csv)$/i.exec(name);
  return m ? (m[1]!.toLowerCase() as CatalogFileFormat) : null;
}

/**
 * Imports a file: a catalogue document (json) or a show schedule (xlsx, csv). All or nothing;
 * problems are reported by JSON path or spreadsheet row and field.
 */
export async function importCatalogueFile(
  deps: CatalogueDeps,
  input: { cinemaId: string; format: CatalogFileFormat; data: Uint8Array },
): Promise<ImportResult> {
  if (input.format === 'json') {
    let document: unknown;
    try {
      document = JSON.parse(new TextDecoder().decode(input.data));
    } catch (e) {
      return { ok: false, errors: [{ where: 'file', field: 'json', message: `not valid JSON: ${(e as Error).message}` }] };
    }
    return importCatalogue(deps, { cinemaId: input.cinemaId, document });
  }
  let read;
  try {
    read = input.format === 'xlsx' ? await readScheduleXlsx(input.data) : readScheduleCsv(new TextDecoder().decode(input.data));
  } catch (e) {
    return { ok: false, errors: [{ where: 'file', field: input.format, message: `cannot read the file: ${(e as Error).message}` }] };
  }
  return importShowLines(deps, { cinemaId: input.cinemaId, lines: read.lines, issues: read.issues });
}

/** Writes the catalogue (json) or the show schedule (xlsx, csv), shows from `from` if given. */
export async function exportCatalogueFile(db: DbOrTrx, q: { cinemaId: string; format: CatalogFileFormat; from?: number }): Promise<Uint8Array> {
  if (q.format === 'json') return new TextEncoder().encode(JSON.stringify(await exportCatalogue(db, q), null, 2) + '\n');
  const { lines, categories } = await exportShowLines(db, q);
  return q.format === 'xlsx' ? writeScheduleXlsx(lines, categories) : new TextEncoder().encode(writeScheduleCsv(lines, categories));
}
