import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, fromLocal, isLocalDate, isLocalTime, isValidTimeZone, localDayRange, toLocal } from './time-zone.ts';

test('an instant in Asia/Kolkata: UTC+5:30, so 18:45 UTC is 00:15 the next day', () => {
  assert.deepEqual(toLocal(Date.UTC(2026, 10, 25, 18, 45), 'Asia/Kolkata'), { date: '2026-11-26', time: '00:15', weekday: 'thu' });
  assert.deepEqual(toLocal(Date.UTC(2026, 10, 25, 18, 29), 'Asia/Kolkata'), { date: '2026-11-25', time: '23:59', weekday: 'wed' });
  assert.deepEqual(toLocal(Date.UTC(2026, 10, 25, 18, 30), 'Asia/Kolkata'), { date: '2026-11-26', time: '00:00', weekday: 'thu' });
});

test('local date and time back to the instant', () => {
  assert.equal(fromLocal('2026-11-26', '00:15', 'Asia/Kolkata'), Date.UTC(2026, 10, 25, 18, 45));
  assert.equal(fromLocal('2026-11-25', '09:00', 'Asia/Kolkata'), Date.UTC(2026, 10, 25, 3, 30));
  assert.equal(fromLocal('2026-11-25', '09:00', 'UTC'), Date.UTC(2026, 10, 25, 9, 0));
});

test('a local day is [00:00, next 00:00): 23:59 is in it, the next midnight is not', () => {
  const { start, end } = localDayRange('2026-11-25', 'Asia/Kolkata');
  assert.equal(start, Date.UTC(2026, 10, 24, 18, 30));
  assert.equal(end, Date.UTC(2026, 10, 25, 18, 30));
  assert.ok(fromLocal('2026-11-25', '23:59', 'Asia/Kolkata') < end);
  assert.equal(fromLocal('2026-11-26', '00:00', 'Asia/Kolkata'), end);
});

test('zones with daylight saving: offsets follow the date, and a day can be 23 hours long', () => {
  assert.equal(fromLocal('2026-07-01', '12:00', 'America/New_York'), Date.UTC(2026, 6, 1, 16, 0));
  assert.equal(fromLocal('2026-12-01', '12:00', 'America/New_York'), Date.UTC(2026, 11, 1, 17, 0));
  const spring = localDayRange('2026-03-08', 'America/New_York');
  assert.equal(spring.end - spring.start, 23 * 60 * 60_000);
  // 02:30 does not exist that night; it is read with the offset before the jump, i.e. 03:30 EDT.
  assert.equal(toLocal(fromLocal('2026-03-08', '02:30', 'America/New_York'), 'America/New_York').time, '03:30');
  for (const t of ['00:00', '01:59', '03:00', '23:59']) {
    assert.equal(toLocal(fromLocal('2026-03-08', t, 'America/New_York'), 'America/New_York').time, t);
  }
});

test('dates, times and zones are validated', () => {
  assert.ok(isLocalDate('2028-02-29'));
  assert.ok(!isLocalDate('2026-02-29'));
  assert.ok(!isLocalDate('2026-13-01'));
  assert.ok(!isLocalDate('26-11-25'));
  assert.ok(isLocalTime('23:59'));
  assert.ok(!isLocalTime('24:00'));
  assert.ok(!isLocalTime('9:00'));
  assert.ok(isValidTimeZone('Asia/Kolkata'));
  assert.ok(!isValidTimeZone('Mars/Olympus'));
  assert.throws(() => fromLocal('2026-11-31', '10:00', 'Asia/Kolkata'), RangeError);
});

test('addDays crosses months and years', () => {
  assert.equal(addDays('2026-11-30', 1), '2026-12-01');
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2026-03-01', -1), '2026-02-28');
});
