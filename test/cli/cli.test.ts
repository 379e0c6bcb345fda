import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmulator, type Emulator } from '../../src/sandbox/emulator/index.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { business, APP_SECRET, SECRET_KEY_HEX, VERIFY_TOKEN } from '../helpers/pipeline.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let emulator: Emulator;
let graph: string;
let t: TestDb;

before(async () => {
  t = await createTestDb();
  emulator = createEmulator({ statuses: 'manual' });
  graph = await emulator.listen(0);
  emulator.addBusiness({ ...business(1), webhookUrl: 'http://127.0.0.1:9/webhooks/whatsapp', appSecret: APP_SECRET });
});
after(async () => {
  await emulator.close();
  await t.close();
});

/** `npx marquee …` as a script would run it (asynchronously: the emulator answers from this process). */
function marquee(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, 'bin/marquee.js'), ...args],
      { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: t.url, WHATSAPP_API_URL: graph, WHATSAPP_APP_SECRET: APP_SECRET, WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN, MARQUEE_SECRET_KEY: SECRET_KEY_HEX, LOG_LEVEL: 'silent', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout, err: stderr }),
    );
  });
}

test('cinema:add with only an access token discovers and stores the cinema; cinema:list shows it', async () => {
  const r = await marquee(['cinema:add', '--access-token', business(1).accessToken, '--timezone', 'Asia/Kolkata']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Onboarded cinema cin_\w+ "Cinema 1"/);
  assert.ok(!r.out.includes(business(1).accessToken) && !r.err.includes(business(1).accessToken), 'the token is never printed');
  const list = await marquee(['cinema:list', '--json']);
  assert.equal(list.code, 0);
  const cinemas = JSON.parse(list.out);
  assert.equal(cinemas.length, 1);
  assert.equal(cinemas[0].phoneNumberId, business(1).phoneNumbers[0].id);
  assert.equal(cinemas[0].token, 'valid');
  assert.equal(cinemas[0].timezone, 'Asia/Kolkata');
});

test('failures exit 1 with the reason; bad usage exits 2', async () => {
  const bad = await marquee(['cinema:add', '--access-token', 'EAAnope']);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /^token_invalid: /);
  const again = await marquee(['cinema:add', '--access-token', business(1).accessToken]);
  assert.equal(again.code, 1);
  assert.match(again.err, /^already_onboarded: /);
  assert.equal((await marquee(['cinema:add'])).code, 2);
  assert.equal((await marquee(['cinema:add', '--access-token', 'x', '--language', 'fr'])).code, 2);
  assert.equal((await marquee(['cinema:add', '--access-token', 'x', '--timezone', 'Mars/Olympus'])).code, 2);
  assert.equal((await marquee(['cinema:add', '--bogus'])).code, 2);
  assert.equal((await marquee(['no-such-command'])).code, 2);
});

test('cinema:add without discovery stores what it is given', async () => {
  const r = await marquee(['cinema:add', '--access-token', 'EAAmanual', '--phone-number-id', '555000111', '--waba-id', '444000111', '--name', 'Manual Cinema']);
  assert.equal(r.code, 0, r.err);
  const list = JSON.parse((await marquee(['cinema:list', '--json'])).out) as { name: string }[];
  assert.ok(list.some((c) => c.name === 'Manual Cinema'));
});

test('a bad configuration is refused at start with every problem listed', async () => {
  const r = await marquee(['cinema:list'], { PORT: 'eighty', MARQUEE_SECRET_KEY: 'short', WHATSAPP_API_VERSION: '25' });
  assert.equal(r.code, 2);
  assert.match(r.err, /PORT/);
  assert.match(r.err, /MARQUEE_SECRET_KEY/);
  assert.match(r.err, /WHATSAPP_API_VERSION/);
});

test('db:migrate reports an up-to-date database', async () => {
  const r = await marquee(['db:migrate']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /up to date|Applied/);
});
