import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createTestDb } from '../helpers/db.ts';
import { business, APP_SECRET, SECRET_KEY_HEX } from '../helpers/pipeline.ts';
import { freePort, startChildServer, eventually } from '../helpers/child-server.ts';
import { createEmulator } from '../../src/sandbox/emulator/index.ts';
import { GraphClient } from '../../src/whatsapp/graph-client.ts';
import { onboardCinema } from '../../src/tenants/onboard.ts';
import { systemClock } from '../../src/clock.ts';

const onPostgres = /^postgres/.test(process.env.DATABASE_URL ?? '');

/** A load balancer for the test: alternates webhook deliveries between the two processes. */
function roundRobin(targets: number[]): Promise<{ url: string; close(): Promise<void> }> {
  let i = 0;
  const server = http.createServer((req, res) => {
    const port = targets[i++ % targets.length];
    const fwd = http.request({ host: '127.0.0.1', port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    fwd.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(fwd);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => new Promise((r) => server.close(() => r())) }),
    ),
  );
}

test('two server processes on one PostgreSQL: 200 customers × 5 messages, replies in order, none twice', { skip: onPostgres ? false : 'needs PostgreSQL (run the suite with DATABASE_URL=postgres://…); SQLite is one process by design', timeout: 300_000 }, async () => {
  const t = await createTestDb();
  const emulator = createEmulator({ statuses: 'manual', maxDeliveryAttempts: 10, redeliveryDelayMs: 500 });
  const graphBase = await emulator.listen(0);
  const [portA, portB] = [await freePort(), await freePort()];
  const lb = await roundRobin([portA, portB]);
  const b = business(1);
  emulator.addBusiness({ ...b, webhookUrl: `${lb.url}/webhooks/whatsapp`, appSecret: APP_SECRET });
  const graph = new GraphClient({ baseUrl: graphBase, version: 'v25.0' });
  const r = await onboardCinema({ db: t.db, graph, clock: systemClock, config: { secretKey: Buffer.from(SECRET_KEY_HEX, 'hex'), publicUrl: '', verifyToken: '' } }, { accessToken: b.accessToken });
  assert.ok(r.ok);
  const env = { SEND_RATE_PER_SECOND: '500' };
  const servers = await Promise.all([portA, portB].map((port) => startChildServer({ port, databaseUrl: t.url, graphUrl: graphBase, env })));
  try {
    const customers = 200;
    const perCustomer = 5;
    const script = ['hi', 'menu', 'help', 'hi', 'menu'];
    await Promise.all(
      Array.from({ length: customers }, async (_, c) => {
        for (let i = 0; i < perCustomer; i++) {
          const res = await emulator.userSends({ phoneNumberId: b.phoneNumbers[0].id, from: `9196${String(c).padStart(8, '0')}`, message: { type: 'text', text: { body: script[i] } } });
          assert.equal(res.status, 200);
        }
      }),
    );
    await eventually(async () => {
      const pending = await t.db.selectFrom('inbound_messages').select('id').where('status', '=', 'pending').execute();
      const open = await t.db.selectFrom('outbound_messages').select('id').where('status', 'in', ['queued', 'sending']).execute();
      return pending.length === 0 && open.length === 0;
    }, 240_000, 'all messages processed and sent');

    const inbound = await t.db.selectFrom('inbound_messages').select(['id', 'customer_id', 'status']).orderBy('id').execute();
    assert.equal(inbound.length, customers * perCustomer);
    assert.ok(inbound.every((m) => m.status === 'done'), 'every message was processed');
    const outbound = await t.db.selectFrom('outbound_messages').select(['id', 'customer_id', 'inbound_id', 'status']).execute();
    const byId = new Map(outbound.map((o) => [Number(o.id), o]));
    const answered = new Set(outbound.map((o) => Number(o.inbound_id)));
    assert.ok(inbound.every((m) => answered.has(Number(m.id))), 'every message got a reply');
    assert.ok(outbound.every((o) => o.status === 'sent'), 'every reply was sent');

    const sent = emulator.sent().map((m) => Number(String(m.body.biz_opaque_callback_data).slice(3)));
    assert.equal(new Set(sent).size, sent.length, 'no reply was sent twice');
    assert.equal(sent.length, outbound.length);
    // Per customer, what the Graph API received follows the order the messages arrived in.
    const perCustomerSeq = new Map<string, number[]>();
    for (const id of sent) {
      const o = byId.get(id)!;
      perCustomerSeq.set(o.customer_id!, [...(perCustomerSeq.get(o.customer_id!) ?? []), id]);
    }
    for (const [customer, ids] of perCustomerSeq) {
      const inboundOrder = ids.map((id) => Number(byId.get(id)!.inbound_id));
      assert.deepEqual(ids, [...ids].sort((x, y) => x - y), `replies to ${customer} in queue order`);
      assert.deepEqual(inboundOrder, [...inboundOrder].sort((x, y) => x - y), `replies to ${customer} follow the messages' order`);
    }
  } finally {
    await Promise.all(servers.map((s) => s.kill('SIGTERM')));
    await lb.close();
    await emulator.close();
    await t.close();
  }
});
