import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchNames } from './fuzzy.ts';

const movies = [
  { id: 'retro', names: ['Retro', 'ரெட்ரோ', 'रेट्रो'] },
  { id: 'ps2', names: ['Ponniyin Selvan 2', 'PS2', 'பொன்னியின் செல்வன் 2'] },
  { id: 'ps1', names: ['Ponniyin Selvan 1', 'PS1'] },
  { id: 'lion', names: ['The Lion King'] },
  { id: 'leo', names: ['Leo'] },
  { id: 'amelie', names: ['Amélie'] },
];
const locations = [
  { id: 'tirupur', names: ['Tirupur', 'Tiruppur', 'திருப்பூர்'] },
  { id: 'cbe', names: ['Coimbatore', 'Kovai', 'கோவை'] },
];
const ids = (text: string, items = movies) => matchNames(text, items).map((m) => m.item.id);
const top = (text: string, items = movies) => matchNames(text, items)[0];

describe('matchNames', () => {
  const best: [string, string][] = [
    ['Retro', 'retro'],
    ['RETRO', 'retro'],
    ['Retor', 'retro'], // transposed letters
    ['retr', 'retro'], // typed partly
    ['rettro', 'retro'],
    ['ரெட்ரோ', 'retro'], // Tamil alias
    ['ரெட்ரோவுக்கு', 'retro'], // with a Tamil case ending
    ['रेट्रो', 'retro'],
    ['2 tickets for retro tomorrow', 'retro'],
    ['ponniyin selvan 2', 'ps2'],
    ['ponniyinselvan 2', 'ps2'],
    ['ps2', 'ps2'],
    ['lion king', 'lion'],
    ['the lion kign', 'lion'],
    ['amelie', 'amelie'], // diacritics do not matter
    ['AMÉLIE', 'amelie'],
    ['leo', 'leo'],
  ];
  for (const [input, id] of best) it(`${JSON.stringify(input)} → ${id}`, () => assert.equal(top(input)?.item.id, id));

  it('scores an exact match 1 and a whole-word match above any fuzzy one', () => {
    assert.equal(top('Retro')!.score, 1);
    const whole = top('tickets for retro please')!.score;
    const fuzzy = top('retor')!.score;
    assert.ok(whole >= 0.95 && whole < 1, String(whole));
    assert.ok(fuzzy < whole, `${fuzzy} < ${whole}`);
  });

  it('returns every close candidate for a partial title, best first', () => {
    const hits = matchNames('ponniyin', movies);
    assert.deepEqual(hits.map((h) => h.item.id).sort(), ['ps1', 'ps2']);
    assert.ok(hits[0]!.score >= hits[1]!.score);
    assert.deepEqual(ids('selvan').sort(), ['ps1', 'ps2']);
  });

  it('prefers the exact part over its sibling', () => {
    const [first, second] = matchNames('ponniyin selvan 2', movies);
    assert.equal(first!.item.id, 'ps2');
    assert.ok(first!.score - second!.score >= 0.1);
  });

  it('matches places by name and alias', () => {
    assert.equal(top('at Tiruppur', locations)?.item.id, 'tirupur');
    assert.equal(top('kovai', locations)?.item.id, 'cbe');
    assert.equal(top('coimbatre', locations)?.item.id, 'cbe');
    assert.equal(top('கோவை', locations)?.item.id, 'cbe');
  });

  it('keeps scores in 0..1', () => {
    for (const text of ['retro', 'retor', 'ponniyin', 'x', '']) {
      for (const m of matchNames(text, movies)) assert.ok(m.score > 0 && m.score <= 1);
    }
  });

  const nothing = ['the', 'hello', '2', 'I want to watch something', 'tomorrow evening', '', 'le'];
  for (const input of nothing) it(`${JSON.stringify(input)} matches nothing`, () => assert.deepEqual(ids(input), []));

  it('ignores items without names', () => {
    assert.deepEqual(matchNames('retro', [{ id: 'empty', names: [] }, { id: 'blank', names: [''] }]), []);
  });
});
