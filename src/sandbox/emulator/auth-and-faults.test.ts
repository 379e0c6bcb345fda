import assert from 'node:assert/strict';
import { once } from 'node:events';
import { afterEach, describe, it } from 'node:test';
import { ManualClock } from '../../clock.ts';
import { type Harness, PHONE, TOKEN, USER, WABA, message, receivedStatuses, sendMessage, startHarness } from './test-harness.ts';

const text = (body = 'hi') => message('text', { body });

describe('tokens and permissions on /messages', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('answers HTTP 401 with code 190 for an unknown token, and for an invalidated one', async () => {
    h = await startHarness();
    const unknown = await sendMessage(h.base, text(), { token: 'EAAnot-a-token' });
    assert.equal(unknown.status, 401);
    assert.equal(unknown.body.error.code, 190);
    assert.equal(unknown.body.error.type, 'OAuthException');

    h.emulator.invalidateToken(TOKEN);
    const invalidated = await sendMessage(h.base, text());
    assert.equal(invalidated.status, 401);
    assert.equal(invalidated.body.error.code, 190);
    assert.equal(invalidated.body.error.error_subcode, 460);
    assert.equal(h.emulator.sent().length, 0);
  });

  it('asks for a token when none is given', async () => {
    h = await startHarness();
    const res = await sendMessage(h.base, text(), { token: null });
    assert.equal(res.body.error.code, 104);
  });

  it("refuses another business's phone number with Meta's 100/33 and a token without messaging scope with 200", async () => {
    h = await startHarness();
    h.emulator.addBusiness({
      accessToken: 'EAAother',
      wabaId: '300000000000001',
      wabaName: 'Other',
      phoneNumbers: [{ id: '300000000000011', displayPhoneNumber: '+91 90000 00001', verifiedName: 'Other' }],
      scopes: ['whatsapp_business_management'],
    });
    const foreign = await sendMessage(h.base, text(), { phone: '300000000000011' });
    assert.equal(foreign.status, 400);
    assert.equal(foreign.body.error.code, 100);
    assert.equal(foreign.body.error.error_subcode, 33);
    assert.match(foreign.body.error.message, /Object with ID '300000000000011' does not exist/);

    const noScope = await sendMessage(h.base, text(), { token: 'EAAother', phone: '300000000000011' });
    assert.equal(noScope.status, 403);
    assert.equal(noScope.body.error.code, 200);

    const waba = await sendMessage(h.base, text(), { phone: WABA });
    assert.equal(waba.body.error.error_subcode, 33);
  });

  it('refuses a malformed API version', async () => {
    h = await startHarness();
    const res = await fetch(`${h.base}/latest/${PHONE}/messages`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    const body = (await res.json()) as any;
    assert.equal(res.status, 400);
    assert.equal(body.error.code, 2500);
  });
});

describe('injected faults', () => {
  let h: Harness;
  afterEach(() => h.close());

  for (const [code, status, retryable] of [
    [130429, 400, true],
    [131056, 400, true],
    [131047, 400, undefined],
    [100, 400, undefined],
  ] as const) {
    it(`fails the next send with ${code}, then recovers`, async () => {
      h = await startHarness();
      h.emulator.injectFault({ code });
      const failed = await sendMessage(h.base, text());
      assert.equal(failed.status, status);
      assert.equal(failed.body.error.code, code);
      assert.match(failed.body.error.message, new RegExp(`^\\(#${code}\\) `));
      assert.equal(failed.body.error.is_transient, retryable);
      assert.ok(failed.body.error.error_data.details.length > 0);
      assert.equal(h.emulator.sent().length, 0);
      assert.equal((await sendMessage(h.base, text())).status, 200);
    });
  }

  it('fails with HTTP 401 code 190 for an injected token error', async () => {
    h = await startHarness();
    h.emulator.injectFault({ code: 190 });
    const res = await sendMessage(h.base, text());
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 190);
    assert.equal(res.body.error.error_subcode, 463);
  });

  it('answers HTTP 500 for http500 (and 500), a transient unknown error', async () => {
    h = await startHarness();
    h.emulator.injectFault({ code: 'http500' });
    h.emulator.injectFault({ code: 500 });
    for (let i = 0; i < 2; i++) {
      const res = await sendMessage(h.base, text());
      assert.equal(res.status, 500);
      assert.equal(res.body.error.code, 1);
      assert.equal(res.body.error.is_transient, true);
    }
    assert.equal((await sendMessage(h.base, text())).status, 200);
  });

  it('never answers on timeout: the client gives up, and close() releases the request', async () => {
    h = await startHarness();
    h.emulator.injectFault({ code: 'timeout' });
    await assert.rejects(sendMessage(h.base, text(), { signal: AbortSignal.timeout(150) }), { name: 'TimeoutError' });
    assert.equal(h.emulator.sent().length, 0);
    assert.equal((await sendMessage(h.base, text())).status, 200);
  });

  it('close() ends a request held by a timeout fault', async () => {
    h = await startHarness();
    h.emulator.injectFault({ code: 'timeout' });
    const held = once(h.emulator.events, 'fault');
    const pending = sendMessage(h.base, text());
    assert.equal((await held)[0].kind, 'timeout');
    await h.emulator.close();
    await assert.rejects(pending);
  });

  it('reports 131026 as Meta does: accepted, then a failed status', async () => {
    h = await startHarness();
    await h.emulator.userSends({ phoneNumberId: PHONE, from: USER, message: { type: 'text', text: { body: 'hi' } } });
    h.emulator.injectFault({ code: 131026 });
    const res = await sendMessage(h.base, text());
    assert.equal(res.status, 200);
    await h.emulator.flushStatuses();
    const statuses = receivedStatuses(h.receiver);
    assert.deepEqual(statuses.map((s) => s.status), ['failed']);
    assert.equal(statuses[0].errors[0].code, 131026);
    assert.equal(statuses[0].id, res.body.messages[0].id);
    assert.equal(h.emulator.sent()[0]!.status, 'failed');
  });

  it('can deliver an asynchronous code immediately, or an immediate one as a status', async () => {
    h = await startHarness();
    h.emulator.injectFault({ code: 131026, delivery: 'immediate' });
    assert.equal((await sendMessage(h.base, text())).body.error.code, 131026);
    h.emulator.injectFault({ code: 131047, delivery: 'status' });
    assert.equal((await sendMessage(h.base, text())).status, 200);
  });

  it('matches faults by recipient and phone number, for the given number of times', async () => {
    h = await startHarness();
    h.emulator.injectFault({ code: 130429, to: '+91 98000 00002', times: 2 });
    assert.equal((await sendMessage(h.base, text())).status, 200);
    const other = { ...text(), to: '919800000002' };
    assert.equal((await sendMessage(h.base, other)).body.error.code, 130429);
    assert.equal((await sendMessage(h.base, other)).body.error.code, 130429);
    assert.equal((await sendMessage(h.base, other)).status, 200);

    h.emulator.injectFault({ code: 131056, phoneNumberId: '999' });
    assert.equal((await sendMessage(h.base, text())).status, 200);
    h.emulator.injectFault({ code: 131056, times: 5 });
    h.emulator.clearFaults();
    assert.equal((await sendMessage(h.base, text())).status, 200);
  });
});

describe('rate limits', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('enforces the pair rate by the clock when asked: burst, then 131056, then regained', async () => {
    const clock = new ManualClock();
    h = await startHarness({ clock, enforcePairRate: true, pairRateBurst: 3, pairRateIntervalMs: 6000 });
    for (let i = 0; i < 3; i++) assert.equal((await sendMessage(h.base, text())).status, 200);
    const limited = await sendMessage(h.base, text());
    assert.equal(limited.body.error.code, 131056);
    // Another user is unaffected.
    assert.equal((await sendMessage(h.base, { ...text(), to: '919800000009' })).status, 200);
    clock.advance(6000);
    assert.equal((await sendMessage(h.base, text())).status, 200);
    assert.equal((await sendMessage(h.base, text())).body.error.code, 131056);
  });

  it('does not limit the pair rate by default', async () => {
    h = await startHarness({ clock: new ManualClock() });
    for (let i = 0; i < 60; i++) assert.equal((await sendMessage(h.base, text())).status, 200);
  });

  it('enforces throughput per phone number when configured', async () => {
    const clock = new ManualClock();
    h = await startHarness({ clock, throughputPerSecond: 2 });
    assert.equal((await sendMessage(h.base, text())).status, 200);
    assert.equal((await sendMessage(h.base, { ...text(), to: '919800000003' })).status, 200);
    assert.equal((await sendMessage(h.base, text())).body.error.code, 130429);
    clock.advance(1000);
    assert.equal((await sendMessage(h.base, text())).status, 200);
  });
});
