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

  it('migrates an older version step by step, in one place', () => {
    // A stand-in for a real upgrade: version 0 called the language `language` and had no hand-off mode.
    const migrations = { [SESSION_VERSION - 1]: ({ language, ...old }: Record<string, unknown>) => ({ ...old, lang: language, mode: { kind: 'bot' } }) };
    const { lang: _lang, mode: _mode, ...v0 } = JSON.parse(JSON.stringify({ ...freshState(), step: { name: 'date' } }));
    const loaded = parseSessionState({ ...v0, version: SESSION_VERSION - 1, language: 'ta' }, migrations);
    assert.equal(loaded.version, SESSION_VERSION);
    assert.equal(loaded.lang, 'ta');
    assert.equal(loaded.step.name, 'date');
    // A migration that throws leaves a fresh state, not an error.
    assert.equal(parseSessionState({ ...v0, version: SESSION_VERSION - 1 }, { [SESSION_VERSION - 1]: () => { throw new Error('bad row'); } }).step.name, 'start');
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
