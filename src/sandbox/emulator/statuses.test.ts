import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { ManualClock } from '../../clock.ts';
import { type Harness, PHONE, USER, WABA, message, receivedStatuses, sendMessage, signatureValid, startHarness } from './test-harness.ts';

const hello = (h: Harness, from = USER) => h.emulator.userSends({ phoneNumberId: PHONE, from, message: { type: 'text', text: { body: 'hi' } } });

describe('status webhooks', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('manual mode: nothing until flushStatuses, then sent → delivered → read, one POST per round', async () => {
    const clock = new ManualClock();
    h = await startHarness({ clock, statuses: 'manual' });
    await hello(h);
    const res = await sendMessage(h.base, message('text', { body: 'Pick a film' }, { biz_opaque_callback_data: 'booking:42' }));
    const wamid = res.body.messages[0].id;
    assert.equal(h.receiver.received.length, 1);

    await h.emulator.flushStatuses();
    const posts = h.receiver.received.slice(1);
    assert.equal(posts.length, 3);
    for (const p of posts) assert.ok(signatureValid(p.raw, p.headers['x-hub-signature-256']));
    const statuses = receivedStatuses(h.receiver);
    assert.deepEqual(statuses.map((s) => s.status), ['sent', 'delivered', 'read']);
    for (const s of statuses) {
      assert.equal(s.id, wamid);
      assert.equal(s.recipient_id, USER);
      assert.equal(s.timestamp, String(Math.floor(clock.now() / 1000)));
      assert.equal(s.biz_opaque_callback_data, 'booking:42');
      assert.deepEqual(s.pricing, { billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' });
    }
    const value = posts[0]!.body.entry[0].changes[0].value;
    assert.equal(posts[0]!.body.entry[0].id, WABA);
    assert.equal(value.metadata.phone_number_id, PHONE);
    assert.equal(h.emulator.sent()[0]!.status, 'read');

    await h.emulator.flushStatuses();
    assert.equal(h.receiver.received.length, 4, 'each status goes out once');
  });

  it('batches the statuses of several messages into one POST per round', async () => {
    h = await startHarness();
    await hello(h);
    await hello(h, '919800000002');
    await sendMessage(h.base, message('text', { body: 'one' }));
    await sendMessage(h.base, { ...message('text', { body: 'two' }), to: '919800000002' });
    await h.emulator.flushStatuses();
    const posts = h.receiver.received.slice(2);
    assert.equal(posts.length, 3);
    for (const p of posts) assert.equal(p.body.entry[0].changes[0].value.statuses.length, 2);
  });

  it('puts numbers of different WABAs sharing a webhook URL into separate entries of one POST', async () => {
    h = await startHarness();
    h.emulator.addBusiness({
      accessToken: 'EAAsecond',
      wabaId: '400000000000001',
      wabaName: 'Second',
      phoneNumbers: [{ id: '400000000000011', displayPhoneNumber: '+91 90000 00004', verifiedName: 'Second' }],
      webhookUrl: h.receiver.url,
      appSecret: 'test-app-secret',
    });
    await hello(h);
    await h.emulator.userSends({ phoneNumberId: '400000000000011', from: USER, message: { type: 'text', text: { body: 'hi' } } });
    await sendMessage(h.base, message('text', { body: 'one' }));
    await sendMessage(h.base, message('text', { body: 'two' }), { token: 'EAAsecond', phone: '400000000000011' });
    await h.emulator.flushStatuses();
    const first = h.receiver.received[2]!.body;
    assert.deepEqual(first.entry.map((e: any) => e.id), ['200000000000001', '400000000000001']);
    assert.deepEqual(first.entry.map((e: any) => e.changes[0].value.metadata.phone_number_id), [PHONE, '400000000000011']);
  });

  it('can go from sent straight to read', async () => {
    h = await startHarness({ readWithoutDeliveredRate: 1 });
    await hello(h);
    await sendMessage(h.base, message('text', { body: 'x' }));
    await h.emulator.flushStatuses();
    assert.deepEqual(receivedStatuses(h.receiver).map((s) => s.status), ['sent', 'read']);
  });

  it('follows a reaction with a sent status only', async () => {
    h = await startHarness();
    const { wamid } = await hello(h);
    await sendMessage(h.base, message('reaction', { message_id: wamid, emoji: '🎬' }));
    await h.emulator.flushStatuses();
    assert.deepEqual(receivedStatuses(h.receiver).map((s) => s.status), ['sent']);
  });

  it('accepts a free-form message outside the 24-hour window, then fails it with 131047', async () => {
    const clock = new ManualClock();
    h = await startHarness({ clock });
    await hello(h);
    clock.advance(24 * 60 * 60 * 1000);
    const res = await sendMessage(h.base, message('text', { body: 'Still there?' }));
    assert.equal(res.status, 200);
    await h.emulator.flushStatuses();
    const [failed, ...rest] = receivedStatuses(h.receiver);
    assert.equal(rest.length, 0);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.id, res.body.messages[0].id);
    assert.equal(failed.errors[0].code, 131047);
    assert.equal(failed.errors[0].title, 'Re-engagement message');
    assert.match(failed.errors[0].error_data.details, /24 hours/);
    assert.equal(failed.pricing, undefined);
    assert.equal(h.emulator.sent()[0]!.status, 'failed');
    assert.equal(h.emulator.sent()[0]!.errorCode, 131047);
  });

  it('fails a message to someone who never wrote, but lets a template through', async () => {
    h = await startHarness();
    await sendMessage(h.base, message('text', { body: 'Hello stranger' }));
    const tpl = await sendMessage(h.base, message('template', { name: 'booking_reminder', language: { code: 'en' } }));
    assert.equal(tpl.body.messages[0].message_status, 'accepted');
    await h.emulator.flushStatuses();
    const byId = new Map<string, string[]>();
    for (const s of receivedStatuses(h.receiver)) byId.set(s.id, [...(byId.get(s.id) ?? []), s.status]);
    const [free, template] = h.emulator.sent();
    assert.deepEqual(byId.get(free!.wamid), ['failed']);
    assert.deepEqual(byId.get(template!.wamid), ['sent', 'delivered', 'read']);
  });

  it('keeps the window per business number and per user, by the last message', async () => {
    const clock = new ManualClock();
    h = await startHarness({ clock });
    await hello(h);
    clock.advance(23 * 60 * 60 * 1000);
    await hello(h);
    clock.advance(23 * 60 * 60 * 1000);
    await sendMessage(h.base, message('text', { body: 'within 24h of the last message' }));
    await sendMessage(h.base, { ...message('text', { body: 'other user' }), to: '919800000005' });
    await h.emulator.flushStatuses();
    const [mine, other] = h.emulator.sent();
    assert.equal(mine!.status, 'read');
    assert.equal(other!.status, 'failed');
  });

  it('tracks the window of a BSUID-only user and reports recipient_user_id', async () => {
    h = await startHarness();
    await h.emulator.userSends({ phoneNumberId: PHONE, from: { userId: 'US.13491208655302741918' }, message: { type: 'text', text: { body: 'hi' } } });
    await sendMessage(h.base, { messaging_product: 'whatsapp', recipient: 'US.13491208655302741918', type: 'text', text: { body: 'hello' } });
    await h.emulator.flushStatuses();
    const statuses = receivedStatuses(h.receiver);
    assert.deepEqual(statuses.map((s) => s.status), ['sent', 'delivered', 'read']);
    assert.equal(statuses[0].recipient_user_id, 'US.13491208655302741918');
    assert.equal(statuses[0].recipient_id, undefined);
  });

  it('auto mode delivers the statuses by itself, in order', async () => {
    h = await startHarness({ statuses: 'auto' });
    await hello(h);
    await sendMessage(h.base, message('text', { body: 'auto' }));
    await h.receiver.waitFor(4);
    assert.deepEqual(receivedStatuses(h.receiver).map((s) => s.status), ['sent', 'delivered', 'read']);
  });

  it('marks messages read and shows typing, answering {"success":true}', async () => {
    h = await startHarness();
    const { wamid } = await hello(h);
    const read = await sendMessage(h.base, { messaging_product: 'whatsapp', status: 'read', message_id: wamid, typing_indicator: { type: 'text' } });
    assert.equal(read.status, 200);
    assert.deepEqual(read.body, { success: true });
    assert.deepEqual(h.emulator.readReceipts().map((r) => [r.messageId, r.typingIndicator]), [[wamid, true]]);
    assert.equal(h.emulator.sent().length, 0);
    const bad = await sendMessage(h.base, { messaging_product: 'whatsapp', status: 'read', message_id: wamid, typing_indicator: { type: 'audio' } });
    assert.equal(bad.body.error.code, 100);
    assert.match(bad.body.error.error_data.details, /typing_indicator\['type'\]/);
  });
});
