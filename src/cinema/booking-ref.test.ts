import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOOKING_REF_ALPHABET, generateBookingRef, normalizeBookingRef } from './booking-ref.ts';

test('references are six characters from an alphabet without 0, O, 1 or I', () => {
  for (const ch of '0O1I') assert.ok(!BOOKING_REF_ALPHABET.includes(ch));
  assert.equal(new Set(BOOKING_REF_ALPHABET).size, 32);
  for (let i = 0; i < 500; i++) {
    const ref = generateBookingRef();
    assert.match(ref, /^[2-9A-HJ-NP-Z]{6}$/);
  }
});

test('a typed reference is normalised, and impossible ones are rejected rather than guessed', () => {
  assert.equal(normalizeBookingRef(' k7mx-2q '), 'K7MX2Q');
  assert.equal(normalizeBookingRef('K7M X2Q'), 'K7MX2Q');
  assert.equal(normalizeBookingRef('K7MX2O'), null);
  assert.equal(normalizeBookingRef('K7MX21'), null);
  assert.equal(normalizeBookingRef('K7MX2'), null);
  assert.equal(normalizeBookingRef('K7MX2QQ'), null);
});
