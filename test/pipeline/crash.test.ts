import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb } from '../helpers/db.ts';
import { business, APP_SECRET, SECRET_KEY_HEX } from '../helpers/pipeline.ts';
import { freePort, startChildServer, eventually } from '../helpers/child-server.ts';
import { createEmulator } from '../../src/sandbox/emulator/index.ts';
import { GraphClient } from '../../src/whatsapp/graph-client.ts';
import { onboardCinema } from '../../src/tenants/onboard.ts';
import { systemClock } from '../../src/clock.ts';

/**
 * Invariant 1 and 2 under a crash: a server killed with SIGKILL in the middle of a burst loses no
 * message it acknowledged, and after a restart no reply goes out twice.
 */
test('SIGKILL mid-burst: no accepted message lost, no reply sent twice after restart', { timeout: 240_000 }, async () => {
  const t = await createTestDb();
  const emulator = createEmulator({ statuses: 'auto', maxDeliveryAttempts: 30, redeliveryDelayMs: 300 });
  const graphBase = await emulator.listen(0);
  const port = await freePort();
  const b = business(1);
  emulator.addBusiness({ ...b, webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp`, appSecret: APP_SECRET });
  const graph = new GraphClient({ baseUrl: graphBase, version: 'v25.0' });
  const onboarded = await onboardCinema(
    { db: t.db, graph, clock: systemClock, config: { secretKey: Buffer.from(SECRET_KEY_HEX, 'hex'), publicUrl: '', verifyToken: '' } },
    { accessToken: b.accessToken },
  );
  assert.ok(onboarded.ok);
  let server = await startChildServer({ port, databaseUrl: t.url, graphUrl: graphBase });
  try {
    const customers = 30;
    const perCustomer = 5;
    const accepted: string[] = [];
    let killed = false;
    const burst = Promise.all(
      Array.from({ length: customers }, async (_, c) => {
        for (let i = 0; i < perCustomer; i++) {
          const r = await emulator
            .userSends({ phoneNumberId: b.phoneNumbers[0].id, from: `9197${String(c).padStart(8, '0')}`, message: { type: 'text', text: { body: i % 2 ? 'menu' : 'hi' } } })
            .catch(() => undefined);
          if (r?.status === 200) accepted.push(r.wamid);
          if (!killed && accepted.length >= (customers * perCustomer) / 3) {
            killed = true;
            await server.kill('SIGKILL');
          }
        }
      }),
    );
    await burst;
    assert.ok(killed, 'the server was killed during the burst');
    const acceptedBeforeRestart = [...accepted];
    server = await startChildServer({ port, databaseUrl: t.url, graphUrl: graphBase });
    // Everything acknowledged before the kill is stored, and the emulator redelivers the rest.
    await eventually(async () => {
      const rows = await t.db.selectFrom('inbound_messages').select(['wamid', 'status']).execute();
      const have = new Set(rows.map((r) => r.wamid));
      return acceptedBeforeRestart.every((w) => have.has(w)) && rows.length >= customers * perCustomer && rows.every((r) => r.status !== 'pending');
    }, 120_000, 'every message stored and processed');
    await eventually(async () => {
      const open = await t.db.selectFrom('outbound_messages').select('id').where('status', 'in', ['queued', 'sending']).execute();
      return open.length === 0;
    }, 120_000, 'the outbox to drain');
    const ids = emulator.sent().map((m) => m.body.biz_opaque_callback_data).filter((x): x is string => typeof x === 'string');
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    assert.deepEqual(dupes, [], 'no outbound message was sent twice');
    const inbound = await t.db.selectFrom('inbound_messages').select(['wamid']).execute();
    assert.equal(new Set(inbound.map((r) => r.wamid)).size, inbound.length);
    assert.equal(inbound.length, customers * perCustomer, 'every message of the burst is stored exactly once');
  } finally {
    await server.kill('SIGTERM');
    await emulator.close();
    await t.close();
  }
});

test('SIGTERM: the server stops taking requests, finishes its work in hand and exits cleanly', { timeout: 120_000 }, async () => {
  const t = await createTestDb();
  const emulator = createEmulator({ statuses: 'manual' });
  const graphBase = await emulator.listen(0);
  const port = await freePort();
  const b = business(2);
  emulator.addBusiness({ ...b, webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp`, appSecret: APP_SECRET });
  const graph = new GraphClient({ baseUrl: graphBase, version: 'v25.0' });
  assert.ok((await onboardCinema({ db: t.db, graph, clock: systemClock, config: { secretKey: Buffer.from(SECRET_KEY_HEX, 'hex'), publicUrl: '', verifyToken: '' } }, { accessToken: b.accessToken })).ok);
  const server = await startChildServer({ port, databaseUrl: t.url, graphUrl: graphBase });
  try {
    const accepted = (
      await Promise.all(Array.from({ length: 20 }, (_, i) => emulator.userSends({ phoneNumberId: b.phoneNumbers[0].id, from: `9195${String(i).padStart(8, '0')}`, message: { type: 'text', text: { body: 'hi' } } })))
    ).filter((r) => r.status === 200);
    const exited = new Promise<number | null>((resolve) => server.proc.once('exit', (code) => resolve(code)));
    server.proc.kill('SIGTERM');
    assert.equal(await exited, 0, `exit code 0; stderr: ${server.stderr().slice(-500)}`);
    const stored = await t.db.selectFrom('inbound_messages').select(['wamid', 'status']).execute();
    assert.equal(stored.length, accepted.length, 'everything acknowledged is stored');
    const sending = await t.db.selectFrom('outbound_messages').select('id').where('status', '=', 'sending').execute();
    assert.equal(sending.length, 0, 'no send was left half-done');
  } finally {
    await server.kill('SIGKILL');
    await emulator.close();
    await t.close();
  }
});
