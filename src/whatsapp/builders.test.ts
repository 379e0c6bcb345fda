import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as b from './builders.ts';
import * as L from './limits.ts';
import { PayloadLimitError, validateOutgoing, type OutgoingMessage } from './outgoing.ts';
import { validateMediaFile, mediaKindForMime } from './media-file.ts';

// Strings in the languages Marquee speaks, plus emoji (2 UTF-16 units each).
const SCRIPTS = { hindi: 'टिकट बुक करें', tamil: 'டிக்கெட் முன்பதிவு', emoji: '🎬🍿🎟️', latin: 'Seat ' };

/** A string of exactly `n` UTF-16 units made of whole code points from `sample` (padded with 'x'). */
function ofLength(n: number, sample: string): string {
  const points = [...sample];
  let s = '';
  for (let i = 0; ; i++) {
    const cp = points[i % points.length];
    if (s.length + cp.length > n) break;
    s += cp;
  }
  return s.padEnd(n, 'x');
}

function refused(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof PayloadLimitError, `expected PayloadLimitError, got ${String(e)}`);
    return e.problems;
  }
  assert.fail('expected the builder to refuse the payload');
}

const btn = (title: string, id = 'b1') => ({ type: 'reply', reply: { id, title } });
const rawButtons = (o: { body?: string; title?: string; id?: string; header?: string; footer?: string }): OutgoingMessage => ({
  type: 'interactive',
  interactive: {
    type: 'button',
    ...(o.header !== undefined ? { header: { type: 'text', text: o.header } } : {}),
    body: { text: o.body ?? 'Choose' },
    ...(o.footer !== undefined ? { footer: { text: o.footer } } : {}),
    action: { buttons: [btn(o.title ?? 'Yes', o.id ?? 'b1')] },
  },
});
const rawList = (o: { body?: string; button?: string; header?: string; footer?: string; sectionTitle?: string; id?: string; title?: string; description?: string }): OutgoingMessage => ({
  type: 'interactive',
  interactive: {
    type: 'list',
    ...(o.header !== undefined ? { header: { type: 'text', text: o.header } } : {}),
    body: { text: o.body ?? 'Pick a show' },
    ...(o.footer !== undefined ? { footer: { text: o.footer } } : {}),
    action: {
      button: o.button ?? 'Shows',
      sections: [
        {
          ...(o.sectionTitle !== undefined ? { title: o.sectionTitle } : {}),
          rows: [{ id: o.id ?? 'r1', title: o.title ?? 'Row', ...(o.description !== undefined ? { description: o.description } : {}) }],
        },
      ],
    },
  },
});
const rawCta = (o: { body?: string; display?: string }): OutgoingMessage => ({
  type: 'interactive',
  interactive: {
    type: 'cta_url',
    body: { text: o.body ?? 'Pay here' },
    action: { name: 'cta_url', parameters: { display_text: o.display ?? 'Pay', url: 'https://pay.example/x' } },
  },
});
const rawFlow = (cta: string): OutgoingMessage => ({
  type: 'interactive',
  interactive: {
    type: 'flow',
    body: { text: 'Pick seats' },
    action: { name: 'flow', parameters: { flow_message_version: '3', flow_id: '123', flow_cta: cta, flow_token: 'tok-1' } },
  },
});

/** Every length limit of CLOUD-API.md section 1: how the builder is called and the payload it must produce. */
const LENGTH_LIMITS: { name: string; max: number; build: (s: string) => OutgoingMessage; raw: (s: string) => OutgoingMessage }[] = [
  { name: 'text body', max: L.TEXT_BODY_MAX, build: (s) => b.text(s), raw: (s) => ({ type: 'text', text: { body: s } }) },
  {
    name: 'reply button title',
    max: L.REPLY_BUTTON_TITLE_MAX,
    build: (s) => b.replyButtons({ body: 'Choose', buttons: [{ id: 'b1', title: s }] }),
    raw: (s) => rawButtons({ title: s }),
  },
  {
    name: 'reply button id',
    max: L.REPLY_BUTTON_ID_MAX,
    build: (s) => b.replyButtons({ body: 'Choose', buttons: [{ id: s, title: 'Yes' }] }),
    raw: (s) => rawButtons({ id: s }),
  },
  {
    name: 'reply buttons body',
    max: L.INTERACTIVE_BODY_MAX,
    build: (s) => b.replyButtons({ body: s, buttons: [{ id: 'b1', title: 'Yes' }] }),
    raw: (s) => rawButtons({ body: s }),
  },
  {
    name: 'reply buttons header text',
    max: L.HEADER_TEXT_MAX,
    build: (s) => b.replyButtons({ body: 'Choose', header: s, buttons: [{ id: 'b1', title: 'Yes' }] }),
    raw: (s) => rawButtons({ header: s }),
  },
  {
    name: 'reply buttons footer',
    max: L.FOOTER_TEXT_MAX,
    build: (s) => b.replyButtons({ body: 'Choose', footer: s, buttons: [{ id: 'b1', title: 'Yes' }] }),
    raw: (s) => rawButtons({ footer: s }),
  },
  {
    name: 'list button',
    max: L.LIST_BUTTON_MAX,
    build: (s) => b.list({ body: 'Pick a show', button: s, sections: [{ rows: [{ id: 'r1', title: 'Row' }] }] }),
    raw: (s) => rawList({ button: s }),
  },
  {
    name: 'list row id',
    max: L.LIST_ROW_ID_MAX,
    build: (s) => b.list({ body: 'Pick a show', button: 'Shows', sections: [{ rows: [{ id: s, title: 'Row' }] }] }),
    raw: (s) => rawList({ id: s }),
  },
  {
    name: 'list row title',
    max: L.LIST_ROW_TITLE_MAX,
    build: (s) => b.list({ body: 'Pick a show', button: 'Shows', sections: [{ rows: [{ id: 'r1', title: s }] }] }),
    raw: (s) => rawList({ title: s }),
  },
  {
    name: 'list row description',
    max: L.LIST_ROW_DESCRIPTION_MAX,
    build: (s) => b.list({ body: 'Pick a show', button: 'Shows', sections: [{ rows: [{ id: 'r1', title: 'Row', description: s }] }] }),
    raw: (s) => rawList({ description: s }),
  },
  {
    name: 'list section title',
    max: L.LIST_SECTION_TITLE_MAX,
    build: (s) => b.list({ body: 'Pick a show', button: 'Shows', sections: [{ title: s, rows: [{ id: 'r1', title: 'Row' }] }] }),
    raw: (s) => rawList({ sectionTitle: s }),
  },
  {
    name: 'list header',
    max: L.HEADER_TEXT_MAX,
    build: (s) => b.list({ body: 'Pick a show', header: s, button: 'Shows', sections: [{ rows: [{ id: 'r1', title: 'Row' }] }] }),
    raw: (s) => rawList({ header: s }),
  },
  {
    name: 'list footer',
    max: L.FOOTER_TEXT_MAX,
    build: (s) => b.list({ body: 'Pick a show', footer: s, button: 'Shows', sections: [{ rows: [{ id: 'r1', title: 'Row' }] }] }),
    raw: (s) => rawList({ footer: s }),
  },
  {
    name: 'list body (Marquee sends ≤ 1024)',
    max: L.LIST_BODY_MAX,
    build: (s) => b.list({ body: s, button: 'Shows', sections: [{ rows: [{ id: 'r1', title: 'Row' }] }] }),
    raw: (s) => rawList({ body: s }),
  },
  {
    name: 'CTA display text',
    max: L.CTA_DISPLAY_TEXT_MAX,
    build: (s) => b.ctaUrl({ body: 'Pay here', displayText: s, url: 'https://pay.example/x' }),
    raw: (s) => rawCta({ display: s }),
  },
  {
    name: 'CTA body',
    max: L.INTERACTIVE_BODY_MAX,
    build: (s) => b.ctaUrl({ body: s, displayText: 'Pay', url: 'https://pay.example/x' }),
    raw: (s) => rawCta({ body: s }),
  },
  {
    name: 'location request body',
    max: L.INTERACTIVE_BODY_MAX,
    build: (s) => b.locationRequest(s),
    raw: (s) => ({ type: 'interactive', interactive: { type: 'location_request_message', body: { text: s }, action: { name: 'send_location' } } }),
  },
  {
    name: 'image caption',
    max: L.MEDIA_CAPTION_MAX,
    build: (s) => b.image({ id: 'm1', caption: s }),
    raw: (s) => ({ type: 'image', image: { id: 'm1', caption: s } }),
  },
  {
    name: 'video caption',
    max: L.MEDIA_CAPTION_MAX,
    build: (s) => b.video({ link: 'https://cdn.example/t.mp4', caption: s }),
    raw: (s) => ({ type: 'video', video: { link: 'https://cdn.example/t.mp4', caption: s } }),
  },
  {
    name: 'document caption',
    max: L.MEDIA_CAPTION_MAX,
    build: (s) => b.document({ id: 'm1', caption: s, filename: 'ticket.pdf' }),
    raw: (s) => ({ type: 'document', document: { id: 'm1', caption: s, filename: 'ticket.pdf' } }),
  },
];

for (const limit of LENGTH_LIMITS) {
  for (const [script, text] of Object.entries(SCRIPTS)) {
    // Ids are machine strings without spaces, but their limit is still counted in UTF-16 units.
    const sample = limit.name.endsWith(' id') ? text.replaceAll(' ', '_') : text;
    test(`${limit.name}: ${limit.max} UTF-16 units of ${script} pass, ${limit.max + 1} are refused`, () => {
      const atLimit = ofLength(limit.max, sample);
      assert.equal(atLimit.length, limit.max);
      assert.deepEqual(limit.build(atLimit), limit.raw(atLimit));
      assert.deepEqual(validateOutgoing(limit.raw(atLimit)), []);

      const over = ofLength(limit.max + 1, sample);
      const problems = refused(() => limit.build(over));
      assert.equal(problems.length, 1);
      assert.match(problems[0], new RegExp(`is ${limit.max + 1} characters; the limit is ${limit.max}$`));
      assert.deepEqual(validateOutgoing(limit.raw(over)), problems);
    });
  }
}

test('an emoji counts as two units: 10 emoji fill a 20-unit button title, 11 do not fit', () => {
  assert.ok(b.fitsButtonTitle('🎬'.repeat(10)));
  assert.ok(!b.fitsButtonTitle('🎬'.repeat(10) + 'a'));
  refused(() => b.replyButtons({ body: 'x', buttons: [{ id: 'a', title: '🎬'.repeat(10) + 'a' }] }));
});

test('fits… helpers match the limits and reject blank strings', () => {
  assert.ok(b.fitsRowTitle('a'.repeat(24)) && !b.fitsRowTitle('a'.repeat(25)));
  assert.ok(b.fitsRowDescription('a'.repeat(72)) && !b.fitsRowDescription('a'.repeat(73)));
  assert.ok(b.fitsSectionTitle('a'.repeat(24)) && !b.fitsSectionTitle('a'.repeat(25)));
  assert.ok(b.fitsListButton('a'.repeat(20)) && !b.fitsListButton('a'.repeat(21)));
  assert.ok(b.fitsHeaderText('a'.repeat(60)) && !b.fitsHeaderText('a'.repeat(61)));
  assert.ok(b.fitsFooter('a'.repeat(60)) && !b.fitsFooter('a'.repeat(61)));
  assert.ok(b.fitsInteractiveBody('a'.repeat(1024)) && !b.fitsInteractiveBody('a'.repeat(1025)));
  assert.ok(b.fitsTextBody('a'.repeat(4096)) && !b.fitsTextBody('a'.repeat(4097)));
  assert.ok(b.fitsCaption('a'.repeat(1024)) && !b.fitsCaption('a'.repeat(1025)));
  assert.ok(b.fitsCtaDisplayText('a'.repeat(20)) && !b.fitsCtaDisplayText('a'.repeat(21)));
  assert.ok(!b.fitsButtonTitle('   '));
  assert.ok(!b.fitsButtonTitle(''));
});

test('text: blank bodies are refused, preview_url is passed through', () => {
  assert.deepEqual(b.text('see https://x.example', { previewUrl: true }), { type: 'text', text: { body: 'see https://x.example', preview_url: true } });
  assert.deepEqual(refused(() => b.text('  ')), ['text.body must not be blank']);
  assert.deepEqual(validateOutgoing({ type: 'text', text: { body: 'x', preview_url: 'yes' } }), ['text.preview_url must be a boolean']);
});

test('reply buttons: 1 to 3 buttons, titles and ids unique, ids without surrounding spaces', () => {
  const buttons = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `b${i}`, title: `Option ${i}` }));
  assert.equal(b.replyButtons({ body: 'x', buttons: buttons(1) }).type, 'interactive');
  assert.equal(b.replyButtons({ body: 'x', buttons: buttons(3) }).type, 'interactive');
  assert.deepEqual(refused(() => b.replyButtons({ body: 'x', buttons: buttons(4) })), ['interactive.action.buttons has 4 buttons; allowed 1 to 3']);
  assert.deepEqual(refused(() => b.replyButtons({ body: 'x', buttons: [] })), ['interactive.action.buttons has 0 buttons; allowed 1 to 3']);
  assert.deepEqual(
    refused(() => b.replyButtons({ body: 'x', buttons: [{ id: 'a', title: 'हाँ' }, { id: 'b', title: 'हाँ' }] })),
    ["interactive.action.buttons[1].reply.title repeats an earlier button's title"],
  );
  assert.deepEqual(
    refused(() => b.replyButtons({ body: 'x', buttons: [{ id: 'a', title: 'Yes' }, { id: 'a', title: 'No' }] })),
    ["interactive.action.buttons[1].reply.id repeats an earlier button's id"],
  );
  assert.deepEqual(refused(() => b.replyButtons({ body: 'x', buttons: [{ id: ' a', title: 'Yes' }] })), [
    'interactive.action.buttons[0].reply.id must not have leading or trailing spaces',
  ]);
  assert.deepEqual(refused(() => b.replyButtons({ body: '', buttons: [{ id: 'a', title: 'Yes' }] })), ['interactive.body.text must not be blank']);
  assert.deepEqual(
    validateOutgoing({ type: 'interactive', interactive: { type: 'button', body: { text: 'x' }, action: { buttons: [{ type: 'url', url: {} }] } } }),
    ['interactive.action.buttons[0] must be {type:"reply", reply:{id, title}}'],
  );
});

test('reply buttons take a media header; a list takes only a text header', () => {
  const msg = b.replyButtons({ body: 'Your ticket', header: { type: 'document', id: 'm9' }, buttons: [{ id: 'ok', title: 'OK' }] });
  assert.deepEqual((msg.interactive as { header: unknown }).header, { type: 'document', document: { id: 'm9' } });
  assert.deepEqual(
    validateOutgoing({ ...rawList({}), interactive: { ...(rawList({}).interactive as object), header: { type: 'image', image: { id: 'm1' } } } }),
    ['interactive.header.type must be one of text on list'],
  );
  assert.deepEqual(refused(() => b.replyButtons({ body: 'x', header: { type: 'image', link: 'http://insecure.example/p.png' }, buttons: [{ id: 'a', title: 'A' }] })), [
    'interactive.header.image.link must be an https URL',
  ]);
});

test('list: at most 10 rows in total across all sections', () => {
  const rows = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, title: `Show ${prefix}${i}` }));
  const ten = b.list({ body: 'Shows', button: 'Pick', sections: [{ title: 'Today', rows: rows('t', 6) }, { title: 'Tomorrow', rows: rows('m', 4) }] });
  assert.equal(ten.type, 'interactive');
  assert.deepEqual(
    refused(() => b.list({ body: 'Shows', button: 'Pick', sections: [{ title: 'Today', rows: rows('t', 6) }, { title: 'Tomorrow', rows: rows('m', 4) }, { title: 'Later', rows: rows('l', 1) }] })),
    ['the list has 11 rows in total; the limit is 10 across all sections'],
  );
  assert.deepEqual(refused(() => b.list({ body: 'Shows', button: 'Pick', sections: [{ rows: rows('a', 11) }] })), [
    'the list has 11 rows in total; the limit is 10 across all sections',
  ]);
});

test('list: 1 to 10 sections, titled when more than one, none empty, row ids unique', () => {
  const section = (i: number) => ({ title: `S${i}`, rows: [{ id: `r${i}`, title: `Row ${i}` }] });
  assert.equal(b.list({ body: 'x', button: 'Pick', sections: Array.from({ length: 10 }, (_, i) => section(i)) }).type, 'interactive');
  assert.ok(
    refused(() => b.list({ body: 'x', button: 'Pick', sections: Array.from({ length: 11 }, (_, i) => section(i)) })).includes(
      'interactive.action.sections has 11 sections; allowed 1 to 10',
    ),
  );
  assert.deepEqual(refused(() => b.list({ body: 'x', button: 'Pick', sections: [] })), ['interactive.action.sections has 0 sections; allowed 1 to 10']);
  assert.deepEqual(refused(() => b.list({ body: 'x', button: 'Pick', sections: [{ rows: [{ id: 'a', title: 'A' }] }, { title: 'B', rows: [{ id: 'b', title: 'B' }] }] })), [
    'interactive.action.sections[0].title is required',
  ]);
  assert.deepEqual(refused(() => b.list({ body: 'x', button: 'Pick', sections: [{ title: 'A', rows: [] }] })), ['interactive.action.sections[0].rows must hold at least one row']);
  assert.deepEqual(
    refused(() => b.list({ body: 'x', button: 'Pick', sections: [{ title: 'A', rows: [{ id: 'same', title: 'A' }] }, { title: 'B', rows: [{ id: 'same', title: 'B' }] }] })),
    ["interactive.action.sections[1].rows[0].id repeats an earlier row's id"],
  );
});

test('CTA URL: an http(s) URL and the cta_url action', () => {
  assert.deepEqual(b.ctaUrl({ body: 'Pay', displayText: 'Pay ₹450', url: 'https://pay.example/b/1', footer: 'Secure' }), {
    type: 'interactive',
    interactive: {
      type: 'cta_url',
      body: { text: 'Pay' },
      footer: { text: 'Secure' },
      action: { name: 'cta_url', parameters: { display_text: 'Pay ₹450', url: 'https://pay.example/b/1' } },
    },
  });
  assert.deepEqual(refused(() => b.ctaUrl({ body: 'Pay', displayText: 'Pay', url: 'not a url' })), ['interactive.action.parameters.url must be a valid URL']);
  assert.deepEqual(refused(() => b.ctaUrl({ body: 'Pay', displayText: 'Pay', url: 'javascript:alert(1)' })), [
    'interactive.action.parameters.url must be an https or http URL',
  ]);
});

test('location request: send_location action, body only', () => {
  assert.deepEqual(b.locationRequest('Share your location to find the nearest cinema'), {
    type: 'interactive',
    interactive: { type: 'location_request_message', body: { text: 'Share your location to find the nearest cinema' }, action: { name: 'send_location' } },
  });
  assert.deepEqual(
    validateOutgoing({ type: 'interactive', interactive: { type: 'location_request_message', body: { text: 'x' }, footer: { text: 'y' }, action: { name: 'send_location' } } }),
    ['interactive.footer is not allowed on location_request_message'],
  );
  assert.deepEqual(validateOutgoing({ type: 'interactive', interactive: { type: 'location_request_message', body: { text: 'x' }, action: { name: 'location' } } }), [
    'interactive.action.name must be "send_location"',
  ]);
});

test('flow: version 3, one of flow_id or flow_name, a CTA of at most 20 without emoji', () => {
  const msg = b.flow({ body: 'Pick seats', flowCta: 'Choose seats', flowId: '123', flowToken: 'tok-1', screen: 'SEATS', data: { show: 's1' } });
  assert.deepEqual(msg, {
    type: 'interactive',
    interactive: {
      type: 'flow',
      body: { text: 'Pick seats' },
      action: {
        name: 'flow',
        parameters: { flow_message_version: '3', flow_id: '123', flow_cta: 'Choose seats', flow_token: 'tok-1', flow_action_payload: { screen: 'SEATS', data: { show: 's1' } } },
      },
    },
  });
  assert.deepEqual(validateOutgoing(rawFlow('a'.repeat(20))), []);
  assert.deepEqual(validateOutgoing(rawFlow('a'.repeat(21))), ['interactive.action.parameters.flow_cta is 21 characters; the limit is 20']);
  assert.deepEqual(refused(() => b.flow({ body: 'x', flowCta: 'सीट चुनें'.padEnd(21, '.'), flowId: '1' })), ['interactive.action.parameters.flow_cta is 21 characters; the limit is 20']);
  assert.deepEqual(refused(() => b.flow({ body: 'x', flowCta: 'Seats 🎬', flowId: '1' })), ['interactive.action.parameters.flow_cta must not contain emoji']);
  assert.deepEqual(refused(() => b.flow({ body: 'x', flowCta: 'Seats', flowId: '1', flowName: 'seats' })), ['interactive.action.parameters needs exactly one of flow_id or flow_name']);
  assert.deepEqual(refused(() => b.flow({ body: 'x', flowCta: 'Seats' })), ['interactive.action.parameters needs exactly one of flow_id or flow_name']);
  assert.deepEqual(refused(() => b.flow({ body: 'x', flowCta: 'Seats', flowName: 'seats', flowAction: 'data_exchange', screen: 'A' })), [
    'interactive.action.parameters.flow_action_payload is only for flow_action "navigate"',
  ]);
  const v2 = rawFlow('Seats');
  ((v2.interactive as { action: { parameters: Record<string, unknown> } }).action.parameters).flow_message_version = '2';
  assert.deepEqual(validateOutgoing(v2), ['interactive.action.parameters.flow_message_version must be "3"']);
});

test('media: exactly one of id or link, links only over https', () => {
  assert.deepEqual(b.image({ link: 'https://cdn.example/poster.jpg', caption: 'पोस्टर' }), {
    type: 'image',
    image: { link: 'https://cdn.example/poster.jpg', caption: 'पोस्टर' },
  });
  assert.deepEqual(b.document({ id: 'm1', filename: 'ticket.pdf' }), { type: 'document', document: { id: 'm1', filename: 'ticket.pdf' } });
  assert.deepEqual(b.audio({ id: 'a1' }), { type: 'audio', audio: { id: 'a1' } });
  assert.deepEqual(b.sticker({ id: 's1' }), { type: 'sticker', sticker: { id: 's1' } });
  assert.deepEqual(validateOutgoing({ type: 'image', image: { id: 'm1', link: 'https://cdn.example/p.jpg' } }), ['image needs exactly one of id or link']);
  assert.deepEqual(validateOutgoing({ type: 'document', document: { filename: 'x.pdf' } }), ['document needs exactly one of id or link']);
  assert.deepEqual(refused(() => b.image({ link: 'http://cdn.example/poster.jpg' })), ['image.link must be an https URL']);
  assert.deepEqual(refused(() => b.image({ id: '' })), ['image.id must not be blank']);
  assert.deepEqual(validateOutgoing({ type: 'audio', audio: { id: 'a1', caption: 'hi' } }), ['audio.caption is not allowed on audio']);
  assert.deepEqual(validateOutgoing({ type: 'sticker', sticker: { id: 's1', caption: 'hi' } }), ['sticker.caption is not allowed on sticker']);
  assert.deepEqual(validateOutgoing({ type: 'image', image: { id: 'm1', filename: 'a.jpg' } }), ['image.filename is allowed only on documents']);
});

test('media files: type and size per kind', () => {
  assert.deepEqual(validateMediaFile('image', 'image/png', L.MEDIA_MAX_BYTES.image), []);
  assert.deepEqual(validateMediaFile('image', 'image/png', L.MEDIA_MAX_BYTES.image + 1), [`image file is ${L.MEDIA_MAX_BYTES.image + 1} bytes; the limit is ${L.MEDIA_MAX_BYTES.image}`]);
  assert.deepEqual(validateMediaFile('image', 'image/gif', 10), ['image must be image/jpeg or image/png, not image/gif']);
  assert.deepEqual(validateMediaFile('video', 'video/mp4', L.MEDIA_MAX_BYTES.video + 1).length, 1);
  assert.deepEqual(validateMediaFile('audio', 'audio/ogg; codecs=opus', 1000), []);
  assert.deepEqual(validateMediaFile('document', 'application/pdf', L.MEDIA_MAX_BYTES.document), []);
  assert.deepEqual(validateMediaFile('document', 'application/pdf', L.MEDIA_MAX_BYTES.document + 1).length, 1);
  assert.deepEqual(validateMediaFile('sticker', 'image/webp', 200 * 1024).length, 1);
  assert.deepEqual(validateMediaFile('sticker', 'image/webp', 200 * 1024, { animated: true }), []);
  assert.deepEqual(validateMediaFile('sticker', 'image/webp', L.MEDIA_MAX_BYTES.animatedSticker + 1, { animated: true }).length, 1);
  assert.deepEqual(validateMediaFile('document', 'application/pdf', 0), ['document file is empty']);
  assert.equal(mediaKindForMime('image/jpeg'), 'image');
  assert.equal(mediaKindForMime('image/webp'), 'sticker');
  assert.equal(mediaKindForMime('video/3gpp'), 'video');
  assert.equal(mediaKindForMime('application/pdf'), 'document');
});

test('template: name, language code, components of known types, button index "0".."9"', () => {
  const components = [
    { type: 'body' as const, parameters: [{ type: 'text', text: 'Asha' }] },
    { type: 'button' as const, sub_type: 'quick_reply', index: '9', parameters: [{ type: 'payload', payload: 'STOP' }] },
  ];
  assert.deepEqual(b.template({ name: 'booking_reminder', languageCode: 'ta', components }), {
    type: 'template',
    template: { name: 'booking_reminder', language: { code: 'ta' }, components },
  });
  assert.deepEqual(refused(() => b.template({ name: '', languageCode: 'en' })), ['template.name must not be blank']);
  assert.deepEqual(refused(() => b.template({ name: 't', languageCode: '' })), ['template.language.code must not be blank']);
  assert.deepEqual(refused(() => b.template({ name: 't', languageCode: 'en', components: [{ type: 'button', sub_type: 'url', index: '10' }] })), [
    'template.components[0].index must be "0" to "9"',
  ]);
  assert.deepEqual(refused(() => b.template({ name: 't', languageCode: 'en', components: [{ type: 'button', index: '0' }] })), ['template.components[0].sub_type is required']);
  assert.deepEqual(validateOutgoing({ type: 'template', template: { name: 't', language: { code: 'en' }, components: [{ type: 'carousel' }] } }), [
    'template.components[0].type must be header, body or button',
  ]);
  assert.deepEqual(validateOutgoing({ type: 'template', template: { name: 't', language: { code: 'en' }, components: [{ type: 'body', parameters: [{ text: 'x' }] }] } }), [
    'template.components[0].parameters[0] needs a type',
  ]);
  assert.deepEqual(validateOutgoing({ type: 'template', template: { name: 't' } }), ['template.language is required']);
});

test('reaction: one emoji, or empty to remove it', () => {
  assert.deepEqual(b.reaction('wamid.1', '👍'), { type: 'reaction', reaction: { message_id: 'wamid.1', emoji: '👍' } });
  assert.deepEqual(b.reaction('wamid.1', ''), { type: 'reaction', reaction: { message_id: 'wamid.1', emoji: '' } });
  assert.equal(b.reaction('wamid.1', '👨‍👩‍👧').type, 'reaction');
  assert.equal(b.reaction('wamid.1', '🇮🇳').type, 'reaction');
  assert.deepEqual(refused(() => b.reaction('wamid.1', '👍👍')), ['reaction.emoji must be a single emoji or empty']);
  assert.deepEqual(refused(() => b.reaction('wamid.1', 'ok')), ['reaction.emoji must be a single emoji or empty']);
  assert.deepEqual(refused(() => b.reaction('', '👍')), ['reaction.message_id must not be blank']);
});

test('location: latitude and longitude in range, optional name and address', () => {
  assert.deepEqual(b.location({ latitude: 13.0827, longitude: 80.2707, name: 'மெரினா சினிமா', address: 'Anna Salai, Chennai' }), {
    type: 'location',
    location: { latitude: 13.0827, longitude: 80.2707, name: 'மெரினா சினிமா', address: 'Anna Salai, Chennai' },
  });
  assert.deepEqual(refused(() => b.location({ latitude: 91, longitude: 0 })), ['location.latitude must be between -90 and 90']);
  assert.deepEqual(refused(() => b.location({ latitude: 0, longitude: -180.5 })), ['location.longitude must be between -180 and 180']);
  assert.deepEqual(validateOutgoing({ type: 'location', location: { latitude: 1 } }), ['location.longitude must be a number']);
});

test('validateOutgoing: envelope fields, unknown kinds and missing objects are problems', () => {
  assert.deepEqual(validateOutgoing({ type: 'text', text: { body: 'x' }, to: '+911234567890' }), ['to is added by the client and must not be part of the message']);
  assert.deepEqual(validateOutgoing({ type: 'contacts', contacts: [] }), ['type "contacts" is not a message kind Marquee sends']);
  assert.deepEqual(validateOutgoing({ type: 'text' }), ['text must be an object']);
  assert.deepEqual(validateOutgoing({ type: 'interactive', interactive: { type: 'product' } }), [
    'interactive.type must be one of button, list, cta_url, location_request_message, flow',
  ]);
  assert.deepEqual(validateOutgoing({ type: 'interactive', interactive: { type: 'button', action: { buttons: [btn('A')] } } }), ['interactive.body is required']);
});

test('every problem of a payload is listed at once', () => {
  const problems = refused(() =>
    b.replyButtons({ body: 'x'.repeat(1025), footer: 'f'.repeat(61), buttons: [{ id: 'a', title: 't'.repeat(21) }, { id: 'b', title: 'ok' }] }),
  );
  assert.deepEqual(problems, [
    'interactive.body.text is 1025 characters; the limit is 1024',
    'interactive.footer.text is 61 characters; the limit is 60',
    'interactive.action.buttons[0].reply.title is 21 characters; the limit is 20',
  ]);
});
