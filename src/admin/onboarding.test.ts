import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createEmulator, type Emulator } from '../sandbox/emulator/index.ts';
import { GraphClient } from '../whatsapp/graph-client.ts';
import { decrypt } from '../tenants/secrets.ts';
import { getCinema, markTokenInvalid } from '../tenants/cinemas.ts';
import { addUser, createAdminTestApp, signedIn, type AdminTestContext } from './test-app.ts';

let ctx: AdminTestContext;
let emulator: Emulator;
const TOKEN = 'EAAG-onboarding-test-token';
const business = {
  accessToken: TOKEN,
  wabaId: '300000000000001',
  wabaName: 'Sri Lakshmi Theatres',
  timezone: 'Asia/Kolkata',
  phoneNumbers: [
    { id: '300000000000011', displayPhoneNumber: '+91 90000 11111', verifiedName: 'Lakshmi Cinemas' },
    { id: '300000000000012', displayPhoneNumber: '+91 90000 22222', verifiedName: 'Lakshmi Cinemas Annex' },
  ],
};

before(async () => {
  emulator = createEmulator({ statuses: 'manual' });
  emulator.addBusiness(business);
  const base = await emulator.listen(0);
  ctx = await createAdminTestApp({ graph: new GraphClient({ baseUrl: base, version: 'v25.0' }) });
});
after(async () => {
  await ctx.close();
  await emulator.close();
});

test('an operator onboards a cinema by token: discover, pick a number, stored with the token sealed, then a test message', async () => {
  const op = await addUser(ctx, 'operator', null);
  const b = await signedIn(ctx, op);
  const start = await b.get('/admin/cinemas/new');
  assert.equal(start.statusCode, 200);
  const found = await b.post('/admin/cinemas/discover', { accessToken: TOKEN });
  assert.equal(found.statusCode, 200);
  assert.match(found.body, /\+91 90000 11111/);
  assert.match(found.body, /\+91 90000 22222/);
  const done = await b.post('/admin/cinemas', { accessToken: TOKEN, phoneNumberId: '300000000000012', name: 'Lakshmi Annex', timezone: 'Asia/Kolkata', language: 'ta' });
  assert.equal(done.statusCode, 303, done.body);
  const cinemaId = /\/admin\/c\/([^/]+)\/onboarding/.exec(String(done.headers.location))![1]!;
  const cinema = await getCinema(ctx.deps.db, cinemaId);
  assert.equal(cinema?.name, 'Lakshmi Annex');
  assert.equal(cinema?.phoneNumberId, '300000000000012');
  assert.equal(cinema?.defaultLanguage, 'ta');
  const row = await ctx.deps.db.selectFrom('cinemas').select('access_token_enc').where('id', '=', cinemaId).executeTakeFirstOrThrow();
  assert.notEqual(row.access_token_enc, TOKEN);
  assert.equal(decrypt(ctx.deps.config.secretKey, row.access_token_enc), TOKEN);

  const page = await b.get(String(done.headers.location));
  assert.match(page.body, /Send a test message/);
  const wakes = ctx.wakes.count;
  const sent = await b.post(`/admin/c/${cinemaId}/onboarding/test-message`, { to: '+91 98765 00099' });
  assert.equal(sent.statusCode, 303);
  assert.equal(ctx.wakes.count, wakes + 1);
  const out = await ctx.deps.db.selectFrom('outbound_messages').selectAll().where('cinema_id', '=', cinemaId).executeTakeFirstOrThrow();
  assert.equal(out.kind, 'test');
  assert.equal(out.customer_id, null);
  assert.equal(decrypt(ctx.deps.config.secretKey, out.to_enc!), '919876500099');
  assert.deepEqual(JSON.parse(out.payload_json), { type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } });
  const after = await b.get(`/admin/c/${cinemaId}/onboarding`);
  assert.match(after.body, /data-test-status="queued"/);
});

test('an invalid token shows a clear error and stores nothing', async () => {
  const op = await addUser(ctx, 'operator', null);
  const b = await signedIn(ctx, op);
  const before = await ctx.deps.db.selectFrom('cinemas').select('id').execute();
  await b.get('/admin/cinemas/new');
  const res = await b.post('/admin/cinemas/discover', { accessToken: 'EAAG-not-a-real-token' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /invalid or has expired/);
  const direct = await b.post('/admin/cinemas', { accessToken: 'EAAG-not-a-real-token', phoneNumberId: '300000000000011', timezone: 'Asia/Kolkata', language: 'en' });
  assert.equal(direct.statusCode, 400);
  const afterRows = await ctx.deps.db.selectFrom('cinemas').select('id').execute();
  assert.equal(afterRows.length, before.length);
});

test('a cinema with an invalid token shows a banner, and a manager replaces the token', async () => {
  const op = await addUser(ctx, 'operator', null);
  const ob = await signedIn(ctx, op);
  await ob.get('/admin/cinemas/new');
  const done = await ob.post('/admin/cinemas', { accessToken: TOKEN, phoneNumberId: '300000000000011', timezone: 'Asia/Kolkata', language: 'en' });
  const cinemaId = /\/admin\/c\/([^/]+)\/onboarding/.exec(String(done.headers.location))![1]!;
  await markTokenInvalid(ctx.deps.db, ctx.clock.now(), cinemaId, 'Graph error 190: token expired');
  const list = await ob.get('/admin/cinemas');
  assert.match(list.body, /an invalid access token/);

  const manager = await addUser(ctx, 'manager', cinemaId);
  const b = await signedIn(ctx, manager);
  const home = await b.get(`/admin/c/${cinemaId}`);
  assert.match(home.body, /WhatsApp is paused for this cinema/);
  assert.match(home.body, /<form method="post" action="\/admin\/c\/[^"]+\/settings\/token"/);
  const settings = await b.get(`/admin/c/${cinemaId}/settings`);
  assert.match(settings.body, /Graph error 190: token expired/);

  const bad = await b.post(`/admin/c/${cinemaId}/settings/token`, { accessToken: 'EAAG-wrong' });
  assert.equal(bad.statusCode, 303);
  assert.equal((await getCinema(ctx.deps.db, cinemaId))?.tokenStatus, 'invalid');
  assert.match((await b.get(`/admin/c/${cinemaId}/settings`)).body, /The token was not accepted/);

  const fresh = 'EAAG-rotated-token';
  emulator.addBusiness({ ...business, accessToken: fresh });
  const ok = await b.post(`/admin/c/${cinemaId}/settings/token`, { accessToken: fresh });
  assert.equal(ok.statusCode, 303);
  const cinema = await getCinema(ctx.deps.db, cinemaId);
  assert.equal(cinema?.tokenStatus, 'valid');
  const row = await ctx.deps.db.selectFrom('cinemas').select('access_token_enc').where('id', '=', cinemaId).executeTakeFirstOrThrow();
  assert.equal(decrypt(ctx.deps.config.secretKey, row.access_token_enc), fresh);
  assert.doesNotMatch((await b.get(`/admin/c/${cinemaId}`)).body, /WhatsApp is paused/);
});
