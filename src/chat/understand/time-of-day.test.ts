import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTimeOfDay } from './time-of-day.ts';

const h = (hours: number, minutes = 0) => hours * 60 + minutes;
const windowOf = (text: string) => {
  const t = parseTimeOfDay(text);
  return t && { from: t.fromMinutes, to: t.toMinutes, exact: t.exact };
};

describe('parseTimeOfDay', () => {
  const periods: [string, number, number][] = [
    ['morning', h(6), h(12)],
    ['afternoon', h(12), h(16)],
    ['matinee', h(12), h(16)],
    ['evening', h(16), h(20)],
    ['night', h(20), h(30)], // until 06:00 next day
    ['tonight', h(16), h(30)],
    ['सुबह', h(6), h(12)],
    ['दोपहर', h(12), h(16)],
    ['शाम', h(16), h(20)],
    ['रात', h(20), h(30)],
    ['subah', h(6), h(12)],
    ['shaam', h(16), h(20)],
    ['raat', h(20), h(30)],
    ['காலை', h(6), h(12)],
    ['மதியம்', h(12), h(16)],
    ['மாலை', h(16), h(20)],
    ['மாலையில்', h(16), h(20)],
    ['இரவு', h(20), h(30)],
    ['iravu', h(20), h(30)],
  ];
  for (const [input, from, to] of periods) {
    it(`${JSON.stringify(input)} → ${from}–${to}`, () => assert.deepEqual(windowOf(input), { from, to, exact: undefined }));
  }

  const exact: [string, number][] = [
    ['7pm', h(19)],
    ['7 PM', h(19)],
    ['7:30 pm', h(19, 30)],
    ['7.30pm', h(19, 30)],
    ['19:30', h(19, 30)],
    ['at 7', h(19)], // a bare hour is read as afternoon or evening
    ['10am', h(10)],
    ['12 noon', h(12)],
    ['12pm', h(12)],
    ['morning 10 show', h(10)],
    ['10 in the morning', h(10)],
    ['shaam 7 baje', h(19)],
    ['7 बजे', h(19)],
    ['साढ़े सात बजे', h(19, 30)],
    ['सुबह 9 बजे', h(9)],
    ['7 மணிக்கு', h(19)],
    ['காலை 10 மணி', h(10)],
    ['ஏழு மணிக்கு', h(19)],
    // after midnight belongs to the night before: 00:30 is 24:30
    ['12:30 am', h(24, 30)],
    ['1am', h(25)],
    ['raat 1 baje', h(25)],
    ['night 11:30', h(23, 30)],
  ];
  for (const [input, minutes] of exact) {
    it(`${JSON.stringify(input)} → exactly ${minutes}`, () => {
      const t = parseTimeOfDay(input);
      assert.equal(t?.exact, minutes);
      assert.equal(t?.fromMinutes, minutes - 60);
      assert.equal(t?.toMinutes, minutes + 60);
    });
  }

  it('covers after-midnight shows in the night window', () => {
    const night = parseTimeOfDay('late night show')!;
    for (const m of [h(21), h(23, 59), h(24, 30), h(29)]) assert.ok(m >= night.fromMinutes && m <= night.toMinutes, String(m));
    assert.ok(h(6, 30) + 24 * 60 > night.toMinutes);
  });

  it('gives the span of the time in the text', () => {
    const text = 'retro tomorrow at 7:30 pm please';
    const t = parseTimeOfDay(text)!;
    assert.equal(text.slice(t.start, t.end), '7:30 pm');
    const joined = 'retro shaam 7 baje';
    const u = parseTimeOfDay(joined)!;
    assert.equal(joined.slice(u.start, u.end), 'shaam 7 baje');
  });

  it('does not take a count for an hour', () => {
    assert.deepEqual(windowOf('evening 2 tickets'), { from: h(16), to: h(20), exact: undefined });
    assert.equal(parseTimeOfDay('2 tickets'), undefined);
    assert.equal(parseTimeOfDay('at 2 tickets each'), undefined);
  });

  it('finds nothing without a time', () => {
    assert.equal(parseTimeOfDay('retro tomorrow'), undefined);
    assert.equal(parseTimeOfDay(''), undefined);
  });
});
