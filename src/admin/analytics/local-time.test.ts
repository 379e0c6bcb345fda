import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, datesBetween, localTime } from './local-time.ts';
import { parseDateRange, periodOf } from './date-range.ts';

test('local dates and times follow the zone, including half-hour offsets', () => {
  const ist = localTime('Asia/Kolkata');
  const t = Date.UTC(2026, 10, 25, 18, 45);
  assert.equal(ist.date(t), '2026-11-26');
  assert.equal(ist.dateTime(t), '2026-11-26 00:15');
  assert.equal(ist.hour(t), 0);
  assert.equal(ist.offset(t), 5.5 * 3_600_000);
  assert.equal(ist.at('2026-11-26', '00:15'), t);
  assert.equal(ist.wallClock(t).toISOString(), '2026-11-26T00:15:00.000Z');
});

test('converting a local time back to an instant is right on both sides of a DST change', () => {
  const ny = localTime('America/New_York');
  // 8 March 2026: clocks go from 02:00 EST to 03:00 EDT.
  assert.equal(ny.at('2026-03-08', '01:30'), Date.UTC(2026, 2, 8, 6, 30));
  assert.equal(ny.at('2026-03-08', '03:30'), Date.UTC(2026, 2, 8, 7, 30));
  // 02:30 does not exist that day: it moves forward to 03:30 EDT.
  assert.equal(ny.at('2026-03-08', '02:30'), Date.UTC(2026, 2, 8, 7, 30));
  assert.equal(ny.at('2026-07-01'), Date.UTC(2026, 6, 1, 4));
  // 1 November 2026: 01:30 happens twice; the first (EDT) is taken.
  assert.equal(ny.at('2026-11-01', '01:30'), Date.UTC(2026, 10, 1, 5, 30));
  assert.equal(ny.dateTime(Date.UTC(2026, 10, 1, 6, 30)), '2026-11-01 01:30');
});

test('calendar arithmetic crosses months and years', () => {
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2028-03-01', -1), '2028-02-29');
  assert.deepEqual(datesBetween('2026-02-27', '2026-03-02'), ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  assert.deepEqual(datesBetween('2026-03-02', '2026-03-01'), []);
});

test('a date range defaults to the 30 days ending today and rejects bad input', () => {
  assert.deepEqual(parseDateRange({}, '2026-11-25'), { ok: true, range: { fromDate: '2026-10-27', toDate: '2026-11-25' } });
  assert.deepEqual(parseDateRange({ from: '2026-11-01', to: '2026-11-03' }, '2026-11-25'), {
    ok: true,
    range: { fromDate: '2026-11-01', toDate: '2026-11-03' },
  });
  assert.equal(parseDateRange({ from: '2026-02-30' }, '2026-11-25').ok, false);
  assert.equal(parseDateRange({ from: 'yesterday' }, '2026-11-25').ok, false);
  assert.equal(parseDateRange({ from: '2026-11-05', to: '2026-11-01' }, '2026-11-25').ok, false);
  assert.equal(parseDateRange({ from: '2024-01-01', to: '2026-01-01' }, '2026-11-25').ok, false);
  assert.equal(parseDateRange({ from: ['2026-11-01'] }, '2026-11-25').ok, false);
});

test('a date range covers local midnight to the midnight after its last day', () => {
  assert.deepEqual(periodOf({ fromDate: '2026-11-10', toDate: '2026-11-11' }, 'Asia/Kolkata'), {
    from: Date.UTC(2026, 10, 9, 18, 30),
    to: Date.UTC(2026, 10, 11, 18, 30),
  });
});
