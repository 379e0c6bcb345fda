import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createApiToken } from './api-tokens-repo.ts';
import { createEvent } from '../cinema/index.ts';
import { addCinema, addConfirmedBooking, addCustomerWithMessage, addShowScenario, addUser, createAdminTestApp, signedIn, type AdminTestContext, type Browser } from './test-app.ts';

/**
 * Tenant isolation, exhaustively: every route of the dashboard and the API that names a cinema is
 * tried by a manager (session) and a token of ANOTHER cinema, with real ids of the target cinema's
 * records in the URL. Every one must answer 404 and change nothing.
 */
let ctx: AdminTestContext;
before(async () => {
  ctx = await createAdminTestApp();
});
after(() => ctx.close());

async function targetCinema() {
  const cinema = await addCinema(ctx, 'Target');
  const { location, screen, movie, show } = await addShowScenario(ctx, cinema.id);
  const customerId = await addCustomerWithMessage(ctx, cinema.id, { phone: '919811100000', handoff: true });
  const booking = await addConfirmedBooking(ctx, cinema.id, show.id, customerId);
  const event = await createEvent({ db: ctx.deps.db, clock: ctx.clock }, { cinemaId: cinema.id, keyword: '#SECRET', name: 'Secret', maxTicketsPerBooking: 2, seating: 'assigned', texts: { en: { title: 'Secret', description: 'Secret show', terms: '' } } });
  const owner = await addUser(ctx, 'manager', cinema.id);
  const token = (await createApiToken(ctx.deps.db, ctx.clock.now(), { name: 'target', cinemaId: cinema.id, createdBy: owner.id })).apiToken;
  const ids: Record<string, string> = {
    cinemaId: cinema.id, locationId: location.id, screenId: screen.id, movieId: movie.id, showId: show.id, bookingId: booking.id,
    customerId, eventId: event.id, tokenId: token.id, file: 'bookings.csv', id: '1',
  };
  return { cinema, ids, booking };
}

function fill(url: string, ids: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(ids[name] ?? 'x'));
}

async function snapshot() {
  const db = ctx.deps.db;
  return JSON.stringify({
    bookings: await db.selectFrom('bookings').select(['id', 'status']).orderBy('id').execute(),
    out: await db.selectFrom('outbound_messages').select('id').orderBy('id').execute(),
    inb: await db.selectFrom('inbound_messages').select('id').orderBy('id').execute(),
    checkins: await db.selectFrom('booking_checkins').select('booking_id').execute(),
    tokens: await db.selectFrom('api_tokens').select(['id', 'revoked_at']).orderBy('id').execute(),
    cinemas: await db.selectFrom('cinemas').select(['id', 'settings_json', 'name', 'token_status']).orderBy('id').execute(),
    shows: await db.selectFrom('shows').select(['id', 'status']).orderBy('id').execute(),
    movies: await db.selectFrom('movies').select(['id', 'title']).orderBy('id').execute(),
  });
}

test('every cinema route, page or API, answers 404 to a user or token of another cinema', async () => {
  const { ids } = await targetCinema();
  const other = await addCinema(ctx, 'Intruder');
  const intruder = await addUser(ctx, 'manager', other.id);
  const b: Browser = await signedIn(ctx, intruder);
  await b.get(`/admin/c/${other.id}`);
  const bearer = (await createApiToken(ctx.deps.db, ctx.clock.now(), { name: 'intruder', cinemaId: other.id, createdBy: intruder.id })).token;

  const cinemaRoutes = ctx.routes.filter((r) => r.url.includes(':cinemaId'));
  assert.ok(cinemaRoutes.length >= 60, `expected the full route table, got ${cinemaRoutes.length}`);
  const before = await snapshot();
  const leaks: string[] = [];
  for (const r of cinemaRoutes) {
    const url = fill(r.url, ids);
    const viaSession = r.method === 'GET' ? await b.get(url) : await b.post(url, { text: 'x', ref: ids.bookingId!, name: 'x' });
    if (viaSession.statusCode !== 404) leaks.push(`session ${r.method} ${r.url} → ${viaSession.statusCode}`);
    const viaToken = await ctx.app.inject({ method: r.method as 'GET', url, headers: { authorization: `Bearer ${bearer}` }, ...(r.method === 'GET' ? {} : { payload: { text: 'x', ref: 'x' } }) });
    if (viaToken.statusCode !== 404) leaks.push(`token ${r.method} ${r.url} → ${viaToken.statusCode}`);
    else if (r.url.startsWith('/api/')) assert.equal(viaToken.json().error.code, 'not_found');
  }
  assert.deepEqual(leaks, []);
  assert.equal(await snapshot(), before, 'a refused request changed data');
});

test('a cinema that does not exist is indistinguishable from one that is not yours', async () => {
  const mine = await addCinema(ctx);
  const manager = await addUser(ctx, 'manager', mine.id);
  const b = await signedIn(ctx, manager);
  const missing = await b.get('/admin/c/cin_doesnotexist/bookings');
  const { cinema } = await targetCinema();
  const foreign = await b.get(`/admin/c/${cinema.id}/bookings`);
  assert.equal(missing.statusCode, 404);
  assert.equal(foreign.statusCode, 404);
  assert.equal(missing.body, foreign.body);
});

test('staff reach bookings, check-in and conversations of their cinema, but not catalogue, settings, analytics or exports', async () => {
  const { cinema, ids } = await targetCinema();
  const staff = await addUser(ctx, 'staff', cinema.id);
  const b = await signedIn(ctx, staff);
  for (const path of ['', '/bookings', `/bookings/${ids.bookingId}`, '/checkin', '/conversations', `/conversations/${ids.customerId}`]) {
    assert.equal((await b.get(`/admin/c/${cinema.id}${path}`)).statusCode, 200, path);
  }
  const page = await b.get(`/admin/c/${cinema.id}`);
  assert.doesNotMatch(page.body, /href="[^"]*\/catalogue"/);
  assert.doesNotMatch(page.body, /href="[^"]*\/settings"/);
  assert.doesNotMatch(page.body, /Revenue today/);
  const managerOnly = ctx.routes.filter(
    (r) => r.method === 'GET' && /^\/admin\/c\/:cinemaId\/(catalogue|settings|analytics|exports|onboarding)/.test(r.url),
  );
  assert.ok(managerOnly.length >= 10);
  for (const r of managerOnly) assert.equal((await b.get(fill(r.url, ids))).statusCode, 403, r.url);
  await b.get(`/admin/c/${cinema.id}/bookings`);
  assert.equal((await b.post(`/admin/c/${cinema.id}/settings`, { name: 'Hacked', color: '#000000', holdMinutes: '5', sessionTimeoutMinutes: '30', cancelCutoffMinutes: '0', maxTicketsPerBooking: '5' })).statusCode, 403);
  assert.equal((await b.post(`/admin/c/${cinema.id}/customers/${ids.customerId}/reveal`)).statusCode, 403);
});

test('managers cannot reach the operator pages; operators reach every cinema', async () => {
  const { cinema } = await targetCinema();
  const manager = await addUser(ctx, 'manager', cinema.id);
  const b = await signedIn(ctx, manager);
  const operatorOnly = ctx.routes.filter((r) => r.method === 'GET' && !r.url.includes(':') && /^\/admin\/(cinemas|api-tokens|analytics)/.test(r.url));
  assert.ok(operatorOnly.length >= 4);
  for (const r of operatorOnly) assert.equal((await b.get(r.url)).statusCode, 403, r.url);
  assert.equal((await b.post('/admin/cinemas/discover', { accessToken: 'x' })).statusCode, 403);
  const op = await addUser(ctx, 'operator', null);
  const ob = await signedIn(ctx, op);
  assert.equal((await ob.get(`/admin/c/${cinema.id}/bookings`)).statusCode, 200);
  assert.equal((await ob.get('/admin/cinemas')).statusCode, 200);
});
