import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.ts';
import { createEvent, getEvent, listEvents, listLocations, listMovies, listShows, updateEvent, type SpecialEvent } from '../../../cinema/index.ts';
import { MANAGERS, requireStaff } from '../../auth.ts';
import { notFound } from '../../errors.ts';
import { formatDateTime } from '../../format.ts';
import { html } from '../../layout.ts';
import { cinemaOf, cinemaPath, csrfToken, sendPage } from '../../page-context.ts';
import { csrfField, formList } from '../../zod-schemas.ts';
import { catalogueTabs, nullable, orBack } from './common.ts';

const params = z.object({ cinemaId: z.string().max(64) });
const eventParams = params.extend({ eventId: z.string().max(64) });
const LANGS = [
  ['en', 'English'],
  ['hi', 'Hindi'],
  ['ta', 'Tamil'],
] as const;

const textFields = Object.fromEntries(LANGS.flatMap(([l]) => ['title', 'description', 'terms'].map((f) => [`${f}_${l}`, z.string().max(4000).default('')])));
const eventBody = z.object({
  keyword: z.string().max(40),
  name: z.string().max(200),
  movieId: z.string().max(64).optional(),
  maxTicketsPerBooking: z.coerce.number().int(),
  seating: z.enum(['assigned', 'general_admission']),
  capacity: z.string().max(10).optional(),
  locationIds: formList,
  showIds: formList,
  status: z.enum(['active', 'inactive']),
  ...textFields,
  ...csrfField,
});
type EventBody = z.infer<typeof eventBody> & Record<string, string>;

function toInput(b: EventBody) {
  const text = (l: string) => ({ title: b[`title_${l}`] ?? '', description: b[`description_${l}`] ?? '', terms: b[`terms_${l}`] ?? '' });
  const optional = (l: string) => (b[`title_${l}`]?.trim() ? text(l) : undefined);
  return {
    keyword: b.keyword,
    name: b.name,
    movieId: nullable(b.movieId),
    maxTicketsPerBooking: b.maxTicketsPerBooking,
    seating: b.seating,
    capacity: b.capacity?.trim() ? Number(b.capacity) : null,
    locationIds: b.locationIds,
    showIds: b.showIds,
    status: b.status,
    texts: { en: text('en'), hi: optional('hi'), ta: optional('ta') },
  };
}

export function eventRoutes(app: FastifyInstance, deps: AppDeps): void {
  const guard = requireStaff(MANAGERS);

  async function form(request: FastifyRequest<{ Params: { cinemaId: string } }>, reply: FastifyReply, e: SpecialEvent | null) {
    const cinema = await cinemaOf(deps, request);
    const now = deps.clock.now();
    const [movies, locations, shows] = await Promise.all([
      listMovies(deps.db, { cinemaId: cinema.id }),
      listLocations(deps.db, { cinemaId: cinema.id }),
      listShows(deps.db, { cinemaId: cinema.id, now, from: now, status: 'scheduled', limit: 300 }),
    ]);
    const csrf = csrfToken(request, reply);
    const action = cinemaPath(cinema.id, e ? `/catalogue/events/${encodeURIComponent(e.id)}` : '/catalogue/events');
    return html`<form method="post" action="${action}">
  <input type="hidden" name="_csrf" value="${csrf}">
  <div class="field-row">
    <div class="field"><label for="keyword">Keyword customers send</label><input id="keyword" name="keyword" type="text" required maxlength="31" placeholder="#WRETRO" value="${e?.keyword ?? ''}"></div>
    <div class="field"><label for="name">Internal name</label><input id="name" name="name" type="text" required maxlength="200" value="${e?.name ?? ''}"></div>
    <div class="field"><label for="movieId">Film</label><select id="movieId" name="movieId"><option value="">Any / none</option>${movies.map((m) => html`<option value="${m.id}" ${e?.movieId === m.id ? 'selected' : ''}>${m.title}</option>`)}</select></div>
  </div>
  <div class="field-row">
    <div class="field"><label for="maxTicketsPerBooking">Tickets per booking</label><input id="maxTicketsPerBooking" name="maxTicketsPerBooking" type="number" min="1" max="50" required value="${e?.maxTicketsPerBooking ?? 4}"></div>
    <div class="field"><label for="seating">Seating</label><select id="seating" name="seating"><option value="assigned" ${e?.seating === 'general_admission' ? '' : 'selected'}>Assigned seats</option><option value="general_admission" ${e?.seating === 'general_admission' ? 'selected' : ''}>General admission</option></select></div>
    <div class="field"><label for="capacity">Capacity per show <small>(general admission)</small></label><input id="capacity" name="capacity" type="number" min="1" value="${e?.capacity ?? ''}"></div>
    <div class="field"><label for="status">Status</label><select id="status" name="status"><option value="active" ${e?.status === 'inactive' ? '' : 'selected'}>Active</option><option value="inactive" ${e?.status === 'inactive' ? 'selected' : ''}>Inactive</option></select></div>
  </div>
  ${LANGS.map(
    ([l, label]) => html`<fieldset lang="${l}"><legend>${label}${l === 'en' ? ' (required)' : ' (optional, falls back to English)'}</legend>
    <div class="field"><label for="title_${l}">Title</label><input id="title_${l}" name="title_${l}" type="text" maxlength="200" ${l === 'en' ? 'required' : ''} value="${e?.texts[l]?.title ?? ''}"></div>
    <div class="field"><label for="description_${l}">Description</label><textarea id="description_${l}" name="description_${l}" maxlength="4000" ${l === 'en' ? 'required' : ''}>${e?.texts[l]?.description ?? ''}</textarea></div>
    <div class="field"><label for="terms_${l}">Terms the customer accepts</label><textarea id="terms_${l}" name="terms_${l}" maxlength="4000">${e?.texts[l]?.terms ?? ''}</textarea></div></fieldset>`,
  )}
  <fieldset><legend>Locations <small class="muted">(none ticked: all)</small></legend><div class="checks">${locations.map((l) => html`<label><input type="checkbox" name="locationIds" value="${l.id}" ${e?.locationIds.includes(l.id) ? 'checked' : ''}> ${l.name}</label>`)}</div></fieldset>
  <fieldset><legend>Shows of this event</legend>${shows.length
    ? html`<div class="checks" style="max-height:240px;overflow:auto">${shows.map((s) => html`<label><input type="checkbox" name="showIds" value="${s.id}" ${e?.showIds.includes(s.id) ? 'checked' : ''}> ${formatDateTime(s.startsAt, s.location.timezone)} · ${s.movie.title} · ${s.screenName}</label>`)}</div>`
    : html`<p class="muted">No upcoming shows to attach.</p>`}</fieldset>
  <div class="actions"><button class="btn btn-primary" type="submit">${e ? 'Save event' : 'Create event'}</button></div>
</form>`;
  }

  app.get('/admin/c/:cinemaId/catalogue/events', { preHandler: guard, schema: { params } }, async (request: FastifyRequest<{ Params: { cinemaId: string } }>, reply) => {
    const cinema = await cinemaOf(deps, request);
    const events = await listEvents(deps.db, { cinemaId: cinema.id });
    const body = html`${catalogueTabs(cinema.id, 'events')}
<section class="card"><header><h2>Special events</h2></header>
${events.length
  ? html`<div class="table-wrap"><table><thead><tr><th>Keyword</th><th>Event</th><th class="num">Shows</th><th>Seating</th><th>Status</th></tr></thead><tbody>${events.map(
      (e) => html`<tr><td class="mono"><a href="${cinemaPath(cinema.id, `/catalogue/events/${encodeURIComponent(e.id)}`)}"><strong>${e.keyword}</strong></a></td><td>${e.texts.en.title}<br><small class="muted">${e.name}</small></td><td class="num">${e.showIds.length}</td><td>${e.seating === 'assigned' ? 'Assigned' : `General · ${e.capacity ?? '—'}`}</td><td><span class="badge badge-${e.status}">${e.status === 'active' ? 'Active' : 'Inactive'}</span></td></tr>`,
    )}</tbody></table></div>`
  : html`<p class="empty">No special events yet.</p>`}
</section>
<section class="card"><h2>Create a special event</h2>${await form(request, reply, null)}</section>`;
    return sendPage(request, reply, { title: 'Catalogue', cinema, active: 'catalogue', body });
  });

  app.post('/admin/c/:cinemaId/catalogue/events', { preHandler: guard, schema: { params, body: eventBody } }, async (request: FastifyRequest<{ Params: { cinemaId: string }; Body: EventBody }>, reply) => {
    const { cinemaId } = request.params;
    const back = cinemaPath(cinemaId, '/catalogue/events');
    return orBack(reply, back, async () => {
      await createEvent({ db: deps.db, clock: deps.clock }, { cinemaId, ...toInput(request.body) });
      return back;
    });
  });

  app.get('/admin/c/:cinemaId/catalogue/events/:eventId', { preHandler: guard, schema: { params: eventParams } }, async (request: FastifyRequest<{ Params: { cinemaId: string; eventId: string } }>, reply) => {
    const cinema = await cinemaOf(deps, request);
    const e = await getEvent(deps.db, { cinemaId: cinema.id, eventId: request.params.eventId });
    if (!e) throw notFound('event');
    const body = html`${catalogueTabs(cinema.id, 'events')}<section class="card"><h2>${e.keyword} · ${e.texts.en.title}</h2>${await form(request, reply, e)}</section>`;
    return sendPage(request, reply, { title: 'Catalogue', cinema, active: 'catalogue', body });
  });

  app.post('/admin/c/:cinemaId/catalogue/events/:eventId', { preHandler: guard, schema: { params: eventParams, body: eventBody } }, async (request: FastifyRequest<{ Params: { cinemaId: string; eventId: string }; Body: EventBody }>, reply) => {
    const { cinemaId, eventId } = request.params;
    return orBack(reply, cinemaPath(cinemaId, `/catalogue/events/${encodeURIComponent(eventId)}`), async () => {
      await updateEvent({ db: deps.db, clock: deps.clock }, { cinemaId, eventId, patch: toInput(request.body) });
      return cinemaPath(cinemaId, '/catalogue/events');
    });
  });
}
