import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSeatCodes } from './seats.ts';

describe('parseSeatCodes', () => {
  const cases: [string, string[]][] = [
    ['F7 F8', ['F7', 'F8']],
    ['f7,f8', ['F7', 'F8']],
    ['F7-F9', ['F7', 'F8', 'F9']],
    ['F7-9', ['F7', 'F8', 'F9']],
    ['F7 to F9', ['F7', 'F8', 'F9']],
    ['F9-F7', ['F9', 'F8', 'F7']],
    ['F 7', ['F7']],
    ['F 7, F 8', ['F7', 'F8']],
    ['F07', ['F7']],
    ['AA12', ['AA12']],
    ['F7, F7, f8', ['F7', 'F8']], // deduplicated, in order
    ['G2 and F7-F8', ['G2', 'F7', 'F8']],
    ['F7-G2', ['F7', 'G2']], // a range spans one row only; across rows keep the two named
    ['seats F७ F८ please', ['F7', 'F8']],
    ['मुझे F7 और F8 चाहिए', ['F7', 'F8']],
    ['F7, F8 வேண்டும்', ['F7', 'F8']],
    ['2 tickets', []],
    ['a 7pm show', []],
    ['a 7 oclock show', []],
    ['at 7', []],
    ['', []],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.deepEqual(parseSeatCodes(input), expected));
  }

  it('does not expand an implausibly wide block', () => {
    assert.deepEqual(parseSeatCodes('H1-H200'), ['H1', 'H200']);
  });
});
