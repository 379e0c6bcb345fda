import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createPipeline, business, APP_SECRET } from '../helpers/pipeline.ts';
import { createLogger } from '../../src/log.ts';

test('a cinema with its own Meta app: webhooks signed with its secret are accepted, others refused', async () => {
  const p = await createPipeline();
  try {
    await p.onboard(1, 'cinema-own-app-secret');
    const phone = business(1).phoneNumbers[0].id;
    const r = await p.emulator.userSends({ phoneNumberId: phone, from: '919822200001', message: { type: 'text', text: { body: 'own app' } } });
    assert.equal(r.status, 200, 'signed with the cinema app secret');
    const body = { object: 'whatsapp_business_account', entry: [{ id: business(1).wabaId, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '1', phone_number_id: phone }, contacts: [{ profile: { name: 'x' }, wa_id: '919822200002' }], messages: [{ from: '919822200002', id: 'wamid.forged', timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: 'forged' } }] } }] }] };
    assert.equal(await p.emulator.deliverWebhook(`${p.url}/webhooks/whatsapp`, body, { appSecret: 'not-anyones' }), 401);
    assert.equal(await p.emulator.deliverWebhook(`${p.url}/webhooks/whatsapp`, body, { appSecret: APP_SECRET }), 200, 'the platform app secret still works');
    const row = await p.deps.db.selectFrom('cinemas').select('app_secret_enc').executeTakeFirstOrThrow();
    assert.ok(row.app_secret_enc && !row.app_secret_enc.includes('cinema-own-app-secret'), 'the app secret is encrypted at rest');
  } finally {
    await p.close();
  }
});

test('logs never carry access tokens, app secrets or phone numbers', async () => {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  const p = await createPipeline({ log: createLogger('trace', sink) });
  try {
    await p.onboard(2);
    const phone = business(2).phoneNumbers[0].id;
    const from = '919833344455';
    p.emulator.injectFault({ code: 190, times: 1, to: from });
    await p.emulator.userSends({ phoneNumberId: phone, from, message: { type: 'text', text: { body: 'hello' } } });
    await p.drain();
    p.emulator.injectFault({ code: 131026, times: 1, to: from, delivery: 'immediate' });
    await p.emulator.userSends({ phoneNumberId: phone, from, message: { type: 'text', text: { body: 'again' } } });
    await p.drain();
    await p.emulator.deliverWebhook(`${p.url}/webhooks/whatsapp`, { object: 'whatsapp_business_account', entry: [] }, { appSecret: 'wrong' });
    const log = lines.join('');
    assert.ok(lines.length > 0, 'something was logged');
    for (const secret of [from, from.slice(2), business(2).accessToken, APP_SECRET]) assert.ok(!log.includes(secret), `the log does not contain ${secret.slice(0, 4)}…`);
  } finally {
    await p.close();
  }
});
