import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { createPipeline, business, APP_SECRET, VERIFY_TOKEN, type Pipeline } from '../helpers/pipeline.ts';
import { metaStringify } from '../../src/whatsapp/meta-json.ts';

let p: Pipeline;
before(async () => {
  p = await createPipeline();
  await p.onboard(1);
  await p.onboard(2);
});
after(() => p.close());

const seconds = () => String(Math.floor(p.clock.now() / 1000));

function textMessage(n: number, from: string, id: string, body: string) {
  const b = business(n);
  return {
    id: b.wabaId,
    changes: [
      {
        field: 'messages',
        value: {
          messaging_product: 'whatsapp',
          metadata: { display_phone_number: b.phoneNumbers[0].displayPhoneNumber.replace(/\D/g, ''), phone_number_id: b.phoneNumbers[0].id },
          contacts: [{ profile: { name: `Customer ${from.slice(-2)}` }, wa_id: from }],
          messages: [{ from, id, timestamp: seconds(), type: 'text', text: { body } }],
        },
      },
    ],
  };
}

const envelope = (...entry: unknown[]) => ({ object: 'whatsapp_business_account', entry });
const count = async (table: 'inbound_messages' | 'outbound_messages' | 'message_statuses') =>
  Number((await p.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

test('the verification handshake echoes the challenge only for the right token', async () => {
  const ok = await fetch(`${p.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
  assert.equal(ok.status, 200);
  assert.equal(await ok.text(), '1158201444');
  const bad = await fetch(`${p.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`);
  assert.equal(bad.status, 403);
});

test('a signature over Meta-escaped bytes with emoji, accents, @ and / is accepted', async () => {
  const before = await count('inbound_messages');
  const body = envelope(textMessage(1, '919800000001', 'wamid.sig-ok', 'Café 🎬 டிக்கெட் a@b.in/x'));
  const raw = metaStringify(body);
  assert.ok(raw.includes('\\u0040') && raw.includes('\\/') && raw.includes('\\ud83c'), 'the body is escaped the way Meta escapes it');
  const status = await p.emulator.deliverWebhook(`${p.url}/webhooks/whatsapp`, body, { appSecret: APP_SECRET });
  assert.equal(status, 200);
  assert.equal(await count('inbound_messages'), before + 1);
  const row = await p.deps.db.selectFrom('inbound_messages').select('payload_json').where('wamid', '=', 'wamid.sig-ok').executeTakeFirstOrThrow();
  assert.equal(JSON.parse(row.payload_json).content.text, 'Café 🎬 டிக்கெட் a@b.in/x');
  assert.ok(!row.payload_json.includes('919800000001'), 'the phone number is not stored in the message');
});

test('missing, wrong and sha1-only signatures are refused with 401 and nothing is stored', async () => {
  const before = await count('inbound_messages');
  const url = `${p.url}/webhooks/whatsapp`;
  const body = envelope(textMessage(1, '919800000001', 'wamid.sig-bad', 'hello'));
  const raw = metaStringify(body);
  const sha1 = `sha1=${crypto.createHmac('sha1', APP_SECRET).update(raw).digest('hex')}`;
  assert.equal(await p.emulator.deliverWebhook(url, body, { signature: null }), 401);
  assert.equal(await p.emulator.deliverWebhook(url, body, { appSecret: 'someone-else' }), 401);
  assert.equal(await p.emulator.deliverWebhook(url, body, { signature: sha1 }), 401);
  assert.equal(await p.emulator.deliverWebhook(url, body, { signature: 'sha256=zz' }), 401);
  // Re-serialising the parsed JSON (as a naive proxy would) breaks the signature: the raw bytes count.
  const reserialised = JSON.stringify(JSON.parse(metaStringify(envelope(textMessage(1, '919800000001', 'wamid.sig-bad', 'a@b/🎬')))));
  const signedEscaped = `sha256=${crypto.createHmac('sha256', APP_SECRET).update(metaStringify(envelope(textMessage(1, '919800000001', 'wamid.sig-bad', 'a@b/🎬')))).digest('hex')}`;
  assert.equal(await p.emulator.deliverWebhook(url, null, { raw: reserialised, signature: signedEscaped }), 401);
  assert.equal(await count('inbound_messages'), before);
});

test('a batch mixing two cinemas, three customers, messages and statuses is processed completely, once', async () => {
  await p.drain();
  const sentBefore = p.emulator.sent().length;
  const inboundBefore = await count('inbound_messages');
  // Earlier replies give us our own wamids to receive statuses for.
  await p.emulator.userSends({ phoneNumberId: business(1).phoneNumbers[0].id, from: '919800000011', message: { type: 'text', text: { body: 'first' } } });
  await p.drain();
  const ours = p.emulator.sent().at(-1)!;
  const b1 = business(1);
  const batch = envelope(
    textMessage(1, '919800000011', 'wamid.batch-1', 'one'),
    textMessage(2, '919800000012', 'wamid.batch-2', 'two'),
    {
      id: b1.wabaId,
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '919800000001', phone_number_id: b1.phoneNumbers[0].id },
            contacts: [{ profile: { name: 'Three' }, wa_id: '919800000013' }],
            messages: [
              { from: '919800000013', id: 'wamid.batch-3', timestamp: seconds(), type: 'text', text: { body: 'three' } },
              { from: '919800000013', id: 'wamid.batch-4', timestamp: seconds(), type: 'text', text: { body: 'four' } },
            ],
          },
        },
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '919800000001', phone_number_id: b1.phoneNumbers[0].id },
            statuses: [
              { id: ours.wamid, status: 'read', timestamp: seconds(), recipient_id: '919800000011' },
              { id: ours.wamid, status: 'delivered', timestamp: seconds(), recipient_id: '919800000011' },
            ],
          },
        },
        { field: 'account_update', value: { phone_number: '919800000001', event: 'VERIFIED_ACCOUNT' } },
      ],
    },
  );
  for (let i = 0; i < 2; i++) {
    assert.equal(await p.emulator.deliverWebhook(`${p.url}/webhooks/whatsapp`, batch, { appSecret: APP_SECRET }), 200);
    await p.drain();
  }
  assert.equal(await count('inbound_messages'), inboundBefore + 1 + 4);
  const bodies = p.emulator.sent().slice(sentBefore).map((m) => (m.body.text as { body: string }).body);
  assert.deepEqual(bodies.sort(), ['echo: first', 'echo: four', 'echo: one', 'echo: three', 'echo: two']);
  const row = await p.deps.db.selectFrom('outbound_messages').select('status').where('wamid', '=', ours.wamid).executeTakeFirstOrThrow();
  assert.equal(row.status, 'read', 'a late delivered does not downgrade read');
  const other = await p.deps.db.selectFrom('webhook_events').select('field').where('field', '=', 'account_update').execute();
  assert.ok(other.length >= 1, 'other fields are recorded');
  const done = await p.deps.db.selectFrom('inbound_messages').select('status').where('wamid', 'like', 'wamid.batch-%').execute();
  assert.deepEqual(done.map((d) => d.status), ['done', 'done', 'done', 'done']);
});

test('a message for a number no cinema owns is acknowledged and ignored', async () => {
  const before = await count('inbound_messages');
  const body = envelope({ ...textMessage(1, '919800000001', 'wamid.unknown', 'hi'), changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '1', phone_number_id: '999' }, contacts: [{ profile: { name: 'x' }, wa_id: '919800000001' }], messages: [{ from: '919800000001', id: 'wamid.unknown', timestamp: seconds(), type: 'text', text: { body: 'hi' } }] } }] });
  assert.equal(await p.emulator.deliverWebhook(`${p.url}/webhooks/whatsapp`, body, { appSecret: APP_SECRET }), 200);
  assert.equal(await count('inbound_messages'), before);
});

test('a user known only by a business-scoped id (no `from`) is answered by that id', async () => {
  await p.emulator.userSends({ phoneNumberId: business(2).phoneNumbers[0].id, from: { userId: 'IN.12345678901234567890', username: 'moviebuff' }, message: { type: 'text', text: { body: 'bsuid here' } } });
  await p.drain();
  const last = p.emulator.sent().at(-1)!;
  assert.equal(last.recipient, 'IN.12345678901234567890');
  assert.equal((last.body.text as { body: string }).body, 'echo: bsuid here');
});

test('stale messages are recorded, not answered as new', async () => {
  const b = business(2);
  const old = String(Math.floor((p.clock.now() - 60 * 60_000) / 1000));
  const msg = (id: string) => ({ from: '919800000031', id, timestamp: old, type: 'text', text: { body: 'old' } });
  const body = envelope({ id: b.wabaId, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '1', phone_number_id: b.phoneNumbers[0].id }, contacts: [{ profile: { name: 'Late' }, wa_id: '919800000031' }], messages: [msg('wamid.stale-1'), msg('wamid.stale-2')] } }] });
  const before = p.emulator.sent().length;
  assert.equal(await p.emulator.deliverWebhook(`${p.url}/webhooks/whatsapp`, body, { appSecret: APP_SECRET }), 200);
  await p.drain();
  const rows = await p.deps.db.selectFrom('inbound_messages').select('status').where('wamid', 'like', 'wamid.stale-%').execute();
  assert.deepEqual(rows.map((r) => r.status), ['stale', 'stale']);
  const sent = p.emulator.sent().slice(before);
  assert.ok(sent.every((m) => !JSON.stringify(m.body).includes('echo: old')), 'stale messages are not answered as new');
});
