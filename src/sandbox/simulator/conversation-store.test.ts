import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import type { SentMessage } from '../emulator/index.ts';
import { ConversationStore, type ConversationEvent } from './conversation-store.ts';

const PHONE_ID = '100000000000011';
const CUSTOMER = '919000000001';

function setup() {
  const events = new EventEmitter();
  const store = new ConversationStore({ events, sent: () => [] });
  const seen: ConversationEvent[] = [];
  store.subscribe(PHONE_ID, `+${CUSTOMER}`, (e) => seen.push(e));
  const sent = (wamid: string, status: SentMessage['status'] = 'accepted', body: Record<string, unknown> = { type: 'text', text: { body: 'Hello' } }): SentMessage => {
    const m: SentMessage = { wamid, phoneNumberId: PHONE_ID, to: CUSTOMER, body, at: 1000, status };
    events.emit('sent', m);
    return m;
  };
  const webhook = (ids: string[], status: number, attempt = 1) =>
    events.emit('webhook', { url: 'x', status, attempt, duplicate: false, raw: '', body: { entry: [{ changes: [{ value: { messages: ids.map((id) => ({ id })) } }] }] } });
  return { events, store, seen, sent, webhook };
}

test('what Marquee sent appears with its statuses, and a late delivered never undoes read', () => {
  const { events, store, seen, sent } = setup();
  const m = sent('wamid.A');
  assert.equal(store.history(PHONE_ID, CUSTOMER)[0]!.status, 'pending');
  for (const status of ['sent', 'read', 'delivered'] as const) events.emit('status', { message: { ...m, status } });
  assert.equal(store.history(PHONE_ID, CUSTOMER)[0]!.status, 'read');
  assert.deepEqual(
    seen.map((e) => e.kind === 'message' && e.message.status),
    ['pending', 'sent', 'read'],
    'subscribers hear of each real change only',
  );
  events.emit('status', { message: { ...m, status: 'failed', errorCode: 131047 } });
  assert.equal(store.history(PHONE_ID, CUSTOMER)[0]!.status, 'read');
});

test('a failed send says why', () => {
  const { events, store, sent } = setup();
  const m = sent('wamid.B');
  events.emit('status', { message: { ...m, status: 'failed', errorCode: 131047 } });
  assert.deepEqual(
    (({ status, problem }) => ({ status, problem }))(store.history(PHONE_ID, CUSTOMER)[0]!),
    { status: 'failed', problem: 'WhatsApp error 131047' },
  );
});

test('a customer message: refused webhooks are explained, a later 200 delivers it, a read receipt turns it blue', () => {
  const { events, store, webhook } = setup();
  store.addCustomerMessage(PHONE_ID, CUSTOMER, { id: 'wamid.C', at: 900, payload: { type: 'text', text: { body: 'hi' } }, status: 'sent' });
  webhook(['wamid.C'], 500);
  assert.match(store.history(PHONE_ID, CUSTOMER)[0]!.problem!, /Webhook attempt 1: Marquee answered HTTP 500/);
  webhook(['wamid.C'], 200, 2);
  assert.deepEqual((({ status, problem }) => ({ status, problem }))(store.history(PHONE_ID, CUSTOMER)[0]!), { status: 'delivered', problem: undefined });
  events.emit('markRead', { phoneNumberId: PHONE_ID, messageId: 'wamid.C', typingIndicator: true, at: 2000 });
  assert.equal(store.history(PHONE_ID, CUSTOMER)[0]!.status, 'read');
});

test('updates that arrive before their message are kept for it', () => {
  const { events, store, webhook } = setup();
  webhook(['wamid.D'], 200);
  events.emit('markRead', { phoneNumberId: PHONE_ID, messageId: 'wamid.D', typingIndicator: false, at: 2000 });
  store.addCustomerMessage(PHONE_ID, CUSTOMER, { id: 'wamid.D', at: 900, payload: { type: 'text', text: { body: 'hi' } }, status: 'delivered' });
  assert.equal(store.history(PHONE_ID, CUSTOMER)[0]!.status, 'read');
});

test('conversations are kept apart, and media is traced to the number that showed it', () => {
  const { events, store, sent } = setup();
  sent('wamid.E', 'accepted', { type: 'image', image: { id: '555', caption: 'Your ticket' } });
  events.emit('sent', { wamid: 'wamid.F', phoneNumberId: PHONE_ID, to: '919000000002', body: { type: 'text', text: { body: 'other' } }, at: 1, status: 'accepted' } satisfies SentMessage);
  assert.deepEqual(store.history(PHONE_ID, CUSTOMER).map((m) => m.id), ['wamid.E']);
  assert.equal(store.find(PHONE_ID, CUSTOMER, 'wamid.F'), undefined, 'another customer’s message is not this conversation’s');
  assert.equal(store.mediaOwner('555'), PHONE_ID);
  assert.equal(store.mediaOwner('556'), undefined);
});
