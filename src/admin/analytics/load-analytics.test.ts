import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { seedCinema, type CinemaFixture } from './fixtures.ts';
import { recordFunnelEvents } from './funnel-events.ts';
import { loadCinemaAnalytics, loadOperatorAnalytics } from './load-analytics.ts';
import { listCinemaRefs } from './analytics-repository.ts';

// 10 Nov 2026 00:00 IST
const DAY1 = Date.UTC(2026, 10, 9, 18, 30);
const H = 3_600_000;
const M = 60_000;
const RANGE = { fromDate: '2026-11-10', toDate: '2026-11-11' };

let t: TestDb;
let alpha: CinemaFixture;
let beta: CinemaFixture;

before(async () => {
  t = await createTestDb();
  alpha = await seedCinema(t.db, { name: 'Alpha', seats: 10 });
  beta = await seedCinema(t.db, { name: 'Beta', seats: 20 });

  const leo = await alpha.movie('Leo');
  const jailer = await alpha.movie('Jailer');
  const morning = await alpha.show({ movieId: leo, startsAt: DAY1 + 10 * H });
  const evening = await alpha.show({ movieId: jailer, startsAt: DAY1 + 24 * H + 18 * H, capacity: 50 });
  // A show outside the range does not count.
  await alpha.show({ movieId: leo, startsAt: DAY1 + 72 * H });

  const ann = await alpha.customer();
  const bob = await alpha.customer();
  const tester = await alpha.customer({ isTest: true });

  // Ann books in her first conversation (5 messages), then starts another and walks away.
  const ev = (customerId: string, step: 'started' | 'show_chosen' | 'quantity_chosen' | 'confirmed' | 'abandoned', at: number, isTest = false) => ({
    cinemaId: alpha.cinemaId,
    customerId,
    step,
    at,
    isTest,
  });
  for (let i = 0; i < 5; i++) await alpha.inbound({ customerId: ann, at: DAY1 + H + i * M - 100 });
  await recordFunnelEvents(t.db, [ev(ann, 'started', DAY1 + H)]);
  await recordFunnelEvents(t.db, [ev(ann, 'show_chosen', DAY1 + H + 2 * M)]);
  await recordFunnelEvents(t.db, [ev(ann, 'quantity_chosen', DAY1 + H + 3 * M)]);
  await recordFunnelEvents(t.db, [ev(ann, 'confirmed', DAY1 + H + 4 * M)]);
  await alpha.booking({ showId: morning, customerId: ann, quantity: 3, totalPaise: 60_000, createdAt: DAY1 + H + 4 * M, seats: ['A1', 'A2', 'A3'] });

  await alpha.inbound({ customerId: ann, at: DAY1 + 5 * H });
  await alpha.inbound({ customerId: ann, at: DAY1 + 5 * H + M, status: 'failed' });
  await recordFunnelEvents(t.db, [ev(ann, 'started', DAY1 + 5 * H), ev(ann, 'show_chosen', DAY1 + 5 * H + M)]);
  await recordFunnelEvents(t.db, [ev(ann, 'abandoned', DAY1 + 5 * H + 31 * M)]);

  // Bob books on the second day (3 messages) and also has a cancelled booking.
  for (let i = 0; i < 3; i++) await alpha.inbound({ customerId: bob, at: DAY1 + 26 * H + i * M });
  await recordFunnelEvents(t.db, [ev(bob, 'started', DAY1 + 26 * H), ev(bob, 'show_chosen', DAY1 + 26 * H + M), ev(bob, 'quantity_chosen', DAY1 + 26 * H + M), ev(bob, 'confirmed', DAY1 + 26 * H + 2 * M)]);
  await alpha.booking({ showId: evening, customerId: bob, quantity: 10, totalPaise: 150_000, createdAt: DAY1 + 26 * H + 2 * M });
  await alpha.booking({ showId: evening, customerId: bob, quantity: 2, totalPaise: 30_000, status: 'cancelled', createdAt: DAY1 + 26 * H, cancelledAt: DAY1 + 27 * H });
  // A hold that expired is neither sold nor cancelled.
  await alpha.booking({ showId: evening, customerId: bob, quantity: 4, totalPaise: 60_000, status: 'expired', createdAt: DAY1 + 28 * H });

  // A conversation that started the day before the period belongs to that day, though it confirmed inside the period.
  await recordFunnelEvents(t.db, [ev(bob, 'started', DAY1 - H)]);
  await recordFunnelEvents(t.db, [ev(bob, 'confirmed', DAY1 + 30 * M)]);

  // Test traffic is left out everywhere.
  await alpha.inbound({ customerId: tester, at: DAY1 + 2 * H });
  await recordFunnelEvents(t.db, [ev(tester, 'started', DAY1 + 2 * H, true), ev(tester, 'confirmed', DAY1 + 2 * H + M, true)]);
  await alpha.booking({ showId: morning, customerId: tester, quantity: 5, totalPaise: 100_000, createdAt: DAY1 + 2 * H, seats: ['A4', 'A5', 'A6', 'A7', 'A8'] });
  await alpha.booking({ showId: morning, customerId: ann, quantity: 1, totalPaise: 20_000, createdAt: DAY1 + 2 * H, isTest: true, seats: ['A9'] });
  await alpha.outbound({ customerId: tester, at: DAY1 + 2 * H, status: 'failed' });

  // Outbound: 3 to Ann (one failed), one staff notification.
  await alpha.outbound({ customerId: ann, at: DAY1 + H });
  await alpha.outbound({ customerId: ann, at: DAY1 + H + M, status: 'failed' });
  await alpha.outbound({ customerId: ann, at: DAY1 + H + 2 * M, status: 'delivered' });
  await alpha.outbound({ customerId: null, at: DAY1 + H + 3 * M });

  // Beta: one conversation and one booking of its own.
  const cara = await beta.customer();
  const film = await beta.movie('leo');
  const bshow = await beta.show({ movieId: film, startsAt: DAY1 + 20 * H });
  await beta.inbound({ customerId: cara, at: DAY1 + 3 * H });
  await recordFunnelEvents(t.db, [{ cinemaId: beta.cinemaId, customerId: cara, step: 'confirmed', at: DAY1 + 3 * H, isTest: false }]);
  await beta.booking({ showId: bshow, customerId: cara, quantity: 5, totalPaise: 75_000, createdAt: DAY1 + 3 * H, seats: ['A1', 'A2', 'A3', 'A4', 'A5'] });
});

after(async () => {
  await t.close();
});

test("a cinema's analytics count only its own real customers, conversations and sales", async () => {
  const a = await loadCinemaAnalytics(t.db, { id: alpha.cinemaId, name: 'Alpha', timezone: 'Asia/Kolkata' }, RANGE);
  assert.equal(a.uniqueCustomers, 2);
  assert.equal(a.conversations, 3);
  assert.deepEqual(a.funnel.map((s) => s.count), [3, 3, 2, 2]);
  assert.equal(a.abandoned, 1);
  // Ann: 5 messages (the first received just before the start was recorded), Bob: 3.
  assert.equal(a.avgMessagesPerBooking, 4);
  // Ann's first conversation: 4 min to the last step; her second: 31 min window but only 1 min of messages and steps; Bob: 2 min.
  assert.equal(a.avgConversationMs, (4 * M + M + 2 * M) / 3);
  assert.deepEqual(a.errors, { outboundTotal: 4, outboundFailed: 1, outboundFailureRate: 0.25, inboundTotal: 10, inboundFailed: 1, inboundFailureRate: 0.1 });
  assert.deepEqual(a.sales, { bookings: 2, tickets: 13, revenuePaise: 210_000, cancellations: 1 });
  assert.deepEqual(a.byDay.map((d) => [d.date, d.tickets, d.revenuePaise]), [
    ['2026-11-10', 3, 60_000],
    ['2026-11-11', 10, 150_000],
  ]);
  // Morning: 10 sellable seats (the blocked one excluded), 3 sold; evening: general admission, 10 of 50.
  assert.deepEqual(a.shows.map((s) => [s.title, s.localStart, s.capacity, s.sold, s.occupancy]), [
    ['Leo', '2026-11-10 10:00', 10, 3, 0.3],
    ['Jailer', '2026-11-11 18:00', 50, 10, 0.2],
  ]);
  assert.deepEqual(a.films.map((f) => [f.title, f.tickets]), [
    ['Jailer', 10],
    ['Leo', 3],
  ]);
  assert.deepEqual(a.hours.map((h) => [h.label, h.tickets]), [
    ['10:00', 3],
    ['18:00', 10],
  ]);
});

test('the operator sees every cinema and their totals', async () => {
  const all = await loadOperatorAnalytics(t.db, await listCinemaRefs(t.db), RANGE);
  assert.deepEqual(all.cinemas.map((c) => c.cinema.name), ['Alpha', 'Beta']);
  assert.equal(all.conversations, 4);
  assert.deepEqual(all.funnel.map((s) => s.count), [4, 4, 3, 3]);
  assert.deepEqual(all.sales, { bookings: 3, tickets: 18, revenuePaise: 285_000, cancellations: 1 });
  assert.deepEqual(all.films.map((f) => [f.title, f.tickets]), [
    ['Jailer', 10],
    ['Leo', 8],
  ]);
});

test('a period without activity has zero counts', async () => {
  const a = await loadCinemaAnalytics(t.db, { id: alpha.cinemaId, name: 'Alpha', timezone: 'Asia/Kolkata' }, { fromDate: '2026-12-01', toDate: '2026-12-01' });
  assert.equal(a.conversations, 0);
  assert.equal(a.uniqueCustomers, 0);
  assert.deepEqual(a.sales, { bookings: 0, tickets: 0, revenuePaise: 0, cancellations: 0 });
  assert.deepEqual(a.shows, []);
});
