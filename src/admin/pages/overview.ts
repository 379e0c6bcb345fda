import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { localDayRange } from '../../cinema/index.ts';
import { MANAGERS, requireStaff } from '../auth.ts';
import { countFailedOutbound, listHandoffs } from '../conversations-repo.ts';
import { notFound } from '../errors.ts';
import { formatDay, formatMoney, formatTime, localToday } from '../format.ts';
import { html } from '../layout.ts';
import { loadMedia } from '../media-repo.ts';
import { dayTotals, showsOfDay } from '../overview-repo.ts';
import { cinemaOf, cinemaPath, sendPage, staffOf } from '../page-context.ts';

export function overviewRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/admin/c/:cinemaId', { preHandler: requireStaff(), schema: { params: z.object({ cinemaId: z.string().max(64) }) } }, async (request: FastifyRequest<{ Params: { cinemaId: string } }>, reply) => {
    const cinema = await cinemaOf(deps, request);
    const staff = staffOf(request);
    const now = deps.clock.now();
    const tz = cinema.timezone;
    const { start, end } = localDayRange(localToday(now, tz), tz);
    const totals = await dayTotals(deps.db, cinema.id, start, end);
    const shows = await showsOfDay(deps.db, cinema.id, start, end);
    const waiting = await listHandoffs(deps.db, cinema.id);
    const failed = await countFailedOutbound(deps.db, cinema.id, now - 24 * 3600_000);
    const base = cinemaPath(cinema.id);
    const manager = MANAGERS.includes(staff.role);
    const body = html`
<div class="stats">
  <div class="stat"><div class="label">Bookings today</div><div class="value">${totals.bookings}</div><div class="hint">${totals.cancellations} cancelled</div></div>
  <div class="stat"><div class="label">Tickets today</div><div class="value">${totals.tickets}</div></div>
  ${manager ? html`<div class="stat"><div class="label">Revenue today</div><div class="value">${formatMoney(totals.revenuePaise)}</div></div>` : ''}
  <div class="stat"><div class="label">Waiting for staff</div><div class="value">${waiting.length}</div><div class="hint"><a href="${base}/conversations">Open inbox</a></div></div>
  <div class="stat"><div class="label">Failed sends (24 h)</div><div class="value">${failed}</div></div>
</div>
<div class="with-aside">
  <section class="card"><header><h2>Today's shows · ${formatDay(now, tz)}</h2>${manager ? html`<a class="btn btn-sm" href="${base}/catalogue/shows">Manage shows</a>` : ''}</header>
    ${shows.length
      ? html`<div class="table-wrap"><table><thead><tr><th>Time</th><th>Film</th><th>Screen</th><th class="num">Sold</th><th class="num">Checked in</th></tr></thead><tbody>
        ${shows.map((s) => html`<tr><td><strong>${formatTime(s.startsAt, tz)}</strong></td><td>${s.title}${s.status === 'cancelled' ? html` <span class="badge badge-cancelled">cancelled</span>` : ''}</td><td>${s.screen}<br><small class="muted">${s.location}</small></td><td class="num">${s.sold}</td><td class="num">${s.checkedIn}</td></tr>`)}
        </tbody></table></div>`
      : html`<p class="empty">No shows today.</p>`}
  </section>
  <aside class="stack">
    <section class="card"><h2>Quick actions</h2>
      <div class="stack">
        <a class="btn btn-primary" href="${base}/checkin" style="width:100%">Check in a ticket</a>
        <a class="btn" href="${base}/bookings" style="width:100%">Find a booking</a>
        ${manager ? html`<a class="btn" href="${base}/catalogue/shows/new" style="width:100%">Add shows</a>` : ''}
      </div>
    </section>
    <section class="card"><h2>WhatsApp</h2>
      <dl class="kv"><dt>Number</dt><dd>${cinema.displayPhoneNumber}</dd><dt>Status</dt><dd>${cinema.tokenStatus === 'valid' ? html`<span class="badge badge-ok">Connected</span>` : html`<span class="badge badge-failed">Paused: token invalid</span>`}</dd></dl>
    </section>
  </aside>
</div>`;
    return sendPage(request, reply, { title: 'Overview', cinema, active: 'overview', body });
  });

  // Logos and posters are public: WhatsApp fetches posters by URL, and ids are unguessable.
  app.get('/media/:id', { schema: { params: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{16,64}\.(png|jpg)$/) }) } }, async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
    const m = await loadMedia(deps.db, request.params.id);
    if (!m) throw notFound('file');
    return reply.type(m.mimeType).header('cache-control', 'public, max-age=31536000, immutable').header('x-content-type-options', 'nosniff').send(m.data);
  });
}
