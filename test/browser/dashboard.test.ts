import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import { startServer, type RunningServer } from '../../src/serve.ts';
import { DEMO_LOGIN } from '../../src/sandbox/demo-bootstrap.ts';
import { resolveCustomer } from '../../src/tenants/customers.ts';
import { addDays, confirmBooking, holdBestAvailable, listShows, toLocal } from '../../src/cinema/index.ts';
import { getCinemaByPhoneNumberId } from '../../src/tenants/cinemas.ts';

/**
 * The dashboard in a real browser against the whole application (demo mode: the built-in emulator,
 * the demo cinema and its catalogue, the workers). Screenshots of each main page are saved under
 * test-artifacts/screenshots for review.
 */
const SHOTS = path.resolve('test-artifacts/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const NEW_BUSINESS = {
  accessToken: 'EAAG-browser-onboarding-token',
  wabaId: '400000000000001',
  wabaName: 'Sri Murugan Talkies',
  timezone: 'Asia/Kolkata',
  phoneNumbers: [{ id: '400000000000011', displayPhoneNumber: '+91 94440 12345', verifiedName: 'Murugan Talkies' }],
};

let server: RunningServer;
let browser: Browser;
let page: Page;
let demoCinemaId: string;
let dataDir: string;

async function shot(name: string, p: Page = page) {
  await p.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function seedActivity() {
  const { deps } = server;
  const now = deps.clock.now();
  const cinemaId = demoCinemaId;
  const people = [
    { phone: '919840011111', name: 'Priya Raman', language: 'ta' },
    { phone: '919840022222', name: 'Arjun Mehta', language: 'hi' },
    { phone: '919840033333', name: 'Kavya Iyer', language: 'en' },
  ];
  const ids: string[] = [];
  for (const p of people) {
    const id = await resolveCustomer(deps.db, deps.config.secretKey, now, { cinemaId, waId: p.phone, name: p.name });
    await deps.db.updateTable('customers').set({ language: p.language, last_inbound_at: now - 20 * 60_000 }).where('id', '=', id).execute();
    ids.push(id);
  }
  const texts = ['Hi, can I bring my grandmother in a wheelchair?', 'Is there parking near the Velachery screen?'];
  for (const [i, body] of texts.entries()) {
    await deps.db
      .insertInto('inbound_messages')
      .values({ cinema_id: cinemaId, customer_id: ids[0]!, wamid: `wamid.browser.${i}`, type: 'text', payload_json: JSON.stringify({ type: 'text', text: { body } }), sent_at: now - (30 - i) * 60_000, received_at: now - (30 - i) * 60_000, status: 'done', attempts: 1, processed_at: now, error: null })
      .execute();
  }
  await deps.db
    .insertInto('outbound_messages')
    .values({ cinema_id: cinemaId, customer_id: ids[0]!, to_enc: null, inbound_id: null, kind: 'reply', payload_json: JSON.stringify({ type: 'text', text: { body: 'I am connecting you with our staff. Someone will reply shortly.' } }), status: 'read', wamid: 'wamid.out.browser.1', attempts: 1, next_attempt_at: now, claimed_at: null, error_code: null, error: null, dedupe_key: null, created_at: now - 29 * 60_000, updated_at: now })
    .execute();
  await deps.db
    .insertInto('outbound_messages')
    .values({ cinema_id: cinemaId, customer_id: ids[0]!, to_enc: null, inbound_id: null, kind: 'ticket', payload_json: JSON.stringify({ type: 'image', image: { link: 'https://example.invalid/t.png', caption: 'Your ticket' } }), status: 'failed', wamid: 'wamid.out.browser.2', attempts: 3, next_attempt_at: now, claimed_at: null, error_code: 131026, error: 'Message undeliverable', dedupe_key: null, created_at: now - 28 * 60_000, updated_at: now })
    .execute();
  await deps.db
    .insertInto('conversation_sessions')
    .values({ customer_id: ids[0]!, cinema_id: cinemaId, state_json: JSON.stringify({ v: 1, mode: 'handoff', step: 'handoff' }), version: 1, updated_at: now - 28 * 60_000 })
    .onConflict((oc) => oc.column('customer_id').doUpdateSet({ state_json: JSON.stringify({ v: 1, mode: 'handoff', step: 'handoff' }) }))
    .execute();

  const upcoming = (await listShows(deps.db, { cinemaId, now, from: now, status: 'scheduled' })).filter((s) => s.bookable && s.seating === 'assigned' && !s.eventId);
  assert.ok(upcoming.length >= 2, 'the demo catalogue has bookable shows');
  const refs: string[] = [];
  for (const [i, customerId] of ids.entries()) {
    const show = upcoming[i % upcoming.length]!;
    const held = await holdBestAvailable({ db: deps.db, clock: deps.clock }, { cinemaId, showId: show.id, customerId, holdMinutes: 10, quantity: i + 2 });
    const b = await confirmBooking({ db: deps.db, clock: deps.clock }, { cinemaId, bookingId: held.id });
    refs.push(b.ref);
  }
  return { refs, handoffCustomer: ids[0]! };
}

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-browser-'));
  server = await startServer(loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', MARQUEE_DEMO: '1' }));
  demoCinemaId = (await server.deps.db.selectFrom('cinemas').select('id').where('is_demo', '=', 1).executeTakeFirstOrThrow()).id;
  server.emulator.addBusiness({ ...NEW_BUSINESS, webhookUrl: `${server.url}/webhooks/whatsapp`, appSecret: server.deps.config.appSecret });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1366, height: 900 }, baseURL: server.url, acceptDownloads: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('an operator signs in', async () => {
  await page.goto('/admin');
  await page.waitForURL(/\/admin\/login/);
  await shot('01-login');
  await page.fill('#email', DEMO_LOGIN.email);
  await page.fill('#password', DEMO_LOGIN.password);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/admin\/cinemas$/);
  assert.match(await page.textContent('h1') ?? '', /Cinemas/);
  await shot('02-cinemas');
});

test('the operator onboards a cinema by its access token and sends a test message', async () => {
  await page.click('text=Onboard a cinema');
  await page.fill('#accessToken', 'EAAG-wrong-token');
  await page.click('text=Find numbers');
  assert.match((await page.textContent('.flash-error')) ?? '', /invalid|expired/i);
  await page.fill('#accessToken', NEW_BUSINESS.accessToken);
  await page.click('text=Find numbers');
  await page.waitForSelector('text=+91 94440 12345');
  await shot('03-onboarding-number');
  await page.fill('#name', 'Murugan Talkies');
  await page.click('text=Connect this number');
  await page.waitForURL(/\/onboarding$/);
  const cinema = await getCinemaByPhoneNumberId(server.deps.db, '400000000000011');
  assert.equal(cinema?.name, 'Murugan Talkies');
  await page.fill('#to', '+91 98765 00042');
  await page.click('text=Send test message');
  await page.waitForSelector('.flash-ok');
  // The dispatcher sends through the emulator; its status webhooks mark the message delivered.
  await page.waitForSelector('[data-test-status="delivered"], [data-test-status="read"]', { timeout: 30_000 }).catch(async (e) => {
    const rows = await server.deps.db.selectFrom('outbound_messages').select(['status', 'error', 'error_code', 'attempts', 'wamid']).where('kind', '=', 'test').execute();
    throw new Error(`${(e as Error).message}\noutbound: ${JSON.stringify(rows)}\nemulator: ${JSON.stringify(server.emulator.sent({ phoneNumberId: '400000000000011' }).map((m) => m.status))}`);
  });
  const sent = server.emulator.sent({ phoneNumberId: '400000000000011' });
  assert.equal(sent.length, 1);
  assert.equal(sent[0]!.to, '919876500042');
  await shot('04-onboarding-live');
});

test('a manager-level user creates shows in bulk and edits a seat layout', async () => {
  const base = `/admin/c/${demoCinemaId}`;
  await page.goto(`${base}/catalogue/shows/new`);
  const target = addDays(toLocal(server.deps.clock.now(), 'Asia/Kolkata').date, 40);
  await page.check('input[name=screenIds] >> nth=0');
  await page.fill('#from', target);
  await page.fill('#to', target);
  await page.fill('#times', '11:15');
  await shot('05-add-shows');
  await page.click('text=Create shows');
  await page.waitForSelector('.flash-ok');
  assert.match((await page.textContent('.flash-ok')) ?? '', /1 show created/);
  await page.goto(`${base}/catalogue/shows`);
  await shot('06-shows');
  await page.goto(`${base}/catalogue/screens`);
  await page.click('table a >> nth=0');
  await page.waitForSelector('.seat-row');
  await page.check('input[name=tool][value=blocked]');
  await page.click('.seat-row >> nth=0 >> .cell.seat >> nth=0');
  assert.equal(await page.locator('.seat-row >> nth=0 >> .cell.blocked').count(), 1);
  await shot('07-seat-editor');
});

test('staff check a booking in by reference, and a second use is warned', async () => {
  const { refs } = await seedActivity();
  const base = `/admin/c/${demoCinemaId}`;
  await page.goto(`${base}/checkin`);
  await page.fill('#ref', refs[1]!.toLowerCase());
  await page.click('#checkin-form button[type=submit]');
  await page.waitForSelector('[data-result="admitted"]');
  await shot('08-checkin-admitted');
  await page.fill('#ref', refs[1]!);
  await page.click('#checkin-form button[type=submit]');
  await page.waitForSelector('[data-result="already_used"]');
  assert.match((await page.textContent('[data-result]')) ?? '', /Already used/);
  await shot('09-checkin-second-use');
  await page.goto(`${base}/bookings`);
  await shot('10-bookings');
  await page.click(`text=${refs[0]}`);
  await page.waitForSelector('text=Cancel booking');
  await shot('11-booking-detail');
});

test('conversations: the hand-off inbox and a transcript with a failed delivery', async () => {
  const base = `/admin/c/${demoCinemaId}`;
  await page.goto(`${base}/conversations`);
  await page.waitForSelector('text=Priya Raman');
  await shot('12-conversations');
  await page.click('.inbox a >> nth=0');
  await page.waitForSelector('.bubble.failed');
  await page.fill('#reply-text', 'Yes, we have wheelchair spaces in row B. Shall I reserve one?');
  await page.click('text=Send reply');
  await page.waitForSelector('.flash-ok');
  await shot('13-transcript');
});

test('overview, settings and analytics render for the cinema', async () => {
  const base = `/admin/c/${demoCinemaId}`;
  await page.goto(base);
  await shot('14-overview');
  await page.goto(`${base}/settings`);
  await shot('15-settings');
  await page.goto(`${base}/analytics`);
  await shot('16-analytics');
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, baseURL: server.url });
  await phone.context().addCookies(await page.context().cookies());
  await phone.goto(`${base}/checkin`);
  await shot('17-checkin-mobile', phone);
  await phone.close();
});

test('the bookings export downloads from the exports page', async () => {
  const base = `/admin/c/${demoCinemaId}`;
  await page.goto(`${base}/exports`);
  await shot('18-exports');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`a[href="${base}/exports/bookings.csv"]`)]);
  assert.match(download.suggestedFilename(), /bookings.*\.csv$/);
  const file = await download.path();
  const csv = fs.readFileSync(file!, 'utf8');
  assert.ok(csv.split('\n').length >= 4, 'header and the seeded bookings');
});
