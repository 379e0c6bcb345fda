import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseWebhook, WebhookParseError, type InboundMessage, type WebhookEvent } from './webhook.ts';

const TS = '1764052200';
const TS_MS = 1764052200_000;
const ASHA = '919800000001';
const KUMAR = '919800000002';

let seq = 0;
/** An inbound message as Meta sends it; `from` defaults to Asha. */
function msg(type: string, content: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { from: ASHA, id: `wamid.${++seq}`, timestamp: TS, type, ...content, ...extra };
}

const messagesChange = (phoneNumberId: string, value: Record<string, unknown>) => ({
  field: 'messages',
  value: { messaging_product: 'whatsapp', metadata: { display_phone_number: `1555${phoneNumberId}`, phone_number_id: phoneNumberId }, ...value },
});

// One message of every inbound type, as in Meta's webhook reference.
const inbound = {
  text: msg('text', { text: { body: 'Hi 🎬' } }),
  buttonReply: msg('interactive', { interactive: { type: 'button_reply', button_reply: { id: 'pay', title: 'Pay now' } } }, { from: KUMAR, context: { from: '15550001', id: 'wamid.ours-1' } }),
  listReply: msg('interactive', { interactive: { type: 'list_reply', list_reply: { id: 'show-7', title: 'Jawan 6:30 PM', description: 'Screen 2 · ₹250' } } }),
  flowReply: msg('interactive', {
    interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: '{"flow_token":"t-1","seats":["A1","A2"]}' } },
  }),
  templateButton: msg('button', { button: { payload: 'STOP_REMINDERS', text: 'Stop' } }),
  location: msg('location', { location: { latitude: 13.0827, longitude: 80.2707, name: 'Marina', address: 'Chennai' } }),
  image: msg('image', { image: { id: 'img-1', mime_type: 'image/jpeg', sha256: 'abc', caption: 'my seat' } }),
  video: msg('video', { video: { id: 'vid-1', mime_type: 'video/mp4', sha256: 'abc' } }),
  audio: msg('audio', { audio: { id: 'aud-1', mime_type: 'audio/ogg; codecs=opus', sha256: 'abc', voice: true } }),
  document: msg('document', { document: { id: 'doc-1', mime_type: 'application/pdf', sha256: 'abc', filename: 'id.pdf' } }),
  sticker: msg('sticker', { sticker: { id: 'stk-1', mime_type: 'image/webp', sha256: 'abc', animated: false } }),
  contacts: msg('contacts', { contacts: [{ name: { formatted_name: 'Ravi' } }, { name: { formatted_name: 'Meena' } }] }),
  reaction: msg('reaction', { reaction: { message_id: 'wamid.ours-2', emoji: '❤️' } }),
  reactionRemoved: msg('reaction', { reaction: { message_id: 'wamid.ours-2' } }),
  order: msg('order', { order: { catalog_id: 'c1', product_items: [] } }),
  system: msg('system', { system: { body: 'User A changed from 91980 to 91981', wa_id: '91981', type: 'user_changed_number' } }),
  unsupported: msg('unsupported', { errors: [{ code: 131051, title: 'Message type unknown' }], unsupported: { type: 'edit' } }),
  unknown: msg('unknown', { errors: [{ code: 130501, title: 'Unsupported message type' }] }),
  forwarded: msg('text', { text: { body: 'look' } }, { context: { forwarded: true }, referral: { source_type: 'ad', source_id: 'ad-9' } }),
  // A user with a username and no phone number: only a BSUID.
  bsuidOnly: { from_user_id: 'IN.13491208655302741918', id: 'wamid.bsuid', timestamp: TS, type: 'text', text: { body: 'नमस्ते' } },
  // Malformed: a text message without its text.
  malformed: { from: ASHA, id: 'wamid.bad', timestamp: TS, type: 'text' },
};

const batch = {
  object: 'whatsapp_business_account',
  entry: [
    {
      id: 'WABA-1',
      time: 1764052201,
      changes: [
        messagesChange('PN-1', {
          contacts: [
            { profile: { name: 'Asha' }, wa_id: ASHA },
            { profile: { name: 'Kumar' }, wa_id: KUMAR, user_id: 'IN.222' },
            { profile: { name: 'Priya', username: 'priya.films' }, user_id: 'IN.13491208655302741918' },
          ],
          messages: Object.values(inbound),
        }),
        messagesChange('PN-1', {
          statuses: [
            { id: 'wamid.out-1', status: 'sent', timestamp: TS, recipient_id: ASHA, biz_opaque_callback_data: 'mq:1', pricing: { billable: true } },
            { id: 'wamid.out-1', status: 'delivered', timestamp: TS, recipient_id: ASHA },
            { id: 'wamid.out-2', status: 'read', timestamp: TS, recipient_id: KUMAR, recipient_user_id: 'IN.222' },
            {
              id: 'wamid.out-3',
              status: 'failed',
              timestamp: TS,
              recipient_id: ASHA,
              errors: [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', error_data: { details: 'More than 24 hours have passed' } }],
            },
            { id: 'wamid.out-4', status: 'played', timestamp: TS, recipient_id: ASHA },
            { id: 'wamid.out-5', status: 'exploded', timestamp: TS },
          ],
        }),
        { field: 'account_update', value: { phone_number: '15550001', event: 'VERIFIED_ACCOUNT' } },
      ],
    },
    {
      id: 'WABA-2',
      changes: [
        messagesChange('PN-2', {
          contacts: [{ profile: { name: 'Meena' }, wa_id: '919800000003' }],
          messages: [{ from: '919800000003', id: 'wamid.pn2', timestamp: TS, type: 'text', text: { body: 'வணக்கம்' } }],
        }),
        messagesChange('PN-2', { errors: [{ code: 131000, title: 'Something went wrong', message: 'Something went wrong' }] }),
        { field: 'message_template_status_update', value: { event: 'APPROVED', message_template_name: 'reminder' } },
      ],
    },
    { id: 'WABA-3' },
  ],
};

const ofKind = <K extends WebhookEvent['kind']>(events: WebhookEvent[], kind: K) =>
  events.filter((e): e is Extract<WebhookEvent, { kind: K }> => e.kind === kind);

test('every entry, change, message, status and error of a batch becomes an event, in order', () => {
  const events = parseWebhook(batch);
  assert.deepEqual(
    events.map((e) => e.kind),
    [
      ...Array(Object.keys(inbound).length - 1).fill('message'),
      'invalid',
      ...Array(5).fill('status'),
      'invalid',
      'other',
      'message',
      'error',
      'other',
      'invalid',
    ],
  );
  const messages = ofKind(events, 'message');
  assert.deepEqual(new Set(messages.map((m) => m.phoneNumberId)), new Set(['PN-1', 'PN-2']));
  assert.deepEqual(new Set(messages.map((m) => m.wabaId)), new Set(['WABA-1', 'WABA-2']));
  const pn2 = messages.find((m) => m.phoneNumberId === 'PN-2')!;
  assert.equal(pn2.wabaId, 'WABA-2');
  assert.equal(pn2.displayPhoneNumber, '1555PN-2');
  assert.equal(pn2.message.profileName, 'Meena');
  assert.deepEqual(pn2.message.content, { type: 'text', text: 'வணக்கம்' });
});

test('each inbound type is read into its typed content', () => {
  const byId = new Map(ofKind(parseWebhook(batch), 'message').map((e) => [e.message.wamid, e.message]));
  const content = (m: Record<string, unknown>) => byId.get(m.id as string)!.content;
  assert.deepEqual(content(inbound.text), { type: 'text', text: 'Hi 🎬' });
  assert.deepEqual(content(inbound.buttonReply), { type: 'button_reply', id: 'pay', title: 'Pay now' });
  assert.deepEqual(content(inbound.listReply), { type: 'list_reply', id: 'show-7', title: 'Jawan 6:30 PM', description: 'Screen 2 · ₹250' });
  assert.deepEqual(content(inbound.flowReply), { type: 'flow_reply', response: { flow_token: 't-1', seats: ['A1', 'A2'] }, body: 'Sent' });
  assert.deepEqual(content(inbound.templateButton), { type: 'button', payload: 'STOP_REMINDERS', text: 'Stop' });
  assert.deepEqual(content(inbound.location), { type: 'location', latitude: 13.0827, longitude: 80.2707, name: 'Marina', address: 'Chennai' });
  assert.deepEqual(content(inbound.image), { type: 'media', mediaType: 'image', id: 'img-1', mimeType: 'image/jpeg', caption: 'my seat' });
  assert.deepEqual(content(inbound.video), { type: 'media', mediaType: 'video', id: 'vid-1', mimeType: 'video/mp4' });
  assert.deepEqual(content(inbound.audio), { type: 'media', mediaType: 'audio', id: 'aud-1', mimeType: 'audio/ogg; codecs=opus' });
  assert.deepEqual(content(inbound.document), { type: 'media', mediaType: 'document', id: 'doc-1', mimeType: 'application/pdf', filename: 'id.pdf' });
  assert.deepEqual(content(inbound.sticker), { type: 'media', mediaType: 'sticker', id: 'stk-1', mimeType: 'image/webp' });
  assert.deepEqual(content(inbound.contacts), { type: 'contacts', count: 2 });
  assert.deepEqual(content(inbound.reaction), { type: 'reaction', messageId: 'wamid.ours-2', emoji: '❤️' });
  assert.deepEqual(content(inbound.reactionRemoved), { type: 'reaction', messageId: 'wamid.ours-2', emoji: '' });
  assert.deepEqual(content(inbound.order), { type: 'order' });
  assert.deepEqual(content(inbound.system), { type: 'system', body: 'User A changed from 91980 to 91981', systemType: 'user_changed_number' });
  assert.deepEqual(content(inbound.unsupported), { type: 'unsupported', originalType: 'edit' });
  assert.deepEqual(content(inbound.unknown), { type: 'unsupported' });
});

test('message metadata: sender, profile name by wa_id, context, forwarding, referral, timestamp in ms, raw kept', () => {
  const byId = new Map(ofKind(parseWebhook(batch), 'message').map((e) => [e.message.wamid, e.message]));
  const text = byId.get(inbound.text.id as string)!;
  assert.equal(text.from, ASHA);
  assert.equal(text.profileName, 'Asha');
  assert.equal(text.timestampMs, TS_MS);
  assert.equal(text.userId, undefined);
  assert.deepEqual(text.raw, inbound.text);

  const reply = byId.get(inbound.buttonReply.id as string)!;
  assert.equal(reply.from, KUMAR);
  assert.equal(reply.userId, 'IN.222', 'the BSUID comes from the matching contact');
  assert.equal(reply.profileName, 'Kumar');
  assert.equal(reply.contextId, 'wamid.ours-1');

  const fwd = byId.get(inbound.forwarded.id as string)!;
  assert.equal(fwd.forwarded, true);
  assert.deepEqual(fwd.referral, { source_type: 'ad', source_id: 'ad-9' });
  assert.equal(fwd.contextId, undefined);
});

test('a BSUID-only user without `from` is a message keyed by user id, with the profile matched by user_id', () => {
  const bsuid = ofKind(parseWebhook(batch), 'message').find((e) => e.message.wamid === 'wamid.bsuid')!.message;
  assert.deepEqual(
    { from: bsuid.from, userId: bsuid.userId, profileName: bsuid.profileName, content: bsuid.content },
    { from: undefined, userId: 'IN.13491208655302741918', profileName: 'Priya', content: { type: 'text', text: 'नमस्ते' } },
  );
  assert.ok(!('from' in bsuid));
});

test('a malformed message or status becomes invalid with its location and raw item, and the rest still arrive', () => {
  const invalid = ofKind(parseWebhook(batch), 'invalid');
  assert.equal(invalid.length, 3);
  assert.match(invalid[0].reason, /^entry\[0\]\.changes\[0\]\.value\.messages\[20\]\.text: /);
  assert.deepEqual(invalid[0].raw, inbound.malformed);
  assert.match(invalid[1].reason, /^entry\[0\]\.changes\[1\]\.value\.statuses\[5\]: status: /);
  assert.deepEqual(invalid[1].raw, { id: 'wamid.out-5', status: 'exploded', timestamp: TS });
  assert.match(invalid[2].reason, /^entry\[2\]: changes: /);
  assert.deepEqual(invalid[2].raw, { id: 'WABA-3' });
});

test('statuses: every one, with recipient, BSUID, opaque data and the errors of a failure', () => {
  const statuses = ofKind(parseWebhook(batch), 'status');
  assert.deepEqual(
    statuses.map((s) => [s.status.wamid, s.status.status]),
    [
      ['wamid.out-1', 'sent'],
      ['wamid.out-1', 'delivered'],
      ['wamid.out-2', 'read'],
      ['wamid.out-3', 'failed'],
      ['wamid.out-4', 'played'],
    ],
  );
  assert.deepEqual(statuses[0].status, { wamid: 'wamid.out-1', status: 'sent', timestampMs: TS_MS, recipientId: ASHA, bizOpaque: 'mq:1' });
  assert.equal(statuses[2].status.recipientUserId, 'IN.222');
  assert.deepEqual(statuses[3].status.errors, [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message' }]);
  assert.equal(statuses[3].phoneNumberId, 'PN-1');
  assert.equal(statuses[3].wabaId, 'WABA-1');
});

test('an errors block and other fields are reported, not dropped', () => {
  const events = parseWebhook(batch);
  assert.deepEqual(ofKind(events, 'error'), [
    { kind: 'error', wabaId: 'WABA-2', phoneNumberId: 'PN-2', errors: [{ code: 131000, title: 'Something went wrong', message: 'Something went wrong' }] },
  ]);
  assert.deepEqual(ofKind(events, 'other'), [
    { kind: 'other', wabaId: 'WABA-1', field: 'account_update', value: { phone_number: '15550001', event: 'VERIFIED_ACCOUNT' } },
    { kind: 'other', wabaId: 'WABA-2', field: 'message_template_status_update', value: { event: 'APPROVED', message_template_name: 'reminder' } },
  ]);
});

test('a status error given only as error_data.details keeps the details as its message', () => {
  const events = parseWebhook({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'W',
        changes: [
          messagesChange('P', {
            statuses: [{ id: 'wamid.x', status: 'failed', timestamp: TS, recipient_id: ASHA, errors: [{ code: '131026', error_data: { details: 'Undeliverable' } }, 'junk'] }],
          }),
        ],
      },
    ],
  });
  assert.deepEqual(ofKind(events, 'status')[0].status.errors, [{ code: 131026, message: 'Undeliverable' }]);
});

test('messages without metadata, without any sender, or with a broken flow response are invalid', () => {
  const events = parseWebhook({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'W',
        changes: [
          { field: 'messages', value: { messages: [msg('text', { text: { body: 'x' } })] } },
          messagesChange('P', { messages: [{ id: 'wamid.anon', timestamp: TS, type: 'text', text: { body: 'who?' } }] }),
          messagesChange('P', { messages: [msg('interactive', { interactive: { type: 'nfm_reply', nfm_reply: { response_json: '{not json' } } })] }),
        ],
      },
    ],
  });
  assert.deepEqual(
    events.map((e) => (e.kind === 'invalid' ? e.reason : e.kind)),
    [
      'entry[0].changes[0].value.metadata.phone_number_id is missing',
      'entry[0].changes[1].value.messages[0]: no sender (from, from_user_id or a matching contact)',
      'entry[0].changes[2].value.messages[0].interactive.nfm_reply.response_json: not valid JSON',
    ],
  );
});

test('a single message and a single contact without ids are the same person', () => {
  const [e] = parseWebhook({
    object: 'whatsapp_business_account',
    entry: [{ id: 'W', changes: [messagesChange('P', { contacts: [{ profile: { name: 'Lone' } }], messages: [msg('text', { text: { body: 'x' } })] })] }],
  });
  assert.equal(e.kind === 'message' && e.message.profileName, 'Lone');
});

test('unfamiliar message and interactive types are unsupported, not invalid', () => {
  const events = parseWebhook({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'W',
        changes: [
          messagesChange('P', {
            messages: [msg('request_welcome', {}), msg('interactive', { interactive: { type: 'call_permission_reply', call_permission_reply: {} } })],
          }),
        ],
      },
    ],
  });
  assert.deepEqual(
    events.map((e) => e.kind === 'message' && e.message.content),
    [
      { type: 'unsupported', originalType: 'request_welcome' },
      { type: 'unsupported', originalType: 'interactive.call_permission_reply' },
    ],
  );
});

test('only a body that is not a WhatsApp webhook at all throws', () => {
  for (const body of [null, 'x', [], {}, { object: 'page', entry: [] }, { object: 'whatsapp_business_account' }, { object: 'whatsapp_business_account', entry: {} }]) {
    assert.throws(() => parseWebhook(body), WebhookParseError);
  }
  assert.deepEqual(parseWebhook({ object: 'whatsapp_business_account', entry: [] }), []);
});

// Arbitrary JSON in every position of an otherwise valid envelope.
const anyJson = fc.jsonValue({ maxDepth: 3 });
const messageArb = fc.record(
  {
    from: fc.oneof(fc.constant(ASHA), anyJson),
    from_user_id: fc.oneof(fc.constant('IN.1'), anyJson),
    id: fc.oneof(fc.string(), anyJson),
    timestamp: fc.oneof(fc.constant(TS), fc.nat().map(String), anyJson),
    type: fc.oneof(
      fc.constantFrom('text', 'interactive', 'button', 'location', 'image', 'video', 'audio', 'document', 'sticker', 'contacts', 'reaction', 'order', 'system', 'unsupported', 'unknown'),
      fc.string(),
    ),
    text: anyJson,
    interactive: fc.oneof(
      anyJson,
      fc.record({
        type: fc.constantFrom('button_reply', 'list_reply', 'nfm_reply'),
        button_reply: anyJson,
        list_reply: anyJson,
        nfm_reply: fc.record({ response_json: fc.oneof(fc.string(), fc.json()), body: anyJson }, { requiredKeys: [] }),
      }),
    ),
    button: anyJson,
    location: anyJson,
    image: anyJson,
    document: anyJson,
    contacts: anyJson,
    reaction: anyJson,
    system: anyJson,
    unsupported: anyJson,
    context: anyJson,
  },
  { requiredKeys: [] },
);
const statusArb = fc.record(
  { id: fc.oneof(fc.string(), anyJson), status: fc.oneof(fc.constantFrom('sent', 'delivered', 'read', 'failed'), anyJson), timestamp: fc.oneof(fc.constant(TS), anyJson), errors: anyJson },
  { requiredKeys: [] },
);
const valueArb = fc.record(
  {
    metadata: fc.oneof(fc.constant({ phone_number_id: 'P' }), anyJson),
    contacts: fc.oneof(fc.array(fc.oneof(anyJson, fc.record({ wa_id: anyJson, user_id: anyJson, profile: anyJson }))), anyJson),
    messages: fc.oneof(fc.array(fc.oneof(messageArb, anyJson)), anyJson),
    statuses: fc.oneof(fc.array(fc.oneof(statusArb, anyJson)), anyJson),
    errors: anyJson,
  },
  { requiredKeys: [] },
);
const changeArb = fc.oneof(fc.record({ field: fc.oneof(fc.constant('messages'), fc.string(), anyJson), value: fc.oneof(valueArb, anyJson) }), anyJson);
const entryArb = fc.oneof(fc.record({ id: fc.oneof(fc.constant('W'), anyJson), changes: fc.oneof(fc.array(changeArb), anyJson) }), anyJson);

test('property: parseWebhook never throws on arbitrary JSON inside a valid envelope', () => {
  fc.assert(
    fc.property(fc.array(entryArb, { maxLength: 4 }), (entry) => {
      const body = JSON.parse(JSON.stringify({ object: 'whatsapp_business_account', entry }));
      const events = parseWebhook(body);
      for (const e of events) {
        assert.ok(['message', 'status', 'error', 'other', 'invalid'].includes(e.kind));
        if (e.kind === 'message') {
          assert.equal(typeof e.message.wamid, 'string');
          assert.ok(Number.isFinite(e.message.timestampMs));
          assert.ok(e.message.from !== undefined || e.message.userId !== undefined);
          assert.equal(typeof e.message.content.type, 'string');
        }
        if (e.kind === 'invalid') assert.equal(typeof e.reason, 'string');
      }
    }),
    { numRuns: 500 },
  );
});

test('property: within a readable change every message and status comes out as an event or an invalid item', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(messageArb, anyJson), { maxLength: 8 }), fc.array(fc.oneof(statusArb, anyJson), { maxLength: 8 }), (messages, statuses) => {
      const body = JSON.parse(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: 'W', changes: [messagesChange('P', { messages, statuses })] }] }));
      const events = parseWebhook(body);
      if (messages.length + statuses.length === 0) return;
      assert.equal(events.length, messages.length + statuses.length);
      const kinds = events.map((e) => e.kind);
      assert.ok(kinds.every((k) => k === 'message' || k === 'status' || k === 'invalid'));
      assert.equal(events.filter((e) => e.kind === 'message').length + events.slice(0, messages.length).filter((e) => e.kind === 'invalid').length, messages.length);
    }),
    { numRuns: 300 },
  );
});

test("raw is Meta's original message object, unknown fields included", () => {
  const original = msg('text', { text: { body: 'x' } }, { extra_field_from_the_future: { a: 1 } });
  const [e] = parseWebhook({ object: 'whatsapp_business_account', entry: [{ id: 'W', changes: [messagesChange('P', { messages: [original] })] }] });
  assert.equal(e.kind, 'message');
  const m = (e as { message: InboundMessage }).message;
  assert.equal(m.raw, original);
});
