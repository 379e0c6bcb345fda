import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/database.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import { parseSettings } from '../tenants/settings.ts';
import { addDays, isTimeZone, localTime } from '../admin/analytics/local-time.ts';
import {
  claimExport,
  completeExport,
  failExport,
  findExport,
  listCinemaSchedules,
  retakeExport,
  type ExportFile,
} from '../admin/exports/export-files-repository.ts';
import { bookingsSheet, periodSummarySheets, showsSheet } from '../admin/exports/export-sheets.ts';
import { writeXlsx } from '../admin/exports/write-xlsx.ts';
import { cinemaFolder, exportDir } from '../admin/exports/export-paths.ts';

export interface ScheduledExportDeps {
  db: Db;
  clock: Clock;
  /** Files go under `<dataDir>/exports/<cinemaId>/`. */
  dataDir: string;
  log: Logger;
}

export const DAILY_KIND = 'daily';
/** A `running` export older than this belonged to a process that died; another may take it over. */
export const STALE_CLAIM_MS = 15 * 60_000;
/** A failed export is tried again after this long, up to MAX_ATTEMPTS times in all. */
export const RETRY_AFTER_MS = 10 * 60_000;
export const MAX_ATTEMPTS = 3;

function mayRetake(e: ExportFile, now: number): boolean {
  if (e.status === 'running') return now - e.claimedAt >= STALE_CLAIM_MS;
  if (e.status === 'failed') return e.attempts < MAX_ATTEMPTS && now - e.claimedAt >= RETRY_AFTER_MS;
  return false;
}

/**
 * Writes each cinema's daily export once its local `dailyExportAt` has passed today. The export of
 * local date D covers the 24 hours up to D's export time (from D−1 at that time), so consecutive
 * exports neither overlap nor leave gaps. Idempotent per cinema and local date: the exports table's
 * unique key lets one process claim the day, a crashed claim is taken over after STALE_CLAIM_MS,
 * and a failure is retried. Days missed while no process ran are not written afterwards.
 * Returns the number of files written by this call.
 */
export async function runDueExports(deps: ScheduledExportDeps): Promise<number> {
  const now = deps.clock.now();
  let written = 0;
  for (const c of await listCinemaSchedules(deps.db)) {
    const at = parseSettings(c.settingsJson).dailyExportAt;
    if (!at) continue;
    if (!isTimeZone(c.timezone)) {
      deps.log.warn({ cinemaId: c.id }, 'daily export skipped: the cinema has an unknown time zone');
      continue;
    }
    const tz = localTime(c.timezone);
    const localDate = tz.date(now);
    const periodTo = tz.at(localDate, at);
    if (now < periodTo) continue;
    const periodFrom = tz.at(addDays(localDate, -1), at);

    let claim = await claimExport(deps.db, { cinemaId: c.id, kind: DAILY_KIND, localDate, periodFrom, periodTo, now });
    if (!claim) {
      const existing = await findExport(deps.db, c.id, DAILY_KIND, localDate);
      if (!existing || !mayRetake(existing, now)) continue;
      claim = await retakeExport(deps.db, existing, now);
      if (!claim) continue;
    }

    const dir = exportDir(deps.dataDir, c.id);
    const fileName = `${cinemaFolder(c.id)}-daily-${localDate}.xlsx`;
    const tmp = path.join(dir, `.${fileName}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
    try {
      fs.mkdirSync(dir, { recursive: true });
      const cinema = { id: c.id, name: c.name, timezone: c.timezone };
      const period = { from: periodFrom, to: periodTo };
      const sheets = [
        ...(await periodSummarySheets(deps.db, cinema, period)),
        bookingsSheet(deps.db, { cinema, period }),
        showsSheet(deps.db, { cinema, period }),
      ];
      const counts = await writeXlsx(fs.createWriteStream(tmp), sheets);
      // Renamed into place only when complete, so a listed file is never half written.
      fs.renameSync(tmp, path.join(dir, fileName));
      const sizeBytes = fs.statSync(path.join(dir, fileName)).size;
      const rowCount = counts[2] ?? 0;
      if (await completeExport(deps.db, claim, { fileName, sizeBytes, rowCount, now: deps.clock.now() })) {
        written++;
        deps.log.info({ cinemaId: c.id, localDate, bookings: rowCount }, 'daily export written');
      }
    } catch (err) {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // The folder itself may be what failed; there is then nothing to remove.
      }
      deps.log.error({ err, cinemaId: c.id, localDate }, 'daily export failed');
      await failExport(deps.db, claim, err instanceof Error ? err.message : String(err));
    }
  }
  return written;
}
