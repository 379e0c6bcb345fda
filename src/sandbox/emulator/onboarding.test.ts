import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { afterEach, describe, it } from 'node:test';
import Fastify from 'fastify';
import { ManualClock } from '../../clock.ts';
import { DEMO_BUSINESS } from '../demo-business.ts';
import { createEmulator } from './create-emulator.ts';
import { startStandaloneEmulator } from './start-standalone-emulator.ts';
import {
  APP_ID, APP_SECRET, DISPLAY, type Harness, PHONE, TOKEN, USER, VERSION, WABA,
  graph, message, receivedStatuses, sendMessage, signatureValid, startHarness, startReceiver,
} from './test-harness.ts';

const MB = 1024 * 1024;
const png = (size: number) => Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(size - 8, 7)]);
const webp = (size: number, animated = false) => {
  const b = Buffer.alloc(size, 0);
  b.write('RIFF', 0, 'latin1');
  b.write('WEBP', 8, 'latin1');
  b.write(animated ? 'VP8X' : 'VP8 ', 12, 'latin1');
  if (animated) b[20] = 0x02;
  return b;
};

function upload(base: string, file: Buffer, type: string, o: { partType?: string; product?: string | null; token?: string | null; filename?: string } = {}) {
  const form = new FormData();
  if (o.product !== null) form.append('messaging_product', o.product ?? 'whatsapp');
  form.append('type', type);
  form.append('file', new Blob([new Uint8Array(file)], { type: o.partType ?? type }), o.filename ?? 'upload.bin');
  return graph(base, 'POST', `/${VERSION}/${PHONE}/media`, { body: form, token: o.token });
}

describe('debug_token', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('lists scopes and the WABA ids per scope (also under a version)', async () => {
    h = await startHarness();
    h.emulator.addBusiness({ accessToken: TOKEN, appId: APP_ID, wabaId: '200000000000002', wabaName: 'Second', phoneNumbers: [], scopes: ['whatsapp_business_messaging'] });
    for (const path of [`/debug_token?input_token=${TOKEN}`, `/${VERSION}/debug_token?input_token=${TOKEN}`]) {
      const res = await graph(h.base, 'GET', path);
      assert.equal(res.status, 200);
      const { data } = res.body;
      assert.equal(data.app_id, APP_ID);
      assert.equal(data.type, 'SYSTEM_USER');
      assert.equal(data.is_valid, true);
      assert.equal(data.expires_at, 0);
      assert.deepEqual(data.scopes, ['whatsapp_business_management', 'whatsapp_business_messaging']);
      assert.deepEqual(data.granular_scopes, [
        { scope: 'whatsapp_business_management', target_ids: [WABA] },
        { scope: 'whatsapp_business_messaging', target_ids: [WABA, '200000000000002'] },
      ]);
    }
  });

  it('answers is_valid false for unknown or invalidated tokens asked with an app token, 190 when the caller itself is bad', async () => {
    h = await startHarness();
    const appToken = `${APP_ID}|${APP_SECRET}`;
    const unknown = await graph(h.base, 'GET', '/debug_token?input_token=EAAnope', { token: appToken });
    assert.equal(unknown.status, 200);
    assert.equal(unknown.body.data.is_valid, false);
    assert.equal(unknown.body.data.error.code, 190);

    h.emulator.invalidateToken(TOKEN);
    const invalid = await graph(h.base, 'GET', `/debug_token?input_token=${TOKEN}`, { token: appToken });
    assert.equal(invalid.status, 200);
    assert.equal(invalid.body.data.is_valid, false);
    assert.equal(invalid.body.data.app_id, APP_ID);

    const self = await graph(h.base, 'GET', `/debug_token?input_token=${TOKEN}`);
    assert.equal(self.status, 401);
    assert.equal(self.body.error.code, 190);
    const garbage = await graph(h.base, 'GET', '/debug_token?input_token=EAAnope', { token: 'EAAnope' });
    assert.equal(garbage.status, 401);
    assert.equal(garbage.body.error.code, 190);

    const missing = await graph(h.base, 'GET', '/debug_token', { token: appToken });
    assert.equal(missing.body.error.code, 100);
  });
});

describe('WABA and phone numbers', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('GET /{waba-id} gives id, name, timezone_id and currency; fields narrows it; unknown fields fail', async () => {
    h = await startHarness();
    const res = await graph(h.base, 'GET', `/${VERSION}/${WABA}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.id, WABA);
    assert.equal(res.body.name, 'Test Cinemas');
    assert.equal(res.body.timezone_id, 'Asia/Kolkata');
    assert.equal(res.body.currency, 'INR');
    const narrow = await graph(h.base, 'GET', `/${VERSION}/${WABA}?fields=name,currency`);
    assert.deepEqual(narrow.body, { id: WABA, name: 'Test Cinemas', currency: 'INR' });
    const bad = await graph(h.base, 'GET', `/${VERSION}/${WABA}?fields=colour`);
    assert.equal(bad.body.error.code, 100);
    assert.match(bad.body.error.message, /nonexisting field \(colour\)/);
  });

  it('GET /{waba-id}/phone_numbers lists the numbers like Meta', async () => {
    h = await startHarness();
    const res = await graph(h.base, 'GET', `/${VERSION}/${WABA}/phone_numbers`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.data, [
      {
        id: PHONE,
        display_phone_number: DISPLAY,
        verified_name: 'Test Cinemas',
        quality_rating: 'GREEN',
        status: 'CONNECTED',
        code_verification_status: 'VERIFIED',
        platform_type: 'CLOUD_API',
        throughput: { level: 'STANDARD' },
        name_status: 'APPROVED',
      },
    ]);
    const phone = await graph(h.base, 'GET', `/${VERSION}/${PHONE}?fields=display_phone_number`);
    assert.deepEqual(phone.body, { id: PHONE, display_phone_number: DISPLAY });
  });

  it('hides WABAs the token cannot reach', async () => {
    h = await startHarness();
    h.emulator.addBusiness({ accessToken: 'EAAother', wabaId: '300000000000001', wabaName: 'Other', phoneNumbers: [] });
    const res = await graph(h.base, 'GET', '/v25.0/300000000000001/phone_numbers');
    assert.equal(res.body.error.code, 100);
    assert.equal(res.body.error.error_subcode, 33);
    const unknown = await graph(h.base, 'GET', '/v25.0/123456');
    assert.equal(unknown.body.error.error_subcode, 33);
  });
});

describe('subscribed_apps', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('subscribes, lists and unsubscribes; without a subscription no webhooks are sent', async () => {
    h = await startHarness({}, { webhookUrl: undefined });
    assert.deepEqual((await graph(h.base, 'GET', `/${VERSION}/${WABA}/subscribed_apps`)).body, { data: [] });
    const receiver = await startReceiver();
    try {
      receiver.verify.token = 'vt-1';
      const sub = await graph(h.base, 'POST', `/${VERSION}/${WABA}/subscribed_apps`, { json: { override_callback_uri: receiver.url, verify_token: 'vt-1' } });
      assert.equal(sub.status, 200, sub.text);
      assert.deepEqual(sub.body, { success: true });
      const handshake = receiver.handshakes[0]!;
      assert.equal(handshake.get('hub.mode'), 'subscribe');
      assert.equal(handshake.get('hub.verify_token'), 'vt-1');
      assert.match(handshake.get('hub.challenge')!, /^\d+$/);

      const list = await graph(h.base, 'GET', `/${VERSION}/${WABA}/subscribed_apps`);
      assert.equal(list.body.data[0].whatsapp_business_api_data.id, APP_ID);
      assert.equal(list.body.data[0].override_callback_uri, receiver.url);

      // Webhooks now go to the override URL, signed with the app secret.
      await h.emulator.userSends({ phoneNumberId: PHONE, from: USER, message: { type: 'text', text: { body: 'hi' } } });
      assert.equal(receiver.received.length, 1);
      assert.ok(signatureValid(receiver.received[0]!.raw, receiver.received[0]!.headers['x-hub-signature-256']));

      assert.deepEqual((await graph(h.base, 'DELETE', `/${VERSION}/${WABA}/subscribed_apps`)).body, { success: true });
      assert.deepEqual((await graph(h.base, 'GET', `/${VERSION}/${WABA}/subscribed_apps`)).body, { data: [] });
      await assert.rejects(h.emulator.userSends({ phoneNumberId: PHONE, from: USER, message: { type: 'text', text: { body: 'hi' } } }));
    } finally {
      await receiver.close();
    }
  });

  it('fails with 2200 when the override URL refuses the token or does not echo the challenge', async () => {
    h = await startHarness();
    h.receiver.verify.token = 'right';
    const wrongToken = await graph(h.base, 'POST', `/${VERSION}/${WABA}/subscribed_apps`, { json: { override_callback_uri: h.receiver.url, verify_token: 'wrong' } });
    assert.equal(wrongToken.body.error.code, 2200);
    assert.match(wrongToken.body.error.message, /HTTP Status Code = 403/);

    h.receiver.verify.answer = 'wrong';
    const noEcho = await graph(h.base, 'POST', `/${VERSION}/${WABA}/subscribed_apps`, { json: { override_callback_uri: h.receiver.url, verify_token: 'right' } });
    assert.equal(noEcho.body.error.code, 2200);
    assert.match(noEcho.body.error.message, /does not match challenge/);

    const half = await graph(h.base, 'POST', `/${VERSION}/${WABA}/subscribed_apps`, { json: { override_callback_uri: h.receiver.url } });
    assert.equal(half.body.error.code, 100);
    const list = await graph(h.base, 'GET', `/${VERSION}/${WABA}/subscribed_apps`);
    assert.equal(list.body.data[0].override_callback_uri, undefined);
  });

  it('accepts form-encoded parameters, as Graph does', async () => {
    h = await startHarness();
    const res = await graph(h.base, 'POST', `/${VERSION}/${WABA}/subscribed_apps`, {
      body: new URLSearchParams({ override_callback_uri: h.receiver.url, verify_token: 'verify-me' }),
    });
    assert.deepEqual(res.body, { success: true });
  });
});

describe('register', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('takes a 6-digit pin and then insists on the same one', async () => {
    h = await startHarness();
    const path = `/${VERSION}/${PHONE}/register`;
    assert.deepEqual((await graph(h.base, 'POST', path, { json: { messaging_product: 'whatsapp', pin: '123456' } })).body, { success: true });
    assert.equal((await graph(h.base, 'POST', path, { json: { messaging_product: 'whatsapp', pin: '12345' } })).body.error.code, 131009);
    assert.equal((await graph(h.base, 'POST', path, { json: { messaging_product: 'whatsapp', pin: '654321' } })).body.error.code, 133005);
    assert.equal((await graph(h.base, 'POST', path, { json: { pin: '123456' } })).body.error.code, 100);
    assert.deepEqual((await graph(h.base, 'POST', path, { json: { messaging_product: 'whatsapp', pin: '123456' } })).body, { success: true });
  });
});

describe('media', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('uploads, describes and serves a file only with the bearer token, for five minutes', async () => {
    const clock = new ManualClock();
    h = await startHarness({ clock });
    const data = png(2048);
    const up = await upload(h.base, data, 'image/png', { filename: 'ticket.png' });
    assert.equal(up.status, 200, up.text);
    assert.match(up.body.id, /^\d+$/);

    const info = await graph(h.base, 'GET', `/${VERSION}/${up.body.id}`);
    assert.equal(info.status, 200);
    assert.equal(info.body.mime_type, 'image/png');
    assert.equal(info.body.file_size, 2048);
    assert.equal(info.body.sha256, createHash('sha256').update(data).digest('hex'));
    assert.equal(info.body.id, up.body.id);
    assert.equal(info.body.messaging_product, 'whatsapp');
    assert.ok(info.text.includes('http:\\/\\/'), 'URLs are escaped like Meta');
    assert.ok(info.body.url.startsWith(h.base));

    const noToken = await fetch(info.body.url);
    assert.equal(noToken.status, 401);
    const wrongToken = await fetch(info.body.url, { headers: { authorization: 'Bearer EAAnope' } });
    assert.equal(wrongToken.status, 401);
    const ok = await fetch(info.body.url, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('content-type'), 'image/png');
    assert.deepEqual(Buffer.from(await ok.arrayBuffer()), data);
    assert.deepEqual(h.emulator.media(up.body.id)?.data, data);

    clock.advance(5 * 60 * 1000 + 1000);
    assert.equal((await fetch(info.body.url, { headers: { authorization: `Bearer ${TOKEN}` } })).status, 404);

    assert.deepEqual((await graph(h.base, 'DELETE', `/${VERSION}/${up.body.id}`)).body, { success: true });
    assert.equal((await graph(h.base, 'GET', `/${VERSION}/${up.body.id}`)).body.error.error_subcode, 33);
  });

  it('enforces the image size limit: 5 MB accepted, one byte more refused with 131053', async () => {
    h = await startHarness();
    assert.equal((await upload(h.base, png(5 * MB), 'image/png')).status, 200);
    const over = await upload(h.base, png(5 * MB + 1), 'image/png');
    assert.equal(over.body.error.code, 131053);
    assert.match(over.body.error.error_data.details, /5242880-byte limit for image\/png/);
  });

  it('enforces the video and sticker size limits', async () => {
    h = await startHarness();
    const mp4 = (size: number) => Buffer.concat([Buffer.from('\0\0\0\x18ftypmp42', 'latin1'), Buffer.alloc(size - 12)]);
    assert.equal((await upload(h.base, mp4(16 * MB), 'video/mp4')).status, 200);
    assert.equal((await upload(h.base, mp4(16 * MB + 1), 'video/mp4')).body.error.code, 131053);
    assert.equal((await upload(h.base, webp(500 * 1024, true), 'image/webp')).status, 200);
    assert.equal((await upload(h.base, webp(500 * 1024 + 1, true), 'image/webp')).body.error.code, 131053);
  });

  it('refuses unsupported types, mismatched parts, forged content and missing fields', async () => {
    h = await startHarness();
    const svg = await upload(h.base, Buffer.from('<svg/>'), 'image/svg+xml');
    assert.equal(svg.body.error.code, 100);
    assert.match(svg.body.error.error_data.details, /one of the following types/);
    assert.equal((await upload(h.base, png(100), 'image/png', { partType: 'image/jpeg' })).body.error.code, 100);
    assert.equal((await upload(h.base, Buffer.from('<svg/>'), 'image/png')).body.error.code, 131053);
    assert.equal((await upload(h.base, png(100), 'image/png', { product: null })).body.error.code, 100);
    assert.equal((await upload(h.base, png(100), 'image/png', { token: 'EAAnope' })).status, 401);
    const json = await graph(h.base, 'POST', `/${VERSION}/${PHONE}/media`, { json: { messaging_product: 'whatsapp' } });
    assert.equal(json.body.error.code, 100);
  });

  it('sends uploaded media by id; a static sticker over 100 KB fails afterwards with 131053', async () => {
    h = await startHarness();
    await h.emulator.userSends({ phoneNumberId: PHONE, from: USER, message: { type: 'text', text: { body: 'hi' } } });
    const image = (await upload(h.base, png(1000), 'image/png')).body.id;
    const bigSticker = (await upload(h.base, webp(100 * 1024 + 1), 'image/webp')).body.id;
    const animated = (await upload(h.base, webp(300 * 1024, true), 'image/webp')).body.id;
    const sent = [
      await sendMessage(h.base, message('image', { id: image, caption: 'Your ticket' })),
      await sendMessage(h.base, message('sticker', { id: bigSticker })),
      await sendMessage(h.base, message('sticker', { id: animated })),
      await sendMessage(h.base, message('image', { id: bigSticker })),
    ];
    for (const r of sent) assert.equal(r.status, 200, r.text);
    await h.emulator.flushStatuses();
    const firstStatus = (i: number) => receivedStatuses(h.receiver).find((s) => s.id === sent[i]!.body.messages[0].id);
    assert.equal(firstStatus(0).status, 'sent');
    assert.equal(firstStatus(1).errors[0].code, 131053);
    assert.equal(firstStatus(2).status, 'sent');
    assert.equal(firstStatus(3).errors[0].code, 131053);
  });

  it('serves media a user sent to the business', async () => {
    h = await startHarness();
    const id = h.emulator.addUserMedia({ phoneNumberId: PHONE, data: Buffer.from('%PDF-1.7 x'), mimeType: 'application/pdf', filename: 'id.pdf' });
    const info = await graph(h.base, 'GET', `/${VERSION}/${id}`);
    const file = await fetch(info.body.url, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(await file.text(), '%PDF-1.7 x');
    assert.match(file.headers.get('content-disposition')!, /id\.pdf/);
  });
});

describe('templates', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('once registered, unknown templates fail with 132001 and wrong parameter counts with 132000', async () => {
    h = await startHarness();
    h.emulator.addTemplate({ wabaId: WABA, name: 'booking_reminder', language: 'en', parameters: { body: 2 } });
    const tpl = (name: string, params: number) =>
      message('template', { name, language: { code: 'en' }, components: [{ type: 'body', parameters: Array.from({ length: params }, (_, i) => ({ type: 'text', text: `p${i}` })) }] });
    assert.equal((await sendMessage(h.base, tpl('booking_reminder', 2))).status, 200);
    assert.equal((await sendMessage(h.base, tpl('booking_reminder', 1))).body.error.code, 132000);
    assert.equal((await sendMessage(h.base, tpl('show_cancelled', 2))).body.error.code, 132001);
  });
});

describe('mounting', () => {
  it('serves the routes under a host prefix, with media URLs under it', async () => {
    const emulator = createEmulator({ statuses: 'manual' });
    emulator.addBusiness({ accessToken: TOKEN, wabaId: WABA, wabaName: 'W', phoneNumbers: [{ id: PHONE, displayPhoneNumber: DISPLAY, verifiedName: 'W' }] });
    const app = Fastify();
    await app.register(emulator.plugin, { prefix: '/graph' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/graph`;
      const sent = await sendMessage(base, message('text', { body: 'hi' }));
      assert.equal(sent.status, 200);
      const id = (await upload(base, png(64), 'image/png')).body.id;
      const info = await graph(base, 'GET', `/v23.0/${id}`);
      assert.ok(info.body.url.startsWith(`${base}/whatsapp_business/attachments/`));
      assert.equal((await fetch(info.body.url, { headers: { authorization: `Bearer ${TOKEN}` } })).status, 200);
      const unknown = await graph(base, 'GET', '/v23.0/1/2/3');
      assert.equal(unknown.body.error.code, 2500);

      // Closing the host must not wait for a request held by a timeout fault.
      emulator.injectFault({ code: 'timeout' });
      const held = once(emulator.events, 'fault');
      const pending = sendMessage(base, message('text', { body: 'hi' }));
      await held;
      await app.close();
      await assert.rejects(pending);
    } finally {
      await emulator.close();
      await app.close();
    }
  });

  it('startStandaloneEmulator provisions the demo business and listens', async () => {
    const receiver = await startReceiver();
    const standalone = await startStandaloneEmulator({ port: 0, webhookUrl: receiver.url, appSecret: 'demo-secret' });
    try {
      const res = await graph(standalone.url, 'GET', `/debug_token?input_token=${DEMO_BUSINESS.accessToken}`, { token: DEMO_BUSINESS.accessToken });
      assert.deepEqual(res.body.data.granular_scopes.map((g: any) => g.target_ids), [[DEMO_BUSINESS.wabaId], [DEMO_BUSINESS.wabaId]]);
      await standalone.emulator.userSends({ phoneNumberId: DEMO_BUSINESS.phoneNumberId, from: USER, message: { type: 'text', text: { body: 'hi' } } });
      const r = receiver.received[0]!;
      assert.ok(signatureValid(r.raw, r.headers['x-hub-signature-256'], 'demo-secret'));
      assert.equal(r.body.entry[0].changes[0].value.metadata.display_phone_number, '919876543210');
    } finally {
      await standalone.close();
      await receiver.close();
    }
  });
});
