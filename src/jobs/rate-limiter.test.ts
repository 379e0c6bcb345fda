import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenBuckets, takeAll } from './rate-limiter.ts';

test('a bucket allows its burst, then paces at its rate', () => {
  const b = new TokenBuckets(3, 1);
  for (let i = 0; i < 3; i++) assert.equal(takeAll(0, [b, 'k']), 0);
  assert.equal(takeAll(0, [b, 'k']), 1000);
  assert.equal(takeAll(500, [b, 'k']), 500);
  assert.equal(takeAll(1000, [b, 'k']), 0);
});

test('a message held back by one limit does not use up its allowance under another', () => {
  const number = new TokenBuckets(1, 1);
  const customer = new TokenBuckets(2, 1 / 6);
  assert.equal(takeAll(0, [number, 'n'], [customer, 'c']), 0);
  for (let i = 0; i < 10; i++) assert.ok(takeAll(10 * i, [number, 'n'], [customer, 'c']) > 0, 'the number is over its rate');
  assert.equal(takeAll(1000, [number, 'n'], [customer, 'c']), 0, "the customer's second token is still there");
});
