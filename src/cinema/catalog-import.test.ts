import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestDb, type TestDb } from '../../test/helpers/db.ts';
import {
  exportCatalogue,
  exportCatalogueFile,
  fromLocal,
  importCatalogue,
  importCatalogueFile,
  listShows,
  type CatalogDocument,
  type ImportResult,
} from './index.ts';
import { ManualClock } from '../clock.ts';
import { addCinema, T0 } from './testing/scenario.ts';

let t: TestDb;
before(async () => {
  t = await createTestDb();
});
after(async () => {
  await t.close();
});

const deps = () => ({ db: t.db, clock: new ManualClock(T0) });

/** Two locations, three screens and two films, without shows: what schedules are imported into. */
function baseCatalogue(): CatalogDocument {
  return {
    format: 'marquee.catalog',
    version: 1,
    locations: [
      {
        code: 'dindigul',
        name: 'Marquee Dindigul',
        city: 'Dindigul',
        address: '112 Palani Road',
        timezone: 'Asia/Kolkata',
        screens: [
          { name: 'Screen 1', layout: { rows: [{ label: 'A', category: 'Classic', seats: 'SSSS_SSSS' }, { label: 'B', category: 'Prime', seats: 'SSSS_SSSS' }] } },
          { name: 'Gold', layout: { rows: [{ label: 'A', cells: [{ number: 1, category: 'Recliner' }, null, { number: 2, category: 'Recliner', wheelchair: true }] }] } },
        ],
      },
      {
        code: 'tirupur',
        name: 'Marquee Tirupur',
        city: 'Tiruppur',
        address: '45 Avinashi Road',
        timezone: 'Asia/Kolkata',
        screens: [{ name: 'Screen 1', layout: { rows: [{ label: 'A', category: 'Classic', seats: 'WSSSSW' }] } }],
      },
    ],
    movies: [
      { code: 'retro', title: 'Retro', durationMinutes: 168, certificate: 'UA', languages: ['Tamil'] },
      { code: 'dil-se-dobara', title: 'Dil Se Dobara', durationMinutes: 151, certificate: 'UA', languages: ['Hindi'] },
    ],
  };
}

async function cinemaWithCatalogue(): Promise<string> {
  const cinemaId = await addCinema(t.db);
  const r = await importCatalogue(deps(), { cinemaId, document: baseCatalogue() });
  assert.ok(r.ok, JSON.stringify(r));
  return cinemaId;
}

const HEADER = ['Location', 'Screen', 'Movie', 'Date', 'Time', 'Language', 'Format', 'Price: Classic', 'Price: Prime', 'Price: Recliner'];

/** A schedule as staff type it into Excel: real date cells, times as text, prices as numbers. */
async function workbook(rows: (string | number | Date | null)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Schedule');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const excelDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const GOOD_ROWS: (string | number | Date | null)[][] = [
  ['dindigul', 'Screen 1', 'retro', excelDate('2026-11-27'), '09:00', 'Tamil', '2D', 150, 190, null],
  ['dindigul', 'Screen 1', 'Retro', excelDate('2026-11-27'), '12:30', 'tamil', '2D', 150, 190, null],
  ['dindigul', 'Gold', 'dil-se-dobara', excelDate('2026-11-27'), '23:45', 'Hindi', '2D', null, null, '449.50'],
  ['tirupur', 'Screen 1', 'retro', excelDate('2026-11-28'), '00:30', 'Tamil', '2D', 120, null, null],
  ['tirupur', 'Screen 1', 'dil-se-dobara', '2026-11-28', '9:30', 'Hindi', '', '120', null, null],
];

const ok = (r: ImportResult) => {
  assert.ok(r.ok, JSON.stringify(r));
  return r.summary;
};

describe('show schedules from a spreadsheet', () => {
  test('a valid spreadsheet imports, in the locations’ local time, prices in paise', async () => {
    const cinemaId = await cinemaWithCatalogue();
    const summary = ok(await importCatalogueFile(deps(), { cinemaId, format: 'xlsx', data: await workbook(GOOD_ROWS) }));
    assert.deepEqual(summary.shows, { created: 5, updated: 0, unchanged: 0 });
    const shows = await listShows(t.db, { cinemaId, now: T0 });
    assert.deepEqual(
      shows.map((s) => `${s.location.code} ${s.screenName} ${s.localDate} ${s.localTime} ${s.movie.code} ${s.language} ${s.prices.map((p) => `${p.category}=${p.pricePaise}`).join(',')}`),
      [
        'dindigul Screen 1 2026-11-27 09:00 retro Tamil Classic=15000,Prime=19000',
        'dindigul Screen 1 2026-11-27 12:30 retro Tamil Classic=15000,Prime=19000',
        'dindigul Gold 2026-11-27 23:45 dil-se-dobara Hindi Recliner=44950',
        'tirupur Screen 1 2026-11-28 00:30 retro Tamil Classic=12000',
        'tirupur Screen 1 2026-11-28 09:30 dil-se-dobara Hindi Classic=12000',
      ],
    );
    assert.equal(shows[3]!.startsAt, fromLocal('2026-11-28', '00:30', 'Asia/Kolkata'));
  });

  test('re-importing the same file changes nothing', async () => {
    const cinemaId = await cinemaWithCatalogue();
    const data = await workbook(GOOD_ROWS);
    ok(await importCatalogueFile(deps(), { cinemaId, format: 'xlsx', data }));
    const before = await exportCatalogue(t.db, { cinemaId });
    const again = ok(await importCatalogueFile(deps(), { cinemaId, format: 'xlsx', data }));
    assert.deepEqual(again.shows, { created: 0, updated: 0, unchanged: 5 });
    assert.deepEqual(await exportCatalogue(t.db, { cinemaId }), before);
  });

  test('three bad rows: nothing is imported and the three rows are named, with their fields', async () => {
    const cinemaId = await cinemaWithCatalogue();
    const rows = [
      GOOD_ROWS[0]!,
      ['dindigul', 'Screen 1', 'Kanguva', excelDate('2026-11-27'), '16:00', 'Tamil', '2D', 150, 190, null], // row 3: unknown film
      GOOD_ROWS[1]!,
      ['dindigul', 'Gold', 'retro', excelDate('2026-11-27'), '25:00', 'Tamil', '2D', null, null, 'free'], // row 5: bad time, bad price
      GOOD_ROWS[2]!,
      ['dindigul', 'Screen 1', 'retro', excelDate('2026-11-27'), '10:00', 'Tamil', '2D', 150, 190, null], // row 7: overlaps 09:00
      GOOD_ROWS[3]!,
    ];
    const r = await importCatalogueFile(deps(), { cinemaId, format: 'xlsx', data: await workbook(rows) });
    assert.ok(!r.ok);
    assert.deepEqual([...new Set(r.errors.map((e) => e.row))], [3, 5, 7]);
    assert.deepEqual(
      r.errors.map((e) => [e.row, e.field]),
      [
        [3, 'movie'],
        [5, 'price:Recliner'],
        [5, 'time'],
        [7, 'time'],
      ],
    );
    assert.match(r.errors.find((e) => e.row === 7)!.message, /show_overlap/);
    assert.deepEqual(await listShows(t.db, { cinemaId, now: T0 }), []);
  });

  test('a missing column is reported on the header row', async () => {
    const cinemaId = await cinemaWithCatalogue();
    const csv = 'location,screen,date,time,language,price:Classic\r\ndindigul,Screen 1,2026-11-27,09:00,Tamil,150\r\n';
    const r = await importCatalogueFile(deps(), { cinemaId, format: 'csv', data: new TextEncoder().encode(csv) });
    assert.deepEqual(r, { ok: false, errors: [{ where: 'row 1', row: 1, field: 'movie', message: "the header has no 'movie' column" }] });
  });

  test('CSV and Excel exports import back unchanged; an edited price updates one show', async () => {
    const cinemaId = await cinemaWithCatalogue();
    ok(await importCatalogueFile(deps(), { cinemaId, format: 'xlsx', data: await workbook(GOOD_ROWS) }));
    for (const format of ['csv', 'xlsx'] as const) {
      const data = await exportCatalogueFile(t.db, { cinemaId, format });
      assert.deepEqual(ok(await importCatalogueFile(deps(), { cinemaId, format, data })).shows, { created: 0, updated: 0, unchanged: 5 });
    }
    const csv = new TextDecoder().decode(await exportCatalogueFile(t.db, { cinemaId, format: 'csv' }));
    assert.equal(csv.split('\r\n')[0], 'location,screen,movie,date,time,language,format,price:Classic,price:Prime,price:Recliner,booking_opens,booking_closes,status,seating,capacity');
    const edited = csv.replace('dindigul,Screen 1,retro,2026-11-27,12:30,Tamil,2D,150,190', 'dindigul,Screen 1,retro,2026-11-27,12:30,Tamil,2D,160,190');
    assert.notEqual(edited, csv);
    assert.deepEqual(ok(await importCatalogueFile(deps(), { cinemaId, format: 'csv', data: new TextEncoder().encode(edited) })).shows, { created: 0, updated: 1, unchanged: 4 });
  });
});

describe('the JSON catalogue', () => {
  test('exported from one cinema and imported into another, it describes the same catalogue', async () => {
    const source = await cinemaWithCatalogue();
    ok(await importCatalogueFile(deps(), { cinemaId: source, format: 'xlsx', data: await workbook(GOOD_ROWS) }));
    const withEvent = await exportCatalogue(t.db, { cinemaId: source });
    withEvent.events = [
      {
        keyword: '#WRETRO',
        name: 'Women’s FDFS — Retro',
        movie: 'retro',
        texts: { en: { title: 'Women’s FDFS', description: 'For women', terms: 'Women only' }, hi: { title: 'महिलाओं के लिए FDFS', description: 'महिलाओं के लिए', terms: 'केवल महिलाएँ' } },
        maxTicketsPerBooking: 4,
        seating: 'general_admission',
        capacity: 6,
        locations: ['dindigul'],
        shows: [{ location: 'dindigul', screen: 'Screen 1', date: '2026-11-27', time: '09:00' }],
      },
    ];
    const first = ok(await importCatalogue(deps(), { cinemaId: source, document: withEvent }));
    assert.deepEqual(first.events, { created: 1, updated: 0, unchanged: 0 });
    const doc = await exportCatalogue(t.db, { cinemaId: source });
    assert.equal(doc.shows!.find((s) => s.time === '09:00')!.seating, 'general_admission');

    const target = await addCinema(t.db);
    const created = ok(await importCatalogue(deps(), { cinemaId: target, document: JSON.parse(JSON.stringify(doc)) }));
    assert.deepEqual(
      [created.locations.created, created.screens.created, created.movies.created, created.shows.created, created.events.created],
      [2, 3, 2, 5, 1],
    );
    assert.deepEqual(await exportCatalogue(t.db, { cinemaId: target }), doc);
    const again = ok(await importCatalogue(deps(), { cinemaId: target, document: doc }));
    for (const kind of ['locations', 'screens', 'movies', 'shows', 'events'] as const) assert.equal(again[kind].created + again[kind].updated, 0, kind);
  });

  test('every problem is reported by path, and nothing is imported', async () => {
    const cinemaId = await addCinema(t.db);
    const doc = baseCatalogue();
    doc.locations![1]!.timezone = 'India/Tirupur';
    doc.locations![0]!.screens![1]!.layout.rows.push({ label: 'A', category: 'Recliner', seats: 'SS' });
    doc.shows = [{ location: 'dindigul', screen: 'Screen 1', movie: 'retro', date: '2026-11-27', time: '09:00', language: 'Tamil', pricesPaise: { Classic: 15000 } }];
    doc.events = [
      {
        keyword: '#WRETRO',
        name: 'FDFS',
        texts: { en: { title: 'FDFS', description: 'For women', terms: '' } },
        maxTicketsPerBooking: 4,
        seating: 'general_admission',
        capacity: 50,
        shows: [{ location: 'dindigul', screen: 'Screen 1', date: '2026-11-27', time: '10:00' }],
      },
    ];
    const r = await importCatalogue(deps(), { cinemaId, document: doc });
    assert.ok(!r.ok);
    assert.deepEqual(
      r.errors.map((e) => `${e.where} ${e.field}`),
      ['locations[1] timezone', 'locations[0].screens[1] rows.1.label', 'events[0].shows[0] time'],
    );
    assert.deepEqual(await exportCatalogue(t.db, { cinemaId }), { format: 'marquee.catalog', version: 1, locations: [], movies: [], shows: [], events: [] });
    const shape = await importCatalogue(deps(), { cinemaId, document: { format: 'marquee.catalog', version: 1, movies: [{ code: 'x', title: 'X', certificate: 'U' }] } });
    assert.deepEqual(shape, { ok: false, errors: [{ where: 'movies[0]', field: 'durationMinutes', message: 'Invalid input: expected number, received undefined' }] });
  });
});
