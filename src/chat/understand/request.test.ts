import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRequest } from './request.ts';

const movies = [
  { id: 'retro', names: ['Retro', 'ரெட்ரோ', 'रेट्रो'] },
  { id: 'ps2', names: ['Ponniyin Selvan 2', 'PS2'] },
  { id: 'ps1', names: ['Ponniyin Selvan 1', 'PS1'] },
  { id: 'kaithi', names: ['Kaithi', 'கைதி'] },
];
const locations = [
  { id: 'tirupur', names: ['Tirupur', 'Tiruppur', 'திருப்பூர்'] },
  { id: 'cbe', names: ['Coimbatore', 'Kovai', 'கோவை'] },
];
// 2026-11-25 is a Wednesday.
const parse = (text: string) => parseRequest(text, { today: '2026-11-25', movies, locations });

describe('parseRequest', () => {
  it('reads a full English request', () => {
    assert.deepEqual(parse('2 tickets for Retro tomorrow evening at Tirupur'), {
      movieId: 'retro',
      locationId: 'tirupur',
      date: '2026-11-26',
      time: { fromMinutes: 16 * 60, toMinutes: 20 * 60 },
      quantity: { kind: 'ok', value: 2 },
      wantsBooking: true,
    });
  });

  it('reads romanised Hindi', () => {
    assert.deepEqual(parse('retro kal shaam 3 ticket'), {
      movieId: 'retro',
      date: '2026-11-26',
      time: { fromMinutes: 16 * 60, toMinutes: 20 * 60 },
      quantity: { kind: 'ok', value: 3 },
      wantsBooking: true,
    });
  });

  it('reads Tamil with a Tamil-script title', () => {
    assert.deepEqual(parse('நாளை மாலை ரெட்ரோ 2 டிக்கெட்'), {
      movieId: 'retro',
      date: '2026-11-26',
      time: { fromMinutes: 16 * 60, toMinutes: 20 * 60 },
      quantity: { kind: 'ok', value: 2 },
      wantsBooking: true,
    });
  });

  it('reads Hindi in Devanagari', () => {
    const r = parse('शनिवार रात रेट्रो के दो टिकट');
    assert.equal(r.movieId, 'retro');
    assert.equal(r.date, '2026-11-28');
    assert.deepEqual(r.time, { fromMinutes: 20 * 60, toMinutes: 30 * 60 });
    assert.deepEqual(r.quantity, { kind: 'ok', value: 2 });
    assert.equal(r.wantsBooking, true);
  });

  it('reads romanised Tamil with a place', () => {
    const r = parse('kovai la kaithi padam ku 4 ticket venum naalai');
    assert.equal(r.movieId, 'kaithi');
    assert.equal(r.locationId, 'cbe');
    assert.equal(r.date, '2026-11-26');
    assert.deepEqual(r.quantity, { kind: 'ok', value: 4 });
  });

  it('keeps an exact clock time', () => {
    assert.deepEqual(parse('retro saturday 7:30pm').time, { fromMinutes: 18 * 60 + 30, toMinutes: 20 * 60 + 30, exact: 19 * 60 + 30 });
  });

  it('tolerates typos in titles and places', () => {
    const r = parse('retor at coimbatre 7pm');
    assert.equal(r.movieId, 'retro');
    assert.equal(r.locationId, 'cbe');
  });

  it('does not read the number in a title as a count', () => {
    const r = parse('Ponniyin Selvan 2 on saturday');
    assert.equal(r.movieId, 'ps2');
    assert.equal(r.quantity, undefined);
    assert.equal(r.date, '2026-11-28');
  });

  it('offers candidates when a partial title fits several films', () => {
    const r = parse('ponniyin 3 tickets');
    assert.equal(r.movieId, undefined);
    assert.deepEqual(r.movieCandidates?.sort(), ['ps1', 'ps2']);
    assert.deepEqual(r.quantity, { kind: 'ok', value: 3 });
  });

  it('passes an ambiguous count on', () => {
    assert.deepEqual(parse('2 tickets for 3 people retro').quantity, { kind: 'ambiguous', values: [2, 3] });
  });

  it('knows when a message is not asking to book', () => {
    assert.equal(parse('cancel my booking for retro').wantsBooking, false);
    assert.deepEqual(parse('hi'), { wantsBooking: false });
    assert.equal(parse('retro timings?').wantsBooking, false);
    assert.equal(parse('बुक करो').wantsBooking, true);
    assert.equal(parse('டிக்கெட் வேணும்').wantsBooking, true);
  });

  it('does not take date or time words for titles', () => {
    const r = parse('tomorrow evening 2 tickets');
    assert.equal(r.movieId, undefined);
    assert.equal(r.movieCandidates, undefined);
    assert.equal(r.locationId, undefined);
  });
});
