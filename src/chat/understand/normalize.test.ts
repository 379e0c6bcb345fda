import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalize } from './normalize.ts';

describe('normalize', () => {
  const cases: [string, string][] = [
    ['  Hello   THERE!! ', 'hello there'],
    ['👋 Menu 🙏', 'menu'],
    ['MENU!!!', 'menu'],
    ['men\u200Bu', 'menu'],
    ['\uFEFFhelp', 'help'],
    ['Cafe\u0301', 'café'], // decomposed é composes
    ['tab\tand\nnewline', 'tab and newline'],
    ['#WRETRO!', '#wretro'],
    ['...', ''],
    ['', ''],
    // Devanagari and Tamil vowel signs and viramas stay.
    ['  मैं स्वीकार करता हूँ। ', 'मैं स्वीकार करता हूँ'],
    ['நாளை மறுநாள்!', 'நாளை மறுநாள்'],
    ['ரெட்ரோ 🎬', 'ரெட்ரோ'],
    ['\uD800menu', 'menu'], // a lone surrogate is dropped, not kept
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.equal(normalize(input), expected));
  }

  it('keeps punctuation inside the message', () => {
    assert.equal(normalize('F7-F9, please.'), 'f7-f9, please');
  });
});
