import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { openDatabase } from '../../db/database.ts';
import { ManualClock } from '../../clock.ts';
import { createLogger } from '../../log.ts';
import { runDueExports, STALE_CLAIM_MS, RETRY_AFTER_MS } from '../../jobs/scheduled-exports.ts';
import { exportDir } from './export-paths.ts';
import { seedCinema, type CinemaFixture } from '../analytics/fixtures.ts';
import { listExports } from './export-files-repository.ts';
import type { ExportsTables } from './tables.ts';

const IST = (d: number, h: number, m: number) => Date.UTC(2026, 10, d, h, m) - 5.5 * 3_600_000;
const log = createLogger(process.env.TEST_LOG ?? 'silent');

let t: TestDb;
let dataDir: string;
let alpha: CinemaFixture;
let unscheduled: CinemaFixture;
const clock = new ManualClock();

before(async () => {
  t = await createTestDb();
  alpha = await seedCinema(t.db, { name: 'Alpha', settingsJson: JSON.stringify({ dailyExportAt: '23:30' }) });
  unscheduled = await seedCinema(t.db, { name: 'No schedule' });
  const film = await alpha.movie('Leo');
  const show = await alpha.show({ movieId: film, startsAt: IST(25, 18, 0) });
  const ann = await alpha.customer({ name: 'Ann' });
  // Inside the period (24th 23:30 to 25th 23:30 IST) …
  await alpha.booking({ showId: show, customerId: ann, quantity: 2, totalPaise: 40_000, createdAt: IST(25, 9, 0), seats: ['A1', 'A2'] });
  await alpha.booking({ showId: show, customerId: ann, quantity: 1, totalPaise: 20_000, createdAt: IST(24, 23, 45), seats: ['A3'] });
  // … and outside it.
  await alpha.booking({ showId: show, customerId: ann, quantity: 1, totalPaise: 20_000, createdAt: IST(24, 23, 15), seats: ['A4'] });
  await alpha.booking({ showId: show, customerId: ann, quantity: 1, totalPaise: 20_000, createdAt: IST(25, 23, 40), seats: ['A5'] });
});

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-exports-'));
  await t.db.withTables<ExportsTables>().deleteFrom('exports').execute();
});

after(async () => {
  await t.close();
});

const deps = () => ({ db: t.db, clock, dataDir, log });

test('the daily export is written once its local time has passed, and only once that day', async () => {
  clock.set(IST(25, 23, 29));
  assert.equal(await runDueExports(deps()), 0);
  clock.set(IST(25, 23, 50));
  assert.equal(await runDueExports(deps()), 1);
  assert.equal(await runDueExports(deps()), 0);

  const [e, ...rest] = await listExports(t.db, alpha.cinemaId);
  assert.equal(rest.length, 0);
  assert.equal(e!.status, 'ready');
  assert.equal(e!.localDate, '2026-11-25');
  assert.equal(e!.periodFrom, IST(24, 23, 30));
  assert.equal(e!.periodTo, IST(25, 23, 30));
  assert.equal(e!.rowCount, 2);
  assert.deepEqual(await listExports(t.db, unscheduled.cinemaId), []);

  const file = path.join(exportDir(dataDir, alpha.cinemaId), e!.fileName!);
  assert.equal(fs.statSync(file).size, e!.sizeBytes);
  // No temporary files are left beside it.
  assert.deepEqual(fs.readdirSync(exportDir(dataDir, alpha.cinemaId)), [e!.fileName]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['Summary', 'Films', 'Bookings', 'Shows']);
  const bookings = wb.getWorksheet('Bookings')!;
  assert.equal(bookings.rowCount, 3);
  assert.deepEqual([2, 3].map((r) => bookings.getRow(r).getCell(11).value), [200, 400]);
  // Files on disk never carry full phone numbers.
  assert.equal(bookings.getRow(2).getCell(13).value, '•••• 3210');
  assert.equal(wb.getWorksheet('Shows')!.rowCount, 2);

  // The next day gets its own file.
  clock.set(IST(26, 23, 31));
  assert.equal(await runDueExports(deps()), 1);
  assert.deepEqual((await listExports(t.db, alpha.cinemaId)).map((x) => x.localDate), ['2026-11-26', '2026-11-25']);
});

test('two processes running the scheduler at once write the export once', async () => {
  clock.set(IST(25, 23, 45));
  const other = openDatabase({ url: t.url });
  try {
    const results = await Promise.all([
      runDueExports(deps()),
      runDueExports({ ...deps(), db: other.db }),
      runDueExports(deps()),
      runDueExports({ ...deps(), db: other.db }),
    ]);
    assert.equal(results.reduce((a, b) => a + b, 0), 1);
  } finally {
    await other.db.destroy();
  }
  const rows = await listExports(t.db, alpha.cinemaId);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.status, 'ready');
});

test('an export left running by a crashed process is taken over once its claim is stale', async () => {
  clock.set(IST(25, 23, 31));
  await t.db
    .withTables<ExportsTables>()
    .insertInto('exports')
    .values({ cinema_id: alpha.cinemaId, kind: 'daily', local_date: '2026-11-25', period_from: IST(24, 23, 30), period_to: IST(25, 23, 30), status: 'running', attempts: 1, claimed_at: clock.now(), created_at: clock.now() })
    .execute();
  clock.advance(STALE_CLAIM_MS - 1);
  assert.equal(await runDueExports(deps()), 0);
  clock.advance(1);
  assert.equal(await runDueExports(deps()), 1);
  const [e] = await listExports(t.db, alpha.cinemaId);
  assert.equal(e!.status, 'ready');
  assert.equal(e!.attempts, 2);
});

test('a failed export is recorded and retried later', async () => {
  clock.set(IST(25, 23, 31));
  // A file where the export folder should be makes writing fail.
  const blocked = path.join(dataDir, 'not-a-dir');
  fs.writeFileSync(blocked, '');
  assert.equal(await runDueExports({ ...deps(), dataDir: blocked }), 0);
  let [e] = await listExports(t.db, alpha.cinemaId);
  assert.equal(e!.status, 'failed');
  assert.match(e!.error ?? '', /ENOTDIR|EEXIST|not a directory/i);

  clock.advance(RETRY_AFTER_MS - 1);
  assert.equal(await runDueExports(deps()), 0);
  clock.advance(1);
  assert.equal(await runDueExports(deps()), 1);
  [e] = await listExports(t.db, alpha.cinemaId);
  assert.equal(e!.status, 'ready');
  assert.equal(e!.error, null);
});

test('after three failed attempts the day is left alone', async () => {
  // A cinema of its own that exports at 20:00, so the attempts stay within one local day.
  const early = await seedCinema(t.db, { name: 'Early', settingsJson: JSON.stringify({ dailyExportAt: '20:00' }) });
  clock.set(IST(25, 20, 1));
  const blocked = path.join(dataDir, 'not-a-dir');
  fs.writeFileSync(blocked, '');
  for (let i = 0; i < 3; i++) {
    assert.equal(await runDueExports({ ...deps(), dataDir: blocked }), 0);
    clock.advance(RETRY_AFTER_MS);
  }
  assert.equal(clock.now() < IST(25, 23, 30), true);
  assert.equal(await runDueExports(deps()), 0);
  const [e] = await listExports(t.db, early.cinemaId);
  assert.equal(e!.status, 'failed');
  assert.equal(e!.attempts, 3);
});
