import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { addCinema, addConfirmedBooking, addCustomerWithMessage, addShowScenario, addUser, createAdminTestApp, signedIn, type AdminTestContext } from './test-app.ts';
import { refFromScan } from './booking-actions.ts';

let ctx: AdminTestContext;
before(async () => {
  ctx = await createAdminTestApp();
});
after(() => ctx.close());

async function scenario(language = 'en') {
  const cinema = await addCinema(ctx);
  const { show } = await addShowScenario(ctx, cinema.id);
  const customerId = await addCustomerWithMessage(ctx, cinema.id, { phone: `9198${Math.floor(10000000 + Math.random() * 89999999)}`, name: 'Priya', language });
  const booking = await addConfirmedBooking(ctx, cinema.id, show.id, customerId);
  const staff = await addUser(ctx, 'staff', cinema.id);
  return { cinema, show, customerId, booking, staff };
}

test('bookings are found by reference, by phone number and by show date', async () => {
  const s = await scenario();
  const other = await addCustomerWithMessage(ctx, s.cinema.id, { phone: '919700000001', name: 'Other' });
  const otherBooking = await addConfirmedBooking(ctx, s.cinema.id, s.show.id, other, 1);
  const b = await signedIn(ctx, s.staff);
  const byRef = await b.get(`/admin/c/${s.cinema.id}/bookings?ref=${s.booking.ref.toLowerCase()}`);
  assert.equal(byRef.statusCode, 200);
  assert.match(byRef.body, new RegExp(s.booking.ref));
  assert.doesNotMatch(byRef.body, new RegExp(otherBooking.ref));
  const byPhone = await b.get(`/admin/c/${s.cinema.id}/bookings?phone=${encodeURIComponent('+91 97000 00001')}`);
  assert.match(byPhone.body, new RegExp(otherBooking.ref));
  assert.doesNotMatch(byPhone.body, new RegExp(s.booking.ref));
  const date = new Date(s.show.startsAt + 5.5 * 3600_000).toISOString().slice(0, 10);
  const byDate = await b.get(`/admin/c/${s.cinema.id}/bookings?date=${date}&status=confirmed`);
  assert.match(byDate.body, new RegExp(s.booking.ref));
  assert.match(byDate.body, new RegExp(otherBooking.ref));
  const nextDay = await b.get(`/admin/c/${s.cinema.id}/bookings?date=2030-01-01`);
  assert.doesNotMatch(nextDay.body, new RegExp(s.booking.ref));
  const bad = await b.get(`/admin/c/${s.cinema.id}/bookings?ref=O0O0O0`);
  assert.match(bad.body, /Check the reference/);
  assert.doesNotMatch(byRef.body, /9198\d{8}/);
});

test('cancelling a confirmed booking frees it and queues a notice in the customer language', async () => {
  const s = await scenario('ta');
  const b = await signedIn(ctx, s.staff);
  const page = await b.get(`/admin/c/${s.cinema.id}/bookings/${s.booking.id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Cancel booking/);
  const wakes = ctx.wakes.count;
  const res = await b.post(`/admin/c/${s.cinema.id}/bookings/${s.booking.id}/cancel`);
  assert.equal(res.statusCode, 303);
  assert.equal(ctx.wakes.count, wakes + 1);
  const row = await ctx.deps.db.selectFrom('bookings').select('status').where('id', '=', s.booking.id).executeTakeFirstOrThrow();
  assert.equal(row.status, 'cancelled');
  const out = await ctx.deps.db.selectFrom('outbound_messages').selectAll().where('customer_id', '=', s.customerId).execute();
  assert.equal(out.length, 1);
  assert.equal(out[0]!.kind, 'notice');
  const body = JSON.parse(out[0]!.payload_json).text.body as string;
  assert.match(body, /ரத்து/);
  assert.match(body, new RegExp(s.booking.ref));
  const again = await b.post(`/admin/c/${s.cinema.id}/bookings/${s.booking.id}/cancel`);
  assert.equal(again.statusCode, 303);
  assert.equal((await ctx.deps.db.selectFrom('outbound_messages').select('id').where('customer_id', '=', s.customerId).execute()).length, 1);
  const audit = await ctx.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'cancel_booking').where('subject', '=', s.booking.ref).execute();
  assert.equal(audit.length, 1);
});

test('check-in admits once and warns clearly on a second use', async () => {
  const s = await scenario();
  const b = await signedIn(ctx, s.staff);
  await b.get(`/admin/c/${s.cinema.id}/checkin`);
  const first = await b.post(`/admin/c/${s.cinema.id}/checkin`, { ref: s.booking.ref });
  assert.equal(first.statusCode, 200);
  assert.match(first.body, /data-result="admitted"/);
  assert.match(first.body, /Admit 2 people/);
  const second = await b.post(`/admin/c/${s.cinema.id}/checkin`, { ref: ` ${s.booking.ref.slice(0, 3).toLowerCase()}-${s.booking.ref.slice(3)} ` });
  assert.match(second.body, /data-result="already_used"/);
  assert.match(second.body, /Already used/);
  assert.match(second.body, new RegExp(`checked in at .* by ${s.staff.email.replace('.', '\\.')}`));
  const row = await ctx.deps.db.selectFrom('booking_checkins').selectAll().where('booking_id', '=', s.booking.id).executeTakeFirstOrThrow();
  assert.equal(row.repeat_scans, 1);
  const detail = await b.get(`/admin/c/${s.cinema.id}/bookings/${s.booking.id}`);
  assert.match(detail.body, /Checked in/);
});

test('check-in refuses cancelled bookings and unknown references', async () => {
  const s = await scenario();
  const b = await signedIn(ctx, s.staff);
  await b.get(`/admin/c/${s.cinema.id}/bookings/${s.booking.id}`);
  await b.post(`/admin/c/${s.cinema.id}/bookings/${s.booking.id}/cancel`);
  await b.get(`/admin/c/${s.cinema.id}/checkin`);
  const res = await b.post(`/admin/c/${s.cinema.id}/checkin`, { ref: s.booking.ref });
  assert.match(res.body, /data-result="not_valid"/);
  assert.match(res.body, /was cancelled/);
  const unknown = await b.post(`/admin/c/${s.cinema.id}/checkin`, { ref: 'ZZZZZZ' });
  assert.equal(unknown.statusCode, 404);
  assert.match(unknown.body, /No such booking/);
  assert.equal(await ctx.deps.db.selectFrom('booking_checkins').select('booking_id').where('booking_id', '=', s.booking.id).executeTakeFirst(), undefined);
});

test('scanned QR payloads yield the reference inside them', () => {
  assert.equal(refFromScan('K7MX2Q'), 'K7MX2Q');
  assert.equal(refFromScan('k7mx-2q'), 'K7MX2Q');
  assert.equal(refFromScan('https://tickets.example/t?ref=K7MX2Q'), 'K7MX2Q');
  assert.equal(refFromScan('hello'), null);
});
