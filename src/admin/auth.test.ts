import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { addCinema, addUser, Browser, createAdminTestApp, signedIn, type AdminTestContext } from './test-app.ts';
import { MAX_FAILURES_PER_ACCOUNT, LOCK_WINDOW_MS } from './login-throttle.ts';

let ctx: AdminTestContext;
before(async () => {
  ctx = await createAdminTestApp();
});
after(() => ctx.close());

test('a manager signs in, lands on their cinema, and the session cookie is httpOnly and SameSite=Lax', async () => {
  const cinema = await addCinema(ctx);
  const user = await addUser(ctx, 'manager', cinema.id);
  const b = new Browser(ctx.app);
  const page = await b.get('/admin/login');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Sign in to Marquee/);
  const res = await b.post('/admin/login', { email: user.email.toUpperCase(), password: 'correct horse battery' });
  assert.equal(res.statusCode, 303);
  const set = String(res.headers['set-cookie']);
  assert.match(set, /marquee_session=[^;]+;.*HttpOnly/i);
  assert.match(set, /SameSite=Lax/i);
  assert.doesNotMatch(set, /Secure/);
  const home = await b.get('/admin');
  assert.equal(home.statusCode, 302);
  assert.equal(home.headers.location, `/admin/c/${cinema.id}`);
});

test('passwords are stored as argon2id hashes', async () => {
  const cinema = await addCinema(ctx);
  const user = await addUser(ctx, 'staff', cinema.id);
  const row = await ctx.deps.db.selectFrom('staff_users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
  assert.match(row.password_hash, /^\$argon2id\$/);
});

test('a wrong password is refused without saying which part was wrong', async () => {
  const cinema = await addCinema(ctx);
  const user = await addUser(ctx, 'manager', cinema.id);
  const b = new Browser(ctx.app);
  await b.get('/admin/login');
  const res = await b.post('/admin/login', { email: user.email, password: 'nope nope nope' });
  assert.equal(res.statusCode, 401);
  assert.match(res.body, /do not match an active account/);
  assert.equal(b.cookies.has('marquee_session'), false);
  const unknown = await b.post('/admin/login', { email: 'nobody@example.com', password: 'nope nope nope' });
  assert.equal(unknown.statusCode, 401);
  assert.match(unknown.body, /do not match an active account/);
});

test('a login without the CSRF token is rejected', async () => {
  const cinema = await addCinema(ctx);
  const user = await addUser(ctx, 'manager', cinema.id);
  const b = new Browser(ctx.app);
  await b.get('/admin/login');
  const res = await b.post('/admin/login', { email: user.email, password: 'correct horse battery' }, { csrf: false });
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /data-error-code="csrf_invalid"/);
  const forged = await b.post('/admin/login', { email: user.email, password: 'correct horse battery', _csrf: 'forged-token' });
  assert.equal(forged.statusCode, 403);
});

test('a signed-in form post without the CSRF token is rejected and changes nothing', async () => {
  const cinema = await addCinema(ctx);
  const user = await addUser(ctx, 'manager', cinema.id);
  const b = await signedIn(ctx, user);
  const res = await b.post('/admin/logout', {}, { csrf: false });
  assert.equal(res.statusCode, 403);
  const still = await b.get('/admin');
  assert.equal(still.statusCode, 302);
  assert.equal(still.headers.location, `/admin/c/${cinema.id}`);
});

test('an account locks after repeated failures, even for the right password, and unlocks after the window', async () => {
  const cinema = await addCinema(ctx);
  const user = await addUser(ctx, 'staff', cinema.id);
  const b = new Browser(ctx.app);
  await b.get('/admin/login');
  for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
    const r = await b.post('/admin/login', { email: user.email, password: `wrong-${i}-password` });
    assert.equal(r.statusCode, 401);
  }
  const locked = await b.post('/admin/login', { email: user.email, password: 'correct horse battery' });
  assert.equal(locked.statusCode, 429);
  assert.match(locked.body, /Too many failed sign-in attempts/);
  assert.ok(Number(locked.headers['retry-after']) > 0);
  ctx.clock.advance(LOCK_WINDOW_MS + 1);
  const ok = await b.post('/admin/login', { email: user.email, password: 'correct horse battery' });
  assert.equal(ok.statusCode, 303);
});

test('one address trying many accounts is locked out too', async () => {
  const b = new Browser(ctx.app);
  await b.get('/admin/login');
  const inject = (email: string, password: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/admin/login',
      remoteAddress: '203.0.113.9',
      headers: { cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email, password, _csrf: b.csrf }).toString(),
    });
  for (let i = 0; i < 20; i++) assert.equal((await inject(`guess${i}@example.com`, 'wrong password')).statusCode, 401);
  const cinema = await addCinema(ctx);
  const user = await addUser(ctx, 'manager', cinema.id);
  const res = await inject(user.email, 'correct horse battery');
  assert.equal(res.statusCode, 429);
  ctx.clock.advance(LOCK_WINDOW_MS + 1);
});

test('logout ends the session on the server, not only in the browser', async () => {
  const cinema = await addCinema(ctx);
  const user = await addUser(ctx, 'manager', cinema.id);
  const b = await signedIn(ctx, user);
  const cookie = b.cookies.get('marquee_session')!;
  await b.get(`/admin`);
  const out = await b.post('/admin/logout');
  assert.equal(out.statusCode, 303);
  assert.equal(out.headers.location, '/admin/login');
  const replay = await ctx.app.inject({ method: 'GET', url: '/admin', headers: { cookie: `marquee_session=${cookie}` } });
  assert.equal(replay.statusCode, 302);
  assert.match(String(replay.headers.location), /^\/admin\/login/);
});

test('pages redirect to the login and the API answers 401 when not signed in', async () => {
  const page = await ctx.app.inject({ method: 'GET', url: '/admin' });
  assert.equal(page.statusCode, 302);
  assert.equal(page.headers.location, '/admin/login?next=%2Fadmin');
});

test('the login refuses to redirect off the dashboard', async () => {
  const cinema = await addCinema(ctx);
  const user = await addUser(ctx, 'manager', cinema.id);
  const b = new Browser(ctx.app);
  await b.get('/admin/login');
  const res = await b.post('/admin/login', { email: user.email, password: 'correct horse battery', next: '//evil.example/admin' });
  assert.equal(res.headers.location, '/admin');
});

test('behind https the session and CSRF cookies are Secure', async () => {
  const secure = await createAdminTestApp({ publicUrl: 'https://tickets.example.com' });
  try {
    const cinema = await addCinema(secure);
    const user = await addUser(secure, 'manager', cinema.id);
    const b = new Browser(secure.app);
    const page = await b.get('/admin/login');
    assert.match(String(page.headers['set-cookie']), /marquee_csrf=.*Secure/i);
    const res = await b.post('/admin/login', { email: user.email, password: 'correct horse battery' });
    assert.match(String(res.headers['set-cookie']), /marquee_session=[^;]+;.*Secure/i);
  } finally {
    await secure.close();
  }
});
