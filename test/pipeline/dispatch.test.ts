import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createPipeline, business, type Pipeline } from '../helpers/pipeline.ts';
import { getCinema, replaceToken } from '../../src/tenants/cinemas.ts';

let p: Pipeline;
let cinemaId: string;
const phone = business(1).phoneNumbers[0].id;
before(async () => {
  p = await createPipeline();
  cinemaId = await p.onboard(1);
});
after(() => p.close());

let n = 0;
/** A customer says something; returns the outbound row of the reply once queued. */
async function customerSays(text: string) {
  const from = `9198000001${String(++n).padStart(2, '0')}`;
  await p.emulator.userSends({ phoneNumberId: phone, from, message: { type: 'text', text: { body: text } } });
  return from;
}
const outboundFor = (text: string) =>
  p.deps.db.selectFrom('outbound_messages').selectAll().where('payload_json', 'like', `%echo: ${text}%`).executeTakeFirstOrThrow();
const sentTo = (to: string) => p.emulator.sent({ to });

for (const code of [130429, 131056, 'http500'] as const) {
  test(`${code} is retried with backoff and then delivered`, async () => {
    const from = await customerSays(`retry ${code}`);
    p.emulator.injectFault({ code, times: 1, to: from });
    await p.drain();
    let row = await outboundFor(`retry ${code}`);
    assert.equal(row.status, 'queued');
    assert.equal(row.attempts, 1);
    assert.ok(row.next_attempt_at > p.clock.now(), 'the retry waits');
    assert.equal(sentTo(from).length, 0);
    await p.drain();
    assert.equal(sentTo(from).length, 0, 'not before its time');
    p.clock.advance(row.next_attempt_at - p.clock.now());
    await p.drain();
    row = await outboundFor(`retry ${code}`);
    assert.equal(row.status, 'sent');
    assert.equal(row.attempts, 2);
    assert.equal(sentTo(from).length, 1);
  });
}

test('131056 waits 4^n seconds between tries', async () => {
  const from = await customerSays('pair rate twice');
  p.emulator.injectFault({ code: 131056, times: 2, to: from });
  await p.drain();
  const first = await outboundFor('pair rate twice');
  const wait1 = first.next_attempt_at - p.clock.now();
  p.clock.advance(wait1);
  await p.drain();
  const second = await outboundFor('pair rate twice');
  const wait2 = second.next_attempt_at - p.clock.now();
  assert.ok(wait1 >= 4_000 && wait2 >= 16_000, `waits were ${wait1} and ${wait2} ms`);
  p.clock.advance(wait2);
  await p.drain();
  assert.equal((await outboundFor('pair rate twice')).status, 'sent');
});

for (const code of [100, 131047, 131026] as const) {
  test(`${code} is never retried and is recorded`, async () => {
    const from = await customerSays(`permanent ${code}`);
    p.emulator.injectFault({ code, times: 5, to: from, delivery: 'immediate' });
    await p.drain();
    p.clock.advance(60 * 60_000);
    await p.drain();
    const row = await outboundFor(`permanent ${code}`);
    assert.equal(row.status, 'failed');
    assert.equal(row.attempts, 1);
    assert.equal(row.error_code, code);
    p.emulator.clearFaults();
  });
}

test('190 marks the token invalid and pauses the cinema until the token is replaced', async () => {
  const from = await customerSays('token trouble');
  p.emulator.injectFault({ code: 190, times: 1, to: from });
  await p.drain();
  const cinema = await getCinema(p.deps.db, cinemaId);
  assert.equal(cinema?.tokenStatus, 'invalid');
  const from2 = await customerSays('while paused');
  await p.drain();
  p.clock.advance(5 * 60_000);
  await p.drain();
  assert.equal(sentTo(from).length + sentTo(from2).length, 0, 'nothing is sent while paused');
  assert.equal((await outboundFor('while paused')).status, 'queued');
  await replaceToken(p.deps.db, p.deps.config.secretKey, p.clock.now(), cinemaId, business(1).accessToken);
  p.clock.advance(2 * 60_000);
  await p.drain();
  assert.equal(sentTo(from).length, 1);
  assert.equal(sentTo(from2).length, 1);
});

test('131047 reported later in a status marks the message failed', async () => {
  const from = await customerSays('window later');
  await p.drain();
  const row = await outboundFor('window later');
  assert.equal(row.status, 'sent');
  const wamid = row.wamid!;
  const b = business(1);
  await p.emulator.deliverWebhook(`${p.url}/webhooks/whatsapp`, {
    object: 'whatsapp_business_account',
    entry: [{ id: b.wabaId, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '1', phone_number_id: phone }, statuses: [{ id: wamid, status: 'failed', timestamp: String(Math.floor(p.clock.now() / 1000)), recipient_id: from, errors: [{ code: 131047, title: 'Re-engagement message' }] }] } }] }],
  });
  const after = await outboundFor('window later');
  assert.equal(after.status, 'failed');
  assert.equal(after.error_code, 131047);
});

test('statuses from the emulator move a message to delivered and read, never back', async () => {
  const from = await customerSays('ticks');
  await p.drain();
  await p.emulator.flushStatuses();
  await p.emulator.flushStatuses();
  await p.emulator.flushStatuses();
  const row = await outboundFor('ticks');
  assert.ok(['delivered', 'read'].includes(row.status), `status is ${row.status}`);
  assert.equal(sentTo(from).length, 1);
});

test('a customer who floods gets one notice; the excess is recorded, not answered', async () => {
  const from = `919800009999`;
  for (let i = 0; i < 25; i++) await p.emulator.userSends({ phoneNumberId: phone, from, message: { type: 'text', text: { body: `flood ${i}` } } });
  await p.drain();
  const rows = await p.deps.db.selectFrom('inbound_messages').select('status').where('payload_json', 'like', '%flood %').execute();
  assert.equal(rows.filter((r) => r.status === 'done').length, 20);
  assert.equal(rows.filter((r) => r.status === 'flood').length, 5);
  assert.equal(sentTo(from).length, 20, 'the echo handler answers only the first 20 (the notice is the dialogue layer\'s)');
});

test("a customer's replies leave in order: a retried reply holds back the ones after it", async () => {
  const from = '919800007777';
  p.emulator.injectFault({ code: 130429, times: 1, to: from });
  for (const w of ['a', 'b', 'c']) await p.emulator.userSends({ phoneNumberId: phone, from, message: { type: 'text', text: { body: `order ${w}` } } });
  await p.drain();
  assert.equal(sentTo(from).length, 0, 'b and c wait for a');
  p.clock.advance(10 * 60_000);
  await p.drain();
  assert.deepEqual(sentTo(from).map((m) => (m.body.text as { body: string }).body), ['echo: order a', 'echo: order b', 'echo: order c']);
});

test('a staff notification outside the 24-hour window goes again as the approved template', async () => {
  const { updateCinemaSettings } = await import('../../src/tenants/cinemas.ts');
  const { queueOutbound } = await import('../../src/jobs/outbox.ts');
  const { encrypt } = await import('../../src/tenants/secrets.ts');
  await updateCinemaSettings(p.deps.db, p.clock.now(), cinemaId, { staffTemplate: { name: 'booking_update', languageCode: 'en' } });
  const staff = '919855500001';
  await queueOutbound(p.deps.db, p.clock.now(), [{ cinemaId, toEnc: encrypt(p.deps.config.secretKey, staff), kind: 'staff', message: { type: 'text', text: { body: 'New booking K7MX2Q\nRetro · 2 tickets' } } }]);
  await p.drain();
  // Meta accepts the send, then reports 131047 in a status: the staff member has not written in 24 h.
  await p.emulator.flushStatuses();
  await p.drain();
  const sent = sentTo(staff);
  assert.equal(sent.length, 2, 'the text, then the template');
  assert.equal(sent[1].body.type, 'template');
  const tpl = sent[1].body.template as { name: string; components: { parameters: { text: string }[] }[] };
  assert.equal(tpl.name, 'booking_update');
  assert.equal(tpl.components[0].parameters[0].text, 'New booking K7MX2Q · Retro · 2 tickets');
  const rows = await p.deps.db.selectFrom('outbound_messages').select(['kind', 'status', 'error_code']).where('to_enc', 'is not', null).execute();
  assert.deepEqual(rows.map((r) => [r.kind, r.status]), [['staff', 'failed'], ['staff_template', 'sent']]);
});

test("a rehearsal refused by the built-in emulator does not pause the cinema's real sends", async () => {
  const { createEmulator } = await import('../../src/sandbox/emulator/index.ts');
  const { GraphClient } = await import('../../src/whatsapp/graph-client.ts');
  const { Dispatcher } = await import('../../src/jobs/dispatcher.ts');
  const { lookupHash } = await import('../../src/tenants/secrets.ts');
  const stranger = createEmulator({ statuses: 'manual' });
  const base = await stranger.listen(0);
  try {
    const from = '919000012345';
    await p.emulator.userSends({ phoneNumberId: phone, from, message: { type: 'text', text: { body: 'rehearsal' } } });
    await p.deps.db.updateTable('customers').set({ is_test: 1 }).where('wa_id_hash', '=', lookupHash(p.deps.config.secretKey, from)).execute();
    // This process's emulator does not know the cinema: its token is "invalid" there.
    const d = new Dispatcher(p.deps, { sandboxGraph: new GraphClient({ baseUrl: base, version: 'v25.0' }) });
    const { processNextInbound } = await import('../../src/jobs/inbound-worker.ts');
    const { echoHandlers } = await import('../helpers/pipeline.ts');
    while (await processNextInbound(p.deps, echoHandlers));
    while ((await d.runOnce()) > 0);
    const row = await outboundFor('rehearsal');
    assert.equal(row.status, 'failed');
    assert.match(row.error ?? '', /^sandbox: /);
    assert.equal((await getCinema(p.deps.db, cinemaId))?.tokenStatus, 'valid', 'the real token is untouched');
    assert.equal(sentTo(from).length, 0, 'nothing went to the real API for a test customer');
  } finally {
    await stranger.close();
  }
});
