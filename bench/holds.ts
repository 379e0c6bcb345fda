// Seat holds and confirmations under contention: many customers at once on one show at a time,
// each holding seats and confirming them, until the show sells out and the crowd moves on to the
// next. Bounded by a time budget per scenario; the database is checked for double sales afterwards.
import { openDatabase, type Db } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { ManualClock } from '../src/clock.ts';
import {
  confirmBooking,
  createEvent,
  createLocation,
  createMovie,
  createScreen,
  createShow,
  holdBestAvailable,
  holdGeneralAdmission,
  holdSeats,
  isDomainError,
  layoutRow,
  type Booking,
} from '../src/cinema/index.ts';
import type { BenchResult } from './types.ts';

const CONCURRENCY = 64;
const BUDGET_MS = 1_000;
const SHOWS = 8;
const ROWS = 16;
const PATTERN = 'SSSSSS_SSSSSSSSSSSSSS_SSSSSS'; // 26 seats a row, two aisles
const T0 = Date.UTC(2026, 10, 25, 6, 30);
const DAY = 24 * 60 * 60_000;

interface Setup {
  db: Db;
  clock: ManualClock;
  cinemaId: string;
  customers: string[];
  seatedShows: string[];
  gaShows: string[];
  eventId: string;
}

async function setup(db: Db): Promise<Setup> {
  const clock = new ManualClock(T0);
  const deps = { db, clock };
  const cinemaId = 'cin_bench_holds';
  await db
    .insertInto('cinemas')
    .values({
      id: cinemaId, name: 'Bench Holds', waba_id: 'waba-holds', phone_number_id: 'pn-holds', display_phone_number: '+91 90000 00001',
      access_token_enc: 'sealed', app_secret_enc: null, token_status: 'valid', token_error: null, timezone: 'Asia/Kolkata',
      default_language: 'en', settings_json: '{}', is_demo: 0, created_at: T0, updated_at: T0,
    })
    .execute();
  const customers = Array.from({ length: 2_000 }, (_, i) => `cus_hold_${i}`);
  for (let i = 0; i < customers.length; i += 500) {
    await db
      .insertInto('customers')
      .values(customers.slice(i, i + 500).map((id) => ({ id, cinema_id: cinemaId, key_hash: id, wa_id_enc: null, wa_id_hash: null, wa_id_last4: null, user_id: null, name: null, language: null, is_test: 0, created_at: T0, last_inbound_at: null })))
      .execute();
  }
  const location = await createLocation(deps, { cinemaId, code: 'main', name: 'Main', city: 'Chennai', address: '1 Anna Salai', timezone: 'Asia/Kolkata' });
  const layout = { rows: Array.from({ length: ROWS }, (_, r) => layoutRow(String.fromCharCode(65 + r), r < 6 ? 'Classic' : r < 13 ? 'Prime' : 'Recliner', PATTERN)) };
  const screen = await createScreen(deps, { cinemaId, locationId: location.id, name: 'Screen 1', layout });
  const movie = await createMovie(deps, { cinemaId, code: 'bench', title: 'Bench', durationMinutes: 150, certificate: 'UA', languages: ['Tamil'] });
  const prices = [
    { category: 'Classic', pricePaise: 15000 },
    { category: 'Prime', pricePaise: 19000 },
    { category: 'Recliner', pricePaise: 35000 },
  ];
  const seatedShows: string[] = [];
  const gaShows: string[] = [];
  for (let i = 0; i < 3 * SHOWS; i++) {
    const show = await createShow(deps, { cinemaId, movieId: movie.id, screenId: screen.id, startsAt: T0 + DAY + i * 3 * 3_600_000, language: 'Tamil', prices });
    (i < 2 * SHOWS ? seatedShows : gaShows).push(show.id);
  }
  const event = await createEvent(deps, {
    cinemaId,
    keyword: '#BENCH',
    name: 'Bench FDFS',
    texts: { en: { title: 'Bench FDFS', description: 'General admission', terms: '' } },
    maxTicketsPerBooking: 4,
    seating: 'general_admission',
    capacity: 400,
    showIds: gaShows,
  });
  return { db, clock, cinemaId, customers, seatedShows, gaShows, eventId: event.id };
}

type Attempt = (show: string, customerId: string) => Promise<Booking>;

/** CONCURRENCY customers at a time on the current show until it sells out or the budget is spent. */
async function crowd(s: Setup, shows: string[], attempt: Attempt): Promise<Record<string, string | number>> {
  const latencies: number[] = [];
  const refusals = new Map<string, number>();
  let bookings = 0;
  let tickets = 0;
  let current = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (current < shows.length && performance.now() - started < BUDGET_MS) {
      const show = current;
      const customerId = s.customers[next++ % s.customers.length]!;
      const t0 = performance.now();
      try {
        const held = await attempt(shows[show]!, customerId);
        await confirmBooking({ db: s.db, clock: s.clock }, { cinemaId: s.cinemaId, bookingId: held.id });
        latencies.push(performance.now() - t0);
        bookings++;
        tickets += held.quantity;
      } catch (e) {
        if (!isDomainError(e)) throw e;
        refusals.set(e.code, (refusals.get(e.code) ?? 0) + 1);
        // The crowd moves on once the show is (nearly) full.
        if ((e.code === 'show_sold_out' || e.code === 'not_enough_seats') && current === show) current++;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1) : '–');
  const refused = [...refusals.values()].reduce((a, b) => a + b, 0);
  return {
    'customers at once': CONCURRENCY,
    'hold+confirm/s': Math.round(bookings / seconds),
    'tickets/s': Math.round(tickets / seconds),
    'p50 ms': pct(50),
    'p95 ms': pct(95),
    'shows sold out': Math.min(current, shows.length),
    refused: refused ? `${refused} (${[...refusals].map(([k, v]) => `${k} ${v}`).join(', ')})` : 0,
  };
}

/** Seats sold twice, or general-admission shows over capacity: must be 0. */
async function oversold(s: Setup): Promise<number> {
  const seats = await s.db
    .selectFrom('booking_seats as bs')
    .innerJoin('bookings as b', 'b.id', 'bs.booking_id')
    .select(['b.show_id', 'bs.seat_id'])
    .where('b.cinema_id', '=', s.cinemaId)
    .where('b.status', '=', 'confirmed')
    .execute();
  const keys = seats.map((r) => `${r.show_id}/${r.seat_id}`);
  const doubles = keys.length - new Set(keys).size;
  const ga = await s.db
    .selectFrom('bookings')
    .select(['show_id', (eb) => eb.fn.sum<number>('quantity').as('n')])
    .where('cinema_id', '=', s.cinemaId)
    .where('status', '=', 'confirmed')
    .where('seating', '=', 'general_admission')
    .groupBy('show_id')
    .execute();
  return doubles + ga.filter((r) => Number(r.n) > 400).length;
}

export async function run(o: { dbUrl: string }): Promise<BenchResult[]> {
  const { db, dialect } = openDatabase({ url: o.dbUrl, poolSize: 20 });
  try {
    await migrateToLatest(db, dialect);
    const s = await setup(db);
    const deps = { db, clock: s.clock };
    const common = { cinemaId: s.cinemaId, holdMinutes: 10 };
    let n = 0;
    const results: BenchResult[] = [];

    const best = await crowd(s, s.seatedShows.slice(0, SHOWS), (showId, customerId) =>
      holdBestAvailable(deps, { ...common, showId, customerId, quantity: 1 + (n++ % 4), category: ['Classic', 'Prime', 'Recliner'][n % 3] }),
    );
    results.push({ name: `best available, 1–4 seats, ${ROWS * 26}-seat show`, metrics: best });

    // Everyone wants the same middle seats: most attempts collide.
    const hot = Array.from({ length: 14 }, (_, i) => `H${i + 7}`).concat(Array.from({ length: 14 }, (_, i) => `J${i + 7}`));
    const chosen = await crowd(s, s.seatedShows.slice(SHOWS), (showId, customerId) => {
      const a = hot[(n * 7) % hot.length]!;
      const b = hot[(n++ * 7 + 1) % hot.length]!;
      return holdSeats(deps, { ...common, showId, customerId, seatCodes: a === b ? [a] : [a, b] }).catch((e) => {
        // A taken pair sends the customer to best available, as the dialogue does.
        if (isDomainError(e, 'seat_unavailable')) return holdBestAvailable(deps, { ...common, showId, customerId, quantity: 2 });
        throw e;
      });
    });
    results.push({ name: 'chosen seats on one hot spot, then best available', metrics: chosen });

    const ga = await crowd(s, s.gaShows, (showId, customerId) =>
      holdGeneralAdmission(deps, { ...common, showId, customerId, quantity: 1 + (n++ % 4), eventId: s.eventId }),
    );
    results.push({ name: 'general admission, 1–4 tickets, capacity 400', metrics: ga });

    const bad = await oversold(s);
    for (const r of results) r.metrics['double sales'] = bad;
    return results;
  } finally {
    await db.destroy();
  }
}
