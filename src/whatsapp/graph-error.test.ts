import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyError, retryDelayMs, GraphError, type RetryClass } from './graph-client.ts';

test('classifyError follows the error-code table of CLOUD-API.md section 3', () => {
  const table: [number | undefined, number, RetryClass][] = [
    [130429, 400, 'throughput'],
    [131056, 400, 'pair_rate'],
    [4, 400, 'rate_limit'],
    [80007, 400, 'rate_limit'],
    [131057, 400, 'maintenance'],
    [1, 500, 'transient'],
    [2, 503, 'transient'],
    [131000, 500, 'transient'],
    [131016, 503, 'transient'],
    [131047, 400, 'window_closed'],
    [131026, 400, 'permanent'],
    [131049, 400, 'permanent'],
    [131050, 400, 'permanent'],
    [100, 400, 'permanent'],
    [131008, 400, 'permanent'],
    [131009, 400, 'permanent'],
    [132000, 400, 'permanent'],
    [132016, 400, 'permanent'],
    [190, 401, 'token_invalid'],
    [190, 400, 'token_invalid'],
    [0, 400, 'permanent'],
    [3, 400, 'permanent'],
    [10, 403, 'permanent'],
    [200, 403, 'permanent'],
    [299, 403, 'permanent'],
  ];
  for (const [code, status, expected] of table) assert.equal(classifyError(code, status), expected, `code ${code}, HTTP ${status}`);
});

test('classifyError: the code wins over the HTTP status; without a known code the status decides', () => {
  assert.equal(classifyError(100, 500), 'permanent', 'a known permanent code stays permanent on a 5xx');
  assert.equal(classifyError(131056, 500), 'pair_rate');
  assert.equal(classifyError(99999, 502), 'transient', 'unknown 5xx');
  assert.equal(classifyError(undefined, 500), 'transient');
  assert.equal(classifyError(-1, 0), 'transient', 'network failure');
  assert.equal(classifyError(undefined, 408), 'transient');
  assert.equal(classifyError(undefined, 401), 'token_invalid');
  assert.equal(classifyError(99999, 401), 'token_invalid');
  assert.equal(classifyError(undefined, 429), 'rate_limit');
  assert.equal(classifyError(99999, 400), 'permanent');
  assert.equal(classifyError(undefined, 404), 'permanent');
});

test('retryDelayMs: never for window_closed, token_invalid and permanent', () => {
  for (const r of ['window_closed', 'token_invalid', 'permanent'] as const) {
    for (const attempt of [1, 2, 10]) assert.equal(retryDelayMs(r, attempt), null);
  }
});

test('retryDelayMs: the pair rate waits 4^attempt seconds', () => {
  assert.deepEqual([1, 2, 3, 4].map((n) => retryDelayMs('pair_rate', n, () => 0.5)), [4_000, 16_000, 64_000, 256_000]);
  assert.equal(retryDelayMs('pair_rate', 50), 4 ** 6 * 1000, 'capped');
});

test('retryDelayMs table: throughput short and growing, rate limits in minutes, maintenance about a minute, transient exponential capped at 5 minutes', () => {
  const low = () => 0;
  const high = () => 0.999999;
  const table: [RetryClass, number, number, number][] = [
    // class, attempt, delay with random 0, delay with random ~1
    ['throughput', 1, 1_000, 2_000],
    ['throughput', 2, 2_000, 4_000],
    ['throughput', 3, 4_000, 8_000],
    ['throughput', 9, 16_000, 32_000],
    ['rate_limit', 1, 60_000, 72_000],
    ['rate_limit', 2, 120_000, 144_000],
    ['rate_limit', 3, 240_000, 288_000],
    ['rate_limit', 8, 900_000, 900_000],
    ['maintenance', 1, 60_000, 72_000],
    ['maintenance', 5, 60_000, 72_000],
    ['transient', 1, 500, 1_000],
    ['transient', 2, 1_000, 2_000],
    ['transient', 5, 8_000, 16_000],
    ['transient', 9, 128_000, 256_000],
    ['transient', 30, 150_000, 300_000],
  ];
  for (const [cls, attempt, min, max] of table) {
    assert.equal(retryDelayMs(cls, attempt, low), min, `${cls} attempt ${attempt} (low)`);
    assert.equal(retryDelayMs(cls, attempt, high), max, `${cls} attempt ${attempt} (high)`);
  }
});

test('retryDelayMs: attempt 0 or below counts as the first retry', () => {
  assert.equal(retryDelayMs('pair_rate', 0), 4_000);
  assert.equal(retryDelayMs('transient', -3, () => 0), 500);
});

test('GraphError classifies itself unless told otherwise', () => {
  const e = new GraphError('x', { code: 131056, httpStatus: 400 });
  assert.equal(e.retry, 'pair_rate');
  assert.equal(e.name, 'GraphError');
  assert.equal(new GraphError('x', { code: -1, httpStatus: 200, retry: 'permanent' }).retry, 'permanent');
});
