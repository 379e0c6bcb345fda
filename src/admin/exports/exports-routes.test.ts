import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import ExcelJS from 'exceljs';
import type { AppDeps } from '../../app-deps.ts';
import { ManualClock } from '../../clock.ts';
import { loadConfig } from '../../config.ts';
import { createLogger } from '../../log.ts';
import { encrypt } from '../../tenants/secrets.ts';
import { GraphClient } from '../../whatsapp/graph-client.ts';
import { createTestDb } from '../../../test/helpers/db.ts';
import { runDueExports } from '../../jobs/scheduled-exports.ts';
import { adminPlugin } from '../index.ts';
import { addUser, signedIn, type AdminTestContext, type Browser } from '../test-app.ts';
import { seedCinema, type CinemaFixture } from '../analytics/fixtures.ts';

const IST = (d: number, h: number, m: number) => Date.UTC(2026, 10, d, h, m) - 5.5 * 3_600_000;

let ctx: AdminTestContext;
let dataDir: string;
let alpha: CinemaFixture;
let beta: CinemaFixture;
let manager: Browser;
let betaManager: Browser;
let staff: Browser;
let operator: Browser;

async function readXlsx(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

before(async () => {
  // The admin app with its data folder in a temporary directory, so scheduled files land there.
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-export-routes-'));
  const tdb = await createTestDb();
  const clock = new ManualClock(IST(25, 23, 45));
  const config = loadConfig({ MARQUEE_DEMO: '1', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
  const deps: AppDeps = {
    config,
    db: tdb.db,
    dialect: tdb.dialect,
    log: createLogger('silent'),
    clock,
    graph: new GraphClient({ baseUrl: 'http://127.0.0.1:9', version: config.whatsappApiVersion }),
    wake: () => {},
  };
  const app = Fastify({ logger: false });
  await app.register(adminPlugin, { deps });
  await app.ready();
  ctx = {
    app,
    deps,
    clock,
    tdb,
    wakes: { count: 0 },
    routes: [],
    async close() {
      await app.close();
      await tdb.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };

  alpha = await seedCinema(deps.db, { name: 'Alpha Cinemas', settingsJson: JSON.stringify({ dailyExportAt: '23:30' }) });
  beta = await seedCinema(deps.db, { name: 'Beta' });
  const film = await alpha.movie('Leo');
  const show = await alpha.show({ movieId: film, startsAt: IST(26, 18, 0) });
  const ann = await alpha.customer({ name: 'Ann', last4: '3210', createdAt: IST(25, 9, 0) });
  await deps.db.updateTable('customers').set({ wa_id_enc: encrypt(config.secretKey, '+919876543210') }).where('id', '=', ann).execute();
  const tester = await alpha.customer({ name: 'Tester', isTest: true });
  await alpha.booking({ showId: show, customerId: ann, quantity: 2, totalPaise: 50_000, createdAt: IST(25, 10, 0), seats: ['A1', 'A2'] });
  await alpha.booking({ showId: show, customerId: tester, quantity: 1, totalPaise: 25_000, createdAt: IST(25, 11, 0), seats: ['A3'] });

  manager = await signedIn(ctx, await addUser(ctx, 'manager', alpha.cinemaId));
  betaManager = await signedIn(ctx, await addUser(ctx, 'manager', beta.cinemaId));
  staff = await signedIn(ctx, await addUser(ctx, 'staff', alpha.cinemaId));
  operator = await signedIn(ctx, await addUser(ctx, 'operator', null));
});

after(async () => {
  await ctx.close();
});

test('bookings download as a workbook with masked numbers and without test bookings', async () => {
  const res = await manager.get(`/api/v1/cinemas/${alpha.cinemaId}/exports/bookings.xlsx`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.equal(res.headers['content-disposition'], 'attachment; filename="alpha-cinemas-bookings-all.xlsx"');
  const ws = (await readXlsx(res.rawPayload)).getWorksheet('Bookings')!;
  assert.equal(ws.rowCount, 2);
  const row = ws.getRow(2);
  assert.equal(row.getCell(5).value, 'Leo');
  assert.equal(row.getCell(9).value, 'A1 A2');
  assert.equal(row.getCell(11).value, 500);
  assert.equal(row.getCell(12).value, 'Ann');
  assert.equal(row.getCell(13).value, '•••• 3210');
});

test('a manager who asks sees full numbers, and the reveal is audited', async () => {
  const res = await manager.get(`/admin/c/${alpha.cinemaId}/exports/download?kind=customers&format=csv&from=2026-11-01&to=2026-11-30&reveal=1`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
  assert.equal(res.headers['content-disposition'], 'attachment; filename="alpha-cinemas-customers-2026-11-01-to-2026-11-30.csv"');
  const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines.length, 2);
  assert.match(lines[1]!, /^Ann,\+919876543210,en,2026-11-25 09:00,/);
  const audits = await ctx.deps.db.selectFrom('audit_log').select(['action', 'subject', 'cinema_id']).where('action', '=', 'reveal_phone').execute();
  assert.deepEqual(audits, [{ action: 'reveal_phone', subject: 'export:customers.csv', cinema_id: alpha.cinemaId }]);
  // Without asking, numbers stay masked.
  const masked = await manager.get(`/api/v1/cinemas/${alpha.cinemaId}/exports/customers.csv`);
  assert.match(masked.body, /Ann,•••• 3210,/);
});

test('shows and the daily summary download too', async () => {
  const shows = await manager.get(`/api/v1/cinemas/${alpha.cinemaId}/exports/shows.csv`);
  assert.equal(shows.statusCode, 200);
  assert.match(shows.body, /2026-11-26 18:00,Leo,Main Street,Screen 1,Tamil,2D,scheduled,10,2,8,20\.0%,500\.00/);
  const summary = await manager.get(`/api/v1/cinemas/${alpha.cinemaId}/exports/daily-summary.xlsx?from=2026-11-24&to=2026-11-26`);
  const ws = (await readXlsx(summary.rawPayload)).getWorksheet('Daily summary')!;
  assert.deepEqual(
    [2, 3, 4].map((r) => [ws.getRow(r).getCell(1).value, ws.getRow(r).getCell(6).value, ws.getRow(r).getCell(7).value]),
    [
      ['2026-11-24', 0, 0],
      ['2026-11-25', 2, 500],
      ['2026-11-26', 0, 0],
    ],
  );
});

test('exports are scoped to the cinema and to managers', async () => {
  assert.equal((await betaManager.get(`/api/v1/cinemas/${alpha.cinemaId}/exports/bookings.xlsx`)).statusCode, 404);
  assert.equal((await staff.get(`/api/v1/cinemas/${alpha.cinemaId}/exports/bookings.csv`)).statusCode, 403);
  assert.equal((await staff.get(`/admin/c/${alpha.cinemaId}/exports`)).statusCode, 403);
  assert.equal((await manager.get(`/api/v1/cinemas/${alpha.cinemaId}/exports/passwords.csv`)).statusCode, 404);
  assert.equal((await manager.get(`/admin/c/${alpha.cinemaId}/exports/download?kind=bookings&format=pdf`)).statusCode, 400);
  assert.equal((await manager.get(`/api/v1/cinemas/${alpha.cinemaId}/exports/bookings.csv?from=2026-11-31`)).statusCode, 400);
  const anonymous = await ctx.app.inject({ method: 'GET', url: `/api/v1/cinemas/${alpha.cinemaId}/exports/bookings.csv` });
  assert.equal(anonymous.statusCode, 401);
  // The operator may export any cinema.
  assert.equal((await operator.get(`/api/v1/cinemas/${beta.cinemaId}/exports/bookings.csv`)).statusCode, 200);
});

test('scheduled files are listed and downloaded from their own cinema only', async () => {
  assert.equal(await runDueExports({ db: ctx.deps.db, clock: ctx.clock, dataDir, log: ctx.deps.log }), 1);

  const page = await manager.get(`/admin/c/${alpha.cinemaId}/exports`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /every day at <strong>23:30<\/strong> \(Asia\/Kolkata\)/);
  assert.match(page.body, /2026-11-25/);
  const link = /href="(\/admin\/c\/[^"]+\/exports\/files\/(\d+))"/.exec(page.body);
  assert.ok(link, 'the page links the file');

  const file = await manager.get(link[1]!);
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-disposition'], 'attachment; filename="alpha-cinemas-daily-2026-11-25.xlsx"');
  const wb = await readXlsx(file.rawPayload);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['Summary', 'Films', 'Bookings', 'Shows']);
  assert.equal(wb.getWorksheet('Bookings')!.rowCount, 2);

  const list = await manager.get(`/api/v1/cinemas/${alpha.cinemaId}/exports`);
  const body = list.json() as { exports: { id: number; status: string; rowCount: number; download: string }[] };
  assert.deepEqual(body.exports.map((e) => [e.status, e.rowCount]), [['ready', 1]]);
  assert.equal((await manager.get(body.exports[0]!.download)).statusCode, 200);

  // The same file id through another cinema's URL is not found.
  assert.equal((await betaManager.get(`/admin/c/${beta.cinemaId}/exports/files/${link[2]}`)).statusCode, 404);
  assert.equal((await betaManager.get(`/admin/c/${alpha.cinemaId}/exports/files/${link[2]}`)).statusCode, 404);
  assert.equal((await manager.get(`/admin/c/${alpha.cinemaId}/exports/files/99999`)).statusCode, 404);
  assert.equal((await manager.get(`/admin/c/${alpha.cinemaId}/exports/files/..%2F..%2Fetc`)).statusCode, 404);
});
