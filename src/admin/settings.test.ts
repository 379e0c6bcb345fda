import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { getCinema } from '../tenants/cinemas.ts';
import { addCinema, addUser, Browser, createAdminTestApp, signedIn, type AdminTestContext } from './test-app.ts';

let ctx: AdminTestContext;
before(async () => {
  ctx = await createAdminTestApp();
});
after(() => ctx.close());

const valid = {
  name: 'Regal Talkies',
  color: '#1d4ed8',
  languages: ['en', 'ta'],
  welcome_en: 'Welcome to Regal!',
  welcome_hi: '',
  welcome_ta: 'வணக்கம்!',
  staffNumbers: '+91 98765 43210\n919812345678',
  staffTemplateName: 'staff_notice',
  staffTemplateLanguage: 'en',
  holdMinutes: '8',
  sessionTimeoutMinutes: '45',
  cancelCutoffMinutes: '60',
  maxTicketsPerBooking: '6',
  handoffTimeoutMinutes: '90',
  dailyExportAt: '23:30',
  supportPhone: '',
};

test('a manager saves settings, validated with the cinema settings schema', async () => {
  const cinema = await addCinema(ctx);
  const manager = await addUser(ctx, 'manager', cinema.id);
  const b = await signedIn(ctx, manager);
  const page = await b.get(`/admin/c/${cinema.id}/settings`);
  assert.equal(page.statusCode, 200);
  const res = await b.post(`/admin/c/${cinema.id}/settings`, valid);
  assert.equal(res.statusCode, 303);
  const c = (await getCinema(ctx.deps.db, cinema.id))!;
  assert.equal(c.name, 'Regal Talkies');
  assert.deepEqual(c.settings.languages, ['en', 'ta']);
  assert.equal(c.settings.welcomeText.ta, 'வணக்கம்!');
  assert.equal(c.settings.welcomeText.hi, undefined);
  assert.deepEqual(c.settings.staffNumbers, ['+919876543210', '919812345678']);
  assert.deepEqual(c.settings.staffTemplate, { name: 'staff_notice', languageCode: 'en' });
  assert.equal(c.settings.holdMinutes, 8);
  assert.equal(c.settings.maxTicketsPerBooking, 6);
  assert.equal(c.settings.dailyExportAt, '23:30');
  assert.equal(c.settings.branding.color, '#1d4ed8');
  const again = await b.get(`/admin/c/${cinema.id}/settings`);
  assert.match(again.body, /Settings saved/);
  assert.match(again.body, /--brand:#1d4ed8/);
});

test('invalid settings are refused with the problems listed and nothing saved', async () => {
  const cinema = await addCinema(ctx);
  const manager = await addUser(ctx, 'manager', cinema.id);
  const b = await signedIn(ctx, manager);
  await b.get(`/admin/c/${cinema.id}/settings`);
  const res = await b.post(`/admin/c/${cinema.id}/settings`, { ...valid, holdMinutes: '1', languages: [], staffNumbers: 'call me' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /The settings were not saved/);
  assert.match(res.body, /Hold time/);
  assert.match(res.body, /Languages offered/);
  assert.match(res.body, /Staff notification numbers/);
  const c = (await getCinema(ctx.deps.db, cinema.id))!;
  assert.equal(c.settings.holdMinutes, 10);
});

test('a logo upload is checked by its bytes and served from /media', async () => {
  const cinema = await addCinema(ctx);
  const manager = await addUser(ctx, 'manager', cinema.id);
  const b = await signedIn(ctx, manager);
  await b.get(`/admin/c/${cinema.id}/settings`);
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1d1d6a90000000049454e44ae426082', 'hex');
  const res = await b.postMultipart(`/admin/c/${cinema.id}/settings/logo`, {}, { field: 'logo', filename: 'logo.png', type: 'image/png', data: png });
  assert.equal(res.statusCode, 303, res.body);
  const url = (await getCinema(ctx.deps.db, cinema.id))!.settings.branding.logoUrl!;
  assert.match(url, /^\/media\/.+\.png$/);
  const img = await ctx.app.inject({ method: 'GET', url });
  assert.equal(img.statusCode, 200);
  assert.equal(img.headers['content-type'], 'image/png');
  assert.deepEqual(img.rawPayload, png);

  await b.get(`/admin/c/${cinema.id}/settings`);
  const fake = await b.postMultipart(`/admin/c/${cinema.id}/settings/logo`, {}, { field: 'logo', filename: 'x.png', type: 'image/png', data: Buffer.from('<svg onload=alert(1)>') });
  assert.equal(fake.statusCode, 400);
  const noCsrf = await ctx.app.inject({ method: 'POST', url: `/admin/c/${cinema.id}/settings/logo`, headers: { cookie: `marquee_session=${b.cookies.get('marquee_session')}` } });
  assert.equal(noCsrf.statusCode, 403);
});

test('API tokens: created by a manager, shown once, stored hashed, scoped to the cinema, revocable', async () => {
  const cinema = await addCinema(ctx);
  const other = await addCinema(ctx, 'Other');
  const manager = await addUser(ctx, 'manager', cinema.id);
  const b = await signedIn(ctx, manager);
  await b.get(`/admin/c/${cinema.id}/settings/api-tokens`);
  const res = await b.post(`/admin/c/${cinema.id}/settings/api-tokens`, { name: 'Kiosk' });
  assert.equal(res.statusCode, 200);
  const token = /data-new-token>([^<]+)</.exec(res.body)![1]!;
  assert.match(token, /^mq_/);
  const rows = await ctx.deps.db.selectFrom('api_tokens').selectAll().where('cinema_id', '=', cinema.id).execute();
  assert.equal(rows.length, 1);
  assert.notEqual(rows[0]!.token_hash, token);
  assert.doesNotMatch((await b.get(`/admin/c/${cinema.id}/settings/api-tokens`)).body, new RegExp(token));

  const auth = { authorization: `Bearer ${token}` };
  assert.equal((await ctx.app.inject({ method: 'GET', url: `/admin/c/${cinema.id}/settings`, headers: auth })).statusCode, 200);
  assert.equal((await ctx.app.inject({ method: 'GET', url: `/admin/c/${other.id}/settings`, headers: auth })).statusCode, 404);

  await b.get(`/admin/c/${cinema.id}/settings/api-tokens`);
  const revoke = await b.post(`/admin/c/${cinema.id}/settings/api-tokens/${rows[0]!.id}/revoke`);
  assert.equal(revoke.statusCode, 303);
  assert.equal((await ctx.app.inject({ method: 'GET', url: `/admin/c/${cinema.id}/settings`, headers: auth })).statusCode, 302);
});

test('a manager adds a staff member who can sign in, and disabling them ends their session', async () => {
  const cinema = await addCinema(ctx);
  const manager = await addUser(ctx, 'manager', cinema.id);
  const b = await signedIn(ctx, manager);
  await b.get(`/admin/c/${cinema.id}/settings/team`);
  const res = await b.post(`/admin/c/${cinema.id}/settings/team`, { email: 'Usher@Example.com', name: 'Usher', role: 'staff', password: 'a long first password' });
  assert.equal(res.statusCode, 303);
  const row = await ctx.deps.db.selectFrom('staff_users').selectAll().where('email', '=', 'usher@example.com').executeTakeFirstOrThrow();
  assert.equal(row.role, 'staff');
  assert.equal(row.cinema_id, cinema.id);
  const usher = new Browser(ctx.app);
  assert.equal((await usher.login('usher@example.com', 'a long first password')).statusCode, 303);
  assert.equal((await usher.get(`/admin/c/${cinema.id}/bookings`)).statusCode, 200);
  await b.get(`/admin/c/${cinema.id}/settings/team`);
  assert.equal((await b.post(`/admin/c/${cinema.id}/settings/team/${row.id}/disable`)).statusCode, 303);
  assert.equal((await usher.get(`/admin/c/${cinema.id}/bookings`)).statusCode, 302);
  assert.equal((await usher.login('usher@example.com', 'a long first password')).statusCode, 401);
  const dup = await b.post(`/admin/c/${cinema.id}/settings/team`, { email: 'usher@example.com', role: 'staff', password: 'another long password' });
  assert.equal(dup.statusCode, 409);
});
