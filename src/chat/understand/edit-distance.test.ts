import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editDistance } from './edit-distance.ts';

describe('editDistance', () => {
  const cases: [string, string, number][] = [
    ['retro', 'retro', 0],
    ['retor', 'retro', 1],
    ['retr', 'retro', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['ரெட்ரோ', 'ரெட்ரோ', 0],
  ];
  for (const [a, b, d] of cases) it(`${a} ↔ ${b} = ${d}`, () => assert.equal(editDistance(a, b), d));

  it('stops early past the limit', () => assert.equal(editDistance('abcdef', 'uvwxyz', 1), 2));
});
