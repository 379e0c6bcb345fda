import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLanguage } from './language.ts';
import type { Lang } from './lang.ts';

describe('detectLanguage', () => {
  const cases: [string, Lang | undefined][] = [
    ['Hello, I want 2 tickets', 'en'],
    ['book retro', 'en'],
    ['मुझे दो टिकट चाहिए', 'hi'],
    ['Retro का टिकट', 'hi'], // a title in Latin letters inside a Hindi sentence
    ['நாளை 2 டிக்கெட்', 'ta'],
    ['Retro படம் 2 டிக்கெட்', 'ta'],
    ['namaste', 'hi'],
    ['Namaste ji', 'hi'],
    ['mujhe kal ke liye ticket chahiye', 'hi'],
    ['vanakkam', 'ta'],
    ['naalai retro ticket venum', 'ta'],
    ['👍', undefined],
    ['123', undefined],
    ['', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(detectLanguage(input), expected));
  }
});
