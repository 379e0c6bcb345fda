import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { ManualClock } from '../../clock.ts';
import { createEmulator } from './create-emulator.ts';
import type { WebhookAttempt } from './webhook-delivery.ts';
import { APP_SECRET, DISPLAY, type Harness, PHONE, USER, WABA, message, sendMessage, signatureValid, startHarness, startReceiver } from './test-harness.ts';

describe('userSends', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('POSTs a Meta-shaped, Meta-escaped webhook signed over its exact bytes', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 25, 6, 30, 15));
    h = await startHarness({ clock });
    const body = 'வணக்கம் 🎟️ book@marquee.in/tickets — ¡sí!';
    const { wamid, status } = await h.emulator.userSends({ phoneNumberId: PHONE, from: `+${USER}`, name: 'Asha', message: { type: 'text', text: { body } } });
    assert.equal(status, 200);
    assert.equal(h.receiver.received.length, 1);
    const { raw, headers, body: parsed } = h.receiver.received[0]!;

    assert.equal(headers['content-type'], 'application/json');
    assert.ok(signatureValid(raw, headers['x-hub-signature-256']));
    assert.ok(!signatureValid(Buffer.from(JSON.stringify(parsed)), headers['x-hub-signature-256']), 'a re-serialised body must not verify');
    const text = raw.toString('latin1');
    assert.match(text, /^[\x20-\x7e]+$/);
    assert.ok(text.includes('book\\u0040marquee.in\\/tickets'));
    assert.ok(text.includes('\\u0bb5\\u0ba3\\u0b95\\u0bcd\\u0b95\\u0bae\\u0bcd'));
    assert.ok(text.includes('\\ud83c\\udf9f\\ufe0f'));

    assert.deepEqual(parsed, {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: WABA,
          changes: [
            {
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: DISPLAY.replace(/\D/g, ''), phone_number_id: PHONE },
                contacts: [{ profile: { name: 'Asha' }, wa_id: USER }],
                messages: [{ from: USER, id: wamid, timestamp: String(Date.UTC(2026, 10, 25, 6, 30, 15) / 1000), type: 'text', text: { body } }],
              },
              field: 'messages',
            },
          ],
        },
      ],
    });
  });

  it('sends a BSUID-only user without from or wa_id, and a reply context', async () => {
    h = await startHarness();
    await h.emulator.userSends({
      phoneNumberId: PHONE,
      from: { userId: 'IN.8846210056123', username: 'asha.k' },
      name: 'Asha',
      contextId: 'wamid.ours',
      message: { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'show-1', title: '7:00 PM' } } },
    });
    const value = h.receiver.received[0]!.body.entry[0].changes[0].value;
    assert.deepEqual(value.contacts, [{ profile: { name: 'Asha', username: 'asha.k' }, user_id: 'IN.8846210056123' }]);
    const m = value.messages[0];
    assert.equal(m.from, undefined);
    assert.equal(m.from_user_id, 'IN.8846210056123');
    assert.deepEqual(m.context, { from: DISPLAY.replace(/\D/g, ''), id: 'wamid.ours' });
    assert.equal(m.interactive.button_reply.id, 'show-1');
  });

  it('omits the contacts block for system messages', async () => {
    h = await startHarness();
    await h.emulator.userSends({ phoneNumberId: PHONE, from: USER, message: { type: 'system', system: { body: 'User changed number', type: 'user_changed_number' } } });
    assert.equal(h.receiver.received[0]!.body.entry[0].changes[0].value.contacts, undefined);
  });

  it('redelivers the same signed bytes after a non-200 answer', async () => {
    h = await startHarness();
    h.receiver.respond = (_r, n) => (n === 0 ? 500 : 200);
    const { status } = await h.emulator.userSends({ phoneNumberId: PHONE, from: USER, message: { type: 'text', text: { body: 'hi' } } });
    assert.equal(status, 500);
    await h.emulator.flushRedeliveries();
    assert.equal(h.receiver.received.length, 2);
    const [first, second] = h.receiver.received;
    assert.deepEqual(second!.raw, first!.raw);
    assert.equal(second!.headers['x-hub-signature-256'], first!.headers['x-hub-signature-256']);
    await h.emulator.flushRedeliveries();
    assert.equal(h.receiver.received.length, 2, 'a 200 ends redelivery');
  });

  it('stops after a bounded number of attempts', async () => {
    h = await startHarness({ maxDeliveryAttempts: 3 });
    h.receiver.respond = () => 503;
    const attempts: WebhookAttempt[] = [];
    h.emulator.events.on('webhook', (a: WebhookAttempt) => attempts.push(a));
    await h.emulator.userSends({ phoneNumberId: PHONE, from: USER, message: { type: 'text', text: { body: 'hi' } } });
    for (let i = 0; i < 5; i++) await h.emulator.flushRedeliveries();
    assert.equal(h.receiver.received.length, 3);
    assert.deepEqual(attempts.map((a) => [a.attempt, a.status]), [[1, 503], [2, 503], [3, 503]]);
  });

  it('delivers duplicates at duplicateRate', async () => {
    h = await startHarness({ duplicateRate: 1 });
    await h.emulator.userSends({ phoneNumberId: PHONE, from: USER, message: { type: 'text', text: { body: 'hi' } } });
    await h.emulator.flushRedeliveries();
    assert.equal(h.receiver.received.length, 2);
    assert.deepEqual(h.receiver.received[1]!.raw, h.receiver.received[0]!.raw);
  });

  it('draws duplicates from the seeded random source', async () => {
    const draws = [0.9, 0.1];
    h = await startHarness({ duplicateRate: 0.5, random: () => draws.shift() ?? 0.9 });
    await h.emulator.userSends({ phoneNumberId: PHONE, from: USER, message: { type: 'text', text: { body: 'one' } } });
    await h.emulator.userSends({ phoneNumberId: PHONE, from: USER, message: { type: 'text', text: { body: 'two' } } });
    await h.emulator.flushRedeliveries();
    assert.deepEqual(h.receiver.received.map((r) => r.body.entry[0].changes[0].value.messages[0].text.body), ['one', 'two', 'two']);
  });

  it('refuses a user message to a number nobody subscribed to', async () => {
    h = await startHarness({}, { webhookUrl: undefined });
    await assert.rejects(h.emulator.userSends({ phoneNumberId: PHONE, from: USER, message: { type: 'text', text: { body: 'hi' } } }), /no webhook/);
  });
});

describe('redelivery to an unreachable receiver', () => {
  it('redelivers after a network error and stops cleanly on close()', async () => {
    const receiver = await startReceiver();
    const url = receiver.url;
    await receiver.close();
    const emulator = createEmulator({ statuses: 'manual' });
    emulator.addBusiness({ accessToken: 't', wabaId: WABA, wabaName: 'W', phoneNumbers: [{ id: PHONE, displayPhoneNumber: DISPLAY, verifiedName: 'W' }], webhookUrl: url, appSecret: APP_SECRET });
    const attempts: WebhookAttempt[] = [];
    emulator.events.on('webhook', (a: WebhookAttempt) => attempts.push(a));
    const { status } = await emulator.userSends({ phoneNumberId: PHONE, from: USER, message: { type: 'text', text: { body: 'hi' } } });
    assert.equal(status, 0);
    await emulator.flushRedeliveries();
    assert.equal(attempts.length, 2);
    await emulator.close();
    await emulator.flushRedeliveries();
    assert.equal(attempts.length, 2);
    await assert.rejects(emulator.userSends({ phoneNumberId: PHONE, from: USER, message: { type: 'text', text: { body: 'hi' } } }));
  });

});

describe('deliverWebhook', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('escapes and signs an arbitrary body with the secret of the number it names', async () => {
    h = await startHarness();
    const body = { object: 'whatsapp_business_account', entry: [{ id: WABA, changes: [{ field: 'account_update', value: { metadata: { phone_number_id: PHONE }, note: 'ok@x' } }] }] };
    assert.equal(await h.emulator.deliverWebhook(h.receiver.url, body), 200);
    const r = h.receiver.received[0]!;
    assert.ok(r.raw.toString().includes('ok\\u0040x'));
    assert.ok(signatureValid(r.raw, r.headers['x-hub-signature-256']));
  });

  it('sends raw bytes, a forged signature, or none when told', async () => {
    h = await startHarness();
    await h.emulator.deliverWebhook(h.receiver.url, {}, { raw: '{"a":"b@c"}', appSecret: 'other' });
    await h.emulator.deliverWebhook(h.receiver.url, { a: 1 }, { signature: 'sha256=00' });
    await h.emulator.deliverWebhook(h.receiver.url, { a: 1 }, { signature: null });
    const [raw, forged, unsigned] = h.receiver.received;
    assert.equal(raw!.raw.toString(), '{"a":"b@c"}');
    assert.ok(signatureValid(raw!.raw, raw!.headers['x-hub-signature-256'], 'other'));
    assert.equal(forged!.headers['x-hub-signature-256'], 'sha256=00');
    assert.equal(unsigned!.headers['x-hub-signature-256'], undefined);
  });

  it('opens the service window for the user messages it carries', async () => {
    const clock = new ManualClock();
    h = await startHarness({ clock });
    const ts = String(Math.floor(clock.now() / 1000));
    const body = {
      object: 'whatsapp_business_account',
      entry: [{ id: WABA, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '919876500000', phone_number_id: PHONE }, messages: [{ from: USER, id: 'wamid.handmade', timestamp: ts, type: 'text', text: { body: 'hi' } }] } }] }],
    };
    await h.emulator.deliverWebhook(h.receiver.url, body);
    const read = await sendMessage(h.base, { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.handmade' });
    assert.deepEqual(read.body, { success: true });
    await sendMessage(h.base, message('text', { body: 'reply' }));
    await h.emulator.flushStatuses();
    assert.equal(h.emulator.sent()[0]!.status, 'read');
  });
});
