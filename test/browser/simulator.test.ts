// The chat simulator in Chromium against the real server in demo mode: bookings made by clicking
// only and by typing only, at a phone's width and a desktop's, by keyboard alone, with attachments;
// then the bookings as the dashboard shows them. Screenshots go to test-artifacts/screenshots/.
import assert from 'node:assert/strict';
import { after, before, test, type TestContext } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../../src/admin/passwords.ts';
import { insertUser } from '../../src/admin/users-repo.ts';
import { seedDemoCatalogue } from '../../src/cinema/index.ts';
import { DEMO_LOGIN } from '../../src/sandbox/demo-bootstrap.ts';
import { insertCinema } from '../../src/tenants/cinemas.ts';
import { keepScreenshot, launchChromium, startDemoServer, until, type DemoServer } from './helpers.ts';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

let demo: DemoServer | undefined;
let browser: Browser | undefined;
let noBrowser: string | undefined;
const contexts: BrowserContext[] = [];
const bookings: { ref: string; how: string }[] = [];

before(async () => {
  const launched = await launchChromium();
  if ('reason' in launched) {
    noBrowser = launched.reason;
    return;
  }
  browser = launched.browser;
  demo = await startDemoServer();
});

after(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await demo?.close();
});

/** Skips when Chromium cannot run here; otherwise the browser and the server. */
function setup(t: TestContext): { browser: Browser; demo: DemoServer } | undefined {
  if (noBrowser || !browser || !demo) {
    t.skip(noBrowser ?? 'the browser did not start');
    return undefined;
  }
  return { browser, demo };
}

/** A fresh browser profile (its own saved customers) on the simulator page. */
async function openSimulator(b: Browser, d: DemoServer, viewport: { width: number; height: number }, query = ''): Promise<Page> {
  const context = await b.newContext({ viewport, reducedMotion: 'reduce' });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${d.url}/sandbox${query}`);
  await page.locator('#customer-tabs [role=tab][aria-selected=true]').waitFor();
  await page.locator('#chat-status[data-connection=open]').waitFor();
  assert.deepEqual(errors, [], 'the page runs without script errors');
  return page;
}

const customerMessages = (page: Page) => page.locator('li.message.outgoing[data-id^="wamid."]').count();

async function pendingWork(d: DemoServer): Promise<number> {
  const db = d.db.db;
  const inbound = await db.selectFrom('inbound_messages').select((e) => e.fn.countAll<number>().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow();
  const outbound = await db.selectFrom('outbound_messages').select((e) => e.fn.countAll<number>().as('n')).where('status', 'in', ['queued', 'sending']).executeTakeFirstOrThrow();
  return Number(inbound.n) + Number(outbound.n);
}

/**
 * Waits for one turn: the customer's newest message reached Marquee (it has a wamid), Marquee
 * processed it and sent every reply, and the page shows all of them.
 */
async function waitForTurn(page: Page, d: DemoServer, phone: string, customerMessagesBefore: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('li.message.outgoing[data-id^="wamid."]').length > n, customerMessagesBefore);
  await until('Marquee to finish the turn', async () => (await pendingWork(d)) === 0);
  const replies = d.server.emulator.sent({ to: phone }).filter((m) => m.body.type !== 'reaction').length;
  await page.waitForFunction((n) => document.querySelectorAll('li.message.incoming').length >= n, replies);
}

interface Options {
  messageId: string;
  kind: 'buttons' | 'list';
  ids: string[];
}

/** The choices of the newest message that offers any, read from the Graph API request Marquee sent. */
async function latestOptions(page: Page): Promise<Options | undefined> {
  return page.evaluate(() => {
    const offering = Array.from(document.querySelectorAll<HTMLElement>('li.message.incoming')).filter((li) => {
      const body = JSON.parse(li.querySelector('.payload pre')?.textContent ?? '{}');
      return body.type === 'interactive' && (body.interactive.type === 'button' || body.interactive.type === 'list');
    });
    const li = offering.at(-1);
    if (!li) return undefined;
    const i = JSON.parse(li.querySelector('.payload pre')!.textContent!).interactive;
    const ids: string[] =
      i.type === 'button' ? i.action.buttons.map((b: { reply: { id: string } }) => b.reply.id) : i.action.sections.flatMap((s: { rows: { id: string }[] }) => s.rows.map((r) => r.id));
    return { messageId: li.dataset.id!, kind: i.type === 'button' ? ('buttons' as const) : ('list' as const), ids };
  });
}

/** What a moviegoer in a hurry picks: English, the first film, place, day and show, two tickets, confirm. */
const REGULAR_BOOKING = [/^lang:en$/, /^hold:confirm$/, /^qty:2$/, /^mv:/, /^loc:/, /^day:/, /^show:/];
const EVENT_BOOKING = [/^lang:en$/, /^terms:yes:/, /^hold:confirm$/, /^qty:2$/, /^loc:/, /^day:/, /^show:/];

function pick(options: Options, preferences: RegExp[]): string {
  for (const p of preferences) {
    const id = options.ids.find((i) => p.test(i));
    if (id) return id;
  }
  throw new Error(`none of the offered options fits the booking: ${options.ids.join(', ')}`);
}

async function transcript(page: Page): Promise<string> {
  const lines = await page.locator('li.message .bubble').allInnerTexts();
  return lines.map((l) => l.replace(/\s+/g, ' ').trim()).join('\n');
}

async function ticketShown(page: Page, d: DemoServer, phone: string): Promise<boolean> {
  const tickets = d.server.emulator.sent({ to: phone }).filter((m) => m.body.type === 'image').length;
  return tickets > 0 && (await page.locator('li.message.incoming.type-image img').count()) >= tickets;
}

/**
 * Books by tapping only: the newest message's buttons, or its list's rows in the bottom sheet, chosen
 * by `preferences`, until the e-ticket arrives. `shot` names screenshots by the option just chosen.
 */
async function bookByClicking(page: Page, d: DemoServer, phone: string, preferences: RegExp[], shot?: (id: string) => string | undefined): Promise<void> {
  for (let turn = 0; !(await ticketShown(page, d, phone)); turn++) {
    assert.ok(turn < 15, `no e-ticket after 15 turns:\n${await transcript(page)}`);
    const options = await latestOptions(page);
    assert.ok(options, `Marquee offered nothing to tap:\n${await transcript(page)}`);
    const id = pick(options, preferences);
    const message = page.locator(`li.message[data-id="${options.messageId}"]`);
    const before = await customerMessages(page);
    if (options.kind === 'buttons') {
      await message.locator(`.reply-button[data-option-id="${id}"]`).click();
    } else {
      await message.locator('.bubble-action').click();
      const sheet = page.locator('#list-sheet');
      await sheet.waitFor();
      await sheet.locator('label.list-row', { has: page.locator(`input[value="${id}"]`) }).click();
      const name = shot?.(`sheet:${id}`);
      if (name) await keepScreenshot(page, name);
      await sheet.getByRole('button', { name: 'Send' }).click();
      await sheet.waitFor({ state: 'hidden' });
    }
    await waitForTurn(page, d, phone, before);
    const name = shot?.(id);
    if (name) await keepScreenshot(page, name);
  }
}

async function confirmedBookings(d: DemoServer, customerName: string) {
  return d.db.db
    .selectFrom('bookings as b')
    .innerJoin('customers as c', 'c.id', 'b.customer_id')
    .select(['b.ref', 'b.status', 'b.quantity', 'b.event_id', 'b.is_test', 'b.seating'])
    .where('c.name', '=', customerName)
    .where('b.status', '=', 'confirmed')
    .execute();
}

test('a regular show is booked by clicking only, at a phone’s width', async (t) => {
  const s = setup(t);
  if (!s) return;
  const phone = '919000000001';
  const page = await openSimulator(s.browser, s.demo, PHONE);
  assert.equal(await page.locator('#customer-tabs [aria-selected=true] .tab-name').innerText(), 'Asha');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'nothing overflows a 360 px screen');

  const before = await customerMessages(page);
  await page.getByRole('button', { name: 'Say hi' }).click();
  await waitForTurn(page, s.demo, phone, before);
  await keepScreenshot(page, 'simulator-phone-welcome');
  await bookByClicking(page, s.demo, phone, REGULAR_BOOKING, (id) => {
    if (id.startsWith('sheet:mv:')) return 'simulator-phone-list-sheet';
    if (id.startsWith('qty:')) return 'simulator-phone-seats-held';
    if (id === 'hold:confirm') return 'simulator-phone-booked';
    return undefined;
  });

  const ticket = page.locator('li.message.incoming.type-image img').last();
  await page.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0, await ticket.elementHandle());
  await ticket.scrollIntoViewIfNeeded();
  await keepScreenshot(page, 'simulator-phone-ticket');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'a whole booking fits a 360 px screen');

  // Tap to zoom, and close again.
  await ticket.click();
  const lightbox = page.locator('#lightbox');
  await lightbox.waitFor();
  await page.waitForFunction(() => (document.getElementById('lightbox-image') as HTMLImageElement).naturalWidth > 0);
  await keepScreenshot(page, 'simulator-phone-ticket-zoomed');
  await lightbox.getByRole('button', { name: 'Close image' }).click();
  await lightbox.waitFor({ state: 'hidden' });

  const booked = await confirmedBookings(s.demo, 'Asha');
  assert.equal(booked.length, 1, 'one confirmed booking');
  assert.equal(booked[0]!.quantity, 2);
  assert.equal(booked[0]!.event_id, null, 'a regular show');
  assert.equal(booked[0]!.is_test, 0, 'the demo cinema books for real');
  assert.ok((await transcript(page)).includes(booked[0]!.ref), 'the chat names the booking reference');
  bookings.push({ ref: booked[0]!.ref, how: 'clicking' });
});

test('the #WRETRO special event is booked by typing only, at a desktop’s width', async (t) => {
  const s = setup(t);
  if (!s) return;
  const phone = '919000000042';
  const page = await openSimulator(s.browser, s.demo, DESKTOP, `?customer=${phone}&name=Meena`);
  assert.equal(await page.locator('#customer-tabs [aria-selected=true] .tab-name').innerText(), 'Meena');
  const input = page.locator('#composer-input');
  const say = async (text: string) => {
    const before = await customerMessages(page);
    await input.fill(text);
    await input.press('Enter');
    await waitForTurn(page, s.demo, phone, before);
  };

  await say('#WRETRO');
  await keepScreenshot(page, 'simulator-desktop-event-terms');
  for (let turn = 0; !(await ticketShown(page, s.demo, phone)); turn++) {
    assert.ok(turn < 15, `no e-ticket after 15 turns:\n${await transcript(page)}`);
    const options = await latestOptions(page);
    assert.ok(options, `Marquee asked for nothing:\n${await transcript(page)}`);
    const id = pick(options, EVENT_BOOKING);
    // Words where a person would use words; otherwise the option's number, as the prompt invites.
    if (id.startsWith('terms:yes')) await say('I accept');
    else if (id.startsWith('qty:')) await say(id.slice(4));
    else if (id === 'hold:confirm') await say('confirm');
    else await say(String(options.ids.indexOf(id) + 1));
  }
  await page.locator('li.message.incoming.type-image img').last().scrollIntoViewIfNeeded();
  await keepScreenshot(page, 'simulator-desktop-event-ticket');

  const booked = await confirmedBookings(s.demo, 'Meena');
  assert.equal(booked.length, 1, 'one confirmed booking');
  assert.ok(booked[0]!.event_id, 'a booking of the special event');
  assert.equal(booked[0]!.seating, 'general_admission');
  assert.equal(booked[0]!.quantity, 2);
  bookings.push({ ref: booked[0]!.ref, how: 'typing' });

  // Nothing was tapped: every customer message is typed text.
  const kinds = await page.locator('li.message.outgoing').evaluateAll((lis) => lis.map((li) => li.className));
  assert.ok(kinds.every((k) => k.includes('type-text')), `only text was sent: ${kinds.join(', ')}`);
});

test('the bookings show in the dashboard', async (t) => {
  const s = setup(t);
  if (!s) return;
  if (bookings.length === 0) return t.skip('no booking was made by the tests above');
  const { id: cinemaId } = await s.demo.db.db.selectFrom('cinemas').select('id').where('is_demo', '=', 1).executeTakeFirstOrThrow();
  const context = await s.browser.newContext({ viewport: DESKTOP });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${s.demo.url}/admin/login`);
  await page.getByLabel('E-mail').fill(DEMO_LOGIN.email);
  await page.getByLabel('Password').fill(DEMO_LOGIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/admin/login'));
  for (const b of bookings) {
    await page.goto(`${s.demo.url}/admin/c/${cinemaId}/bookings?ref=${b.ref}`);
    await page.locator('table').getByText(b.ref).waitFor();
    await keepScreenshot(page, `simulator-dashboard-booking-by-${b.how}`);
  }
});

test('keyboard alone: tab order, new customer, sending, the list sheet, the attach menu', async (t) => {
  const s = setup(t);
  if (!s) return;
  const page = await openSimulator(s.browser, s.demo, DESKTOP, '?customer=919000000066&name=Ravi');
  // Read the focus after the tasks already queued have run: a dialog's close event, which moves the
  // focus back, is dispatched after the dialog is hidden.
  const focused = () => page.evaluate(async () => {
    await new Promise((r) => setTimeout(r, 0));
    const a = document.activeElement as HTMLElement | null;
    return { id: a?.id ?? '', tag: a?.tagName.toLowerCase() ?? '', role: a?.getAttribute('role') ?? '', cls: a?.className ?? '', text: (a?.innerText ?? '').trim(), outline: a ? getComputedStyle(a).outlineStyle : 'none' };
  });

  // Everything is reachable with Tab, in order, and the focus always shows.
  const seen: string[] = [];
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const f = await focused();
    if (f.tag === 'body') break;
    seen.push(f.role === 'tab' ? 'tab' : f.id || f.cls || f.tag);
    assert.notEqual(f.outline, 'none', `the focus is visible on ${seen.at(-1)} (after ${seen.join(' → ')})`);
  }
  for (const expected of ['cinema-select', 'add-customer', 'tab', 'toggle-payloads', 'say-hi', 'attach-button', 'composer-input', 'send-button']) {
    assert.ok(seen.includes(expected), `Tab reaches ${expected}: ${seen.join(' → ')}`);
  }

  // A new customer, from the keyboard.
  await page.locator('#add-customer').focus();
  await page.keyboard.press('Enter');
  await page.locator('#customer-dialog').waitFor();
  await page.keyboard.type('Kavya');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('00077');
  await page.keyboard.press('Enter');
  await page.locator('#customer-dialog').waitFor({ state: 'hidden' });
  assert.equal(await page.locator('#customer-tabs [aria-selected=true] .tab-name').innerText(), 'Kavya');
  assert.equal((await focused()).id, 'composer-input', 'the message box has the focus');
  const phone = '919000000077';

  // Enter sends.
  let before = await customerMessages(page);
  await page.keyboard.type('hi');
  await page.keyboard.press('Enter');
  await waitForTurn(page, s.demo, phone, before);

  // Back from the message box to the newest message's list button; Enter opens the sheet, Esc closes it.
  let listButton = await focused();
  for (let i = 0; i < 8 && !listButton.cls.includes('bubble-action'); i++) {
    await page.keyboard.press('Shift+Tab');
    listButton = await focused();
  }
  assert.ok(listButton.cls.includes('bubble-action'), 'Shift+Tab reaches the list button');
  await page.keyboard.press('Enter');
  const sheet = page.locator('#list-sheet');
  await sheet.waitFor();
  await keepScreenshot(page, 'simulator-desktop-list-sheet');
  await page.keyboard.press('Escape');
  await sheet.waitFor({ state: 'hidden' });
  assert.ok((await focused()).cls.includes('bubble-action'), 'the focus returns to the list button');

  // Open again, move to the first row, choose it with Space, send with Enter.
  await page.keyboard.press('Enter');
  await sheet.waitFor();
  assert.equal((await focused()).cls, 'icon-button', 'the sheet opens with the focus on its Close button');
  await page.keyboard.press('Tab');
  const firstRow = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
  assert.ok(firstRow, 'Tab reaches the rows');
  await page.keyboard.press('Space');
  before = await customerMessages(page);
  await page.keyboard.press('Enter');
  await sheet.waitFor({ state: 'hidden' });
  await waitForTurn(page, s.demo, phone, before);
  const tapped = s.demo.server.emulator.sent({ to: phone });
  assert.ok(tapped.length > 0);
  assert.ok((await page.locator('li.message.outgoing.type-interactive').count()) === 1, 'the row went as a list reply');

  // The attach menu: Enter opens it on its first item (Location); Esc closes it.
  await page.locator('#composer-input').focus();
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused()).id, 'attach-button');
  await page.keyboard.press('Enter');
  assert.match((await focused()).text, /Location$/);
  await page.keyboard.press('Escape');
  assert.equal((await focused()).id, 'attach-button');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const dialog = page.locator('#location-dialog');
  await dialog.waitFor();
  let f = await focused();
  for (let i = 0; i < 10 && f.text !== 'Send location'; i++) {
    await page.keyboard.press('Tab');
    f = await focused();
  }
  assert.equal(f.text, 'Send location', 'Tab reaches the Send location button');
  before = await customerMessages(page);
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  await waitForTurn(page, s.demo, phone, before);
  assert.equal(await page.locator('li.message.outgoing.type-location').count(), 1, 'the location reached Marquee');
  await keepScreenshot(page, 'simulator-desktop-keyboard');

  // Customers side by side: arrows move between the tabs, and each tab shows its own conversation.
  await page.locator('#customer-tabs [aria-selected=true]').focus();
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.locator('#customer-tabs [aria-selected=true] .tab-name').innerText(), 'Ravi');
  await page.getByRole('button', { name: 'Say hi' }).waitFor();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#customer-tabs [aria-selected=true] .tab-name').innerText(), 'Kavya');
  await page.locator('li.message.outgoing.type-location').waitFor();
});

test('attachments: a location, a photo, a sticker and an unsupported message reach Marquee, and it answers each', async (t) => {
  const s = setup(t);
  if (!s) return;
  const phone = '919000000055';
  const page = await openSimulator(s.browser, s.demo, DESKTOP, `?customer=${phone}&name=Imran`);
  const replies = () => page.locator('li.message.incoming').count();
  /** Sends through the attach menu; `fill` completes the dialog, if the item opens one. */
  const attach = async (item: string, fill?: () => Promise<void>) => {
    const before = await customerMessages(page);
    const answered = await replies();
    await page.getByRole('button', { name: 'Attach' }).click();
    await page.getByRole('menuitem', { name: item }).click();
    await fill?.();
    await waitForTurn(page, s.demo, phone, before);
    assert.ok((await replies()) > answered, `Marquee answered the ${item.toLowerCase()}:\n${await transcript(page)}`);
  };

  await attach('Location', async () => {
    await page.locator('#location-preset').selectOption({ label: 'Tiruppur, Kumar Nagar' });
    await page.getByRole('button', { name: 'Send location' }).click();
  });
  await attach('Photo', async () => {
    await page.locator('#photo-caption').fill('Is this the right entrance?');
    await page.getByRole('button', { name: 'Send photo' }).click();
  });
  await attach('Sticker');
  await attach('Unsupported message (a poll)');

  const kinds = await page.locator('li.message.outgoing').evaluateAll((lis) => lis.map((li) => /type-(\S+)/.exec(li.className)?.[1]));
  assert.deepEqual(kinds, ['location', 'image', 'sticker', 'unsupported']);
  for (const li of await page.locator('li.message.outgoing').all()) assert.equal(await li.getAttribute('data-status'), 'delivered', 'Marquee accepted the webhook');
  const photo = page.locator('li.message.outgoing.type-image img');
  await page.waitForFunction((img) => (img as HTMLImageElement).naturalWidth > 0, await photo.elementHandle());

  const stored = await s.demo.db.db
    .selectFrom('inbound_messages as m')
    .innerJoin('customers as c', 'c.id', 'm.customer_id')
    .select('m.type')
    .where('c.name', '=', 'Imran')
    .orderBy('m.id')
    .execute();
  assert.deepEqual(stored.map((r) => r.type), ['location', 'media', 'media', 'unsupported'], 'Marquee stored each as WhatsApp sent it');

  await page.getByRole('button', { name: 'API payloads' }).click();
  await page.locator('li.message.outgoing.type-sticker .payload summary').click();
  await keepScreenshot(page, 'simulator-desktop-attachments');
});

test('staff rehearse their own cinema before going live: its own bot, and a test booking', async (t) => {
  const s = setup(t);
  if (!s) return;
  const { db } = s.demo.db;
  const now = Date.now();
  // An onboarded cinema with its own catalogue and languages, not yet known to the emulator.
  const cinema = await insertCinema(db, s.demo.server.deps.config.secretKey, now, {
    name: 'Lakeview Talkies',
    wabaId: '400000000000004',
    phoneNumberId: '400000000000044',
    displayPhoneNumber: '+91 98000 00004',
    accessToken: 'EAA-lakeview-token',
    timezone: 'Asia/Kolkata',
    defaultLanguage: 'en',
    settings: { languages: ['en', 'ta'], branding: { color: '#1f5fa8' } },
  });
  await seedDemoCatalogue(db, { cinemaId: cinema.id, now });
  const password = 'lakeview-box-office';
  await insertUser(db, now, { email: 'box@lakeview.test', passwordHash: await hashPassword(password), role: 'staff', cinemaId: cinema.id });

  const context = await s.browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${s.demo.url}/admin/login`);
  await page.getByLabel('E-mail').fill('box@lakeview.test');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/admin/login'));

  const phone = '919000000088';
  await page.goto(`${s.demo.url}/sandbox?cinema=${cinema.id}&customer=${phone}&name=Selvi`);
  await page.locator('#chat-status[data-connection=open]').waitFor();
  assert.equal(await page.locator('#chat-name').innerText(), 'Lakeview Talkies');
  assert.equal(await page.locator('#mode-badge').innerText(), 'Test mode');
  assert.deepEqual(await page.locator('#cinema-select option').allInnerTexts(), ['Marquee Cinemas · +91 98765 43210', 'Lakeview Talkies · +91 98000 00004'], 'the demo cinema and their own, nobody else’s');

  const before = await customerMessages(page);
  await page.getByRole('button', { name: 'Say hi' }).click();
  await waitForTurn(page, s.demo, phone, before);
  await keepScreenshot(page, 'simulator-rehearsal-welcome');
  await bookByClicking(page, s.demo, phone, REGULAR_BOOKING);
  await page.locator('li.message.incoming.type-image img').last().scrollIntoViewIfNeeded();
  await keepScreenshot(page, 'simulator-rehearsal-booked');

  const booked = await confirmedBookings(s.demo, 'Selvi');
  assert.equal(booked.length, 1);
  assert.equal(booked[0]!.is_test, 1, 'a rehearsal booking is a test booking');
  const customer = await db.selectFrom('customers').select('is_test').where('cinema_id', '=', cinema.id).where('name', '=', 'Selvi').executeTakeFirstOrThrow();
  assert.equal(customer.is_test, 1);
  assert.ok(s.demo.server.emulator.sent({ phoneNumberId: cinema.phoneNumberId, to: phone }).length > 0, 'the replies went to the built-in emulator');
});
