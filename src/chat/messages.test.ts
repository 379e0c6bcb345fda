import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { formatClock, formatDate, formatPrice, formatTime, localDateOf } from './format.ts';
import { CATALOGUES, ERROR_CODES, errorText, t, type MessageKey } from './messages/index.ts';
import { en } from './messages/en.ts';
import { ist } from './testing/fixture.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const KEYS = Object.keys(en) as MessageKey[];

/** Keys whose text is the same in every language on purpose: names of languages, layout-only templates. */
const SAME_EVERYWHERE = new Set(['language.en', 'language.hi', 'language.ta', 'menu.language_about', 'inbound.sticker', 'seats.category', 'review.seats', 'show.when', 'quantity.show', 'location.hours', 'location.phone']);

describe('message catalogues', () => {
  for (const lang of ['hi', 'ta'] as const) {
    it(`${lang} has exactly the English keys, with the same placeholders`, () => {
      const cat = CATALOGUES[lang] as Record<string, string>;
      assert.deepEqual(Object.keys(cat).filter((k) => !(k in en)), [], 'extra keys');
      assert.deepEqual(KEYS.filter((k) => !(k in cat)), [], 'missing keys');
      for (const k of KEYS) assert.deepEqual(placeholders(cat[k]!), placeholders(en[k]), `placeholders of ${k}`);
    });

    it(`${lang} is written in its own script, not transliterated`, () => {
      const script = lang === 'hi' ? /\p{Script=Devanagari}/u : /\p{Script=Tamil}/u;
      for (const k of KEYS) {
        if (SAME_EVERYWHERE.has(k)) continue;
        const text = CATALOGUES[lang][k].replace(/\{\w+\}/g, '');
        if (/\p{L}/u.test(en[k].replace(/\{\w+\}/g, ''))) assert.match(text, script, `${lang} ${k}: ${text}`);
      }
    });
  }

  it('has no empty texts', () => {
    for (const lang of ['en', 'hi', 'ta'] as const) for (const k of KEYS) assert.ok(CATALOGUES[lang][k].trim() !== '', `${lang} ${k}`);
  });

  it('has words for every domain error the dialogue can meet', () => {
    for (const code of ['seat_unavailable', 'not_enough_seats', 'show_sold_out', 'too_many_tickets', 'show_not_bookable', 'invalid_seat', 'hold_expired', 'hold_not_found', 'cancel_too_late', 'booking_not_found']) {
      assert.ok(code in en, code);
      assert.notEqual(errorText('en', code), t('en', 'error.generic'), code);
    }
    assert.equal(errorText('ta', 'some_new_code'), t('ta', 'error.generic'));
    assert.equal(errorText('en', 'help'), t('en', 'error.generic'), 'only error codes, not any key, pass as a code');
  });

  it('uses every key somewhere, in the dialogue or the application around it', () => {
    const source = sourceFiles(join(import.meta.dirname, '..')).map((f) => readFileSync(f, 'utf8')).join('\n');
    // Keys built at run time: inbound.<media type>, language.<lang>, and error codes from the domain.
    const dynamic = /^(inbound\.(image|video|audio|document|sticker)|language\.(en|hi|ta))$/;
    const codes: readonly string[] = ERROR_CODES;
    const unused = KEYS.filter((k) => !source.includes(`'${k}'`) && !dynamic.test(k) && !codes.includes(k));
    assert.deepEqual(unused, []);
  });

  it("fills placeholders and prefers the cinema's own wording", () => {
    assert.equal(t('en', 'review.total', { total: '₹500' }), 'Total ₹500');
    assert.equal(t('hi', 'review.total', { total: '₹500' }), 'कुल ₹500');
    const overrides = { en: { 'review.total': 'Amount payable: {total}{currency}' }, ta: { 'menu.prompt': '  ' } };
    assert.equal(t('en', 'review.total', { total: '₹500' }, overrides), 'Amount payable: ₹500', 'an unknown placeholder in an override is dropped');
    assert.equal(t('ta', 'menu.prompt', {}, overrides), CATALOGUES.ta['menu.prompt'], 'a blank override is ignored');
  });
});

describe('formatting', () => {
  it('prices in rupees with Indian grouping, paise only when present', () => {
    assert.equal(formatPrice(123456700, 'en'), '₹12,34,567');
    assert.equal(formatPrice(25050, 'hi'), '₹250.50');
    assert.equal(formatPrice(50000, 'ta'), '₹500');
  });

  it("dates and times in the cinema's zone and the customer's language", () => {
    const lateShow = ist('2026-11-26', '00:30');
    assert.equal(localDateOf(lateShow, 'Asia/Kolkata'), '2026-11-26', 'in UTC this instant is still the 25th');
    assert.equal(formatTime(lateShow, 'en', 'Asia/Kolkata'), '12:30 am');
    assert.equal(formatTime(lateShow, 'ta', 'Asia/Kolkata'), '12:30 AM');
    assert.equal(formatDate('2026-11-26', 'en'), 'Thu, 26 Nov');
    assert.match(formatDate('2026-11-26', 'hi'), /गुरु/);
    assert.match(formatDate('2026-11-26', 'ta'), /வியா/);
    assert.equal(formatClock('19:05', 'en'), '7:05 pm');
    assert.equal(formatTime(lateShow, 'en', 'Not/AZone'), '12:30 am', 'a bad zone falls back to India rather than throwing');
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'messages' || name === 'understand' || name === 'testing' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}
