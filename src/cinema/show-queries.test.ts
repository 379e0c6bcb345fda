import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../test/helpers/db.ts';
import {
  cancelBooking,
  cancelShow,
  confirmBooking,
  createLocation,
  createScreen,
  createShow,
  fromLocal,
  getShowAvailability,
  holdSeats,
  listCustomerBookings,
  listShowDates,
  listShowsAt,
  listShowsForMovie,
  setSeatsBlocked,
  updateShow,
} from './index.ts';
import { addCustomers, layoutOf, scenario, T0, type Scenario } from './testing/scenario.ts';

let t: TestDb;
before(async () => {
  t = await createTestDb();
});
after(async () => {
  await t.close();
});

const MIN = 60_000;
const KOLKATA = 'Asia/Kolkata';

/** A Kolkata location with three screens (so shows close together do not overlap) and a 60-minute film. */
async function multiplex(): Promise<Scenario & { screens: string[] }> {
  const s = await scenario(t.db, { startsAt: fromLocal('2026-11-25', '18:00', KOLKATA) });
  const deps = { db: t.db, clock: s.clock };
  const screens = [s.screen.id];
  for (const name of ['Screen 2', 'Screen 3']) {
    screens.push((await createScreen(deps, { cinemaId: s.cinemaId, locationId: s.location.id, name, layout: layoutOf([['Classic', 'SSSS']]) })).id);
  }
  return { ...s, screens };
}

async function showAt(s: Scenario, screenId: string, date: string, time: string, tz = KOLKATA) {
  return createShow(
    { db: t.db, clock: s.clock },
    { cinemaId: s.cinemaId, movieId: s.movie.id, screenId, startsAt: fromLocal(date, time, tz), language: 'Tamil', prices: [{ category: 'Classic', pricePaise: 12000 }] },
  );
}

describe('what is on at a location on a date', () => {
  test('the 24:00 boundary: 23:59 belongs to today, 00:00 and 00:15 to tomorrow, in the location’s zone', async () => {
    const s = await multiplex();
    await showAt(s, s.screens[0]!, '2026-11-25', '23:59');
    await showAt(s, s.screens[1]!, '2026-11-26', '00:00');
    await showAt(s, s.screens[2]!, '2026-11-26', '00:15');
    const today = await listShowsAt(t.db, { cinemaId: s.cinemaId, locationId: s.location.id, date: '2026-11-25', now: T0 });
    assert.deepEqual(
      today.map((x) => `${x.localDate} ${x.localTime}`),
      ['2026-11-25 18:00', '2026-11-25 23:59'],
    );
    const tomorrow = await listShowsAt(t.db, { cinemaId: s.cinemaId, locationId: s.location.id, date: '2026-11-26', now: T0 });
    assert.deepEqual(
      tomorrow.map((x) => `${x.localDate} ${x.localTime}`),
      ['2026-11-26 00:00', '2026-11-26 00:15'],
    );
    // 00:15 IST on the 26th is still the 25th in UTC: a UTC-date query would have got this wrong.
    assert.equal(new Date(tomorrow[1]!.startsAt).toISOString(), '2026-11-25T18:45:00.000Z');
    assert.deepEqual(
      [tomorrow[0]!.movie.title, tomorrow[0]!.screenName, tomorrow[0]!.location.timezone],
      [s.movie.title, 'Screen 2', KOLKATA],
    );
  });

  test('each location lists in its own zone, and cancelled shows only on request', async () => {
    const s = await multiplex();
    const deps = { db: t.db, clock: s.clock };
    const ny = await createLocation(deps, { cinemaId: s.cinemaId, code: 'new-york', name: 'Marquee NYC', city: 'New York', address: '1 Broadway', timezone: 'America/New_York' });
    const nyScreen = await createScreen(deps, { cinemaId: s.cinemaId, locationId: ny.id, name: 'Screen 1', layout: layoutOf([['Classic', 'SSSS']]) });
    // 20:00 in New York on the 25th is 01:00 UTC and 06:30 in Kolkata on the 26th.
    const late = await showAt(s, nyScreen.id, '2026-11-25', '20:00', 'America/New_York');
    const atNy = await listShowsAt(t.db, { cinemaId: s.cinemaId, locationId: ny.id, date: '2026-11-25', now: T0 });
    assert.deepEqual(
      atNy.map((x) => [x.id, x.localTime]),
      [[late.id, '20:00']],
    );
    assert.deepEqual(await listShowsAt(t.db, { cinemaId: s.cinemaId, locationId: ny.id, date: '2026-11-26', now: T0 }), []);
    await cancelShow(deps, { cinemaId: s.cinemaId, showId: late.id });
    assert.deepEqual(await listShowsAt(t.db, { cinemaId: s.cinemaId, locationId: ny.id, date: '2026-11-25', now: T0 }), []);
    const all = await listShowsAt(t.db, { cinemaId: s.cinemaId, locationId: ny.id, date: '2026-11-25', now: T0, includeCancelled: true });
    assert.deepEqual(
      all.map((x) => [x.status, x.bookable]),
      [['cancelled', false]],
    );
  });

  test('bookable and seats left are as of `now`', async () => {
    const s = await multiplex();
    const [alice] = await addCustomers(t.db, s.cinemaId, 1);
    await holdSeats({ db: t.db, clock: s.clock }, { cinemaId: s.cinemaId, showId: s.show.id, customerId: alice!, seatCodes: ['A1', 'A2'], holdMinutes: 10 });
    const list = async (now: number) => (await listShowsAt(t.db, { cinemaId: s.cinemaId, locationId: s.location.id, date: '2026-11-25', now }))[0]!;
    const total = s.screen.sellableSeats;
    assert.deepEqual([(await list(T0)).available, (await list(T0)).bookable], [total - 2, true]);
    assert.equal((await list(T0 + 10 * MIN)).available, total);
    assert.equal((await list(s.show.startsAt)).bookable, false);
  });
});

describe('dates and a film’s shows', () => {
  test('dates with shows still open, per location zone, from now for a number of days', async () => {
    const s = await multiplex();
    await showAt(s, s.screens[1]!, '2026-11-27', '00:15');
    await showAt(s, s.screens[1]!, '2026-11-28', '10:00');
    await showAt(s, s.screens[2]!, '2026-12-05', '10:00');
    const cancelled = await showAt(s, s.screens[2]!, '2026-11-29', '10:00');
    await cancelShow({ db: t.db, clock: s.clock }, { cinemaId: s.cinemaId, showId: cancelled.id });
    assert.deepEqual(await listShowDates(t.db, { cinemaId: s.cinemaId, now: T0 }), ['2026-11-25', '2026-11-27', '2026-11-28']);
    assert.deepEqual(await listShowDates(t.db, { cinemaId: s.cinemaId, now: T0, days: 14 }), ['2026-11-25', '2026-11-27', '2026-11-28', '2026-12-05']);
    // Once today's show has started (booking closes at the start), today drops out.
    assert.deepEqual(await listShowDates(t.db, { cinemaId: s.cinemaId, now: s.show.startsAt, locationId: s.location.id, movieId: s.movie.id }), ['2026-11-27', '2026-11-28']);
  });

  test('a film’s upcoming shows across locations, a booking window kept open after the start included', async () => {
    const s = await multiplex();
    const deps = { db: t.db, clock: s.clock };
    const other = await createLocation(deps, { cinemaId: s.cinemaId, code: 'tirupur', name: 'Marquee Tirupur', city: 'Tiruppur', address: '45 Avinashi Road', timezone: KOLKATA });
    const otherScreen = await createScreen(deps, { cinemaId: s.cinemaId, locationId: other.id, name: 'Screen 1', layout: layoutOf([['Classic', 'SSSS']]) });
    const there = await showAt(s, otherScreen.id, '2026-11-26', '10:00');
    const later = await showAt(s, s.screens[1]!, '2026-11-26', '21:00');
    const ids = async (now: number, locationId?: string) => (await listShowsForMovie(t.db, { cinemaId: s.cinemaId, movieId: s.movie.id, now, locationId })).map((x) => x.id);
    assert.deepEqual(await ids(T0), [s.show.id, there.id, later.id]);
    assert.deepEqual(await ids(T0, other.id), [there.id]);
    assert.deepEqual(await ids(s.show.startsAt), [there.id, later.id]);
    await updateShow(deps, { cinemaId: s.cinemaId, showId: s.show.id, patch: { bookingClosesAt: s.show.startsAt + 20 * MIN } });
    assert.deepEqual(await ids(s.show.startsAt + 10 * MIN), [s.show.id, there.id, later.id]);
  });
});

describe('seats and categories left for a show', () => {
  test('prices cheapest first, counts per category, the seat map with blocked, taken and wheelchair seats', async () => {
    const s = await scenario(t.db, {
      layout: layoutOf([
        ['Classic', 'WSS_SSW'],
        ['Prime', 'SSS_SSS'],
        ['Recliner', '_SS_SS_'],
      ]),
      prices: [
        { category: 'Recliner', pricePaise: 35000 },
        { category: 'Classic', pricePaise: 15000 },
        { category: 'Prime', pricePaise: 19000 },
      ],
    });
    const deps = { db: t.db, clock: s.clock };
    const [alice] = await addCustomers(t.db, s.cinemaId, 1);
    await setSeatsBlocked(deps, { cinemaId: s.cinemaId, screenId: s.screen.id, seatCodes: ['B6'], blocked: true });
    const b = await holdSeats(deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: alice!, seatCodes: ['C1', 'C2'], holdMinutes: 10 });
    await confirmBooking(deps, { cinemaId: s.cinemaId, bookingId: b.id });
    const a = await getShowAvailability(t.db, { cinemaId: s.cinemaId, showId: s.show.id, now: T0 });
    assert.deepEqual(a.categories, [
      { category: 'Classic', pricePaise: 15000, total: 6, available: 6 },
      { category: 'Prime', pricePaise: 19000, total: 5, available: 5 },
      { category: 'Recliner', pricePaise: 35000, total: 4, available: 2 },
    ]);
    assert.equal(a.available, 13);
    const draw = a.rows.map((r) => `${r.label} ${r.cells.map((c) => (c === null ? '_' : c.state === 'taken' ? '#' : c.state === 'blocked' ? 'X' : c.wheelchair ? 'W' : 'S')).join('')}`);
    assert.deepEqual(draw, ['A WSS_SSW', 'B SSS_SSX', 'C _##_SS']);
    await cancelBooking(deps, { cinemaId: s.cinemaId, bookingId: b.id, cutoffMinutes: 120 });
    assert.equal((await getShowAvailability(t.db, { cinemaId: s.cinemaId, showId: s.show.id, now: T0 })).available, 15);
  });

  test('a category without a price is not for sale', async () => {
    const s = await scenario(t.db, { layout: layoutOf([['Classic', 'SSSS'], ['Staff', 'SS']]), prices: [{ category: 'Classic', pricePaise: 10000 }] });
    const a = await getShowAvailability(t.db, { cinemaId: s.cinemaId, showId: s.show.id, now: T0 });
    assert.deepEqual(
      a.categories.map((c) => c.category),
      ['Classic'],
    );
    assert.equal(a.available, 4);
    assert.ok(a.rows[1]!.cells.every((c) => c?.state === 'blocked'));
  });
});

describe('a customer’s bookings', () => {
  test('upcoming (sold, or held and unexpired, for shows not over) soonest first; the rest is past', async () => {
    const s = await multiplex();
    const deps = { db: t.db, clock: s.clock };
    const [alice, bob] = await addCustomers(t.db, s.cinemaId, 2);
    const tomorrow = await showAt(s, s.screens[1]!, '2026-11-26', '10:00');
    const hold = (showId: string, code: string) => holdSeats(deps, { cinemaId: s.cinemaId, showId, customerId: alice!, seatCodes: [code], holdMinutes: 10 });
    const soldTomorrow = await confirmBooking(deps, { cinemaId: s.cinemaId, bookingId: (await hold(tomorrow.id, 'A1')).id });
    const soldToday = await confirmBooking(deps, { cinemaId: s.cinemaId, bookingId: (await hold(s.show.id, 'A1')).id });
    const cancelled = await hold(s.show.id, 'A2');
    await cancelBooking(deps, { cinemaId: s.cinemaId, bookingId: cancelled.id, cutoffMinutes: 120 });
    s.clock.advance(MIN);
    const lapsed = await hold(s.show.id, 'A3');
    s.clock.advance(10 * MIN);
    const held = await hold(s.show.id, 'A4');
    await holdSeats(deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: bob!, seatCodes: ['A5'], holdMinutes: 10 });

    const mine = await listCustomerBookings(t.db, { cinemaId: s.cinemaId, customerId: alice!, now: s.clock.now() });
    assert.deepEqual(
      mine.upcoming.map((b) => [b.id, b.status]),
      [
        [soldToday.id, 'confirmed'],
        [held.id, 'held'],
        [soldTomorrow.id, 'confirmed'],
      ],
    );
    assert.deepEqual(new Set(mine.past.map((b) => `${b.id} ${b.status}`)), new Set([`${lapsed.id} expired`, `${cancelled.id} cancelled`]));
    assert.equal(mine.upcoming[0]!.show.movie.title, s.movie.title);
    assert.equal(mine.upcoming[0]!.show.localTime, '18:00');

    // Once today's show is over it moves to the past.
    const afterShow = await listCustomerBookings(t.db, { cinemaId: s.cinemaId, customerId: alice!, now: s.show.endsAt });
    assert.deepEqual(
      afterShow.upcoming.map((b) => b.id),
      [soldTomorrow.id],
    );
    assert.ok(afterShow.past.some((b) => b.id === soldToday.id && b.status === 'confirmed'));
  });
});
