import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { addUser, createAdminTestApp, signedIn, type AdminTestContext, type Browser } from '../test-app.ts';
import { seedCinema, type CinemaFixture } from './fixtures.ts';
import { recordFunnelEvents } from './funnel-events.ts';
import type { CinemaAnalytics, OperatorAnalytics } from './compute-analytics.ts';

// The test clock reads 2026-11-25 12:00 IST; the fixtures happen the day before.
const YESTERDAY = Date.UTC(2026, 10, 23, 18, 30);
const H = 3_600_000;

let ctx: AdminTestContext;
let alpha: CinemaFixture;
let beta: CinemaFixture;
let manager: Browser;
let operator: Browser;
let staff: Browser;

before(async () => {
  ctx = await createAdminTestApp();
  alpha = await seedCinema(ctx.deps.db, { name: 'Alpha <Multiplex>' });
  beta = await seedCinema(ctx.deps.db, { name: 'Beta' });
  const film = await alpha.movie('Leo');
  const show = await alpha.show({ movieId: film, startsAt: YESTERDAY + 18 * H });
  const ann = await alpha.customer();
  await alpha.inbound({ customerId: ann, at: YESTERDAY + 10 * H });
  await recordFunnelEvents(ctx.deps.db, [
    { cinemaId: alpha.cinemaId, customerId: ann, step: 'started', at: YESTERDAY + 10 * H, isTest: false },
    { cinemaId: alpha.cinemaId, customerId: ann, step: 'confirmed', at: YESTERDAY + 10 * H + 60_000, isTest: false },
  ]);
  await alpha.booking({ showId: show, customerId: ann, quantity: 4, totalPaise: 80_000, createdAt: YESTERDAY + 10 * H, seats: ['A1', 'A2', 'A3', 'A4'] });

  manager = await signedIn(ctx, await addUser(ctx, 'manager', alpha.cinemaId));
  operator = await signedIn(ctx, await addUser(ctx, 'operator', null));
  staff = await signedIn(ctx, await addUser(ctx, 'staff', alpha.cinemaId));
});

after(async () => {
  await ctx.close();
});

test("a manager sees their cinema's analytics page with charts", async () => {
  const res = await manager.get(`/admin/c/${alpha.cinemaId}/analytics`);
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /text\/html/);
  assert.match(res.body, /Booking funnel/);
  assert.match(res.body, /<svg class="chart"[^>]*aria-label="Booking funnel/);
  assert.match(res.body, /aria-label="Tickets sold by day"/);
  assert.match(res.body, /<title>Leo: 4/);
  assert.match(res.body, /₹800\.00/);
  // The default period is the 30 days ending today in the cinema's zone.
  assert.match(res.body, /name="from" type="date" value="2026-10-27"/);
  assert.match(res.body, /name="to" type="date" value="2026-11-25"/);
  // Names are escaped wherever they appear.
  assert.doesNotMatch(res.body, /<Multiplex>/);
});

test('the JSON API returns the same numbers for a chosen period', async () => {
  const res = await manager.get(`/api/v1/cinemas/${alpha.cinemaId}/analytics?from=2026-11-24&to=2026-11-24`);
  assert.equal(res.statusCode, 200);
  const a = res.json() as CinemaAnalytics;
  assert.equal(a.fromDate, '2026-11-24');
  assert.equal(a.toDate, '2026-11-24');
  assert.equal(a.conversations, 1);
  assert.equal(a.conversionRate, 1);
  assert.deepEqual(a.sales, { bookings: 1, tickets: 4, revenuePaise: 80_000, cancellations: 0 });
  assert.deepEqual(a.byDay, [{ date: '2026-11-24', bookings: 1, tickets: 4, revenuePaise: 80_000 }]);
  assert.equal(a.shows[0]!.occupancy, 0.4);
});

test('a bad period is a 400 that names the problem', async () => {
  const res = await manager.get(`/api/v1/cinemas/${alpha.cinemaId}/analytics?from=2026-13-01`);
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /from: must be a date/);
});

test("another cinema's analytics are not found, and staff may not see analytics", async () => {
  assert.equal((await manager.get(`/admin/c/${beta.cinemaId}/analytics`)).statusCode, 404);
  assert.equal((await manager.get(`/api/v1/cinemas/${beta.cinemaId}/analytics`)).statusCode, 404);
  assert.equal((await staff.get(`/admin/c/${alpha.cinemaId}/analytics`)).statusCode, 403);
  assert.equal((await manager.get('/admin/analytics')).statusCode, 403);
  assert.equal((await manager.get('/api/v1/analytics')).statusCode, 403);
  const anonymous = await ctx.app.inject({ method: 'GET', url: `/api/v1/cinemas/${alpha.cinemaId}/analytics` });
  assert.equal(anonymous.statusCode, 401);
});

test('the operator sees every cinema side by side', async () => {
  const page = await operator.get('/admin/analytics');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Alpha &lt;Multiplex&gt;/);
  assert.match(page.body, /Beta/);
  const res = await operator.get('/api/v1/analytics?from=2026-11-24&to=2026-11-25');
  const all = res.json() as OperatorAnalytics;
  assert.deepEqual(all.cinemas.map((c) => c.cinema.name).sort(), ['Alpha <Multiplex>', 'Beta']);
  assert.equal(all.sales.tickets, 4);
  // The operator may also open any cinema's page.
  assert.equal((await operator.get(`/admin/c/${beta.cinemaId}/analytics`)).statusCode, 200);
});
