import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createPipeline, business, APP_SECRET, type Pipeline } from '../helpers/pipeline.ts';
import { onboardCinema } from '../../src/tenants/onboard.ts';
import { listCinemas, getAccessToken } from '../../src/tenants/cinemas.ts';

let p: Pipeline;
before(async () => {
  p = await createPipeline();
});
after(() => p.close());

const cinemas = async () => (await listCinemas(p.deps.db)).length;

test('onboarding with only a token stores a working cinema, token sealed', async () => {
  const b = business(3);
  p.emulator.addBusiness({ ...b, webhookUrl: `${p.url}/webhooks/whatsapp`, appSecret: APP_SECRET });
  const r = await onboardCinema(p.deps, { accessToken: b.accessToken });
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.cinema.phoneNumberId, b.phoneNumbers[0].id);
  assert.equal(r.cinema.wabaId, b.wabaId);
  assert.equal(r.cinema.name, 'Cinema 3');
  const row = await p.deps.db.selectFrom('cinemas').select('access_token_enc').where('id', '=', r.cinema.id).executeTakeFirstOrThrow();
  assert.ok(!row.access_token_enc.includes(b.accessToken), 'the token is encrypted at rest');
  assert.equal(await getAccessToken(p.deps.db, p.deps.config.secretKey, r.cinema.id), b.accessToken);
  // It works: a customer's message is answered through the cinema's own token and number.
  await p.emulator.userSends({ phoneNumberId: b.phoneNumbers[0].id, from: '919811111111', message: { type: 'text', text: { body: 'hello' } } });
  await p.drain();
  assert.equal(p.emulator.sent({ to: '919811111111' }).length, 1);
  const again = await onboardCinema(p.deps, { accessToken: b.accessToken });
  assert.equal(again.ok ? 'ok' : again.code, 'already_onboarded');
});

test('an invalid token stores nothing and says so', async () => {
  const before = await cinemas();
  const r = await onboardCinema(p.deps, { accessToken: 'EAAnot-a-real-token' });
  assert.equal(r.ok ? 'ok' : r.code, 'token_invalid');
  const b = { ...business(4), tokenValid: false };
  p.emulator.addBusiness(b);
  const r2 = await onboardCinema(p.deps, { accessToken: b.accessToken });
  assert.equal(r2.ok ? 'ok' : r2.code, 'token_invalid');
  assert.equal(await cinemas(), before);
});

test('missing scopes store nothing and name the missing permission', async () => {
  const before = await cinemas();
  const b = { ...business(5), scopes: ['whatsapp_business_management'] };
  p.emulator.addBusiness(b);
  const r = await onboardCinema(p.deps, { accessToken: b.accessToken });
  assert.ok(!r.ok);
  assert.equal(r.code, 'missing_scopes');
  assert.match(r.message, /whatsapp_business_messaging/);
  assert.equal(await cinemas(), before);
});

test('a WABA without a phone number stores nothing', async () => {
  const before = await cinemas();
  const b = { ...business(6), phoneNumbers: [] };
  p.emulator.addBusiness(b);
  const r = await onboardCinema(p.deps, { accessToken: b.accessToken });
  assert.equal(r.ok ? 'ok' : r.code, 'no_phone_numbers');
  assert.equal(await cinemas(), before);
});

test('a token reaching several numbers needs the number chosen', async () => {
  const b = { ...business(7), phoneNumbers: [...business(7).phoneNumbers, { id: '300000000000007', displayPhoneNumber: '+91 98000 77777', verifiedName: 'Cinema 7 B' }] };
  p.emulator.addBusiness(b);
  const r = await onboardCinema(p.deps, { accessToken: b.accessToken });
  assert.equal(r.ok ? 'ok' : r.code, 'phone_number_not_found');
  const r2 = await onboardCinema(p.deps, { accessToken: b.accessToken, phoneNumberId: '300000000000007' });
  assert.ok(r2.ok);
  assert.equal(r2.cinema.displayPhoneNumber, '+91 98000 77777');
});
