import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { sheetOf, type Cell, type Column, type Sheet } from './sheet.ts';
import { csvCell, neutraliseFormula, writeCsv } from './write-csv.ts';
import { writeXlsx } from './write-xlsx.ts';

const COLUMNS: Column[] = [
  { header: 'Name', type: 'text' },
  { header: 'Tickets', type: 'int' },
  { header: 'Amount (₹)', type: 'money' },
  { header: 'At', type: 'datetime' },
  { header: 'Date', type: 'date' },
  { header: 'Occupancy', type: 'percent' },
];
// Wall-clock 2026-11-25 18:30 (what the writers receive for a local time).
const WALL = Date.UTC(2026, 10, 25, 18, 30);

function collect(): { out: PassThrough; done: Promise<Buffer> } {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  return { out, done: new Promise((resolve) => out.on('end', () => resolve(Buffer.concat(chunks)))) };
}

function paged(name: string, columns: Column[], pages: Cell[][][]): Sheet {
  return {
    name,
    columns,
    pages: (async function* () {
      for (const p of pages) yield p;
    })(),
  };
}

test('CSV cells are quoted when needed and formulas are defused', () => {
  assert.equal(neutraliseFormula('=HYPERLINK("x")'), `'=HYPERLINK("x")`);
  assert.equal(neutraliseFormula('-5 seats'), `'-5 seats`);
  assert.equal(neutraliseFormula('Leo'), 'Leo');
  assert.equal(neutraliseFormula('+919876543210'), '+919876543210');
  assert.equal(neutraliseFormula('+91 1+cmd'), `'+91 1+cmd`);
  assert.equal(csvCell('text', 'Ravi, "the fan"'), '"Ravi, ""the fan"""');
  assert.equal(csvCell('text', '=1+1'), `'=1+1`);
  assert.equal(csvCell('money', 123456), '1234.56');
  assert.equal(csvCell('percent', 0.4567), '45.7%');
  assert.equal(csvCell('datetime', WALL), '2026-11-25 18:30');
  assert.equal(csvCell('int', 3), '3');
  assert.equal(csvCell('text', null), '');
});

test('a CSV has a byte-order mark, a header and every page of rows', async () => {
  const { out, done } = collect();
  const rows = await writeCsv(
    out,
    paged('x', COLUMNS, [
      [['அனு', 2, 40000, WALL, '2026-11-25', 0.5]],
      [
        ['Ravi\nKumar', 1, 15050, null, '2026-11-26', null],
        ['=cmd', 3, 0, WALL, '2026-11-27', 1],
      ],
    ]),
  );
  assert.equal(rows, 3);
  const text = (await done).toString('utf8');
  assert.ok(text.startsWith('\uFEFF'));
  assert.deepEqual(text.slice(1).split('\r\n'), [
    'Name,Tickets,Amount (₹),At,Date,Occupancy',
    'அனு,2,400.00,2026-11-25 18:30,2026-11-25,50.0%',
    '"Ravi\nKumar",1,150.50,,2026-11-26,',
    `'=cmd,3,0.00,2026-11-25 18:30,2026-11-27,100.0%`,
    '',
  ]);
});

test('an xlsx workbook reads back with typed cells, number formats and every sheet', async () => {
  const { out, done } = collect();
  const counts = await writeXlsx(out, [
    paged('Bookings', COLUMNS, [
      [['அனு', 2, 40000, WALL, '2026-11-25', 0.5]],
      [['=cmd', 3, 150, null, '2026-11-26', null]],
    ]),
    sheetOf('Empty', [{ header: 'Nothing', type: 'text' }], []),
  ]);
  assert.deepEqual(counts, [2, 0]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await done) as unknown as ArrayBuffer);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['Bookings', 'Empty']);
  const ws = wb.getWorksheet('Bookings')!;
  assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), ['Name', 'Tickets', 'Amount (₹)', 'At', 'Date', 'Occupancy']);
  const r2 = ws.getRow(2);
  assert.equal(r2.getCell(1).value, 'அனு');
  assert.equal(r2.getCell(2).value, 2);
  assert.equal(r2.getCell(3).value, 400);
  assert.equal(r2.getCell(3).numFmt, '#,##0.00');
  assert.equal((r2.getCell(4).value as Date).toISOString(), '2026-11-25T18:30:00.000Z');
  assert.equal(r2.getCell(4).numFmt, 'yyyy-mm-dd hh:mm');
  assert.equal(r2.getCell(5).value, '2026-11-25');
  assert.equal(r2.getCell(6).value, 0.5);
  assert.equal(r2.getCell(6).numFmt, '0.0%');
  // Text that looks like a formula stays text in a workbook.
  assert.equal(ws.getRow(3).getCell(1).value, '=cmd');
  assert.equal(ws.getRow(3).getCell(3).value, 1.5);
  assert.equal(ws.getRow(3).getCell(4).value, null);
  assert.equal(ws.rowCount, 3);
  assert.equal(wb.getWorksheet('Empty')!.rowCount, 1);
});

test('writing waits for a slow destination instead of buffering ahead', async () => {
  let written = 0;
  let pending: (() => void)[] = [];
  const slow = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _enc, cb) {
      written += chunk.length;
      pending.push(cb);
    },
  });
  const rows: Cell[][] = Array.from({ length: 200 }, (_, i) => [`customer ${i}`.repeat(5), i, i * 100, WALL, '2026-11-25', 0.1]);
  const job = writeCsv(slow, paged('x', COLUMNS, [rows, rows, rows]));
  // Nothing is acknowledged yet, so the writer must stop after the first page.
  await new Promise((r) => setImmediate(r));
  const firstBurst = written;
  assert.ok(firstBurst > 0);
  assert.ok(firstBurst < 3 * 200 * 40, `wrote ${firstBurst} bytes before the destination drained`);
  let finished = false;
  void job.then(() => (finished = true));
  while (!finished) {
    const cbs = pending;
    pending = [];
    for (const cb of cbs) cb();
    await new Promise((r) => setImmediate(r));
  }
  assert.equal(await job, 600);
});

test('an abandoned download stops the export instead of leaving it waiting', async () => {
  const many = (): Sheet =>
    paged(
      'x',
      COLUMNS,
      Array.from({ length: 50 }, () => Array.from({ length: 200 }, (_, i): Cell[] => [`row ${i} `.repeat(20), i, i, WALL, '2026-11-25', 0.5])),
    );
  for (const write of [(out: PassThrough) => writeXlsx(out, [many()]), (out: PassThrough) => writeCsv(out, many())]) {
    // Nobody reads this destination, so it fills up; then the client goes away.
    const out = new PassThrough({ highWaterMark: 1024 });
    const job = write(out);
    await new Promise((r) => setImmediate(r));
    out.destroy();
    await assert.rejects(job, /closed|premature/i);
  }
});
