import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.ts';
import { WEEKDAYS, createLocation, getLocation, listLocations, updateLocation, type Location, type OpeningHours } from '../../../cinema/index.ts';
import { MANAGERS, requireStaff } from '../../auth.ts';
import { notFound } from '../../errors.ts';
import { html } from '../../layout.ts';
import { cinemaOf, cinemaPath, csrfToken, sendPage } from '../../page-context.ts';
import { csrfField, formBool } from '../../zod-schemas.ts';
import { catalogueTabs, nullable, orBack } from './common.ts';

const params = z.object({ cinemaId: z.string().max(64) });
const locParams = params.extend({ locationId: z.string().max(64) });
const DAY_NAMES: Record<string, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

const hoursFields = Object.fromEntries(WEEKDAYS.flatMap((d) => [[`${d}_opens`, z.string().max(5).optional()], [`${d}_closes`, z.string().max(5).optional()]]));
const locationBody = z.object({
  name: z.string().max(100),
  code: z.string().max(40).optional(),
  city: z.string().max(100),
  address: z.string().max(300),
  timezone: z.string().max(64),
  phone: z.string().max(30).optional(),
  email: z.string().max(200).optional(),
  latitude: z.string().max(20).optional(),
  longitude: z.string().max(20).optional(),
  isActive: formBool,
  ...hoursFields,
  ...csrfField,
});
type LocationBody = z.infer<typeof locationBody> & Record<string, string | undefined>;

function hoursFrom(b: LocationBody): OpeningHours {
  const h: OpeningHours = {};
  for (const d of WEEKDAYS) {
    const opens = b[`${d}_opens`]?.trim();
    const closes = b[`${d}_closes`]?.trim();
    if (opens && closes) h[d] = [{ opens, closes }];
  }
  return h;
}

const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : Number(v));

function toInput(b: LocationBody) {
  return {
    name: b.name,
    city: b.city,
    address: b.address,
    timezone: b.timezone,
    phone: nullable(b.phone),
    email: nullable(b.email),
    latitude: num(b.latitude),
    longitude: num(b.longitude),
    openingHours: hoursFrom(b),
    isActive: b.isActive,
  };
}

function locationForm(action: string, csrf: string, l: Partial<Location> & { timezone: string }, submit: string) {
  return html`<form method="post" action="${action}">
  <input type="hidden" name="_csrf" value="${csrf}">
  <div class="field-row">
    <div class="field"><label for="name">Name</label><input id="name" name="name" type="text" required maxlength="100" value="${l.name ?? ''}"></div>
    <div class="field"><label for="city">City</label><input id="city" name="city" type="text" required maxlength="100" value="${l.city ?? ''}"></div>
    ${l.id ? '' : html`<div class="field"><label for="code">Code <small>(optional, for imports)</small></label><input id="code" name="code" type="text" maxlength="40" pattern="[a-z0-9][a-z0-9-]*" placeholder="e.g. t-nagar"></div>`}
  </div>
  <div class="field"><label for="address">Address</label><input id="address" name="address" type="text" required maxlength="300" value="${l.address ?? ''}"></div>
  <div class="field-row">
    <div class="field"><label for="timezone">Time zone</label><input id="timezone" name="timezone" type="text" required value="${l.timezone}"></div>
    <div class="field"><label for="phone">Phone</label><input id="phone" name="phone" type="tel" value="${l.phone ?? ''}"></div>
    <div class="field"><label for="email">E-mail</label><input id="email" name="email" type="email" value="${l.email ?? ''}"></div>
    <div class="field"><label for="latitude">Latitude</label><input id="latitude" name="latitude" type="text" inputmode="decimal" value="${l.latitude ?? ''}"></div>
    <div class="field"><label for="longitude">Longitude</label><input id="longitude" name="longitude" type="text" inputmode="decimal" value="${l.longitude ?? ''}"></div>
  </div>
  <fieldset><legend>Opening hours <small class="muted">(leave a day empty when closed; a closing time before the opening runs past midnight)</small></legend>
    <div class="field-row">${WEEKDAYS.map((d) => {
      const slot = l.openingHours?.[d]?.[0];
      return html`<div class="field"><label>${DAY_NAMES[d]}</label><div class="row" style="flex-wrap:nowrap"><input aria-label="${DAY_NAMES[d]} opens" name="${d}_opens" type="time" value="${slot?.opens ?? ''}"><span aria-hidden="true">–</span><input aria-label="${DAY_NAMES[d]} closes" name="${d}_closes" type="time" value="${slot?.closes ?? ''}"></div></div>`;
    })}</div>
  </fieldset>
  <div class="checks"><label><input type="checkbox" name="isActive" ${l.isActive === false ? '' : 'checked'}> Open for bookings</label></div>
  <div class="actions"><button class="btn btn-primary" type="submit">${submit}</button></div>
</form>`;
}

export function locationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const guard = requireStaff(MANAGERS);
  app.get('/admin/c/:cinemaId/catalogue/locations', { preHandler: guard, schema: { params } }, async (request: FastifyRequest<{ Params: { cinemaId: string } }>, reply) => {
    const cinema = await cinemaOf(deps, request);
    const locations = await listLocations(deps.db, { cinemaId: cinema.id });
    const csrf = csrfToken(request, reply);
    const body = html`${catalogueTabs(cinema.id, 'locations')}
<section class="card"><header><h2>Locations</h2></header>
${locations.length
  ? html`<div class="table-wrap"><table><thead><tr><th>Name</th><th>City</th><th>Code</th><th>Time zone</th><th>Status</th></tr></thead><tbody>${locations.map(
      (l) => html`<tr><td><a href="${cinemaPath(cinema.id, `/catalogue/locations/${encodeURIComponent(l.id)}`)}"><strong>${l.name}</strong></a><br><small class="muted">${l.address}</small></td><td>${l.city}</td><td class="mono">${l.code}</td><td>${l.timezone}</td><td>${l.isActive ? html`<span class="badge badge-active">Open</span>` : html`<span class="badge badge-inactive">Closed</span>`}</td></tr>`,
    )}</tbody></table></div>`
  : html`<p class="empty">No locations yet. Add the first one below.</p>`}
</section>
<section class="card"><h2>Add a location</h2>${locationForm(cinemaPath(cinema.id, '/catalogue/locations'), csrf, { timezone: cinema.timezone }, 'Add location')}</section>`;
    return sendPage(request, reply, { title: 'Catalogue', cinema, active: 'catalogue', body });
  });

  app.post('/admin/c/:cinemaId/catalogue/locations', { preHandler: guard, schema: { params, body: locationBody } }, async (request: FastifyRequest<{ Params: { cinemaId: string }; Body: LocationBody }>, reply) => {
    const { cinemaId } = request.params;
    const back = cinemaPath(cinemaId, '/catalogue/locations');
    return orBack(reply, back, async () => {
      await createLocation({ db: deps.db, clock: deps.clock }, { cinemaId, ...toInput(request.body), code: nullable(request.body.code) ?? undefined });
      return back;
    });
  });

  app.get('/admin/c/:cinemaId/catalogue/locations/:locationId', { preHandler: guard, schema: { params: locParams } }, async (request: FastifyRequest<{ Params: { cinemaId: string; locationId: string } }>, reply) => {
    const cinema = await cinemaOf(deps, request);
    const l = await getLocation(deps.db, { cinemaId: cinema.id, locationId: request.params.locationId });
    if (!l) throw notFound('location');
    const body = html`${catalogueTabs(cinema.id, 'locations')}<section class="card"><h2>${l.name} <small class="mono muted">${l.code}</small></h2>${locationForm(cinemaPath(cinema.id, `/catalogue/locations/${encodeURIComponent(l.id)}`), csrfToken(request, reply), l, 'Save location')}</section>`;
    return sendPage(request, reply, { title: 'Catalogue', cinema, active: 'catalogue', body });
  });

  app.post('/admin/c/:cinemaId/catalogue/locations/:locationId', { preHandler: guard, schema: { params: locParams, body: locationBody } }, async (request: FastifyRequest<{ Params: { cinemaId: string; locationId: string }; Body: LocationBody }>, reply) => {
    const { cinemaId, locationId } = request.params;
    const back = cinemaPath(cinemaId, `/catalogue/locations/${encodeURIComponent(locationId)}`);
    return orBack(reply, back, async () => {
      await updateLocation({ db: deps.db, clock: deps.clock }, { cinemaId, locationId, patch: toInput(request.body) });
      return cinemaPath(cinemaId, '/catalogue/locations');
    });
  });
}
