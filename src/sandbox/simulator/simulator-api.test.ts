// The simulator's HTTP API against the real server in demo mode: what it serves, how it refuses bad
// input, who may rehearse an onboarded cinema, and the live stream of a conversation.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { loadConfig } from '../../config.ts';
import { startServer, type RunningServer } from '../../serve.ts';
import { insertCinema, listCinemas, type Cinema } from '../../tenants/cinemas.ts';
import { insertUser } from '../../admin/users-repo.ts';
import { createSession } from '../../admin/sessions-repo.ts';
import { SESSION_COOKIE } from '../../admin/auth.ts';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';

let db: TestDb;
let server: RunningServer;
let dataDir: string;
let demoCinema: Cinema;
let rehearsed: Cinema;
let staffCookie: string;
let otherManagerCookie: string;

before(async () => {
  db = await createTestDb();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-simulator-'));
  server = await startServer(loadConfig({ PORT: '0', DATA_DIR: dataDir, MARQUEE_DEMO: '1', LOG_LEVEL: 'silent', DATABASE_URL: db.url }));
  const now = Date.now();
  [demoCinema] = await listCinemas(db.db);
  // An onboarded cinema the emulator has never heard of: the simulator must connect it itself.
  rehearsed = await insertCinema(db.db, server.deps.config.secretKey, now, {
    name: 'Cinema Three',
    wabaId: '300000000000003',
    phoneNumberId: '300000000000033',
    displayPhoneNumber: '+91 98000 00003',
    accessToken: 'EAA-cinema-three-token',
    timezone: 'Asia/Kolkata',
    defaultLanguage: 'en',
    settings: { languages: ['en'] },
  });
  const staff = await insertUser(db.db, now, { email: 'box@cinema-three.test', passwordHash: 'unused', role: 'staff', cinemaId: rehearsed.id });
  const manager = await insertUser(db.db, now, { email: 'manager@marquee-demo.test', passwordHash: 'unused', role: 'manager', cinemaId: demoCinema!.id });
  staffCookie = `${SESSION_COOKIE}=${await createSession(db.db, now, staff!.id)}`;
  otherManagerCookie = `${SESSION_COOKIE}=${await createSession(db.db, now, manager!.id)}`;
});

after(async () => {
  await server.close();
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const send = (body: unknown, headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'POST', url: '/sandbox/api/send', payload: body as object, headers: { 'content-type': 'application/json', ...headers } });

async function until<T>(what: string, get: () => T | undefined): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('the page and its own files are served under a strict content security policy', async () => {
  const page = await server.app.inject({ url: '/sandbox' });
  assert.equal(page.statusCode, 200);
  assert.match(page.headers['content-type'] as string, /^text\/html/);
  assert.match(page.headers['content-security-policy'] as string, /default-src 'self'.*script-src 'self'/);
  assert.match(page.body, /<script type="module" src="\/sandbox\/assets\/simulator.js">/);
  const js = await server.app.inject({ url: '/sandbox/assets/simulator.js' });
  assert.equal(js.statusCode, 200);
  assert.match(js.headers['content-type'] as string, /^text\/javascript/);
  for (const url of ['/sandbox/assets/index.html', '/sandbox/assets/..%2Fconversation-store.ts', '/sandbox/assets/nothing.js']) {
    assert.equal((await server.app.inject({ url })).statusCode, 404, url);
  }
  const photo = await server.app.inject({ url: '/sandbox/sample/photo.png' });
  assert.equal(photo.headers['content-type'], 'image/png');
  assert.deepEqual([...photo.rawPayload.subarray(1, 4)], [...Buffer.from('PNG')]);
});

test('bad messages are refused with every problem named', async () => {
  const bad = await send({ cinemaId: demoCinema.id, customer: { phone: '+91 98765 43210', name: ' ' }, message: { type: 'text', text: '  ' } });
  assert.equal(bad.statusCode, 400);
  const { error } = bad.json();
  assert.equal(error.code, 'invalid_request');
  assert.match(error.message, /customer\.phone: must be in the simulator's reserved range/);
  assert.match(error.message, /customer\.name: is required/);
  assert.match(error.message, /message\.text: must not be empty/);

  const kind = await send({ cinemaId: demoCinema.id, customer: { phone: '+91 90000 00009', name: 'Asha' }, message: { type: 'video' } });
  assert.equal(kind.statusCode, 400);
  assert.match(kind.json().error.message, /message\.type/);

  const nowhere = await send({ cinemaId: demoCinema.id, customer: { phone: '919000000009', name: 'Asha' }, message: { type: 'button_reply', contextId: 'wamid.HBgMOTE5MDAwMDAwMDA5', id: 'menu:book' } });
  assert.equal(nowhere.statusCode, 404);
  assert.equal(nowhere.json().error.code, 'message_not_found');

  const crossSite = await send({ cinemaId: demoCinema.id, customer: { phone: '919000000009', name: 'Asha' }, message: { type: 'text', text: 'hi' } }, { origin: 'https://evil.example' });
  assert.equal(crossSite.statusCode, 403);
  assert.equal(crossSite.json().error.code, 'cross_site_request');
});

test('a tap answers a message Marquee really sent, with the title of the button or row tapped', async () => {
  const customer = { phone: '919000000010', name: 'Ravi' };
  assert.equal((await send({ cinemaId: demoCinema.id, customer, message: { type: 'text', text: 'hi' } })).statusCode, 201);
  const list = await until('the menu', () => server.emulator.sent({ to: customer.phone }).find((m) => (m.body.interactive as { type?: string } | undefined)?.type === 'list'));
  const rows = (list.body.interactive as { action: { sections: { rows: { id: string; title: string }[] }[] } }).action.sections.flatMap((s) => s.rows);

  const wrong = await send({ cinemaId: demoCinema.id, customer, message: { type: 'list_reply', contextId: list.wamid, id: 'row-that-was-never-sent' } });
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.json().error.code, 'unknown_option');
  const asButton = await send({ cinemaId: demoCinema.id, customer, message: { type: 'button_reply', contextId: list.wamid, id: rows[0]!.id } });
  assert.equal(asButton.json().error.code, 'not_tappable');
  const elsewhere = await send({ cinemaId: demoCinema.id, customer: { phone: '919000000011', name: 'Priya' }, message: { type: 'list_reply', contextId: list.wamid, id: rows[0]!.id } });
  assert.equal(elsewhere.json().error.code, 'message_not_found', 'a tap on another customer’s message');

  const tap = await send({ cinemaId: demoCinema.id, customer, message: { type: 'list_reply', contextId: list.wamid, id: rows[0]!.id } });
  assert.equal(tap.statusCode, 201);
  const { message } = tap.json();
  assert.equal(message.status, 'delivered', 'Marquee’s webhook accepted it');
  assert.equal(message.contextId, list.wamid);
  assert.equal(message.payload.interactive.list_reply.id, rows[0]!.id);
  assert.equal(message.payload.interactive.list_reply.title, rows[0]!.title);
  const stored = await db.db.selectFrom('inbound_messages').select(['type', 'payload_json']).where('wamid', '=', message.id).executeTakeFirstOrThrow();
  assert.equal(stored.type, 'list_reply');
  assert.equal(JSON.parse(stored.payload_json).contextId, list.wamid);
});

test('a customer photo is stored as user media and shown through the simulator', async () => {
  const res = await send({ cinemaId: demoCinema.id, customer: { phone: '919000000012', name: 'Divya' }, message: { type: 'image', caption: 'Our seats' } });
  assert.equal(res.statusCode, 201);
  const image = res.json().message.payload.image;
  assert.equal(image.caption, 'Our seats');
  assert.equal(image.mime_type, 'image/png');
  const media = await server.app.inject({ url: `/sandbox/media/${image.id}` });
  assert.equal(media.statusCode, 200);
  assert.equal(media.headers['content-type'], 'image/png');
  assert.equal((await server.app.inject({ url: '/sandbox/media/12345' })).statusCode, 404);
  assert.equal((await server.app.inject({ url: '/sandbox/media/not-a-number' })).statusCode, 400);
});

test('an onboarded cinema is rehearsed only by its own staff, with test customers', async () => {
  const anonymous = await server.app.inject({ url: '/sandbox/api/cinemas' });
  assert.deepEqual(anonymous.json().cinemas.map((c: { id: string }) => c.id), [demoCinema.id], 'anyone sees the demo cinema only');
  const message = { cinemaId: rehearsed.id, customer: { phone: '919000000020', name: 'Lakshmi' }, message: { type: 'text', text: 'hi' } };
  const signedOut = await send(message);
  assert.equal(signedOut.statusCode, 401);
  assert.equal(signedOut.json().error.code, 'sign_in_required');
  const otherCinema = await send(message, { cookie: otherManagerCookie });
  assert.equal(otherCinema.statusCode, 404, 'another cinema’s manager cannot tell it exists');
  const stream = await server.app.inject({ url: `/sandbox/api/stream?cinema=${rehearsed.id}&customer=919000000020` });
  assert.equal(stream.statusCode, 401);

  const mine = await server.app.inject({ url: '/sandbox/api/cinemas', headers: { cookie: staffCookie } });
  const listed = mine.json().cinemas.find((c: { id: string }) => c.id === rehearsed.id);
  assert.equal(listed.mode, 'rehearsal');
  assert.equal(mine.json().viewer.email, 'box@cinema-three.test');

  const sent = await send(message, { cookie: staffCookie });
  assert.equal(sent.statusCode, 201);
  assert.equal(sent.json().message.status, 'delivered', 'the emulator reached Marquee’s webhook for this cinema');
  const customer = await db.db.selectFrom('customers').select(['is_test', 'name']).where('cinema_id', '=', rehearsed.id).executeTakeFirstOrThrow();
  assert.deepEqual(customer, { is_test: 1, name: 'Lakshmi' });
  const reply = await until('the cinema’s answer', () => server.emulator.sent({ phoneNumberId: rehearsed.phoneNumberId, to: '919000000020' })[0]);
  assert.ok(reply.body.type, 'Marquee answered through the built-in emulator');
});

test('the stream replays the conversation so far, then follows it live', async () => {
  const customer = { phone: '919000000030', name: 'Arjun' };
  const first = (await send({ cinemaId: demoCinema.id, customer, message: { type: 'text', text: 'hello' } })).json().message;
  const abort = new AbortController();
  const res = await fetch(`${server.url}/sandbox/api/stream?cinema=${demoCinema.id}&customer=%2B91%2090000%2000030`, { signal: abort.signal });
  assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
  const reader = res.body!.getReader();
  let text = '';
  const readUntil = async (pattern: RegExp) => {
    while (!pattern.test(text)) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended before ${pattern}`);
      text += Buffer.from(value).toString('utf8');
    }
  };
  await readUntil(/event: history\ndata: .*\n\n/);
  const history = JSON.parse(/event: history\ndata: (.*)\n/.exec(text)![1]!);
  assert.equal(history.customer, '919000000030');
  assert.equal(history.messages[0].id, first.id);

  const second = (await send({ cinemaId: demoCinema.id, customer, message: { type: 'sticker' } })).json().message;
  await readUntil(new RegExp(`event: message\\ndata: \\{"id":"${second.id.replace(/[+/.]/g, '\\$&')}"`));
  await readUntil(/event: message\ndata: \{[^\n]*"from":"cinema"/);
  abort.abort();
});

test('closing the server ends the streams still open', async () => {
  const res = await fetch(`${server.url}/sandbox/api/stream?cinema=${demoCinema.id}&customer=919000000031`);
  const reader = res.body!.getReader();
  assert.match(Buffer.from((await reader.read()).value!).toString('utf8'), /retry: 2000/);
  await server.close();
  for (;;) if ((await reader.read()).done) break;
});
