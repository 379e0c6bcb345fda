import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createApiToken } from './api-tokens-repo.ts';
import { addCinema, addConfirmedBooking, addCustomerWithMessage, addShowScenario, addUser, createAdminTestApp, type AdminTestContext } from './test-app.ts';

let ctx: AdminTestContext;
before(async () => {
  ctx = await createAdminTestApp();
});
after(() => ctx.close());

async function tokenFor(cinemaId: string | null) {
  const op = await addUser(ctx, 'operator', null);
  return (await createApiToken(ctx.deps.db, ctx.clock.now(), { name: 'test', cinemaId, createdBy: op.id })).token;
}

function call(token: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
  return ctx.app.inject({ method, url, headers: token ? { authorization: `Bearer ${token}` } : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
}

test('the API answers 401 with a precise error body without a valid token', async () => {
  const none = await call(null, 'GET', '/api/v1/cinemas');
  assert.equal(none.statusCode, 401);
  assert.deepEqual(Object.keys(none.json().error).sort(), ['code', 'message']);
  assert.equal(none.json().error.code, 'unauthorized');
  assert.equal((await call('mq_not-a-token', 'GET', '/api/v1/cinemas')).statusCode, 401);
});

test('a cinema token sees only its cinema; an operator token sees all', async () => {
  const a = await addCinema(ctx, 'A');
  const b = await addCinema(ctx, 'B');
  const tokenA = await tokenFor(a.id);
  const list = (await call(tokenA, 'GET', '/api/v1/cinemas')).json();
  assert.deepEqual(list.data.map((c: { id: string }) => c.id), [a.id]);
  assert.equal((await call(tokenA, 'GET', `/api/v1/cinemas/${b.id}`)).statusCode, 404);
  const op = await tokenFor(null);
  const all = (await call(op, 'GET', '/api/v1/cinemas')).json();
  assert.ok(all.data.some((c: { id: string }) => c.id === b.id));
  assert.equal(JSON.stringify(all).includes('access_token'), false);
});

test('catalogue through the API: location, screen, film, bulk shows; domain errors are 4xx with stable codes', async () => {
  const c = await addCinema(ctx);
  const t = await tokenFor(c.id);
  const base = `/api/v1/cinemas/${c.id}`;
  const loc = await call(t, 'POST', `${base}/locations`, { name: 'Anna Nagar', city: 'Chennai', address: '2nd Ave', timezone: 'Asia/Kolkata' });
  assert.equal(loc.statusCode, 201, loc.body);
  const scr = await call(t, 'POST', `${base}/screens`, { locationId: loc.json().id, name: 'Audi 1', layout: { rows: [{ label: 'A', cells: [{ number: 1, category: 'Gold' }, { number: 2, category: 'Gold' }] }] } });
  assert.equal(scr.statusCode, 201, scr.body);
  const mov = await call(t, 'POST', `${base}/movies`, { title: 'Jailer', durationMinutes: 168, certificate: 'UA', languages: ['Tamil'] });
  assert.equal(mov.statusCode, 201, mov.body);
  const bulk = await call(t, 'POST', `${base}/shows/bulk`, { movieId: mov.json().id, screenIds: [scr.json().id], dates: ['2026-11-26', '2026-11-27'], times: ['19:00'], language: 'Tamil', prices: [{ category: 'Gold', pricePaise: 30000 }] });
  assert.equal(bulk.statusCode, 201, bulk.body);
  assert.equal(bulk.json().created.length, 2);
  const shows = (await call(t, 'GET', `${base}/shows?date=2026-11-27`)).json();
  assert.equal(shows.data.length, 1);
  const dup = await call(t, 'POST', `${base}/locations`, { name: 'Anna Nagar', city: 'Chennai', address: '2nd Ave', timezone: 'Asia/Kolkata' });
  assert.equal(dup.statusCode, 409);
  assert.equal(dup.json().error.code, 'already_exists');
  const invalid = await call(t, 'POST', `${base}/movies`, { title: '', durationMinutes: -1, certificate: 'X' });
  assert.equal(invalid.statusCode, 400);
  assert.equal(invalid.json().error.code, 'invalid_input');
  assert.ok(invalid.json().error.problems.length >= 2);
  const schemaError = await call(t, 'POST', `${base}/movies`, { title: 5 });
  assert.equal(schemaError.statusCode, 400);
  assert.equal(schemaError.json().error.code, 'invalid_request');
});

test('bookings through the API: search by phone, masked customers, check-in twice, cancel with notice', async () => {
  const c = await addCinema(ctx);
  const t = await tokenFor(c.id);
  const { show } = await addShowScenario(ctx, c.id);
  const customerId = await addCustomerWithMessage(ctx, c.id, { phone: '919845012345', name: 'Lakshmi' });
  const booking = await addConfirmedBooking(ctx, c.id, show.id, customerId, 3);
  const base = `/api/v1/cinemas/${c.id}`;
  const found = (await call(t, 'GET', `${base}/bookings?phone=${encodeURIComponent('+91 98450 12345')}`)).json();
  assert.deepEqual(found.data.map((b: { ref: string }) => b.ref), [booking.ref]);
  assert.equal(found.data[0].customerPhone, '•••• 2345');
  const customers = (await call(t, 'GET', `${base}/customers`)).json();
  assert.equal(customers.data[0].phone, '•••• 2345');
  assert.equal(JSON.stringify(customers).includes('919845012345'), false);
  const first = (await call(t, 'POST', `${base}/check-in`, { ref: booking.ref.toLowerCase() })).json();
  assert.equal(first.result, 'admitted');
  const second = (await call(t, 'POST', `${base}/bookings/${booking.id}/check-in`)).json();
  assert.equal(second.result, 'already_used');
  assert.equal(second.repeatScans, 1);
  const cancelled = await call(t, 'POST', `${base}/bookings/${booking.id}/cancel`);
  assert.equal(cancelled.statusCode, 200, cancelled.body);
  assert.equal(cancelled.json().status, 'cancelled');
  assert.equal(cancelled.json().customerNotified, true);
  const convo = (await call(t, 'GET', `${base}/conversations/${customerId}`)).json();
  assert.equal(convo.messages.at(-1).kind, 'notice');
  assert.equal(convo.messages.at(-1).status, 'queued');
  const reply = await call(t, 'POST', `${base}/conversations/${customerId}/reply`, { text: 'Sorry about that!' });
  assert.equal(reply.statusCode, 202);
});

test('the OpenAPI document lists the admin API and hides the pages', async () => {
  const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.ok(doc.paths['/api/v1/cinemas/{cinemaId}/bookings']);
  assert.ok(doc.paths['/api/v1/cinemas/{cinemaId}/shows/bulk'].post.requestBody);
  assert.equal(Object.keys(doc.paths).some((p: string) => p.startsWith('/admin')), false);
  const ui = await ctx.app.inject({ method: 'GET', url: '/api/docs' });
  assert.ok(ui.statusCode === 200 || ui.statusCode === 302);
});
