import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Harness, USER, message, sendMessage, startHarness } from './test-harness.ts';

const s = (n: number, ch = 'x') => ch.repeat(n);

function buttons(o: { count?: number; title?: (i: number) => string; id?: (i: number) => string; body?: string; header?: unknown; footer?: unknown } = {}) {
  const count = o.count ?? 3;
  return message('interactive', {
    type: 'button',
    ...(o.header === undefined ? {} : { header: o.header }),
    body: { text: o.body ?? 'Pick a show' },
    ...(o.footer === undefined ? {} : { footer: o.footer }),
    action: {
      buttons: Array.from({ length: count }, (_, i) => ({ type: 'reply', reply: { id: o.id?.(i) ?? `show-${i}`, title: o.title?.(i) ?? `Show ${i}` } })),
    },
  });
}

function list(o: { sections?: { title?: string; rows: { id: string; title: string; description?: string }[] }[]; button?: string; body?: string; header?: unknown } = {}) {
  const sections = o.sections ?? [{ title: 'Today', rows: [{ id: 'r1', title: '10:00' }] }];
  return message('interactive', {
    type: 'list',
    ...(o.header === undefined ? {} : { header: o.header }),
    body: { text: o.body ?? 'Choose a time' },
    action: { button: o.button ?? 'Times', sections },
  });
}

const rows = (n: number, prefix = 'r') => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, title: `Row ${i}` }));

function ctaUrl(o: { display?: string; url?: string; body?: string } = {}) {
  return message('interactive', {
    type: 'cta_url',
    body: { text: o.body ?? 'Pay for your seats' },
    action: { name: 'cta_url', parameters: { display_text: o.display ?? 'Pay now', url: o.url ?? 'https://pay.example.in/b/1' } },
  });
}

function flow(parameters: Record<string, unknown> = {}) {
  return message('interactive', {
    type: 'flow',
    body: { text: 'Pick your seats' },
    action: {
      name: 'flow',
      parameters: { flow_message_version: '3', flow_id: '1234567890', flow_cta: 'Choose seats', flow_token: 'tok-1', flow_action: 'navigate', flow_action_payload: { screen: 'SEATS' }, ...parameters },
    },
  });
}

interface LimitCase {
  name: string;
  ok: Record<string, unknown>;
  bad: Record<string, unknown>;
  code: number;
  /** The field the error details must name (Meta's bracket path). */
  field: string;
}

const LIMITS: LimitCase[] = [
  { name: 'text body ≤ 4096', ok: message('text', { body: s(4096) }), bad: message('text', { body: s(4097) }), code: 131009, field: "text['body']" },
  { name: 'text body counted in UTF-16 units', ok: message('text', { body: s(2048, '🎟') }), bad: message('text', { body: s(2048, '🎟') + 'x' }), code: 131009, field: "text['body']" },
  { name: 'reply buttons: at most 3', ok: buttons({ count: 3 }), bad: buttons({ count: 4 }), code: 131009, field: "interactive['action']['buttons']" },
  { name: 'reply buttons: at least 1', ok: buttons({ count: 1 }), bad: buttons({ count: 0 }), code: 131009, field: "interactive['action']['buttons']" },
  {
    name: 'button title ≤ 20',
    ok: buttons({ title: (i) => s(19) + i }),
    bad: buttons({ title: (i) => s(20) + i }),
    code: 131009,
    field: "interactive['action']['buttons'][0]['reply']['title']",
  },
  { name: 'button titles unique', ok: buttons({ count: 2 }), bad: buttons({ count: 2, title: () => 'Same' }), code: 131009, field: "interactive['action']['buttons'][1]['reply']['title']" },
  {
    name: 'button id ≤ 256',
    ok: buttons({ id: (i) => s(255) + i }),
    bad: buttons({ id: (i) => s(256) + i }),
    code: 131009,
    field: "interactive['action']['buttons'][0]['reply']['id']",
  },
  { name: 'button id without outer spaces', ok: buttons({ id: (i) => `a b${i}` }), bad: buttons({ id: (i) => ` a${i}` }), code: 131009, field: "interactive['action']['buttons'][0]['reply']['id']" },
  { name: 'interactive body ≤ 1024', ok: buttons({ body: s(1024) }), bad: buttons({ body: s(1025) }), code: 131009, field: "interactive['body']['text']" },
  {
    name: 'button header text ≤ 60',
    ok: buttons({ header: { type: 'text', text: s(60) } }),
    bad: buttons({ header: { type: 'text', text: s(61) } }),
    code: 131009,
    field: "interactive['header']['text']",
  },
  { name: 'footer ≤ 60', ok: buttons({ footer: { text: s(60) } }), bad: buttons({ footer: { text: s(61) } }), code: 131009, field: "interactive['footer']['text']" },
  { name: 'list button ≤ 20', ok: list({ button: s(20) }), bad: list({ button: s(21) }), code: 131009, field: "interactive['action']['button']" },
  {
    name: 'list: ≤ 10 rows across all sections',
    ok: list({ sections: [{ title: 'A', rows: rows(5, 'a') }, { title: 'B', rows: rows(5, 'b') }] }),
    bad: list({ sections: [{ title: 'A', rows: rows(5, 'a') }, { title: 'B', rows: rows(6, 'b') }] }),
    code: 131009,
    field: "interactive['action']['sections']",
  },
  {
    name: 'list: ≤ 10 sections',
    ok: list({ sections: Array.from({ length: 10 }, (_, i) => ({ title: `S${i}`, rows: rows(1, `s${i}-`) })) }),
    bad: list({ sections: Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, rows: rows(1, `s${i}-`) })) }),
    code: 131009,
    field: "interactive['action']['sections']",
  },
  {
    name: 'list row id ≤ 200',
    ok: list({ sections: [{ rows: [{ id: s(200), title: 'A' }] }] }),
    bad: list({ sections: [{ rows: [{ id: s(201), title: 'A' }] }] }),
    code: 131009,
    field: "interactive['action']['sections'][0]['rows'][0]['id']",
  },
  {
    name: 'list row ids unique',
    ok: list({ sections: [{ rows: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] }] }),
    bad: list({ sections: [{ rows: [{ id: 'a', title: 'A' }, { id: 'a', title: 'B' }] }] }),
    code: 131009,
    field: "interactive['action']['sections'][0]['rows'][1]['id']",
  },
  {
    name: 'list row title ≤ 24',
    ok: list({ sections: [{ rows: [{ id: 'a', title: s(24) }] }] }),
    bad: list({ sections: [{ rows: [{ id: 'a', title: s(25) }] }] }),
    code: 131009,
    field: "interactive['action']['sections'][0]['rows'][0]['title']",
  },
  {
    name: 'list row description ≤ 72',
    ok: list({ sections: [{ rows: [{ id: 'a', title: 'A', description: s(72) }] }] }),
    bad: list({ sections: [{ rows: [{ id: 'a', title: 'A', description: s(73) }] }] }),
    code: 131009,
    field: "interactive['action']['sections'][0]['rows'][0]['description']",
  },
  {
    name: 'list section title ≤ 24',
    ok: list({ sections: [{ title: s(24), rows: rows(1) }] }),
    bad: list({ sections: [{ title: s(25), rows: rows(1) }] }),
    code: 131009,
    field: "interactive['action']['sections'][0]['title']",
  },
  {
    name: 'list section title required with several sections',
    ok: list({ sections: [{ rows: rows(2) }] }),
    bad: list({ sections: [{ title: 'A', rows: rows(1, 'a') }, { rows: rows(1, 'b') }] }),
    code: 131008,
    field: "interactive['action']['sections'][1]['title']",
  },
  { name: 'list body ≤ 1024', ok: list({ body: s(1024) }), bad: list({ body: s(1025) }), code: 131009, field: "interactive['body']['text']" },
  {
    name: 'list header is text only, ≤ 60',
    ok: list({ header: { type: 'text', text: s(60) } }),
    bad: list({ header: { type: 'image', image: { link: 'https://x.in/a.png' } } }),
    code: 100,
    field: "interactive['header']['type']",
  },
  { name: 'cta_url display_text ≤ 20', ok: ctaUrl({ display: s(20) }), bad: ctaUrl({ display: s(21) }), code: 131009, field: "interactive['action']['parameters']['display_text']" },
  { name: 'cta_url body ≤ 1024', ok: ctaUrl({ body: s(1024) }), bad: ctaUrl({ body: s(1025) }), code: 131009, field: "interactive['body']['text']" },
  { name: 'cta_url needs a URL', ok: ctaUrl({ url: 'https://pay.example.in/x?y=1' }), bad: ctaUrl({ url: 'pay here' }), code: 131009, field: "interactive['action']['parameters']['url']" },
  {
    name: 'location request body ≤ 1024',
    ok: message('interactive', { type: 'location_request_message', body: { text: s(1024) }, action: { name: 'send_location' } }),
    bad: message('interactive', { type: 'location_request_message', body: { text: s(1025) }, action: { name: 'send_location' } }),
    code: 131009,
    field: "interactive['body']['text']",
  },
  { name: 'flow_cta ≤ 20', ok: flow({ flow_cta: s(20) }), bad: flow({ flow_cta: s(21) }), code: 131009, field: "interactive['action']['parameters']['flow_cta']" },
  { name: 'flow_cta without emoji', ok: flow({ flow_cta: 'Seats' }), bad: flow({ flow_cta: 'Seats 🎟' }), code: 131009, field: "interactive['action']['parameters']['flow_cta']" },
  { name: 'flow_message_version is "3"', ok: flow(), bad: flow({ flow_message_version: '2' }), code: 131009, field: "interactive['action']['parameters']['flow_message_version']" },
  { name: 'flow_id or flow_name, not both', ok: flow({ flow_id: undefined, flow_name: 'seat_picker' }), bad: flow({ flow_name: 'seat_picker' }), code: 100, field: "interactive['action']['parameters']['flow_id']" },
  { name: 'flow_action is navigate or data_exchange', ok: flow({ flow_action: 'data_exchange', flow_action_payload: undefined }), bad: flow({ flow_action: 'jump' }), code: 100, field: "interactive['action']['parameters']['flow_action']" },
  {
    name: 'image caption ≤ 1024',
    ok: message('image', { link: 'https://x.in/a.png', caption: s(1024) }),
    bad: message('image', { link: 'https://x.in/a.png', caption: s(1025) }),
    code: 131009,
    field: "image['caption']",
  },
  {
    name: 'document caption ≤ 1024',
    ok: message('document', { link: 'https://x.in/t.pdf', caption: s(1024), filename: 'ticket.pdf' }),
    bad: message('document', { link: 'https://x.in/t.pdf', caption: s(1025) }),
    code: 131009,
    field: "document['caption']",
  },
  { name: 'media: id and link not both', ok: message('video', { link: 'https://x.in/t.mp4' }), bad: message('video', { link: 'https://x.in/t.mp4', id: '123' }), code: 100, field: 'video' },
  { name: 'media: one of id or link', ok: message('audio', { link: 'https://x.in/a.ogg' }), bad: message('audio', {}), code: 131008, field: "audio['id']" },
  { name: 'media link is https', ok: message('sticker', { link: 'https://x.in/s.webp' }), bad: message('sticker', { link: 'http://x.in/s.webp' }), code: 131009, field: "sticker['link']" },
  { name: 'no caption on audio', ok: message('audio', { link: 'https://x.in/a.ogg' }), bad: message('audio', { link: 'https://x.in/a.ogg', caption: 'hi' }), code: 100, field: "audio['caption']" },
  {
    name: 'location coordinates in range',
    ok: message('location', { latitude: 13.0827, longitude: 80.2707, name: 'Marquee Chennai' }),
    bad: message('location', { latitude: 91, longitude: 80.2707 }),
    code: 131009,
    field: "location['latitude']",
  },
  {
    name: 'contacts need a formatted name',
    ok: message('contacts', [{ name: { formatted_name: 'Box office' }, phones: [{ phone: '+91 44 1234 5678', type: 'WORK' }] }]),
    bad: message('contacts', [{ name: { first_name: 'Box' } }]),
    code: 131008,
    field: "contacts[0]['name']['formatted_name']",
  },
  { name: 'reaction is one emoji (or empty to remove)', ok: message('reaction', { message_id: 'wamid.x', emoji: '👍🏽' }), bad: message('reaction', { message_id: 'wamid.x', emoji: 'ok' }), code: 131009, field: "reaction['emoji']" },
  {
    name: 'template header text parameter ≤ 60',
    ok: message('template', { name: 'booking_reminder', language: { code: 'en' }, components: [{ type: 'header', parameters: [{ type: 'text', text: s(60) }] }] }),
    bad: message('template', { name: 'booking_reminder', language: { code: 'en' }, components: [{ type: 'header', parameters: [{ type: 'text', text: s(61) }] }] }),
    code: 131009,
    field: "template['components'][0]['parameters'][0]['text']",
  },
  {
    name: 'template button index 0..9',
    ok: message('template', { name: 'booking_reminder', language: { code: 'ta' }, components: [{ type: 'button', sub_type: 'quick_reply', index: '9', parameters: [{ type: 'payload', payload: 'CANCEL' }] }] }),
    bad: message('template', { name: 'booking_reminder', language: { code: 'ta' }, components: [{ type: 'button', sub_type: 'quick_reply', index: '10', parameters: [{ type: 'payload', payload: 'CANCEL' }] }] }),
    code: 131009,
    field: "template['components'][0]['index']",
  },
  { name: 'biz_opaque_callback_data ≤ 512', ok: message('text', { body: 'hi' }, { biz_opaque_callback_data: s(512) }), bad: message('text', { body: 'hi' }, { biz_opaque_callback_data: s(513) }), code: 131009, field: 'biz_opaque_callback_data' },
];

describe('POST /messages limits (CLOUD-API.md section 1)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  for (const c of LIMITS) {
    it(c.name, async () => {
      const ok = await sendMessage(h.base, c.ok);
      assert.equal(ok.status, 200, `at the limit: ${ok.text}`);
      assert.match(ok.body.messages[0].id, /^wamid\./);

      const bad = await sendMessage(h.base, c.bad);
      assert.equal(bad.status, 400, bad.text);
      assert.equal(bad.body.error.code, c.code, bad.text);
      assert.equal(bad.body.error.type, 'OAuthException');
      assert.match(bad.body.error.message, new RegExp(`^\\(#${c.code}\\) `));
      assert.equal(bad.body.error.error_data.messaging_product, 'whatsapp');
      assert.ok(bad.body.error.error_data.details.includes(c.field), `details "${bad.body.error.error_data.details}" should name ${c.field}`);
      assert.match(bad.body.error.fbtrace_id, /^A[\w-]{22}$/);
    });
  }
});

describe('POST /messages envelope', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('answers like Meta: contacts with input and wa_id, one wamid, and records the send', async () => {
    const res = await sendMessage(h.base, message('text', { body: 'Hello', preview_url: false }));
    assert.equal(res.status, 200);
    assert.equal(res.body.messaging_product, 'whatsapp');
    assert.deepEqual(res.body.contacts, [{ input: `+${USER}`, wa_id: USER }]);
    const sent = h.emulator.sent({ to: `+${USER}` });
    assert.equal(sent.at(-1)!.wamid, res.body.messages[0].id);
    assert.equal(sent.at(-1)!.status, 'accepted');
  });

  it('serialises answers like Meta, escaping / in the wamid and @ anywhere', async () => {
    let res;
    // Some wamids contain "/" in their base64; send until one does (each is random).
    for (let i = 0; i < 200; i++) {
      res = await sendMessage(h.base, message('text', { body: 'x' }));
      if (res.body.messages[0].id.includes('/')) break;
    }
    assert.ok(res!.body.messages[0].id.includes('/'));
    assert.ok(res!.text.includes('\\/'));
    assert.ok(!/(?<!\\)\//.test(res!.text));
  });

  it('accepts a BSUID recipient instead of to', async () => {
    const res = await sendMessage(h.base, { messaging_product: 'whatsapp', recipient: 'US.13491208655302741918', type: 'text', text: { body: 'hi' } });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.contacts, [{ input: 'US.13491208655302741918', user_id: 'US.13491208655302741918' }]);
    assert.equal(h.emulator.sent().at(-1)!.recipient, 'US.13491208655302741918');
  });

  it('defaults type to text, as Meta does', async () => {
    const res = await sendMessage(h.base, { messaging_product: 'whatsapp', to: USER, text: { body: 'hi' } });
    assert.equal(res.status, 200, res.text);
  });

  it('names the missing or wrong top-level field', async () => {
    const noProduct = await sendMessage(h.base, { to: USER, type: 'text', text: { body: 'hi' } });
    assert.equal(noProduct.body.error.code, 100);
    assert.equal(noProduct.body.error.message, '(#100) The parameter messaging_product is required.');

    const noTo = await sendMessage(h.base, { messaging_product: 'whatsapp', type: 'text', text: { body: 'hi' } });
    assert.equal(noTo.body.error.code, 131008);
    assert.equal(noTo.body.error.error_data.details, 'The parameter to is required.');

    const badType = await sendMessage(h.base, message('sms', { body: 'hi' }));
    assert.equal(badType.body.error.code, 100);
    assert.match(badType.body.error.error_data.details, /Param type must be one of/);

    const noPayload = await sendMessage(h.base, { messaging_product: 'whatsapp', to: USER, type: 'image' });
    assert.equal(noPayload.body.error.code, 131008);
    assert.equal(noPayload.body.error.error_data.details, 'The parameter image is required.');

    const badTo = await sendMessage(h.base, { ...message('text', { body: 'hi' }), to: 'call me' });
    assert.equal(badTo.body.error.code, 131009);

    const notJson = await graph400(h.base);
    assert.equal(notJson.error.code, 100);
  });

  it('refuses an unknown media id immediately, naming the field', async () => {
    const res = await sendMessage(h.base, message('image', { id: '1234567890' }));
    assert.equal(res.body.error.code, 100);
    assert.equal(res.body.error.error_data.details, "Param image['id'] is not a valid whatsapp business account media attachment ID");
  });
});

async function graph400(base: string): Promise<any> {
  const res = await fetch(`${base}/v25.0/200000000000011/messages`, {
    method: 'POST',
    headers: { authorization: 'Bearer EAAtest-marquee-token', 'content-type': 'application/json' },
    body: '{"messaging_product":',
  });
  assert.equal(res.status, 400);
  return res.json();
}
