import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../test/helpers/db.ts';
import {
  confirmBooking,
  createEvent,
  createLocation,
  createMovie,
  createScreen,
  createShow,
  createShows,
  findEventByKeyword,
  getLocation,
  getScreen,
  getShow,
  holdGeneralAdmission,
  holdSeats,
  isDomainError,
  listActiveEvents,
  listEventShows,
  listLocations,
  listMovies,
  listScreens,
  listShows,
  setSeatsBlocked,
  updateEvent,
  updateLocation,
  updateMovie,
  updateScreen,
  updateShow,
  type CinemaErrorCode,
} from './index.ts';
import { ManualClock } from '../clock.ts';
import { addCinema, addCustomers, layoutOf, scenario, T0 } from './testing/scenario.ts';

let t: TestDb;
before(async () => {
  t = await createTestDb();
});
after(async () => {
  await t.close();
});

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const rejects = (code: CinemaErrorCode, detail?: RegExp) => (e: unknown) => {
  assert.ok(isDomainError(e), `expected DomainError ${code}, got ${String(e)}`);
  assert.equal(e.code, code, e.message);
  if (detail) assert.match(JSON.stringify(e.details ?? {}) + e.message, detail);
  return true;
};
const deps = () => ({ db: t.db, clock: new ManualClock(T0) });

describe('locations', () => {
  test('created with a code from the name, validated field by field, scoped to the cinema', async () => {
    const cinemaId = await addCinema(t.db);
    const other = await addCinema(t.db);
    const loc = await createLocation(deps(), {
      cinemaId,
      name: 'Marquee Dindigul',
      city: 'Dindigul',
      address: '112 Palani Road',
      latitude: 10.36,
      longitude: 77.97,
      timezone: 'Asia/Kolkata',
      openingHours: { mon: [{ opens: '09:00', closes: '01:00' }] },
      phone: '+91 451 243 1188',
      email: 'dindigul@example.com',
    });
    assert.equal(loc.code, 'marquee-dindigul');
    assert.deepEqual(loc.openingHours, { mon: [{ opens: '09:00', closes: '01:00' }] });
    await assert.rejects(
      createLocation(deps(), { cinemaId, name: 'X', city: 'Y', address: 'Z', timezone: 'Mars/Base', email: 'nope', latitude: 123 }),
      rejects('invalid_input', /timezone.*latitude.*email|timezone[\s\S]*email/),
    );
    await assert.rejects(createLocation(deps(), { cinemaId, code: loc.code, name: 'Again', city: 'Y', address: 'Z', timezone: 'Asia/Kolkata' }), rejects('already_exists'));
    const updated = await updateLocation(deps(), { cinemaId, locationId: loc.id, patch: { phone: null, isActive: false } });
    assert.deepEqual([updated.phone, updated.isActive, updated.name], [null, false, 'Marquee Dindigul']);
    assert.equal(await getLocation(t.db, { cinemaId: other, locationId: loc.id }), null);
    assert.deepEqual(await listLocations(t.db, { cinemaId: other }), []);
    assert.deepEqual(await listLocations(t.db, { cinemaId, activeOnly: true }), []);
    await assert.rejects(updateLocation(deps(), { cinemaId: other, locationId: loc.id, patch: { name: 'Stolen' } }), rejects('location_not_found'));
  });
});

describe('screens and seat layouts', () => {
  test('a layout comes back as given, with its categories and sellable seats', async () => {
    const s = await scenario(t.db, { layout: layoutOf([['Classic', 'WSS_SSX'], ['Prime', 'SSS_SSS']]) });
    const screen = (await getScreen(t.db, { cinemaId: s.cinemaId, screenId: s.screen.id }))!;
    assert.deepEqual(screen.categories, ['Classic', 'Prime']);
    assert.equal(screen.sellableSeats, 11);
    assert.deepEqual(screen.layout, layoutOf([['Classic', 'WSS_SSX'], ['Prime', 'SSS_SSS']]));
    await assert.rejects(createScreen(deps(), { cinemaId: s.cinemaId, locationId: s.location.id, name: 'Screen 1', layout: screen.layout }), rejects('already_exists'));
    await assert.rejects(
      createScreen(deps(), { cinemaId: s.cinemaId, locationId: s.location.id, name: 'Screen 9', layout: { rows: [{ label: 'A', cells: [null] }] } }),
      rejects('invalid_input', /no seats/),
    );
    assert.equal((await listScreens(t.db, { cinemaId: s.cinemaId, locationId: s.location.id })).length, 1);
  });

  test('changing a layout keeps seats by row and number, and refuses to drop a seat booked for a coming show', async () => {
    const s = await scenario(t.db, { layout: layoutOf([['Classic', 'SSSS'], ['Prime', 'SSSS']]) });
    const d = { db: t.db, clock: s.clock };
    const [alice] = await addCustomers(t.db, s.cinemaId, 1);
    const sold = await holdSeats(d, { cinemaId: s.cinemaId, showId: s.show.id, customerId: alice!, seatCodes: ['B4'], holdMinutes: 10 });
    await confirmBooking(d, { cinemaId: s.cinemaId, bookingId: sold.id });
    await assert.rejects(updateScreen(d, { cinemaId: s.cinemaId, screenId: s.screen.id, patch: { layout: layoutOf([['Classic', 'SSSS'], ['Prime', 'SSS']]) } }), rejects('show_has_bookings', /B4/));
    // Widening the aisle moves B3 and B4 but keeps them (and the sale of B4).
    const wider = await updateScreen(d, { cinemaId: s.cinemaId, screenId: s.screen.id, patch: { layout: layoutOf([['Classic', 'SS_SS'], ['Prime', 'SS_SS']]), name: 'Audi 1' } });
    assert.equal(wider.name, 'Audi 1');
    const seatAfter = await t.db.selectFrom('seats').select(['id', 'col']).where('screen_id', '=', s.screen.id).where('row_label', '=', 'B').where('number', '=', 4).executeTakeFirstOrThrow();
    assert.deepEqual(seatAfter, { id: sold.seats[0]!.seatId, col: 4 });
    // Dropping A4, which nobody booked, is fine.
    const smaller = await updateScreen(d, { cinemaId: s.cinemaId, screenId: s.screen.id, patch: { layout: layoutOf([['Classic', 'SS_S'], ['Prime', 'SS_SS']]) } });
    assert.equal(smaller.sellableSeats, 7);
    const blocked = await setSeatsBlocked(d, { cinemaId: s.cinemaId, screenId: s.screen.id, seatCodes: ['a1'], blocked: true });
    assert.equal(blocked.sellableSeats, 6);
    await assert.rejects(setSeatsBlocked(d, { cinemaId: s.cinemaId, screenId: s.screen.id, seatCodes: ['Q1'], blocked: true }), rejects('seat_not_found'));
  });
});

describe('movies', () => {
  test('validated, coded from the title; a new running time moves the end of coming shows', async () => {
    const s = await scenario(t.db);
    const d = { db: t.db, clock: s.clock };
    await assert.rejects(createMovie(d, { cinemaId: s.cinemaId, title: '', durationMinutes: 0, certificate: 'X' as 'U' }), rejects('invalid_input', /title[\s\S]*durationMinutes[\s\S]*certificate/));
    const m = await createMovie(d, { cinemaId: s.cinemaId, title: 'Dil Se Dobara!', durationMinutes: 151, certificate: 'UA 13+', languages: ['Hindi'], genres: ['Romance'], releaseDate: '2026-11-20', trailerUrl: 'https://example.com/t' });
    assert.equal(m.code, 'dil-se-dobara');
    await assert.rejects(createMovie(d, { cinemaId: s.cinemaId, title: 'Dil Se Dobara', durationMinutes: 100, certificate: 'U' }), rejects('already_exists'));
    await updateMovie(d, { cinemaId: s.cinemaId, movieId: s.movie.id, patch: { durationMinutes: 100 } });
    assert.equal((await getShow(t.db, { cinemaId: s.cinemaId, showId: s.show.id, now: T0 }))!.endsAt, s.show.startsAt + 100 * MIN);
    assert.deepEqual(
      (await listMovies(t.db, { cinemaId: s.cinemaId })).map((x) => x.title),
      ['Dil Se Dobara!', s.movie.title],
    );
  });
});

describe('shows', () => {
  test('checked against the screen, the film and the screen’s other shows', async () => {
    const s = await scenario(t.db);
    const d = { db: t.db, clock: s.clock };
    const base = { cinemaId: s.cinemaId, movieId: s.movie.id, screenId: s.screen.id, language: 'Tamil', prices: [{ category: 'Classic', pricePaise: 10000 }] };
    await assert.rejects(createShow(d, { ...base, date: '2026-11-30', time: '10:00', prices: [{ category: 'Balcony', pricePaise: 1 }] }), rejects('invalid_input', /Balcony/));
    await assert.rejects(createShow(d, { ...base, date: '2026-11-30', time: '10:00', language: 'Hindi' }), rejects('invalid_input', /language/));
    await assert.rejects(createShow(d, { ...base, date: '2026-11-30', time: '25:00' }), rejects('invalid_input', /time/));
    await assert.rejects(createShow(d, { ...base, startsAt: s.show.startsAt }), rejects('already_exists'));
    await assert.rejects(createShow(d, { ...base, startsAt: s.show.startsAt + 60 * MIN }), rejects('show_overlap'));
    const next = await createShow(d, { ...base, startsAt: s.show.endsAt, format: '3D' });
    assert.deepEqual([next.format, next.seating, next.prices], ['3D', 'assigned', [{ category: 'Classic', pricePaise: 10000 }]]);
    // Cancelling frees the slot; moving a show onto a busy slot is refused.
    await assert.rejects(updateShow(d, { cinemaId: s.cinemaId, showId: next.id, patch: { startsAt: s.show.startsAt + 30 * MIN } }), rejects('show_overlap'));
    await updateShow(d, { cinemaId: s.cinemaId, showId: s.show.id, patch: { status: 'cancelled' } });
    const moved = await updateShow(d, { cinemaId: s.cinemaId, showId: next.id, patch: { startsAt: s.show.startsAt + 30 * MIN, prices: [{ category: 'Prime', pricePaise: 25000 }] } });
    assert.equal(moved.startsAt, s.show.startsAt + 30 * MIN);
    assert.deepEqual(moved.prices, [{ category: 'Prime', pricePaise: 25000 }]);
    const listed = await listShows(t.db, { cinemaId: s.cinemaId, now: T0, screenId: s.screen.id, status: 'scheduled' });
    assert.deepEqual(
      listed.map((x) => x.id),
      [next.id],
    );
  });

  test('in bulk: film × screens × dates × times, all or nothing, harmless to repeat', async () => {
    const s = await scenario(t.db, { startsAt: T0 + 30 * DAY });
    const d = { db: t.db, clock: s.clock };
    const small = await createScreen(d, { cinemaId: s.cinemaId, locationId: s.location.id, name: 'Screen 2', layout: layoutOf([['Classic', 'SSSS']]) });
    const input = {
      cinemaId: s.cinemaId,
      movieId: s.movie.id,
      screenIds: [s.screen.id, small.id],
      dates: ['2026-11-27', '2026-11-28'],
      times: ['10:00', '18:30'],
      language: 'tamil',
      prices: [
        { category: 'Classic', pricePaise: 12000 },
        { category: 'Prime', pricePaise: 16000 },
        { category: 'Recliner', pricePaise: 30000 },
      ],
    };
    const first = await createShows(d, input);
    assert.equal(first.created.length, 8);
    assert.equal(first.created[0]!.language, 'Tamil');
    assert.deepEqual(
      first.created.filter((x) => x.screenId === small.id)[0]!.prices,
      [{ category: 'Classic', pricePaise: 12000 }],
    );
    const again = await createShows(d, input);
    assert.deepEqual([again.created.length, again.existing.length], [0, 8]);
    await assert.rejects(createShows(d, { ...input, dates: ['2026-11-29'], times: ['10:00', '11:00'] }), rejects('show_overlap'));
    const count = (await listShows(t.db, { cinemaId: s.cinemaId, now: T0, movieId: s.movie.id })).length;
    assert.equal(count, 9);
  });
});

describe('special events', () => {
  test('a general-admission event turns its shows into ticketed shows of its capacity, found by keyword', async () => {
    const s = await scenario(t.db, { startsAt: T0 + DAY });
    const d = { db: t.db, clock: s.clock };
    const second = await createShow(d, { cinemaId: s.cinemaId, movieId: s.movie.id, screenId: s.screen.id, startsAt: T0 + 2 * DAY, language: 'Tamil', prices: [{ category: 'Classic', pricePaise: 20000 }] });
    const texts = {
      en: { title: 'Women’s FDFS', description: 'First day, first show — for women', terms: 'Women only. Photo ID required.' },
      ta: { title: 'பெண்களுக்கான FDFS', description: 'முதல் நாள் முதல் காட்சி', terms: 'பெண்களுக்கு மட்டும்.' },
    };
    const event = await createEvent(d, {
      cinemaId: s.cinemaId,
      keyword: 'wretro',
      name: 'Women’s FDFS — Retro',
      movieId: s.movie.id,
      texts,
      maxTicketsPerBooking: 4,
      seating: 'general_admission',
      capacity: 50,
      locationIds: [s.location.id],
      showIds: [s.show.id, second.id],
    });
    assert.equal(event.keyword, '#WRETRO');
    assert.deepEqual(event.showIds, [s.show.id, second.id]);
    const show = (await getShow(t.db, { cinemaId: s.cinemaId, showId: s.show.id, now: T0 }))!;
    assert.deepEqual([show.seating, show.capacity, show.eventId, show.available], ['general_admission', 50, event.id, 50]);
    for (const k of ['#WRETRO', '#wretro', 'WRetro', ' #WRETRO ']) assert.equal((await findEventByKeyword(t.db, s.cinemaId, k))?.id, event.id);
    assert.equal(await findEventByKeyword(t.db, s.cinemaId, '#NOPE'), null);
    assert.equal(await findEventByKeyword(t.db, await addCinema(t.db), '#WRETRO'), null);
    assert.deepEqual((await findEventByKeyword(t.db, s.cinemaId, '#wretro'))!.texts, texts);
    await assert.rejects(
      createEvent(d, { cinemaId: s.cinemaId, keyword: '#WRETRO', name: 'Copy', texts, maxTicketsPerBooking: 2, seating: 'assigned' }),
      rejects('already_exists'),
    );
    await assert.rejects(createEvent(d, { cinemaId: s.cinemaId, keyword: '#GA', name: 'No capacity', texts, maxTicketsPerBooking: 2, seating: 'general_admission' }), rejects('invalid_input', /capacity/));

    const [alice] = await addCustomers(t.db, s.cinemaId, 1);
    const b = await holdGeneralAdmission(d, { cinemaId: s.cinemaId, showId: s.show.id, customerId: alice!, quantity: 4, holdMinutes: 10, eventId: event.id });
    await assert.rejects(updateEvent(d, { cinemaId: s.cinemaId, eventId: event.id, patch: { capacity: 3 } }), rejects('capacity_below_taken'));
    await confirmBooking(d, { cinemaId: s.cinemaId, bookingId: b.id });
    const smaller = await updateEvent(d, { cinemaId: s.cinemaId, eventId: event.id, patch: { capacity: 10, showIds: [s.show.id] } });
    assert.deepEqual([smaller.capacity, smaller.showIds], [10, [s.show.id]]);
    assert.equal((await getShow(t.db, { cinemaId: s.cinemaId, showId: s.show.id, now: T0 }))!.available, 6);
    assert.equal((await getShow(t.db, { cinemaId: s.cinemaId, showId: second.id, now: T0 }))!.eventId, null);
  });

  test('active events are those switched on with a show still to book', async () => {
    const s = await scenario(t.db, { startsAt: T0 + DAY });
    const d = { db: t.db, clock: s.clock };
    const texts = { en: { title: 'Premiere', description: 'Opening night', terms: '' } };
    const on = await createEvent(d, { cinemaId: s.cinemaId, keyword: '#ON', name: 'On', texts, maxTicketsPerBooking: 2, seating: 'assigned', showIds: [s.show.id] });
    await createEvent(d, { cinemaId: s.cinemaId, keyword: '#OFF', name: 'Off', texts, maxTicketsPerBooking: 2, seating: 'assigned', status: 'inactive' });
    await createEvent(d, { cinemaId: s.cinemaId, keyword: '#EMPTY', name: 'Empty', texts, maxTicketsPerBooking: 2, seating: 'assigned' });
    assert.deepEqual(
      (await listActiveEvents(t.db, { cinemaId: s.cinemaId, now: T0 })).map((e) => e.keyword),
      [on.keyword],
    );
    assert.deepEqual(
      (await listEventShows(t.db, { cinemaId: s.cinemaId, eventId: on.id, now: T0 })).map((x) => x.id),
      [s.show.id],
    );
    assert.deepEqual(await listActiveEvents(t.db, { cinemaId: s.cinemaId, now: s.show.startsAt }), []);
  });

  test('a show with seat bookings cannot become general admission', async () => {
    const s = await scenario(t.db);
    const d = { db: t.db, clock: s.clock };
    const [alice] = await addCustomers(t.db, s.cinemaId, 1);
    await holdSeats(d, { cinemaId: s.cinemaId, showId: s.show.id, customerId: alice!, seatCodes: ['A1'], holdMinutes: 10 });
    await assert.rejects(
      createEvent(d, {
        cinemaId: s.cinemaId,
        keyword: '#LATE',
        name: 'Late',
        texts: { en: { title: 'Late', description: 'Too late', terms: '' } },
        maxTicketsPerBooking: 2,
        seating: 'general_admission',
        capacity: 10,
        showIds: [s.show.id],
      }),
      rejects('show_has_bookings'),
    );
    // Nothing of the refused event remains.
    assert.equal(await findEventByKeyword(t.db, s.cinemaId, '#LATE'), null);
  });
});
