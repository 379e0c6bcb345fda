import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { freshState, parseSessionState, SESSION_VERSION, sessionStateSchema } from './session-state.ts';
import { conversation } from './testing/conversation.ts';

describe('session state', () => {
  it('a state saved mid-booking loads back unchanged', () => {
    const c = conversation().say('hi').tap('Retro').tap('Marquee Tirupur').tap('Tomorrow').tap(/6:30/).tap('2 tickets');
    const saved = JSON.parse(JSON.stringify(c.state));
    assert.equal(saved.version, SESSION_VERSION);
    assert.equal(saved.step.name, 'review');
    assert.ok(saved.slots.hold.id);
    assert.deepEqual(parseSessionState(saved), saved);
  });

  it('anything unusable becomes a fresh state instead of an error', () => {
    for (const junk of [undefined, null, 42, 'state', [], {}, { version: 99 }, { version: 0, lang: 'hi' }, { ...freshState(), step: { name: 'teleport' } }, { ...freshState(), slots: { trail: 'x' } }]) {
      const s = parseSessionState(junk);
      assert.equal(s.step.name, 'start');
      assert.ok(sessionStateSchema.safeParse(s).success);
    }
  });

  it('keeps the customer’s language from a state it cannot otherwise use', () => {
    assert.equal(parseSessionState({ version: 0, lang: 'ta', step: 'somewhere' }).lang, 'ta');
    assert.equal(parseSessionState({ lang: 'fr' }).lang, 'en');
  });

  it('a state from a newer deploy is not misread as this version', () => {
    const future = { ...JSON.parse(JSON.stringify(freshState('hi'))), version: SESSION_VERSION + 1, step: { name: 'menu' } };
    const s = parseSessionState(future);
    assert.equal(s.version, SESSION_VERSION);
    assert.equal(s.step.name, 'start');
    assert.equal(s.lang, 'hi');
  });

  it('never throws, whatever is stored', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const s = parseSessionState(json);
        assert.ok(sessionStateSchema.safeParse(s).success);
      }),
      { numRuns: 500 },
    );
  });
});
