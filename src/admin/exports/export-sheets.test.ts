import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { encrypt } from '../../tenants/secrets.ts';
import { seedCinema, type CinemaFixture } from '../analytics/fixtures.ts';
import { recordFunnelEvents } from '../analytics/funnel-events.ts';
import { bookingsSheet, customersSheet, dailySummarySheet, periodSummarySheets, showsSheet } from './export-sheets.ts';
import type { Cell, Sheet } from './sheet.ts';
import { writeXlsx } from './write-xlsx.ts';

// 10 Nov 2026 00:00 IST
const DAY1 = Date.UTC(2026, 10, 9, 18, 30);
const H = 3_600_000;
const KEY = Buffer.alloc(32, 9);

let t: TestDb;
let alpha: CinemaFixture;
let beta: CinemaFixture;
let ref: { id: string; name: string; timezone: string };
let ann: string;

async function rowsOf(sheet: Sheet): Promise<Cell[][]> {
  const out: Cell[][] = [];
  for await (const page of sheet.pages) out.push(...page);
  return out;
}

before(async () => {
  t = await createTestDb();
  alpha = await seedCinema(t.db, { name: 'Alpha', seats: 10 });
  beta = await seedCinema(t.db, { name: 'Beta' });
  ref = { id: alpha.cinemaId, name: 'Alpha', timezone: 'Asia/Kolkata' };
  const leo = await alpha.movie('Leo');
  const morning = await alpha.show({ movieId: leo, startsAt: DAY1 + 10 * H });
  const evening = await alpha.show({ movieId: leo, startsAt: DAY1 + 24 * H + 18 * H, capacity: 40 });

  ann = await alpha.customer({ name: 'Ann', last4: '3210', createdAt: DAY1 });
  await t.db.updateTable('customers').set({ wa_id_enc: encrypt(KEY, '+919876543210') }).where('id', '=', ann).execute();
  const bob = await alpha.customer({ name: '=HYPERLINK("http://x")', last4: '7777', createdAt: DAY1 + H });
  const tester = await alpha.customer({ isTest: true, createdAt: DAY1 });

  // Three bookings made in the same millisecond: keyset pages must neither skip nor repeat any.
  await alpha.booking({ showId: morning, customerId: ann, quantity: 2, totalPaise: 40_000, createdAt: DAY1 + 2 * H, seats: ['A10', 'A9'] });
  await alpha.booking({ showId: morning, customerId: bob, quantity: 1, totalPaise: 20_000, createdAt: DAY1 + 2 * H, seats: ['A1'] });
  await alpha.booking({ showId: evening, customerId: bob, quantity: 3, totalPaise: 45_000, createdAt: DAY1 + 2 * H });
  await alpha.booking({ showId: evening, customerId: ann, quantity: 1, totalPaise: 15_000, status: 'cancelled', createdAt: DAY1 + 3 * H, cancelledAt: DAY1 + 4 * H });
  await alpha.booking({ showId: evening, customerId: ann, quantity: 5, totalPaise: 75_000, status: 'expired', createdAt: DAY1 + 5 * H });
  await alpha.booking({ showId: morning, customerId: tester, quantity: 2, totalPaise: 40_000, createdAt: DAY1 + 6 * H, seats: ['A3', 'A4'] });
  await alpha.booking({ showId: morning, customerId: ann, quantity: 1, totalPaise: 20_000, createdAt: DAY1 + 6 * H, isTest: true, seats: ['A5'] });
  await alpha.booking({ showId: evening, customerId: bob, quantity: 2, totalPaise: 30_000, createdAt: DAY1 + 30 * H });

  await recordFunnelEvents(t.db, [
    { cinemaId: alpha.cinemaId, customerId: ann, step: 'started', at: DAY1 + 2 * H, isTest: false },
    { cinemaId: alpha.cinemaId, customerId: ann, step: 'confirmed', at: DAY1 + 2 * H, isTest: false },
    { cinemaId: alpha.cinemaId, customerId: bob, step: 'started', at: DAY1 + 29 * H, isTest: false },
  ]);

  const other = await beta.customer();
  const film = await beta.movie('Other');
  const show = await beta.show({ movieId: film, startsAt: DAY1 + 10 * H });
  await beta.booking({ showId: show, customerId: other, quantity: 1, totalPaise: 10_000, createdAt: DAY1 + 2 * H, seats: ['A1'] });
});

after(async () => {
  await t.close();
});

test('the bookings sheet pages through every real sale once, in order, with local times', async () => {
  const rows = await rowsOf(bookingsSheet(t.db, { cinema: ref, pageSize: 2 }));
  assert.equal(rows.length, 5);
  // Status, booked at (IST wall clock), show time, seats, tickets, amount. Ties in time are ordered by id.
  const seen = rows.map((r) => [r[1], new Date(r[2] as number).toISOString().slice(0, 16), new Date(r[7] as number).toISOString().slice(0, 16), r[8], r[9], r[10]]);
  const canonical = (list: unknown[][]) => list.map((r) => JSON.stringify(r)).sort();
  assert.deepEqual(canonical(seen), canonical([
    ['confirmed', '2026-11-10T02:00', '2026-11-10T10:00', 'A9 A10', 2, 40_000],
    ['confirmed', '2026-11-10T02:00', '2026-11-10T10:00', 'A1', 1, 20_000],
    ['confirmed', '2026-11-10T02:00', '2026-11-11T18:00', 'Classic', 3, 45_000],
    ['cancelled', '2026-11-10T03:00', '2026-11-11T18:00', 'Classic', 1, 15_000],
    ['confirmed', '2026-11-11T06:00', '2026-11-11T18:00', 'Classic', 2, 30_000],
  ]));
  assert.deepEqual(seen.map((r) => r[1]), ['2026-11-10T02:00', '2026-11-10T02:00', '2026-11-10T02:00', '2026-11-10T03:00', '2026-11-11T06:00']);
  assert.equal(new Set(rows.map((r) => r[0])).size, 5);
  assert.equal(new Date(rows[3]![3] as number).toISOString().slice(0, 16), '2026-11-10T04:00');
  // Phone numbers are masked by default.
  assert.deepEqual(new Set(rows.map((r) => r[12])), new Set(['•••• 3210', '•••• 7777']));
});

test('a period limits bookings to those made in it', async () => {
  const rows = await rowsOf(bookingsSheet(t.db, { cinema: ref, period: { from: DAY1 + 3 * H, to: DAY1 + 24 * H } }));
  assert.deepEqual(rows.map((r) => r[1]), ['cancelled']);
});

test('full numbers appear only when revealing with the key', async () => {
  const revealed = await rowsOf(customersSheet(t.db, { cinema: ref, phones: { reveal: true, key: KEY } }));
  assert.deepEqual(revealed.map((r) => [r[0], r[1]]), [
    ['Ann', '+919876543210'],
    // Bob has no sealed number (a customer known only by user id): still masked.
    ['=HYPERLINK("http://x")', '•••• 7777'],
  ]);
  const wrongKey = await rowsOf(customersSheet(t.db, { cinema: ref, phones: { reveal: true, key: Buffer.alloc(32, 1) } }));
  assert.equal(wrongKey[0]![1], '•••• 3210');
});

test('the customers sheet sums confirmed real bookings per customer', async () => {
  const rows = await rowsOf(customersSheet(t.db, { cinema: ref, pageSize: 1 }));
  // Customer, phone, language, first, last message, bookings, tickets, spent, last booking.
  assert.deepEqual(rows.map((r) => [r[0], r[5], r[6], r[7]]), [
    ['Ann', 1, 2, 40_000],
    ['=HYPERLINK("http://x")', 3, 6, 95_000],
  ]);
});

test('the shows sheet has capacity, sales and occupancy per show', async () => {
  const rows = await rowsOf(showsSheet(t.db, { cinema: ref, pageSize: 1 }));
  // Show time, film, …, capacity, sold, available, occupancy, revenue.
  assert.deepEqual(rows.map((r) => [new Date(r[0] as number).toISOString().slice(0, 16), r[1], r[7], r[8], r[9], r[10], r[11]]), [
    ['2026-11-10T10:00', 'Leo', 10, 3, 7, 0.3, 60_000],
    ['2026-11-11T18:00', 'Leo', 40, 5, 35, 0.125, 75_000],
  ]);
});

test('the daily summary has one row per local date', async () => {
  const rows = await rowsOf(await dailySummarySheet(t.db, ref, { fromDate: '2026-11-10', toDate: '2026-11-12' }));
  // Date, conversations, booked, conversion, bookings, tickets, revenue, cancellations, shows, offered, sold, occupancy.
  assert.deepEqual(rows, [
    ['2026-11-10', 1, 1, 1, 3, 6, 105_000, 1, 1, 10, 3, 0.3],
    ['2026-11-11', 1, 0, 0, 1, 2, 30_000, 0, 1, 40, 5, 0.125],
    ['2026-11-12', 0, 0, null, 0, 0, 0, 0, 0, 0, 0, null],
  ]);
});

test('a workbook of several sheets reads back row for row', async () => {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((r) => out.on('end', r));
  const sheets = [...(await periodSummarySheets(t.db, ref, { from: DAY1, to: DAY1 + 24 * H })), bookingsSheet(t.db, { cinema: ref, pageSize: 2 })];
  assert.deepEqual(await writeXlsx(out, sheets), [1, 1, 5]);
  await ended;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  const summary = wb.getWorksheet('Summary')!;
  // From, to, customers, conversations, abandoned, conversion, bookings, tickets, revenue…
  assert.deepEqual((summary.getRow(2).values as unknown[]).slice(4, 10), [1, 0, 1, 3, 6, 1050]);
  assert.deepEqual((wb.getWorksheet('Films')!.getRow(2).values as unknown[]).slice(1), ['Leo', 1, 3, 600, 0.3]);
  const bookings = wb.getWorksheet('Bookings')!;
  assert.equal(bookings.rowCount, 6);
  assert.equal(bookings.getRow(2).getCell(11).value, 400);
  assert.equal(bookings.getRow(3).getCell(12).value, '=HYPERLINK("http://x")');
  assert.equal(bookings.getRow(3).getCell(12).formula, undefined);
});
