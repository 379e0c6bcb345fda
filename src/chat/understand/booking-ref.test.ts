import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findBookingRef } from './booking-ref.ts';

describe('findBookingRef', () => {
  const found: [string, string][] = [
    ['K7MX2Q', 'K7MX2Q'],
    ['k7mx2q', 'K7MX2Q'],
    ['my ref is k7m-x2q', 'K7MX2Q'],
    ['K7M X2Q', 'K7MX2Q'],
    ['K7 MX 2Q', 'K7MX2Q'],
    ['cancel booking ABC-234 please', 'ABC234'],
    ['ref: kmxqrt', 'KMXQRT'], // letters only, after a cue
    ['booking id KMXQRT', 'KMXQRT'],
    ['KMXQRT', 'KMXQRT'], // letters only, typed alone in capitals
    ['बुकिंग K7MX2Q रद्द करें', 'K7MX2Q'],
    ['K7MX2Q ரத்து', 'K7MX2Q'],
    ['booking ref K7M-X2Q', 'K7MX2Q'], // the cue is not the first half of the reference
    ['pnr k7m x2q', 'K7MX2Q'],
  ];
  for (const [input, ref] of found) it(`${JSON.stringify(input)} → ${ref}`, () => assert.equal(findBookingRef(input), ref));

  const none = [
    'cancel', 'thanks', 'please', 'no thanks', // six-letter words that fit the alphabet
    'sat 7pm', 'fri 2nd', // a weekday and an hour are not a reference
    'O7MX2Q', 'K1MX2Q', // O and 1 are not in the alphabet
    'K7MX2QQ', 'XK7MX2Q', // too long
    'K7MX2', '', 'tickets',
  ];
  for (const input of none) it(`${JSON.stringify(input)} has none`, () => assert.equal(findBookingRef(input), undefined));
});
