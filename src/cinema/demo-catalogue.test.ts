import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../test/helpers/db.ts';
import {
  exportCatalogue,
  findEventByKeyword,
  holdGeneralAdmission,
  isDomainError,
  listActiveEvents,
  listEventShows,
  listLocations,
  listMovies,
  listScreens,
  listShowDates,
  listShows,
  seedDemoCatalogue,
} from './index.ts';
import { ManualClock } from '../clock.ts';
import { addCinema, addCustomers, T0 } from './testing/scenario.ts';

let t: TestDb;
before(async () => {
  t = await createTestDb();
});
after(async () => {
  await t.close();
});

const DAY = 24 * 60 * 60_000;

test('the demo multiplex: two Tamil Nadu locations, three screens, six films, a week of shows and #WRETRO', async () => {
  const cinemaId = await addCinema(t.db);
  await seedDemoCatalogue(t.db, { cinemaId, now: T0 });

  const locations = await listLocations(t.db, { cinemaId });
  assert.deepEqual(
    locations.map((l) => [l.city, l.timezone]),
    [
      ['Dindigul', 'Asia/Kolkata'],
      ['Tiruppur', 'Asia/Kolkata'],
    ],
  );
  for (const l of locations) {
    assert.match(l.address, /Tamil Nadu 6\d{5}$/);
    assert.ok(l.latitude! > 8 && l.latitude! < 14 && l.longitude! > 76 && l.longitude! < 80, 'in Tamil Nadu');
    assert.equal(Object.keys(l.openingHours).length, 7);
  }

  const screens = await listScreens(t.db, { cinemaId });
  assert.equal(screens.length, 3);
  const big = screens.find((s) => s.layout.rows.length === 10)!;
  assert.deepEqual(big.categories, ['Classic', 'Prime', 'Recliner']);
  const accessible = screens.find((s) => s.layout.rows.some((r) => r.cells.some((c) => c?.wheelchair)))!;
  assert.ok(accessible.layout.rows.every((r) => r.cells.includes(null)), 'an aisle in every row');
  assert.ok(accessible.layout.rows.some((r) => r.cells.some((c) => c?.blocked)), 'a seat blocked by staff');
  assert.ok(screens.some((s) => s !== big && s.categories.includes('Recliner') && s.sellableSeats < 60), 'a small premium screen');

  const movies = await listMovies(t.db, { cinemaId });
  assert.equal(movies.length, 6);
  assert.ok(movies.some((m) => m.title === 'Retro'));
  for (const lang of ['Tamil', 'Hindi', 'English']) assert.ok(movies.some((m) => m.languages.includes(lang)), lang);

  const shows = await listShows(t.db, { cinemaId, now: T0 });
  const dates = await listShowDates(t.db, { cinemaId, now: T0 });
  assert.equal(dates.length, 7);
  assert.equal(dates[0], '2026-11-25');
  assert.ok(shows.every((s) => s.localDate >= '2026-11-25' && s.localDate <= '2026-12-01'));
  const times = new Set(shows.map((s) => s.localTime));
  for (const slot of [/^(09|10):/, /^1[3-4]:/, /^1[6-9]:/, /^2[0-2]:/, /^00:/]) assert.ok([...times].some((x) => slot.test(x)), `a show at ${slot}`);
  const prices = shows.flatMap((s) => s.prices.map((p) => p.pricePaise));
  assert.ok(prices.every((p) => p >= 100_00 && p <= 500_00 && p % 100 === 0), 'whole rupees, ₹100–₹500');

  const event = (await findEventByKeyword(t.db, cinemaId, '#wretro'))!;
  assert.equal(event.name, 'Women’s FDFS — Retro');
  assert.deepEqual([event.maxTicketsPerBooking, event.seating], [4, 'general_admission']);
  assert.ok(event.capacity! > 0);
  assert.match(event.texts.hi!.description, /[\u0900-\u097F]{4}/, 'Hindi in Devanagari');
  assert.match(event.texts.ta!.terms, /[\u0B80-\u0BFF]{4}/, 'Tamil in Tamil script');
  assert.match(event.texts.en.terms, /women only/i);
  const eventShows = await listEventShows(t.db, { cinemaId, eventId: event.id, now: T0 });
  assert.equal(eventShows.length, 2);
  assert.ok(eventShows.every((s) => s.movie.title === 'Retro' && s.seating === 'general_admission' && s.available === event.capacity));
  assert.deepEqual(
    (await listActiveEvents(t.db, { cinemaId, now: T0 })).map((e) => e.id),
    [event.id],
  );

  const [customer] = await addCustomers(t.db, cinemaId, 1);
  const deps = { db: t.db, clock: new ManualClock(T0) };
  const refused = await holdGeneralAdmission(deps, { cinemaId, showId: eventShows[0]!.id, customerId: customer!, quantity: 5, holdMinutes: 10, eventId: event.id }).catch((e) => e);
  assert.ok(isDomainError(refused, 'too_many_tickets'));
  const booked = await holdGeneralAdmission(deps, { cinemaId, showId: eventShows[0]!.id, customerId: customer!, quantity: 4, holdMinutes: 10, eventId: event.id });
  assert.equal(booked.quantity, 4);
});

test('seeding again changes nothing; a day later it adds that day and keeps the event', async () => {
  const cinemaId = await addCinema(t.db);
  await seedDemoCatalogue(t.db, { cinemaId, now: T0 });
  const first = await exportCatalogue(t.db, { cinemaId });
  await seedDemoCatalogue(t.db, { cinemaId, now: T0 });
  assert.deepEqual(await exportCatalogue(t.db, { cinemaId }), first);

  await seedDemoCatalogue(t.db, { cinemaId, now: T0 + DAY });
  const later = await exportCatalogue(t.db, { cinemaId });
  assert.ok(later.shows!.length > first.shows!.length);
  assert.deepEqual(later.events, first.events);
  assert.deepEqual(later.movies, first.movies);
  assert.ok(later.shows!.some((s) => s.date === '2026-12-02'));
});
