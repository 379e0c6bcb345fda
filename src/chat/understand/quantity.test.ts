import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseQuantity } from './quantity.ts';

describe('parseQuantity', () => {
  const ok: [string, number][] = [
    ['2', 2],
    ['two', 2],
    ['2 tickets', 2],
    ['2tickets', 2],
    ['two tickets please', 2],
    ['दो', 2],
    ['दो टिकट', 2],
    ['मुझे दो टिकट चाहिए', 2],
    ['do', 2],
    ['teen ticket', 3],
    ['இரண்டு', 2],
    ['இரண்டு டிக்கெட்', 2],
    ['rendu ticket', 2],
    ['२', 2],
    ['௨', 2],
    ['2 tickets, 2 people', 2], // the same count twice is not ambiguous
    ['retro kal shaam 3 ticket', 3],
    ['2 tickets for Retro tomorrow evening at Tirupur', 2],
    ['book 2 tickets for the 7pm show', 2], // the hour is not a count
    ['shaam 7 baje 4 log', 4],
    ['2 tickets on 25/11', 2], // nor the date
    ['2 tickets on 25 nov', 2],
    ['2nd show, 3 tickets', 3], // nor an ordinal
    ['₹200 each, 2 tickets', 2], // nor a price
    ['நாளை மாலை ரெட்ரோ 2 டிக்கெட்', 2],
    ['just one', 1],
    ['0', 0], // bounds are the caller's job
    ['25', 25],
  ];
  for (const [input, value] of ok) {
    it(`${JSON.stringify(input)} → ${value}`, () => assert.deepEqual(parseQuantity(input), { kind: 'ok', value }));
  }

  const ambiguous: [string, number[]][] = [
    ['2 tickets for 3 people', [2, 3]], // never 23
    ['2 or 3', [2, 3]],
    ['2-3 tickets', [2, 3]],
    ['do ya teen', [2, 3]],
    ['दो या तीन', [2, 3]],
    ['இரண்டு அல்லது மூன்று', [2, 3]],
  ];
  for (const [input, values] of ambiguous) {
    it(`${JSON.stringify(input)} is ambiguous ${JSON.stringify(values)}`, () =>
      assert.deepEqual(parseQuantity(input), { kind: 'ambiguous', values }));
  }

  const none = ['', 'hello', 'what do you have', 'F7 F8', 'my ref K7MX2Q', 'at 7pm', 'tomorrow', '9876543210', '2.5', 'मुझे टिकट दो'];
  for (const input of none) {
    it(`${JSON.stringify(input)} has no count`, () => assert.deepEqual(parseQuantity(input), { kind: 'none' }));
  }
});
