import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findEventKeyword } from './keywords.ts';

const KEYWORDS = ['#WRETRO', '#WRETRO2', '#FDFS'];

describe('findEventKeyword', () => {
  const found: [string, string][] = [
    ['#WRETRO', '#WRETRO'],
    ['#wretro', '#WRETRO'],
    ['#WRetro please', '#WRETRO'],
    ['wretro', '#WRETRO'],
    ['I want wretro tickets', '#WRETRO'],
    ['Hi! I saw #wretro on Instagram', '#WRETRO'],
    ['# wretro', '#WRETRO'],
    ['book #WRETRO2', '#WRETRO2'], // the longer keyword, not its prefix
    ['#fdfs and #wretro', '#FDFS'], // the first mentioned
    ['#WRETRO के लिए 2 टिकट', '#WRETRO'],
    ['#WRETRO க்கு 2 டிக்கெட்', '#WRETRO'],
  ];
  for (const [input, kw] of found) it(`${JSON.stringify(input)} → ${kw}`, () => assert.equal(findEventKeyword(input, KEYWORDS), kw));

  const none = ['wretros', 'xwretro', 'retro', '', '#'];
  for (const input of none) it(`${JSON.stringify(input)} has none`, () => assert.equal(findEventKeyword(input, KEYWORDS), undefined));

  it('returns the keyword as the cinema wrote it', () => {
    assert.equal(findEventKeyword('WRETRO', ['#wRetro']), '#wRetro');
  });

  it('finds nothing when the cinema has no active events', () => {
    assert.equal(findEventKeyword('#WRETRO', []), undefined);
  });
});
