import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { addCinema, addCustomerWithMessage, addUser, createAdminTestApp, signedIn, type AdminTestContext } from './test-app.ts';
import { isHandoffState } from './conversations-repo.ts';

let ctx: AdminTestContext;
before(async () => {
  ctx = await createAdminTestApp();
});
after(() => ctx.close());

test('the hand-off inbox lists customers waiting for staff, with masked numbers', async () => {
  const cinema = await addCinema(ctx);
  const staff = await addUser(ctx, 'staff', cinema.id);
  await addCustomerWithMessage(ctx, cinema.id, { phone: '919876543210', name: 'Meena', text: 'I need help', handoff: true });
  await addCustomerWithMessage(ctx, cinema.id, { phone: '919876500001', name: 'Ravi', handoff: false });
  const b = await signedIn(ctx, staff);
  const res = await b.get(`/admin/c/${cinema.id}/conversations`);
  assert.equal(res.statusCode, 200);
  const inbox = res.body.split('id="recent-h"')[0]!;
  assert.match(inbox, /Meena/);
  assert.doesNotMatch(inbox, /Ravi/);
  assert.match(res.body, /•••• 3210/);
  assert.doesNotMatch(res.body, /9876543210/);
});

test('customers are found by phone number through its keyed hash', async () => {
  const cinema = await addCinema(ctx);
  const staff = await addUser(ctx, 'staff', cinema.id);
  await addCustomerWithMessage(ctx, cinema.id, { phone: '919811112222', name: 'Kavya' });
  await addCustomerWithMessage(ctx, cinema.id, { phone: '919833334444', name: 'Arjun' });
  const b = await signedIn(ctx, staff);
  const res = await b.get(`/admin/c/${cinema.id}/conversations?q=${encodeURIComponent('+91 98111 12222')}`);
  assert.match(res.body, /Kavya/);
  assert.doesNotMatch(res.body, /Arjun/);
});

test('staff reply inside the 24-hour window: queued as staff_reply and the dispatcher is woken', async () => {
  const cinema = await addCinema(ctx);
  const staff = await addUser(ctx, 'staff', cinema.id);
  const customerId = await addCustomerWithMessage(ctx, cinema.id, { phone: '919800000011', handoff: true, text: 'Can I bring a pram?' });
  const b = await signedIn(ctx, staff);
  const page = await b.get(`/admin/c/${cinema.id}/conversations/${customerId}`);
  assert.match(page.body, /Can I bring a pram\?/);
  assert.match(page.body, /Hand back to the bot/);
  const wakes = ctx.wakes.count;
  const res = await b.post(`/admin/c/${cinema.id}/conversations/${customerId}/reply`, { text: 'Yes, at the counter.' });
  assert.equal(res.statusCode, 303);
  assert.equal(ctx.wakes.count, wakes + 1);
  const out = await ctx.deps.db.selectFrom('outbound_messages').selectAll().where('customer_id', '=', customerId).execute();
  assert.equal(out.length, 1);
  assert.equal(out[0]!.kind, 'staff_reply');
  assert.deepEqual(JSON.parse(out[0]!.payload_json), { type: 'text', text: { body: 'Yes, at the counter.' } });
  const after = await b.get(`/admin/c/${cinema.id}/conversations/${customerId}`);
  assert.match(after.body, /Staff reply/);
  assert.match(after.body, /badge-queued/);
});

test('outside the 24-hour window the reply box is disabled and a reply is refused', async () => {
  const cinema = await addCinema(ctx);
  const staff = await addUser(ctx, 'staff', cinema.id);
  const customerId = await addCustomerWithMessage(ctx, cinema.id, { phone: '919800000022', handoff: true });
  ctx.clock.advance(25 * 3600_000);
  const b = await signedIn(ctx, staff);
  const page = await b.get(`/admin/c/${cinema.id}/conversations/${customerId}`);
  assert.match(page.body, /Replies are disabled/);
  assert.match(page.body, /<textarea id="reply-text" name="text" maxlength="4096" disabled/);
  const res = await b.post(`/admin/c/${cinema.id}/conversations/${customerId}/reply`, { text: 'hello?' });
  assert.equal(res.statusCode, 409);
  assert.match(res.body, /outside_reply_window/);
  const out = await ctx.deps.db.selectFrom('outbound_messages').select('id').where('customer_id', '=', customerId).execute();
  assert.equal(out.length, 0);
});

test('hand back inserts the internal inbound event and wakes the worker', async () => {
  const cinema = await addCinema(ctx);
  const staff = await addUser(ctx, 'staff', cinema.id);
  const customerId = await addCustomerWithMessage(ctx, cinema.id, { phone: '919800000033', handoff: true });
  const b = await signedIn(ctx, staff);
  await b.get(`/admin/c/${cinema.id}/conversations/${customerId}`);
  const wakes = ctx.wakes.count;
  const res = await b.post(`/admin/c/${cinema.id}/conversations/${customerId}/hand-back`);
  assert.equal(res.statusCode, 303);
  const ev = await ctx.deps.db.selectFrom('inbound_messages').selectAll().where('customer_id', '=', customerId).where('type', '=', 'internal').executeTakeFirstOrThrow();
  assert.equal(ev.wamid, `internal:handoff-end:${customerId}:${ctx.clock.now()}`);
  assert.deepEqual(JSON.parse(ev.payload_json), { internal: 'handoff_ended' });
  assert.equal(ev.status, 'pending');
  assert.equal(ev.cinema_id, cinema.id);
  assert.equal(ctx.wakes.count, wakes + 1);
});

test('failed deliveries are highlighted in the transcript', async () => {
  const cinema = await addCinema(ctx);
  const staff = await addUser(ctx, 'staff', cinema.id);
  const customerId = await addCustomerWithMessage(ctx, cinema.id, { phone: '919800000044' });
  const now = ctx.clock.now();
  await ctx.deps.db
    .insertInto('outbound_messages')
    .values({ cinema_id: cinema.id, customer_id: customerId, to_enc: null, inbound_id: null, kind: 'reply', payload_json: JSON.stringify({ type: 'text', text: { body: 'Your tickets' } }), status: 'failed', wamid: null, attempts: 3, next_attempt_at: now, claimed_at: null, error_code: 131026, error: 'Message undeliverable', dedupe_key: null, created_at: now, updated_at: now })
    .execute();
  const b = await signedIn(ctx, staff);
  const page = await b.get(`/admin/c/${cinema.id}/conversations/${customerId}`);
  assert.match(page.body, /class="bubble out failed"/);
  assert.match(page.body, /Not delivered: Message undeliverable/);
  assert.match(page.body, /1 not delivered/);
});

test('managers may reveal a number, which is audited; staff may not', async () => {
  const cinema = await addCinema(ctx);
  const manager = await addUser(ctx, 'manager', cinema.id);
  const staff = await addUser(ctx, 'staff', cinema.id);
  const customerId = await addCustomerWithMessage(ctx, cinema.id, { phone: '919812345678' });
  const m = await signedIn(ctx, manager);
  await m.get(`/admin/c/${cinema.id}/conversations/${customerId}`);
  const res = await m.post(`/admin/c/${cinema.id}/customers/${customerId}/reveal`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /\+919812345678/);
  const log = await ctx.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'reveal_phone').where('subject', '=', customerId).execute();
  assert.equal(log.length, 1);
  assert.equal(log[0]!.user_id, manager.id);
  const s = await signedIn(ctx, staff);
  const page = await s.get(`/admin/c/${cinema.id}/conversations/${customerId}`);
  assert.doesNotMatch(page.body, /Reveal number/);
  assert.equal((await s.post(`/admin/c/${cinema.id}/customers/${customerId}/reveal`)).statusCode, 403);
});

test('hand-off detection reads the dialogue state defensively', () => {
  assert.equal(isHandoffState('{"mode":"handoff"}'), true);
  assert.equal(isHandoffState('{"v":3,"session":{"mode":"handoff"}}'), true);
  assert.equal(isHandoffState('{"mode":"bot","note":"handoff"}'), false);
  assert.equal(isHandoffState('not json'), false);
  assert.equal(isHandoffState('null'), false);
});
