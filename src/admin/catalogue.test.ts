import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { getScreen, listEvents, listLocations, listMovies, listScreens, listShows } from '../cinema/index.ts';
import { addCinema, addUser, createAdminTestApp, signedIn, type AdminTestContext, type Browser } from './test-app.ts';

let ctx: AdminTestContext;
before(async () => {
  ctx = await createAdminTestApp();
});
after(() => ctx.close());

async function managerOfNewCinema() {
  const cinema = await addCinema(ctx);
  const manager = await addUser(ctx, 'manager', cinema.id);
  return { cinema, b: await signedIn(ctx, manager) };
}

async function build(b: Browser, cinemaId: string) {
  const base = `/admin/c/${cinemaId}/catalogue`;
  await b.get(`${base}/locations`);
  assert.equal((await b.post(`${base}/locations`, { name: 'Velachery', city: 'Chennai', address: '100 Feet Road', timezone: 'Asia/Kolkata', mon_opens: '09:00', mon_closes: '01:00', isActive: 'on' })).statusCode, 303);
  const location = (await listLocations(ctx.deps.db, { cinemaId }))[0]!;
  assert.deepEqual(location.openingHours.mon, [{ opens: '09:00', closes: '01:00' }]);
  await b.get(`${base}/screens`);
  const sc = await b.post(`${base}/screens`, { locationId: location.id, name: 'Screen 1', rows: '4', seatsPerRow: '10', category: 'Classic' });
  assert.equal(sc.statusCode, 303);
  const screen = (await listScreens(ctx.deps.db, { cinemaId }))[0]!;
  assert.equal(sc.headers.location, `${base}/screens/${screen.id}`);
  assert.equal(screen.sellableSeats, 40);
  await b.get(`${base}/movies`);
  const mv = await b.postMultipart(`${base}/movies`, { title: 'Leo', durationMinutes: '164', certificate: 'UA', languages: 'Tamil, Telugu', genres: 'Action', synopsis: '', releaseDate: '', trailerUrl: '', isActive: 'on' }, {
    field: 'poster',
    filename: 'leo.jpg',
    type: 'image/jpeg',
    data: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]),
  });
  assert.equal(mv.statusCode, 303, mv.body);
  const movie = (await listMovies(ctx.deps.db, { cinemaId }))[0]!;
  assert.match(movie.posterUrl!, /^http:\/\/.+\/media\/.+\.jpg$/);
  return { base, location, screen, movie };
}

test('a manager builds the catalogue: location with hours, screen, film with poster', async () => {
  const { cinema, b } = await managerOfNewCinema();
  await build(b, cinema.id);
});

test('the seat layout editor saves through the domain: gaps, categories, blocked and wheelchair seats', async () => {
  const { cinema, b } = await managerOfNewCinema();
  const { base, screen } = await build(b, cinema.id);
  const page = await b.get(`${base}/screens/${screen.id}`);
  assert.match(page.body, /id="layout-data"/);
  const layout = {
    rows: [
      { label: 'A', cells: [{ number: 1, category: 'Classic' }, null, { number: 2, category: 'Classic', blocked: true }] },
      { label: 'B', cells: [{ number: 1, category: 'Recliner', wheelchair: true }, null, { number: 2, category: 'Recliner' }] },
    ],
  };
  const res = await b.post(`${base}/screens/${screen.id}`, { name: 'Screen 1 (IMAX)', layout: JSON.stringify(layout), isActive: 'on' });
  assert.equal(res.statusCode, 303);
  const saved = (await getScreen(ctx.deps.db, { cinemaId: cinema.id, screenId: screen.id }))!;
  assert.equal(saved.name, 'Screen 1 (IMAX)');
  assert.deepEqual(saved.categories.sort(), ['Classic', 'Recliner']);
  assert.equal(saved.sellableSeats, 3);
  assert.equal(saved.layout.rows[0]!.cells[1], null);
  assert.equal(saved.layout.rows[1]!.cells[0]!.wheelchair, true);
  await b.get(`${base}/screens/${screen.id}`);
  const bad = await b.post(`${base}/screens/${screen.id}`, { name: 'X', layout: JSON.stringify({ rows: [{ label: 'A', cells: [null] }] }), isActive: 'on' });
  assert.equal(bad.statusCode, 303);
  assert.match((await b.get(`${base}/screens/${screen.id}`)).body, /Not saved: .*no seats/);
});

test('bulk show creation: a film × times × days × screens, idempotent', async () => {
  const { cinema, b } = await managerOfNewCinema();
  const { base, screen, movie } = await build(b, cinema.id);
  await b.get(`${base}/shows/new`);
  const form = { movieId: movie.id, language: 'Tamil', format: '2D', screenIds: [screen.id], from: '2026-11-26', to: '2026-11-28', times: '10:00, 18:30', 'price:Classic': '180' };
  const res = await b.post(`${base}/shows`, form);
  assert.equal(res.statusCode, 303);
  const now = ctx.clock.now();
  let shows = await listShows(ctx.deps.db, { cinemaId: cinema.id, now });
  assert.equal(shows.length, 6);
  assert.deepEqual(shows[0]!.prices, [{ category: 'Classic', pricePaise: 18000 }]);
  assert.match((await b.get(String(res.headers.location))).body, /6 shows created/);
  await b.post(`${base}/shows`, form);
  shows = await listShows(ctx.deps.db, { cinemaId: cinema.id, now });
  assert.equal(shows.length, 6);
  const cancel = await b.post(`${base}/shows/${shows[0]!.id}/cancel`);
  assert.equal(cancel.statusCode, 303);
  assert.equal((await listShows(ctx.deps.db, { cinemaId: cinema.id, now, status: 'cancelled' })).length, 1);
});

test('special events keep their terms in each language', async () => {
  const { cinema, b } = await managerOfNewCinema();
  const { base, movie } = await build(b, cinema.id);
  await b.get(`${base}/events`);
  const res = await b.post(`${base}/events`, {
    keyword: '#WRETRO', name: 'Women first show', movieId: movie.id, maxTicketsPerBooking: '4', seating: 'assigned', capacity: '', status: 'active',
    title_en: 'Women-only FDFS', description_en: 'First day first show for women', terms_en: 'Women only; ID checked.',
    title_ta: 'பெண்கள் மட்டும்', description_ta: 'முதல் நாள் முதல் காட்சி', terms_ta: 'பெண்கள் மட்டும்.',
    title_hi: '', description_hi: '', terms_hi: '',
  });
  assert.equal(res.statusCode, 303);
  const [event] = await listEvents(ctx.deps.db, { cinemaId: cinema.id });
  assert.equal(event!.keyword, '#WRETRO');
  assert.equal(event!.texts.ta?.terms, 'பெண்கள் மட்டும்.');
  assert.equal(event!.texts.hi, undefined);
});

test('schedules export as CSV and Excel, and an import with a bad row shows the error by row and imports nothing', async () => {
  const { cinema, b } = await managerOfNewCinema();
  const { base, screen, movie } = await build(b, cinema.id);
  await b.get(`${base}/shows/new`);
  await b.post(`${base}/shows`, { movieId: movie.id, language: 'Tamil', screenIds: [screen.id], from: '2026-11-26', to: '2026-11-26', times: '18:30', 'price:Classic': '150' });
  const csv = await b.get(`${base}/schedule/export?format=csv&from=2026-11-26`);
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-disposition']), /attachment; filename="schedule-from-2026-11-26.csv"/);
  assert.match(csv.body, /velachery,Screen 1,leo,2026-11-26,18:30/);
  const xlsx = await b.get(`${base}/schedule/export?format=xlsx`);
  assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
  const json = await b.get(`${base}/schedule/export?format=json`);
  assert.equal(json.json().format, 'marquee.catalog');

  const lines = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const good = lines[1]!.replace('2026-11-26', '2026-11-27');
  const bad = lines[1]!.replace('2026-11-26', '2026-11-31');
  await b.get(`${base}/schedule`);
  const failed = await b.postMultipart(`${base}/schedule/import`, {}, { field: 'file', filename: 'week.csv', type: 'text/csv', data: Buffer.from([lines[0], good, bad].join('\n')) });
  assert.equal(failed.statusCode, 400);
  assert.match(failed.body, /data-import="failed"/);
  assert.match(failed.body, /Row 3/);
  assert.equal((await listShows(ctx.deps.db, { cinemaId: cinema.id, now: ctx.clock.now() })).length, 1);
  await b.get(`${base}/schedule`);
  const ok = await b.postMultipart(`${base}/schedule/import`, {}, { field: 'file', filename: 'week.csv', type: 'text/csv', data: Buffer.from([lines[0], good].join('\n')) });
  assert.equal(ok.statusCode, 200);
  assert.match(ok.body, /data-import="ok"/);
  assert.equal((await listShows(ctx.deps.db, { cinemaId: cinema.id, now: ctx.clock.now() })).length, 2);
});
