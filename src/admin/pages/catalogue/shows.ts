import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.ts';
import { WEEKDAYS, addDays, cancelShow, createShows, isLocalDate, listLocations, listMovies, listScreens, listShows, localDayRange, toLocal } from '../../../cinema/index.ts';
import { MANAGERS, requireStaff } from '../../auth.ts';
import { badRequest } from '../../errors.ts';
import { setFlash } from '../../flash.ts';
import { formatDay, formatMoney, formatTime, localToday } from '../../format.ts';
import { html } from '../../layout.ts';
import { cinemaOf, cinemaPath, csrfToken, sendPage } from '../../page-context.ts';
import { csrfField, formList } from '../../zod-schemas.ts';
import { catalogueTabs, orBack, rupeesToPaise } from './common.ts';

const params = z.object({ cinemaId: z.string().max(64) });
const DAY_LABEL: Record<string, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

const bulkBody = z
  .object({
    movieId: z.string().max(64),
    screenIds: formList,
    from: z.string().max(10),
    to: z.string().max(10),
    weekdays: formList,
    times: z.string().max(500),
    language: z.string().max(40),
    format: z.string().max(20).optional(),
    ...csrfField,
  })
  .catchall(z.string().max(20));
type BulkBody = z.infer<typeof bulkBody>;

/** The dates from..to (inclusive, at most 62 days) that fall on the chosen weekdays. */
export function datesBetween(from: string, to: string, weekdays: string[]): string[] {
  if (!isLocalDate(from) || !isLocalDate(to) || to < from) throw badRequest('invalid_dates', 'Choose a first and last date, the last not before the first.');
  const out: string[] = [];
  for (let d = from, i = 0; d <= to; d = addDays(d, 1), i++) {
    if (i > 62) throw badRequest('too_many_days', 'Schedule at most two months at once.');
    const wd = toLocal(localDayRange(d, 'UTC').start + 12 * 3600_000, 'UTC').weekday;
    if (!weekdays.length || weekdays.includes(wd)) out.push(d);
  }
  return out;
}

export function parseTimes(s: string): string[] {
  const times = s.split(/[\s,;]+/).map((t) => t.trim()).filter(Boolean).map((t) => (/^\d:\d\d$/.test(t) ? `0${t}` : t));
  if (!times.length) throw badRequest('invalid_times', 'Give at least one show time, like 10:00, 14:15, 18:30.');
  const bad = times.filter((t) => !/^([01]\d|2[0-3]):[0-5]\d$/.test(t));
  if (bad.length) throw badRequest('invalid_times', `Not a 24-hour time: ${bad.join(', ')}.`);
  return [...new Set(times)].sort();
}

export function showRoutes(app: FastifyInstance, deps: AppDeps): void {
  const guard = requireStaff(MANAGERS);

  app.get('/admin/c/:cinemaId/catalogue', { preHandler: guard, schema: { params } }, async (request: FastifyRequest<{ Params: { cinemaId: string } }>, reply) =>
    reply.redirect(cinemaPath(request.params.cinemaId, '/catalogue/shows')),
  );

  app.get(
    '/admin/c/:cinemaId/catalogue/shows',
    { preHandler: guard, schema: { params, querystring: z.object({ date: z.string().max(10).optional() }) } },
    async (request: FastifyRequest<{ Params: { cinemaId: string }; Querystring: { date?: string } }>, reply) => {
      const cinema = await cinemaOf(deps, request);
      const now = deps.clock.now();
      const tz = cinema.timezone;
      const today = localToday(now, tz);
      const day = request.query.date && isLocalDate(request.query.date) ? request.query.date : today;
      // A strip of seven days around the chosen one, with the number of shows on each.
      const first = day < today || day > addDays(today, 6) ? day : today;
      const strip = Array.from({ length: 7 }, (_, i) => addDays(first, i));
      const week = await listShows(deps.db, { cinemaId: cinema.id, now, from: localDayRange(strip[0]!, tz).start, to: localDayRange(strip[6]!, tz).end });
      const shows = week.filter((s) => s.localDate === day);
      const csrf = csrfToken(request, reply);
      const body = html`${catalogueTabs(cinema.id, 'shows')}
<section class="card">
  <header><nav class="day-strip" aria-label="Days">${strip.map((d) => {
    const n = week.filter((s) => s.localDate === d).length;
    return html`<a href="?date=${d}" class="${d === day ? 'active' : ''}" ${d === day ? html`aria-current="date"` : ''}><strong>${formatDay(localDayRange(d, tz).start + 12 * 3600_000, tz)}</strong><small>${n} show${n === 1 ? '' : 's'}</small></a>`;
  })}</nav>
    <div class="row"><form method="get" class="row"><input type="date" name="date" value="${day}" aria-label="Go to date" data-autosubmit></form><a class="btn btn-primary" href="${cinemaPath(cinema.id, '/catalogue/shows/new')}">Add shows</a></div>
  </header>
  ${shows.length
    ? html`<div class="table-wrap"><table><thead><tr><th>Time</th><th>Film</th><th>Screen</th><th>Language</th><th>Prices</th><th class="num">Available</th><th></th></tr></thead><tbody>
        ${shows.map(
          (s) => html`<tr data-show="${s.id}"><td><strong>${s.localTime}</strong></td><td>${s.movie.title}${s.eventId ? html` <span class="badge badge-brand">event</span>` : ''}</td><td>${s.screenName}<br><small class="muted">${s.location.name}</small></td><td>${s.language} · ${s.format}</td>
          <td><small>${s.prices.map((p) => `${p.category} ${formatMoney(p.pricePaise)}`).join(' · ')}</small></td><td class="num">${s.available}</td>
          <td>${s.status === 'cancelled' ? html`<span class="badge badge-cancelled">Cancelled</span>` : html`<form method="post" action="${cinemaPath(cinema.id, `/catalogue/shows/${encodeURIComponent(s.id)}/cancel`)}" data-confirm="Cancel the ${s.localTime} show of ${s.movie.title}?"><input type="hidden" name="_csrf" value="${csrf}"><button class="btn btn-sm btn-danger" type="submit">Cancel</button></form>`}</td></tr>`,
        )}</tbody></table></div>`
    : html`<p class="empty">No shows on this day. <a href="${cinemaPath(cinema.id, '/catalogue/shows/new')}">Add shows</a>.</p>`}
</section>`;
      return sendPage(request, reply, { title: 'Catalogue', cinema, active: 'catalogue', body });
    },
  );

  app.get('/admin/c/:cinemaId/catalogue/shows/new', { preHandler: guard, schema: { params } }, async (request: FastifyRequest<{ Params: { cinemaId: string } }>, reply) => {
    const cinema = await cinemaOf(deps, request);
    const [movies, screens, locations] = await Promise.all([
      listMovies(deps.db, { cinemaId: cinema.id, activeOnly: true }),
      listScreens(deps.db, { cinemaId: cinema.id }),
      listLocations(deps.db, { cinemaId: cinema.id }),
    ]);
    const categories = [...new Set(screens.flatMap((s) => s.categories))];
    const today = localToday(deps.clock.now(), cinema.timezone);
    const csrf = csrfToken(request, reply);
    const ready = movies.length && screens.length;
    const body = html`${catalogueTabs(cinema.id, 'shows')}
<section class="card" style="max-width:900px"><h2>Add shows</h2>
${ready
  ? html`<p class="muted">One film on every chosen screen, on every chosen day, at every time. Shows that already exist are kept, so submitting twice is harmless.</p>
<form method="post" action="${cinemaPath(cinema.id, '/catalogue/shows')}">
  <input type="hidden" name="_csrf" value="${csrf}">
  <div class="field-row">
    <div class="field"><label for="movieId">Film</label><select id="movieId" name="movieId" required>${movies.map((m) => html`<option value="${m.id}" data-languages="${m.languages.join(',')}">${m.title} (${m.certificate})</option>`)}</select></div>
    <div class="field"><label for="language">Language</label><input id="language" name="language" type="text" required value="${movies[0]?.languages[0] ?? ''}" list="film-languages"><datalist id="film-languages">${[...new Set(movies.flatMap((m) => m.languages))].map((l) => html`<option value="${l}">`)}</datalist></div>
    <div class="field"><label for="format">Format</label><input id="format" name="format" type="text" value="2D" maxlength="20"></div>
  </div>
  <fieldset><legend>Screens</legend><div class="checks">${screens.map((s) => html`<label><input type="checkbox" name="screenIds" value="${s.id}"> ${s.name} <small class="muted">${locations.find((l) => l.id === s.locationId)?.name ?? ''}</small></label>`)}</div></fieldset>
  <div class="field-row">
    <div class="field"><label for="from">First day</label><input id="from" name="from" type="date" required value="${today}"></div>
    <div class="field"><label for="to">Last day</label><input id="to" name="to" type="date" required value="${addDays(today, 6)}"></div>
    <div class="field"><label for="times">Show times</label><input id="times" name="times" type="text" required placeholder="10:00, 14:15, 18:30, 22:00"></div>
  </div>
  <fieldset><legend>Days of the week <small class="muted">(none ticked: every day)</small></legend><div class="checks">${WEEKDAYS.map((d) => html`<label><input type="checkbox" name="weekdays" value="${d}"> ${DAY_LABEL[d]}</label>`)}</div></fieldset>
  <fieldset><legend>Ticket prices (₹)</legend><div class="field-row">${categories.map((c) => html`<div class="field"><label for="price-${c}">${c}</label><input id="price-${c}" name="price:${c}" type="number" min="0" step="1" required value="150"></div>`)}</div></fieldset>
  <div class="actions"><button class="btn btn-primary btn-lg" type="submit">Create shows</button></div>
</form>`
  : html`<p class="muted">Add a <a href="${cinemaPath(cinema.id, '/catalogue/movies')}">film</a> and a <a href="${cinemaPath(cinema.id, '/catalogue/screens')}">screen</a> first.</p>`}
</section>`;
    return sendPage(request, reply, { title: 'Catalogue', cinema, active: 'catalogue', body });
  });

  app.post('/admin/c/:cinemaId/catalogue/shows', { preHandler: guard, schema: { params, body: bulkBody } }, async (request: FastifyRequest<{ Params: { cinemaId: string }; Body: BulkBody }>, reply) => {
    const { cinemaId } = request.params;
    const b = request.body;
    const back = cinemaPath(cinemaId, '/catalogue/shows/new');
    const prices = Object.entries(b)
      .filter(([k]) => k.startsWith('price:'))
      .map(([k, v]) => ({ category: k.slice(6), pricePaise: rupeesToPaise(String(v)) }))
      .filter((p): p is { category: string; pricePaise: number } => p.pricePaise !== undefined);
    if (prices.some((p) => Number.isNaN(p.pricePaise))) throw badRequest('invalid_price', 'Prices are amounts in rupees, like 150.');
    const dates = datesBetween(b.from, b.to, b.weekdays);
    const times = parseTimes(b.times);
    if (!b.screenIds.length) throw badRequest('no_screens', 'Tick at least one screen.');
    return orBack(reply, back, async () => {
      const res = await createShows({ db: deps.db, clock: deps.clock }, { cinemaId, movieId: b.movieId, screenIds: b.screenIds, dates, times, language: b.language, format: b.format || undefined, prices });
      setFlash(reply, { kind: 'ok', text: `${res.created.length} show${res.created.length === 1 ? '' : 's'} created${res.existing.length ? `, ${res.existing.length} already existed` : ''}.` });
      return cinemaPath(cinemaId, `/catalogue/shows?date=${dates[0]}`);
    });
  });

  app.post(
    '/admin/c/:cinemaId/catalogue/shows/:showId/cancel',
    { preHandler: guard, schema: { params: params.extend({ showId: z.string().max(64) }), body: z.object(csrfField) } },
    async (request: FastifyRequest<{ Params: { cinemaId: string; showId: string } }>, reply) => {
      const { cinemaId, showId } = request.params;
      const cinema = await cinemaOf(deps, request);
      return orBack(reply, cinemaPath(cinemaId, '/catalogue/shows'), async () => {
        const show = await cancelShow({ db: deps.db, clock: deps.clock }, { cinemaId, showId });
        setFlash(reply, { kind: 'ok', text: `The ${formatDay(show.startsAt, cinema.timezone)} ${formatTime(show.startsAt, cinema.timezone)} show is cancelled.` });
        return cinemaPath(cinemaId, '/catalogue/shows');
      });
    },
  );
}
