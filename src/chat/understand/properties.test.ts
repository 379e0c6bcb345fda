import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as u from './index.ts';

const movies = [
  { id: 'retro', names: ['Retro', 'ரெட்ரோ'] },
  { id: 'ps2', names: ['Ponniyin Selvan 2'] },
  { id: 'blank', names: [''] },
];
const locations = [{ id: 'tirupur', names: ['Tirupur', 'திருப்பூர்'] }];

/** Calls every public function; a property fails if any of them throws. */
function everything(text: string): void {
  u.normalize(text);
  u.detectLanguage(text);
  u.parseGlobalCommand(text);
  u.findNumbers(text);
  u.parseQuantity(text);
  u.parseConsent(text);
  u.parseYesNo(text);
  u.parseDate(text, '2026-11-25');
  u.parseTimeOfDay(text);
  u.parseSeatCodes(text);
  u.matchNames(text, movies);
  u.findBookingRef(text);
  u.findEventKeyword(text, ['#WRETRO', '#', '']);
  u.parseRequest(text, { today: '2026-11-25', movies, locations });
}

// Pieces of real messages, so generated text reaches the interesting paths, not only random noise.
const piece = fc.constantFrom(
  '2', 'two', 'दो', 'do', 'இரண்டு', 'rendu', '२', '௨', '3', 'tickets', 'टिकट', 'டிக்கெட்', 'for', 'people', 'or', 'या',
  'retro', 'ரெட்ரோ', 'kal', 'कल', 'நாளை', 'tomorrow', 'saturday', '25 nov', '25/11', '7pm', '7:30', 'shaam', 'मालை',
  'மாலை', 'at', 'F7-F9', 'F 7', '#wretro', 'not', 'accept', 'नहीं', 'இல்லை', 'K7MX2Q', '-', ':', '.', '/', '₹', '🎬',
  '\u200d', '\ud83d', 'é', '\u0301',
);
const message = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.array(piece, { maxLength: 14 }).map((a) => a.join(' ')),
  fc.array(piece, { maxLength: 14 }).map((a) => a.join('')),
);

describe('properties', () => {
  it('no function throws on any string', () => {
    fc.assert(fc.property(message, (text) => everything(text)), { numRuns: 1500 });
  });

  it('no function throws on huge input', () => {
    everything('retro 2 tickets kal शाम ரெட்ரோ 7pm F7-F9 K7MX2Q '.repeat(3000));
    everything('9'.repeat(100_000));
    everything('one '.repeat(20_000));
    everything('😀\u200d'.repeat(20_000) + '\ud800');
  });

  it('normalize is idempotent', () => {
    fc.assert(
      fc.property(message, (text) => {
        const once = u.normalize(text);
        assert.equal(u.normalize(once), once);
      }),
      { numRuns: 3000 },
    );
  });

  it('parseQuantity only returns numbers present in the text', () => {
    fc.assert(
      fc.property(message, (text) => {
        const present = new Set(u.findNumbers(text).map((n) => n.value));
        const q = u.parseQuantity(text);
        if (q.kind === 'ok') assert.ok(present.has(q.value), `${q.value} not in ${JSON.stringify(text)}`);
        if (q.kind === 'ambiguous') {
          assert.ok(q.values.length >= 2 && new Set(q.values).size === q.values.length);
          for (const v of q.values) assert.ok(present.has(v), `${v} not in ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('parseQuantity never joins two counts into one', () => {
    const count = fc.integer({ min: 0, max: 99 });
    fc.assert(
      fc.property(count, count, fc.constantFrom(' tickets for ', ' ', ', ', ' or ', ' टिकट ', ' பேர் '), (a, b, sep) => {
        const q = u.parseQuantity(`${a}${sep}${b}`);
        if (a === b) assert.deepEqual(q, { kind: 'ok', value: a });
        else assert.deepEqual(q, { kind: 'ambiguous', values: [a, b] });
      }),
    );
  });

  it('spans lie inside the text', () => {
    fc.assert(
      fc.property(message, (text) => {
        const spans = [
          ...u.findNumbers(text),
          u.parseDate(text, '2026-11-25'),
          u.parseTimeOfDay(text),
        ].filter((s) => s !== undefined);
        for (const s of spans) assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, JSON.stringify(s));
      }),
      { numRuns: 1500 },
    );
  });

  it('parseDate never returns a day before today', () => {
    const today = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }).map((a) => a.join(' ')), today, (text, t) => {
        const found = u.parseDate(text, t);
        if (found) assert.ok(found.date >= t && /^\d{4}-\d{2}-\d{2}$/.test(found.date), `${found.date} < ${t}`);
      }),
      { numRuns: 1500 },
    );
  });

  it('parseSeatCodes returns distinct upper-case codes', () => {
    fc.assert(
      fc.property(message, (text) => {
        const codes = u.parseSeatCodes(text);
        assert.equal(new Set(codes).size, codes.length);
        for (const c of codes) assert.match(c, /^[A-Z]{1,2}[1-9]\d{0,2}$/);
      }),
      { numRuns: 1500 },
    );
  });

  it('matchNames scores lie in 0..1, best first', () => {
    fc.assert(
      fc.property(message, (text) => {
        const hits = u.matchNames(text, movies);
        hits.forEach((h, i) => {
          assert.ok(h.score > 0 && h.score <= 1);
          if (i > 0) assert.ok(hits[i - 1]!.score >= h.score);
        });
      }),
      { numRuns: 1500 },
    );
  });

  it('a booking reference is always six characters of the alphabet', () => {
    fc.assert(
      fc.property(message, (text) => {
        const ref = u.findBookingRef(text);
        if (ref !== undefined) assert.match(ref, /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{6}$/);
      }),
      { numRuns: 1500 },
    );
  });
});
