import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findNumbers } from './numbers.ts';

const values = (text: string) => findNumbers(text).map((n) => n.value);

describe('findNumbers', () => {
  const single: [string, number][] = [
    ['2', 2],
    ['two', 2],
    ['Twelve', 12],
    ['दो', 2],
    ['do', 2],
    ['पाँच', 5],
    ['paanch', 5],
    ['இரண்டு', 2],
    ['ரெண்டு', 2],
    ['rendu', 2],
    ['moonu', 3],
    ['२', 2],
    ['௨', 2],
    ['१२', 12],
    ['௧௦', 10],
  ];
  for (const [input, expected] of single) {
    it(`${JSON.stringify(input)} → ${expected}`, () => assert.deepEqual(values(input), [expected]));
  }

  it('gives every number with its span in the original text', () => {
    const text = 'दो टिकट, 3 people';
    const found = findNumbers(text);
    assert.deepEqual(found, [
      { value: 2, start: 0, end: 2 },
      { value: 3, start: 9, end: 10 },
    ]);
    assert.equal(text.slice(found[0]!.start, found[0]!.end), 'दो');
  });

  it('keeps digit runs apart instead of joining them', () => {
    assert.deepEqual(values('2 tickets for 3 people'), [2, 3]);
    assert.deepEqual(values('7:30'), [7, 30]);
  });

  it('reads romanised Hindi "do" as two only where it counts', () => {
    assert.deepEqual(values('do ticket'), [2]);
    assert.deepEqual(values('do ya teen'), [2, 3]);
    assert.deepEqual(values('retro kal shaam do ticket'), [2]);
    assert.deepEqual(values('what do you have'), []);
    assert.deepEqual(values('I do not agree'), []);
  });

  it('reads Hindi "दो" after a noun as the verb "give"', () => {
    assert.deepEqual(values('मुझे टिकट दो'), []);
    assert.deepEqual(values('मुझे दो टिकट दो'), [2]);
  });

  it('does not count "one" that picks a thing', () => {
    assert.deepEqual(values('the one at 7'), [7]);
    assert.deepEqual(values('one ticket'), [1]);
  });

  it('reads Tamil "ஒரு" (a/one) before a ticket', () => {
    assert.deepEqual(values('ஒரு டிக்கெட்'), [1]);
  });

  it('skips digit runs too long to be any count or date', () => {
    assert.deepEqual(values('call 98765432109876543 now'), []);
  });

  it('finds nothing in plain words', () => {
    assert.deepEqual(values('hello there'), []);
    assert.deepEqual(values('नमस्ते'), []);
  });
});
