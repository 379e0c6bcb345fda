import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYesNo } from './yes-no.ts';

describe('parseYesNo', () => {
  const yes = [
    'yes', 'Yes please', 'y', 'ok', 'confirm', 'Confirm!', 'book it', 'yes book it', 'go ahead', '👍',
    'हाँ', 'हां जी', 'पक्का', 'ठीक है', 'बुक कर दो', 'haan', 'pakka', 'book kar do na',
    'ஆம்', 'சரி', 'உறுதி', 'புக் பண்ணுங்க', 'aama', 'uruthi',
  ];
  for (const input of yes) it(`${JSON.stringify(input)} → yes`, () => assert.equal(parseYesNo(input), 'yes'));

  const no = [
    'no', 'No thanks', 'nope', 'n', "don't book", 'do not confirm', 'not now', '❌',
    'नहीं', 'मत करो', 'रहने दो', 'nahi', 'na',
    'இல்லை', 'வேண்டாம்', 'வேணாம்', 'venam', 'illa',
  ];
  for (const input of no) it(`${JSON.stringify(input)} → no`, () => assert.equal(parseYesNo(input), 'no'));

  const unclear = ['', 'what time?', 'change seats', 'retro', 'yes?', 'कितने बजे'];
  for (const input of unclear) it(`${JSON.stringify(input)} → unclear`, () => assert.equal(parseYesNo(input), 'unclear'));
});
