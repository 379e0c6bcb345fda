import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { bookingsSheet } from '../src/admin/exports/export-sheets.ts';
import { writeCsv } from '../src/admin/exports/write-csv.ts';
import { writeXlsx } from '../src/admin/exports/write-xlsx.ts';
import type { BenchResult } from './types.ts';

const BOOKINGS = 100_000;
const CUSTOMERS = 5_000;
const SHOWS = 600;
const SEATS = 120;
const CHUNK = 500;
const T0 = Date.UTC(2026, 0, 1);

async function insertChunked<T extends Record<string, unknown>>(db: Db, table: string, rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // Multi-row inserts of a few hundred rows stay well under both databases' parameter limits.
    await (db as unknown as Db).insertInto(table as 'cinemas').values(rows.slice(i, i + CHUNK) as never).execute();
  }
}

/** One cinema with a screen, films, shows, customers and BOOKINGS confirmed bookings with their seats. */
export async function seed(db: Db): Promise<{ cinemaId: string; seconds: number }> {
  const started = performance.now();
  const cinemaId = 'cin_bench';
  await db.transaction().execute(async (trx) => {
    const tdb = trx as unknown as Db;
    await tdb
      .insertInto('cinemas')
      .values({
        id: cinemaId, name: 'Bench Cinemas', waba_id: 'waba-bench', phone_number_id: 'pn-bench', display_phone_number: '+91 90000 00000',
        access_token_enc: 'sealed', app_secret_enc: null, token_status: 'valid', token_error: null, timezone: 'Asia/Kolkata',
        default_language: 'en', settings_json: '{}', is_demo: 0, created_at: T0, updated_at: T0,
      })
      .execute();
    await tdb
      .insertInto('locations')
      .values({
        id: 'loc_bench', cinema_id: cinemaId, code: 'main', name: 'Main Street', city: 'Chennai', address: '1 Main Street', latitude: null, longitude: null,
        timezone: 'Asia/Kolkata', opening_hours_json: '{}', phone: null, email: null, is_active: 1, created_at: T0, updated_at: T0,
      })
      .execute();
    await tdb.insertInto('screens').values({ id: 'scr_bench', cinema_id: cinemaId, location_id: 'loc_bench', name: 'Screen 1', is_active: 1, created_at: T0, updated_at: T0 }).execute();
    await insertChunked(
      tdb,
      'seats',
      Array.from({ length: SEATS }, (_, i) => ({
        id: `seat_${i}`, cinema_id: cinemaId, screen_id: 'scr_bench', row_label: String.fromCharCode(65 + Math.floor(i / 12)), row_index: Math.floor(i / 12),
        col: i % 12, number: (i % 12) + 1, category: i < 60 ? 'Classic' : 'Prime', wheelchair: 0, blocked: 0, removed: 0,
      })),
    );
    const titles = ['Leo', 'Jailer', 'Vikram', 'Kaithi', 'Master', 'Ponniyin Selvan', 'Jawan', 'Pathaan'];
    await insertChunked(
      tdb,
      'movies',
      titles.map((title, i) => ({
        id: `mov_${i}`, cinema_id: cinemaId, code: `m${i}`, title, synopsis: '', duration_minutes: 150, certificate: 'UA', languages_json: '["Tamil"]',
        genres_json: '[]', poster_url: null, trailer_url: null, release_date: null, is_active: 1, created_at: T0, updated_at: T0,
      })),
    );
    await insertChunked(
      tdb,
      'shows',
      Array.from({ length: SHOWS }, (_, i) => ({
        id: `shw_${i}`, cinema_id: cinemaId, movie_id: `mov_${i % titles.length}`, screen_id: 'scr_bench', location_id: 'loc_bench',
        starts_at: T0 + i * 3 * 3_600_000, ends_at: T0 + i * 3 * 3_600_000 + 9_000_000, language: 'Tamil', format: '2D', seating: 'assigned',
        capacity: null, event_id: null, booking_opens_at: null, booking_closes_at: null, status: 'scheduled', created_at: T0, updated_at: T0,
      })),
    );
    await insertChunked(
      tdb,
      'customers',
      Array.from({ length: CUSTOMERS }, (_, i) => ({
        id: `cus_${i}`, cinema_id: cinemaId, key_hash: `k${i}`, wa_id_enc: null, wa_id_hash: null, wa_id_last4: String(1000 + (i % 9000)),
        user_id: null, name: `Customer ${i}`, language: 'ta', is_test: 0, created_at: T0, last_inbound_at: T0,
      })),
    );
    for (let i = 0; i < BOOKINGS; i += CHUNK * 4) {
      const bookings = [];
      const seats = [];
      for (let j = i; j < Math.min(BOOKINGS, i + CHUNK * 4); j++) {
        const quantity = 1 + (j % 4);
        const created = T0 + j * 60_000;
        const cancelled = j % 50 === 0;
        bookings.push({
          id: `bkg_${String(j).padStart(6, '0')}`, cinema_id: cinemaId, ref: `R${String(j).padStart(7, '0')}`, show_id: `shw_${j % SHOWS}`,
          customer_id: `cus_${j % CUSTOMERS}`, event_id: null, status: cancelled ? 'cancelled' : 'confirmed', seating: 'assigned', arrangement: 'together',
          quantity, category: null, total_paise: quantity * 20_000, hold_expires_at: created + 600_000, is_test: 0, created_at: created, updated_at: created,
          confirmed_at: created, cancelled_at: cancelled ? created + 3_600_000 : null, expired_at: null,
        });
        for (let k = 0; k < quantity; k++) {
          const seat = (j * 4 + k) % SEATS;
          seats.push({ cinema_id: cinemaId, booking_id: `bkg_${String(j).padStart(6, '0')}`, seat_id: `seat_${seat}`, seat_code: `S${seat}`, category: 'Classic', price_paise: 20_000 });
        }
      }
      await insertChunked(tdb, 'bookings', bookings);
      await insertChunked(tdb, 'booking_seats', seats);
    }
  });
  // Fresh statistics, as autovacuum (PostgreSQL) or a routine ANALYZE would have gathered after a
  // bulk load: without them the planner guesses one row per table and sorts instead of walking the index.
  await sql`analyze`.execute(db);
  return { cinemaId, seconds: (performance.now() - started) / 1000 };
}

/** A destination that takes everything at once and only counts it: the export itself is what is measured. */
function countingSink(): Writable & { bytes: number } {
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      sink.bytes += chunk.length;
      cb();
    },
  }) as Writable & { bytes: number };
  sink.bytes = 0;
  return sink;
}

async function measure(write: (out: Writable) => Promise<number>): Promise<Record<string, string | number>> {
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 10);
  const sink = countingSink();
  const started = performance.now();
  const rows = await write(sink);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  sample();
  const mb = (n: number) => (n / 2 ** 20).toFixed(1);
  return {
    rows,
    seconds: seconds.toFixed(2),
    'rows/s': Math.round(rows / seconds),
    'file MB': mb(sink.bytes),
    'peak RSS MB': mb(peakRss),
    'RSS growth MB': mb(peakRss - before.rss),
    'peak heapUsed MB': mb(peakHeap),
    'heapUsed growth MB': mb(peakHeap - before.heapUsed),
  };
}

/**
 * Seeds 100,000 confirmed bookings (with 250,000 booked seats) in bulk and measures the bookings
 * export as .xlsx and .csv: time, throughput and memory sampled every 10 ms while it streams.
 */
export async function run(o: { dbUrl: string }): Promise<BenchResult[]> {
  const { db, dialect } = openDatabase({ url: o.dbUrl });
  try {
    await migrateToLatest(db, dialect);
    const { cinemaId, seconds } = await seed(db);
    const cinema = { id: cinemaId, name: 'Bench Cinemas', timezone: 'Asia/Kolkata' };
    const xlsx = await measure(async (out) => (await writeXlsx(out, [bookingsSheet(db, { cinema })]))[0]!);
    const csv = await measure((out) => writeCsv(out, bookingsSheet(db, { cinema })));
    if (xlsx.rows !== BOOKINGS || csv.rows !== BOOKINGS) throw new Error(`exported ${xlsx.rows} / ${csv.rows} rows, expected ${BOOKINGS}`);
    return [
      { name: `bookings export, xlsx (seeded in ${seconds.toFixed(1)} s)`, metrics: xlsx },
      { name: 'bookings export, csv', metrics: csv },
    ];
  } finally {
    await db.destroy();
  }
}
