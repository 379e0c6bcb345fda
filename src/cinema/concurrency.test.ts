import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../test/helpers/db.ts';
import { confirmBooking, createEvent, holdSeats } from './index.ts';
import { race, type RaceOutcome, type RacePlan } from './testing/race.ts';
import { addCustomers, layoutOf, scenario, T0, type Scenario } from './testing/scenario.ts';

/**
 * Many customers racing for the last seats: the database must sell each seat once and never more
 * tickets than a show holds — on SQLite (one connection) and on PostgreSQL (a pool, and a second
 * process on the same schema).
 */

let t: TestDb;
before(async () => {
  t = await createTestDb();
});
after(async () => {
  await t.close();
});

const RACERS = 200;
const here = path.dirname(fileURLToPath(import.meta.url));

/** A 4 × 10 screen with all but the 10 seats of row D already sold. */
async function lastTenSeats(): Promise<{ s: Scenario; codes: string[] }> {
  const s = await scenario(t.db, { layout: layoutOf([['Classic', 'SSSSSSSSSS'], ['Classic', 'SSSSSSSSSS'], ['Classic', 'SSSSSSSSSS'], ['Classic', 'SSSSS_SSSSS']]) });
  const [early] = await addCustomers(t.db, s.cinemaId, 1);
  for (const row of ['A', 'B', 'C']) {
    const b = await holdSeats({ db: t.db, clock: s.clock }, { cinemaId: s.cinemaId, showId: s.show.id, customerId: early!, seatCodes: Array.from({ length: 10 }, (_, i) => `${row}${i + 1}`), holdMinutes: 10 });
    await confirmBooking({ db: t.db, clock: s.clock }, { cinemaId: s.cinemaId, bookingId: b.id });
  }
  return { s, codes: Array.from({ length: 10 }, (_, i) => `D${i + 1}`) };
}

/**
 * Runs half the racers here and half in a child process. Both wait on an advisory lock held by a
 * separate connection, released once both are waiting, so the two halves start together.
 */
async function raceInTwoProcesses(s: Scenario, plan: RacePlan): Promise<RaceOutcome[]> {
  const startLock = 1_000_000 + Math.floor(Math.random() * 1_000_000);
  const gate = new pg.Client({ connectionString: t.url });
  await gate.connect();
  await gate.query('SELECT pg_advisory_lock($1)', [startLock]);
  const waiting = async (n: number) => {
    for (;;) {
      const r = await gate.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted", [startLock]);
      if (r.rows[0].n >= n) return;
    }
  };
  try {
    const half = Math.floor(plan.customers.length / 2);
    const childPlan = { ...plan, customers: plan.customers.slice(half), seed: plan.seed + 1, startLock };
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'testing/race-child.ts'), JSON.stringify({ url: t.url, now: s.clock.now(), plan: childPlan })], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const done = new Promise<RaceOutcome[]>((resolve, reject) => {
      child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.slice('ready\n'.length))) : reject(new Error(`race child exited with ${code}`))));
    });
    const barrier = () => t.db.transaction().execute(async (trx) => void (await sql`SELECT pg_advisory_xact_lock_shared(${startLock})`.execute(trx)));
    const mine = race({ db: t.db, clock: s.clock }, { ...plan, customers: plan.customers.slice(0, half) }, barrier);
    await Promise.race([waiting(2), done]);
    await gate.query('SELECT pg_advisory_unlock($1)', [startLock]);
    const [a, b] = await Promise.all([mine, done]);
    // Both processes really took part.
    assert.ok(a.length === half && b.length === plan.customers.length - half);
    return [...a, ...b];
  } finally {
    await gate.end();
  }
}

/** What the database says was sold, checked against what the racers were told. */
async function assertSoldOnce(s: Scenario, outcomes: RaceOutcome[], codes: string[]): Promise<void> {
  const sold = await t.db
    .selectFrom('booking_seats as bs')
    .innerJoin('bookings as b', 'b.id', 'bs.booking_id')
    .select(['bs.seat_code', 'b.id'])
    .where('b.show_id', '=', s.show.id)
    .where('b.status', '=', 'confirmed')
    .where('bs.seat_code', 'in', codes)
    .execute();
  const seatCodes = sold.map((r) => r.seat_code).sort();
  assert.deepEqual(seatCodes, [...codes].sort(), 'each of the last seats sold exactly once');
  const claims = await t.db.selectFrom('seat_claims').select(['seat_id', 'booking_id', 'sold']).where('show_id', '=', s.show.id).execute();
  assert.equal(claims.length, 40);
  assert.ok(claims.every((c) => c.sold === 1));
  const winners = outcomes.filter((o) => o.bookingId);
  assert.deepEqual(winners.flatMap((w) => w.seats!).sort(), [...codes].sort(), 'the winners were told exactly the seats sold');
  assert.deepEqual(new Set(winners.map((w) => w.bookingId)), new Set(sold.map((r) => r.id)));
  const codesRefused = new Set(outcomes.filter((o) => o.refused).map((o) => o.refused));
  for (const c of codesRefused) assert.ok(['seat_unavailable', 'show_sold_out', 'not_enough_seats', 'seats_not_together'].includes(c!), `unexpected refusal ${c}`);
}

describe(`${RACERS} customers race for the last 10 seats`, () => {
  test('in one process: each seat is sold exactly once', async () => {
    const { s, codes } = await lastTenSeats();
    const customers = await addCustomers(t.db, s.cinemaId, RACERS);
    const outcomes = await race({ db: t.db, clock: s.clock }, { cinemaId: s.cinemaId, showId: s.show.id, customers, codes, mode: 'seats', seed: 1 });
    await assertSoldOnce(s, outcomes, codes);
  });

  test('in two processes on PostgreSQL: each seat is sold exactly once', async (ctx) => {
    if (t.dialect !== 'postgres') return ctx.skip('PostgreSQL only');
    const { s, codes } = await lastTenSeats();
    const customers = await addCustomers(t.db, s.cinemaId, RACERS);
    const outcomes = await raceInTwoProcesses(s, { cinemaId: s.cinemaId, showId: s.show.id, customers, codes, mode: 'seats', seed: 7 });
    assert.equal(outcomes.length, RACERS);
    await assertSoldOnce(s, outcomes, codes);
  });
});

describe(`${RACERS} customers race for a general-admission special event`, () => {
  async function gaShow(capacity: number): Promise<{ s: Scenario; eventId: string }> {
    const s = await scenario(t.db, { startsAt: T0 + 3 * 24 * 60 * 60_000 });
    const event = await createEvent(
      { db: t.db, clock: s.clock },
      {
        cinemaId: s.cinemaId,
        keyword: '#WFDFS',
        name: 'Women’s FDFS',
        texts: { en: { title: 'Women’s FDFS', description: 'First day first show for women', terms: 'Women only' } },
        maxTicketsPerBooking: 4,
        seating: 'general_admission',
        capacity,
        showIds: [s.show.id],
      },
    );
    return { s, eventId: event.id };
  }

  async function assertWithinCapacity(s: Scenario, outcomes: RaceOutcome[], capacity: number): Promise<void> {
    const confirmed = await t.db.selectFrom('bookings').select(['id', 'quantity']).where('show_id', '=', s.show.id).where('status', '=', 'confirmed').execute();
    const tickets = confirmed.reduce((n, b) => n + b.quantity, 0);
    assert.ok(tickets <= capacity, `${tickets} tickets sold for ${capacity} places`);
    // Racers want 1–3 tickets each, so the last places always find a taker: sold out exactly.
    assert.ok(tickets >= capacity - 2, `only ${tickets} of ${capacity} sold`);
    const told = outcomes.filter((o) => o.bookingId).reduce((n, o) => n + o.quantity!, 0);
    assert.equal(told, tickets);
    const stock = await t.db.selectFrom('admission_stock').select(['taken', 'capacity']).where('show_id', '=', s.show.id).executeTakeFirstOrThrow();
    assert.deepEqual(stock, { taken: tickets, capacity });
    for (const o of outcomes.filter((x) => x.refused)) assert.ok(['show_sold_out', 'not_enough_seats'].includes(o.refused!), o.refused);
  }

  test('in one process: never more tickets than the capacity', async () => {
    const { s, eventId } = await gaShow(60);
    const customers = await addCustomers(t.db, s.cinemaId, RACERS);
    const outcomes = await race({ db: t.db, clock: s.clock }, { cinemaId: s.cinemaId, showId: s.show.id, customers, codes: [], mode: 'general_admission', eventId, seed: 3 });
    await assertWithinCapacity(s, outcomes, 60);
  });

  test('in two processes on PostgreSQL: never more tickets than the capacity', async (ctx) => {
    if (t.dialect !== 'postgres') return ctx.skip('PostgreSQL only');
    const { s, eventId } = await gaShow(60);
    const customers = await addCustomers(t.db, s.cinemaId, RACERS);
    const outcomes = await raceInTwoProcesses(s, { cinemaId: s.cinemaId, showId: s.show.id, customers, codes: [], mode: 'general_admission', eventId, seed: 11 });
    assert.equal(outcomes.length, RACERS);
    await assertWithinCapacity(s, outcomes, 60);
  });
});
