import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { validateOutgoing, type OutgoingMessage } from '../whatsapp/outgoing.ts';
import { shorten, splitText } from './fit-text.ts';
import { CATALOGUES, type MessageKey } from './messages/index.ts';
import { renderWhatsApp } from './render-whatsapp.ts';
import type { ChoiceOption, Lang, Reply } from './types.ts';

const LANGS: Lang[] = ['en', 'hi', 'ta'];
const graphemes = (s: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)].map((x) => x.segment);

function render(reply: Reply, lang: Lang = 'en'): OutgoingMessage[] {
  const out = renderWhatsApp(reply, lang);
  for (const m of out) assert.deepEqual(validateOutgoing(m), [], JSON.stringify(m));
  return out;
}

const interactive = (m: OutgoingMessage | undefined) => (m as unknown as { interactive: { type: string; body: { text: string }; action: Record<string, any> } }).interactive;
const opts = (...titles: string[]): ChoiceOption[] => titles.map((title, i) => ({ id: `o:${i}`, title }));

describe('renderWhatsApp', () => {
  it('up to three short options become reply buttons', () => {
    const [m] = render({ type: 'choice', text: 'Confirm?', options: opts('Confirm', 'Choose seats', 'Cancel') });
    const i = interactive(m);
    assert.equal(i.type, 'button');
    assert.deepEqual(
      i.action.buttons.map((b: any) => [b.reply.id, b.reply.title]),
      [
        ['o:0', 'Confirm'],
        ['o:1', 'Choose seats'],
        ['o:2', 'Cancel'],
      ],
    );
  });

  it('a title too long for a button turns the choice into a list, shortened with the full title in the description', () => {
    const long = 'The Little Lanterns of the Western Ghats';
    const [m] = render({ type: 'choice', text: 'Which film?', options: [{ id: 'mv:l', title: long, description: 'U · 1h 38m' }, ...opts('Retro')] });
    const i = interactive(m);
    assert.equal(i.type, 'list');
    const row = i.action.sections[0].rows[0];
    assert.equal(row.title, 'The Little Lanterns of…');
    assert.ok(row.title.length <= 24);
    assert.equal(row.description, `${long} · U · 1h 38m`);
  });

  it('four to ten options become a list; more become numbered text', () => {
    assert.equal(interactive(render({ type: 'choice', text: 'Pick', options: opts(...'abcdefghij'.split('')) })[0]).action.sections[0].rows.length, 10);
    const out = render({ type: 'choice', text: 'Pick', options: opts(...'abcdefghijkl'.split('')) });
    assert.equal(out[0]!.type, 'text');
    const body = (out[0] as any).text.body as string;
    assert.match(body, /^Pick\n\n1\. a\n/);
    assert.match(body, /12\. l/);
    assert.match(body, /Reply with the number/);
  });

  it('a body too long for an interactive message goes first as text', () => {
    const out = render({ type: 'choice', text: 'x'.repeat(1500), options: opts('Yes', 'No') }, 'hi');
    assert.deepEqual(
      out.map((m) => m.type),
      ['text', 'interactive'],
    );
    assert.equal(interactive(out[1]).body.text, CATALOGUES.hi['render.prompt']);
  });

  it('splits text over 4096 units at natural breaks and loses nothing', () => {
    const para = 'रेट्रो शो की जानकारी। '.repeat(40);
    const text = Array.from({ length: 12 }, () => para).join('\n\n');
    const out = render({ type: 'text', text });
    assert.ok(out.length >= 3);
    const bodies = out.map((m) => (m as any).text.body as string);
    assert.ok(bodies.every((b) => b.length <= 4096));
    assert.equal(bodies.join('').replace(/\s/g, ''), text.replace(/\s/g, ''));
  });

  it('never splits a surrogate pair or a combining mark when shortening', () => {
    for (const s of ['🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬', 'क्षत्रिय क्षत्रिय क्षत्रिय क्षत्रिय', 'கொண்டாட்டம் கொண்டாட்டம் கொண்டாட்டம்', 'e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301', '👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦']) {
      for (let max = 2; max <= 24; max++) {
        const cut = shorten(s, max);
        assert.ok(cut.length <= max);
        const kept = cut.endsWith('…') ? cut.slice(0, -1) : cut;
        const whole = graphemes(s);
        const parts = graphemes(kept);
        assert.deepEqual(parts, whole.slice(0, parts.length), `${s} at ${max}`);
      }
    }
  });

  it('splitText keeps every piece within the limit for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 3000 }), fc.integer({ min: 8, max: 500 }), (s, max) => {
        const pieces = splitText(s, max);
        assert.ok(pieces.every((p) => p.length <= max && p.trim() !== ''));
      }),
    );
  });

  it('an id too long for WhatsApp travels as the position', () => {
    const [m] = render({ type: 'choice', text: 'Pick', options: [{ id: `show:${'x'.repeat(300)}`, title: 'Late show' }] });
    assert.equal(interactive(m).action.buttons[0].reply.id, 'n:1');
  });

  it('renders pins, drops tickets and turns an impossible pin into text', () => {
    assert.equal(render({ type: 'location', latitude: 11.1, longitude: 77.3, name: 'Marquee Tirupur', address: '14 Avinashi Road' })[0]!.type, 'location');
    assert.deepEqual(renderWhatsApp({ type: 'ticket', bookingRef: 'K7MX2Q', caption: 'Ref K7MX2Q' }, 'en'), []);
    assert.equal(render({ type: 'location', latitude: 200, longitude: 77.3, name: 'Somewhere', address: 'Road' })[0]!.type, 'text');
  });

  it('every catalogue text, in every language, renders as a text and as the body of a choice', () => {
    for (const lang of LANGS) {
      for (const [key, value] of Object.entries(CATALOGUES[lang]) as [MessageKey, string][]) {
        render({ type: 'text', text: value }, lang);
        render({ type: 'choice', text: value, options: [{ id: 'a', title: value }, { id: 'b', title: CATALOGUES[lang]['button.cancel'] }], button: value, header: value, footer: value }, lang);
        assert.ok(key);
      }
    }
  });

  it('any choice whatsoever renders within the limits', () => {
    const option = fc.record({ id: fc.string({ minLength: 0, maxLength: 260 }), title: fc.string({ unit: 'grapheme', maxLength: 40 }), description: fc.option(fc.string({ unit: 'grapheme', maxLength: 120 }), { nil: undefined }) });
    fc.assert(
      fc.property(
        fc.record({
          text: fc.string({ unit: 'grapheme', maxLength: 1500 }),
          options: fc.array(option, { maxLength: 14 }),
          button: fc.option(fc.string({ unit: 'grapheme', maxLength: 30 }), { nil: undefined }),
          header: fc.option(fc.string({ unit: 'grapheme', maxLength: 80 }), { nil: undefined }),
          footer: fc.option(fc.string({ unit: 'grapheme', maxLength: 80 }), { nil: undefined }),
        }),
        fc.constantFrom(...LANGS),
        (c, lang) => {
          const choice = Object.fromEntries(Object.entries({ type: 'choice', ...c }).filter(([, v]) => v !== undefined)) as Reply;
          for (const m of renderWhatsApp(choice, lang)) assert.deepEqual(validateOutgoing(m), [], JSON.stringify(m));
        },
      ),
      { numRuns: 400 },
    );
  });
});
