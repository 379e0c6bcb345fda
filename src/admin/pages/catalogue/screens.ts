import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.ts';
import { createScreen, getScreen, layoutRow, listLocations, listScreens, updateScreen, type SeatLayout } from '../../../cinema/index.ts';
import { MANAGERS, requireStaff } from '../../auth.ts';
import { badRequest, notFound } from '../../errors.ts';
import { html, jsonForScript } from '../../layout.ts';
import { cinemaOf, cinemaPath, csrfToken, sendPage } from '../../page-context.ts';
import { csrfField, formBool, formInt } from '../../zod-schemas.ts';
import { catalogueTabs, orBack } from './common.ts';

const params = z.object({ cinemaId: z.string().max(64) });
const screenParams = params.extend({ screenId: z.string().max(64) });
const ROW_LABELS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

const createBody = z.object({
  locationId: z.string().max(64),
  name: z.string().max(60),
  rows: formInt(1, 24),
  seatsPerRow: formInt(1, 60),
  category: z.string().trim().min(1).max(40).default('Classic'),
  ...csrfField,
});

const saveBody = z.object({ name: z.string().max(60), layout: z.string().max(500_000), isActive: formBool, ...csrfField });

/** A rectangular starting grid with an aisle in the middle; the editor refines it. */
export function startingLayout(rows: number, seatsPerRow: number, category: string): SeatLayout {
  const half = Math.ceil(seatsPerRow / 2);
  const pattern = seatsPerRow > 6 ? `${'S'.repeat(half)}_${'S'.repeat(seatsPerRow - half)}` : 'S'.repeat(seatsPerRow);
  return { rows: Array.from({ length: rows }, (_, i) => layoutRow(ROW_LABELS[i]!, category, pattern)) };
}

function parseLayout(json: string): SeatLayout {
  try {
    const v = JSON.parse(json) as SeatLayout;
    if (!v || !Array.isArray(v.rows)) throw new Error('no rows');
    return v;
  } catch {
    throw badRequest('invalid_layout', 'The seat layout could not be read. Reload the editor and try again.');
  }
}

export function screenRoutes(app: FastifyInstance, deps: AppDeps): void {
  const guard = requireStaff(MANAGERS);
  app.get('/admin/c/:cinemaId/catalogue/screens', { preHandler: guard, schema: { params } }, async (request: FastifyRequest<{ Params: { cinemaId: string } }>, reply) => {
    const cinema = await cinemaOf(deps, request);
    const locations = await listLocations(deps.db, { cinemaId: cinema.id });
    const screens = await listScreens(deps.db, { cinemaId: cinema.id });
    const csrf = csrfToken(request, reply);
    const body = html`${catalogueTabs(cinema.id, 'screens')}
<section class="card"><header><h2>Screens</h2></header>
${screens.length
  ? html`<div class="table-wrap"><table><thead><tr><th>Screen</th><th>Location</th><th>Categories</th><th class="num">Sellable seats</th><th>Status</th></tr></thead><tbody>${screens.map(
      (s) => html`<tr><td><a href="${cinemaPath(cinema.id, `/catalogue/screens/${encodeURIComponent(s.id)}`)}"><strong>${s.name}</strong></a></td><td>${locations.find((l) => l.id === s.locationId)?.name ?? ''}</td><td>${s.categories.join(', ')}</td><td class="num">${s.sellableSeats}</td><td>${s.isActive ? html`<span class="badge badge-active">Active</span>` : html`<span class="badge badge-inactive">Inactive</span>`}</td></tr>`,
    )}</tbody></table></div>`
  : html`<p class="empty">No screens yet.</p>`}
</section>
<section class="card"><h2>Add a screen</h2>
${locations.length
  ? html`<form method="post" action="${cinemaPath(cinema.id, '/catalogue/screens')}" class="filters">
    <input type="hidden" name="_csrf" value="${csrf}">
    <div class="field"><label for="locationId">Location</label><select id="locationId" name="locationId">${locations.map((l) => html`<option value="${l.id}">${l.name}</option>`)}</select></div>
    <div class="field"><label for="name">Name</label><input id="name" name="name" type="text" required maxlength="60" placeholder="Screen 1"></div>
    <div class="field"><label for="rows">Rows</label><input id="rows" name="rows" type="number" min="1" max="24" value="10" required></div>
    <div class="field"><label for="seatsPerRow">Seats per row</label><input id="seatsPerRow" name="seatsPerRow" type="number" min="1" max="60" value="16" required></div>
    <div class="field"><label for="category">Seat category</label><input id="category" name="category" type="text" value="Classic" required></div>
    <div class="field"><button class="btn btn-primary" type="submit">Create and edit seats</button></div>
  </form>`
  : html`<p class="muted">Add a <a href="${cinemaPath(cinema.id, '/catalogue/locations')}">location</a> first.</p>`}
</section>`;
    return sendPage(request, reply, { title: 'Catalogue', cinema, active: 'catalogue', body });
  });

  app.post('/admin/c/:cinemaId/catalogue/screens', { preHandler: guard, schema: { params, body: createBody } }, async (request: FastifyRequest<{ Params: { cinemaId: string }; Body: z.infer<typeof createBody> }>, reply) => {
    const { cinemaId } = request.params;
    const b = request.body;
    return orBack(reply, cinemaPath(cinemaId, '/catalogue/screens'), async () => {
      const screen = await createScreen({ db: deps.db, clock: deps.clock }, { cinemaId, locationId: b.locationId, name: b.name, layout: startingLayout(b.rows, b.seatsPerRow, b.category) });
      return cinemaPath(cinemaId, `/catalogue/screens/${encodeURIComponent(screen.id)}`);
    });
  });

  app.get('/admin/c/:cinemaId/catalogue/screens/:screenId', { preHandler: guard, schema: { params: screenParams } }, async (request: FastifyRequest<{ Params: { cinemaId: string; screenId: string } }>, reply) => {
    const cinema = await cinemaOf(deps, request);
    const screen = await getScreen(deps.db, { cinemaId: cinema.id, screenId: request.params.screenId });
    if (!screen) throw notFound('screen');
    const csrf = csrfToken(request, reply);
    const body = html`${catalogueTabs(cinema.id, 'screens')}
<form method="post" action="${cinemaPath(cinema.id, `/catalogue/screens/${encodeURIComponent(screen.id)}`)}" id="layout-form">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="layout" id="layout-json" value="${JSON.stringify(screen.layout)}">
<div class="seat-editor">
  <section class="card">
    <header><h2>Seat layout</h2><span class="muted" id="seat-count" aria-live="polite">${screen.sellableSeats} sellable seats</span></header>
    <div class="screen-bar" aria-hidden="true"></div><div class="screen-label">SCREEN THIS WAY</div>
    <div class="seat-grid" id="seat-grid" role="grid" aria-label="Seat layout: click a cell to apply the selected tool"><p class="muted">The layout editor needs JavaScript.</p></div>
    <div class="legend" id="seat-legend"></div>
    <div class="actions" style="margin-top:1rem">
      <button class="btn btn-sm" type="button" data-layout="add-row">Add row</button>
      <button class="btn btn-sm" type="button" data-layout="remove-row">Remove last row</button>
      <button class="btn btn-sm" type="button" data-layout="add-col">Widen</button>
      <button class="btn btn-sm" type="button" data-layout="remove-col">Narrow</button>
    </div>
  </section>
  <aside class="card">
    <div class="field"><label for="name">Screen name</label><input id="name" name="name" type="text" required maxlength="60" value="${screen.name}"></div>
    <div class="checks" style="margin-bottom:1rem"><label><input type="checkbox" name="isActive" ${screen.isActive ? 'checked' : ''}> Active</label></div>
    <fieldset><legend>Tool</legend><div class="tool-list">
      <label><input type="radio" name="tool" value="seat" checked> Seat of category</label>
      <label><input type="radio" name="tool" value="gap"> Gap or aisle</label>
      <label><input type="radio" name="tool" value="wheelchair"> Wheelchair space (toggle)</label>
      <label><input type="radio" name="tool" value="blocked"> Block seat (toggle)</label>
    </div></fieldset>
    <div class="field"><label for="category-pick">Category for new seats</label><select id="category-pick"></select></div>
    <div class="field"><label for="category-new">New category</label><div class="row" style="flex-wrap:nowrap"><input id="category-new" type="text" maxlength="40" placeholder="e.g. Recliner"><button class="btn btn-sm" type="button" data-layout="add-category">Add</button></div></div>
    <p class="muted"><small>Seats are numbered left to right in each row, as seen facing the screen. Seats sold for coming shows cannot be removed.</small></p>
    <button class="btn btn-primary" type="submit" style="width:100%">Save screen</button>
  </aside>
</div>
</form>
<script type="application/json" id="layout-data">${jsonForScript(screen.layout)}</script>`;
    return sendPage(request, reply, { title: `${screen.name} · seats`, cinema, active: 'catalogue', body, scripts: ['seat-editor.js'] });
  });

  app.post('/admin/c/:cinemaId/catalogue/screens/:screenId', { preHandler: guard, schema: { params: screenParams, body: saveBody } }, async (request: FastifyRequest<{ Params: { cinemaId: string; screenId: string }; Body: z.infer<typeof saveBody> }>, reply) => {
    const { cinemaId, screenId } = request.params;
    const layout = parseLayout(request.body.layout);
    const back = cinemaPath(cinemaId, `/catalogue/screens/${encodeURIComponent(screenId)}`);
    return orBack(reply, back, async () => {
      await updateScreen({ db: deps.db, clock: deps.clock }, { cinemaId, screenId, patch: { name: request.body.name, layout, isActive: request.body.isActive } });
      return back;
    });
  });
}
