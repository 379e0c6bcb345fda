import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDate } from './dates.ts';

// 2026-11-25 is a Wednesday.
const TODAY = '2026-11-25';
const dateOf = (text: string, today = TODAY) => parseDate(text, today)?.date;

describe('parseDate', () => {
  const cases: [string, string][] = [
    ['today', '2026-11-25'],
    ['tonight', '2026-11-25'],
    ['tomorrow', '2026-11-26'],
    ['tmrw', '2026-11-26'],
    ['day after tomorrow', '2026-11-27'],
    ['saturday', '2026-11-28'],
    ['sat', '2026-11-28'],
    ['this sat', '2026-11-28'],
    ['on Saturday evening', '2026-11-28'],
    ['wednesday', '2026-11-25'], // today is Wednesday
    ['next wednesday', '2026-12-02'],
    ['next friday', '2026-11-27'],
    ['sunday', '2026-11-29'],
    ['monday', '2026-11-30'], // across the month end
    ['weekend', '2026-11-28'],
    ['25 nov', '2026-11-25'],
    ['nov 25', '2026-11-25'],
    ['25th November', '2026-11-25'],
    ['24 nov', '2027-11-24'], // already past this year
    ['25/11', '2026-11-25'],
    ['25-11-2026', '2026-11-25'],
    ['2/12', '2026-12-02'],
    ['1 jan', '2027-01-01'], // across the year end
    ['31 dec', '2026-12-31'],
    ['2027-01-03', '2027-01-03'],
    ['on the 30th', '2026-11-30'],
    ['the 3rd', '2026-12-03'],
    ['29 feb', '2028-02-29'], // the next year that has it
    // Hindi
    ['आज', '2026-11-25'],
    ['कल', '2026-11-26'], // tomorrow, when booking
    ['परसों', '2026-11-27'],
    ['शनिवार', '2026-11-28'],
    ['अगले शनिवार', '2026-11-28'],
    ['25 नवंबर', '2026-11-25'],
    ['28 तारीख', '2026-11-28'],
    ['aaj', '2026-11-25'],
    ['kal', '2026-11-26'],
    ['parso', '2026-11-27'],
    ['shanivar', '2026-11-28'],
    // Tamil
    ['இன்று', '2026-11-25'],
    ['நாளை', '2026-11-26'],
    ['நாளைக்கு', '2026-11-26'],
    ['நாளை மறுநாள்', '2026-11-27'],
    ['சனிக்கிழமை', '2026-11-28'],
    ['சனிக்கிழமைக்கு', '2026-11-28'],
    ['அடுத்த வெள்ளிக்கிழமை', '2026-11-27'],
    ['நவம்பர் 25', '2026-11-25'],
    ['inniki', '2026-11-25'],
    ['naalai', '2026-11-26'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(dateOf(input), expected));
  }

  it('resolves relative days across month and year ends', () => {
    assert.equal(dateOf('tomorrow', '2026-12-31'), '2027-01-01');
    assert.equal(dateOf('day after tomorrow', '2027-02-27'), '2027-03-01');
    assert.equal(dateOf('saturday', '2026-11-28'), '2026-11-28'); // on a Saturday, "saturday" is today
    assert.equal(dateOf('next saturday', '2026-11-28'), '2026-12-05');
    assert.equal(dateOf('31st', '2027-02-15'), '2027-03-31'); // February has none
  });

  it('gives the span of the date in the text', () => {
    const text = '2 tickets for retro tomorrow evening';
    const found = parseDate(text, TODAY);
    assert.deepEqual(found, { date: '2026-11-26', start: 20, end: 28 });
    assert.equal(text.slice(found!.start, found!.end), 'tomorrow');
    assert.deepEqual(parseDate('day after tomorrow', TODAY), { date: '2026-11-27', start: 0, end: 18 });
  });

  it('takes the first date mentioned', () => {
    assert.equal(dateOf('kal ya parso'), '2026-11-26');
  });

  it('never returns a past date', () => {
    assert.equal(dateOf('24-11-2026'), undefined);
    assert.equal(dateOf('2026-11-24'), undefined);
  });

  const notDates = ['2 tickets', '2-3 tickets', '7.30pm', 'the 2nd show', 'may I book', '31/02', 'hello', ''];
  for (const input of notDates) {
    it(`${JSON.stringify(input)} has no date`, () => assert.equal(dateOf(input), undefined));
  }

  it('returns nothing for a malformed today', () => {
    assert.equal(parseDate('tomorrow', '25/11/2026'), undefined);
  });
});
