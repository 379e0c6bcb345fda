import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { getBooking, isLocalDate, localDayRange, normalizeBookingRef, type BookingDetails } from '../../cinema/index.ts';
import { maskPhone } from '../../tenants/secrets.ts';
import { MANAGERS, requireStaff } from '../auth.ts';
import { cancelByStaff } from '../booking-actions.ts';
import { getCheckin, searchBookings, showsBetween, type BookingListQuery } from '../bookings-repo.ts';
import { canReply } from '../conversation-actions.ts';
import { getCustomer } from '../conversations-repo.ts';
import { notFound } from '../errors.ts';
import { setFlash } from '../flash.ts';
import { formatDateTime, formatMoney, formatTime } from '../format.ts';
import { html, type SafeHtml } from '../layout.ts';
import { cinemaOf, cinemaPath, csrfToken, sendPage, staffOf } from '../page-context.ts';
import { csrfField } from '../zod-schemas.ts';
import { customerQuery } from './conversations.ts';

const params = z.object({ cinemaId: z.string().max(64) });
const bookingParams = params.extend({ bookingId: z.string().max(64) });
export const bookingFilterSchema = z.object({
  date: z.string().max(10).optional(),
  show: z.string().max(64).optional(),
  status: z.enum(['', 'held', 'confirmed', 'cancelled', 'expired']).optional(),
  ref: z.string().max(20).optional(),
  phone: z.string().max(32).optional(),
  customer: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).max(1000).optional(),
});
type Filter = z.infer<typeof bookingFilterSchema>;

const STATUS_LABEL: Record<string, string> = { held: 'Held', confirmed: 'Confirmed', cancelled: 'Cancelled', expired: 'Expired' };
export const PAGE_SIZE = 50;

export function statusBadge(status: string): SafeHtml {
  return html`<span class="badge badge-${status}">${STATUS_LABEL[status] ?? status}</span>`;
}

/** The filter form's values as a repository query; an unusable reference or date simply matches nothing. */
export function toListQuery(deps: Pick<AppDeps, 'config'>, tz: string, f: Filter): BookingListQuery | null {
  const q: BookingListQuery = { limit: PAGE_SIZE, offset: ((f.page ?? 1) - 1) * PAGE_SIZE };
  if (f.date) {
    if (!isLocalDate(f.date)) return null;
    const r = localDayRange(f.date, tz);
    q.showFrom = r.start;
    q.showTo = r.end;
  }
  if (f.show) q.showId = f.show;
  if (f.status) q.status = f.status;
  if (f.ref?.trim()) {
    const ref = normalizeBookingRef(f.ref);
    if (!ref) return null;
    q.ref = ref;
  }
  if (f.phone?.trim()) {
    const c = customerQuery(deps, f.phone);
    if (!c.phoneHash) return null;
    q.phoneHash = c.phoneHash;
  }
  if (f.customer) q.customerId = f.customer;
  return q;
}

function seatsOf(b: BookingDetails): string {
  return b.seats.length ? b.seats.map((s) => s.code).join(', ') : `${b.quantity} × ${b.category ?? 'general admission'}`;
}

export function bookingRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get(
    '/admin/c/:cinemaId/bookings',
    { preHandler: requireStaff(), schema: { params, querystring: bookingFilterSchema } },
    async (request: FastifyRequest<{ Params: { cinemaId: string }; Querystring: Filter }>, reply) => {
      const cinema = await cinemaOf(deps, request);
      const tz = cinema.timezone;
      const f = request.query;
      const now = deps.clock.now();
      const q = toListQuery(deps, tz, f);
      const rows = q ? await searchBookings(deps.db, cinema.id, now, q) : [];
      const dayShows = f.date && isLocalDate(f.date) ? await showsBetween(deps.db, cinema.id, localDayRange(f.date, tz).start, localDayRange(f.date, tz).end) : [];
      const page = f.page ?? 1;
      const link = (p: number) => {
        const u = new URLSearchParams(Object.entries({ ...f, page: String(p) }).filter(([, v]) => v !== undefined && v !== '') as [string, string][]);
        return `?${u.toString()}`;
      };
      const body = html`
<section class="card">
  <form method="get" class="filters" role="search" aria-label="Filter bookings">
    <div class="field"><label for="ref">Reference</label><input id="ref" name="ref" type="text" value="${f.ref ?? ''}" placeholder="K7MX2Q" autocapitalize="characters" spellcheck="false"></div>
    <div class="field"><label for="phone">Phone number</label><input id="phone" name="phone" type="tel" value="${f.phone ?? ''}" placeholder="+91 98765 43210"></div>
    <div class="field"><label for="date">Show date</label><input id="date" name="date" type="date" value="${f.date ?? ''}" data-autosubmit></div>
    ${dayShows.length ? html`<div class="field"><label for="show">Show</label><select id="show" name="show"><option value="">All shows</option>${dayShows.map((s) => html`<option value="${s.id}" ${f.show === s.id ? 'selected' : ''}>${formatTime(s.startsAt, tz)} · ${s.title} · ${s.screen}</option>`)}</select></div>` : ''}
    <div class="field"><label for="status">Status</label><select id="status" name="status"><option value="">Any</option>${Object.entries(STATUS_LABEL).map(([v, l]) => html`<option value="${v}" ${f.status === v ? 'selected' : ''}>${l}</option>`)}</select></div>
    <div class="field actions"><button class="btn btn-primary" type="submit">Search</button><a class="btn btn-ghost" href="${cinemaPath(cinema.id, '/bookings')}">Clear</a></div>
  </form>
</section>
<section class="card">
  ${rows.length
    ? html`<div class="table-wrap"><table><thead><tr><th>Reference</th><th>Show</th><th>Customer</th><th class="num">Tickets</th><th class="num">Total</th><th>Status</th></tr></thead><tbody>
      ${rows.map(
        (r) => html`<tr><td><a class="mono" href="${cinemaPath(cinema.id, `/bookings/${encodeURIComponent(r.id)}`)}"><strong>${r.ref}</strong></a>${r.isTest ? html` <span class="badge">test</span>` : ''}</td>
        <td>${r.movieTitle}<br><small class="muted">${formatDateTime(r.showStartsAt, tz)} · ${r.screenName}</small></td>
        <td>${r.customerName ?? '—'}<br><small class="mono muted">${maskPhone(r.customerLast4)}</small></td>
        <td class="num">${r.quantity}</td><td class="num">${formatMoney(r.totalPaise)}</td>
        <td>${statusBadge(r.status)}${r.checkedInAt ? html` <span class="badge badge-brand">Checked in</span>` : ''}</td></tr>`,
      )}</tbody></table></div>
      <div class="spread" style="margin-top:1rem"><small class="muted">Page ${page}</small><div class="row">${page > 1 ? html`<a class="btn btn-sm" href="${link(page - 1)}">Previous</a>` : ''}${rows.length === PAGE_SIZE ? html`<a class="btn btn-sm" href="${link(page + 1)}">Next</a>` : ''}</div></div>`
    : html`<p class="empty">${q ? 'No bookings match.' : 'Check the reference (six letters and digits) or the phone number.'}</p>`}
</section>`;
      return sendPage(request, reply, { title: 'Bookings', cinema, active: 'bookings', body });
    },
  );

  async function detail(request: FastifyRequest<{ Params: { cinemaId: string; bookingId: string } }>, reply: FastifyReply) {
    const cinema = await cinemaOf(deps, request);
    const now = deps.clock.now();
    const b = await getBooking(deps.db, { cinemaId: cinema.id, bookingId: request.params.bookingId, now });
    if (!b) throw notFound('booking');
    const tz = b.show.location.timezone;
    const customer = await getCustomer(deps.db, cinema.id, b.customerId);
    const checkin = await getCheckin(deps.db, cinema.id, b.id);
    const staff = staffOf(request);
    const csrf = csrfToken(request, reply);
    const base = cinemaPath(cinema.id, `/bookings/${encodeURIComponent(b.id)}`);
    const windowOpen = customer ? canReply(customer, now) : false;
    const body = html`
<div class="with-aside">
  <section class="card">
    <header><h2 class="mono" style="font-size:1.6rem;letter-spacing:.08em">${b.ref}</h2><div class="row">${statusBadge(b.status)}${checkin ? html`<span class="badge badge-brand">Checked in ${formatTime(checkin.checkedInAt, tz)}</span>` : ''}</div></header>
    <div class="row" style="align-items:flex-start;gap:1.25rem">
      ${b.show.movie.posterUrl ? html`<img class="poster poster-lg" src="${b.show.movie.posterUrl}" alt="">` : ''}
      <dl class="kv">
        <dt>Film</dt><dd>${b.show.movie.title} <span class="badge">${b.show.movie.certificate}</span></dd>
        <dt>Show</dt><dd>${formatDateTime(b.show.startsAt, tz)} · ${b.show.language} · ${b.show.format}</dd>
        <dt>Where</dt><dd>${b.show.screenName}, ${b.show.location.name}</dd>
        <dt>${b.seats.length ? 'Seats' : 'Tickets'}</dt><dd>${seatsOf(b)}</dd>
        <dt>Total</dt><dd>${formatMoney(b.totalPaise)}</dd>
        <dt>Booked</dt><dd>${formatDateTime(b.createdAt, tz)}</dd>
        ${b.confirmedAt ? html`<dt>Confirmed</dt><dd>${formatDateTime(b.confirmedAt, tz)}</dd>` : ''}
        ${b.cancelledAt ? html`<dt>Cancelled</dt><dd>${formatDateTime(b.cancelledAt, tz)}</dd>` : ''}
        ${checkin ? html`<dt>Checked in</dt><dd>${formatDateTime(checkin.checkedInAt, tz)} by ${checkin.checkedInBy}${checkin.repeatScans ? html` · <span class="badge badge-warn">scanned again ${checkin.repeatScans}×</span>` : ''}</dd>` : ''}
      </dl>
    </div>
  </section>
  <aside class="stack">
    <section class="card"><h2>Customer</h2>
      <dl class="kv"><dt>Name</dt><dd>${customer?.name ?? '—'}</dd><dt>Phone</dt><dd class="mono">${maskPhone(customer?.last4)}</dd></dl>
      <div class="actions" style="margin-top:.75rem"><a class="btn btn-sm" href="${cinemaPath(cinema.id, `/conversations/${encodeURIComponent(b.customerId)}`)}">Conversation</a>
      ${MANAGERS.includes(staff.role) && customer?.last4 ? html`<form method="post" action="${cinemaPath(cinema.id, `/customers/${encodeURIComponent(b.customerId)}/reveal`)}"><input type="hidden" name="_csrf" value="${csrf}"><button class="btn btn-sm" type="submit">Reveal number</button></form>` : ''}</div>
    </section>
    ${b.status === 'confirmed' && !checkin
      ? html`<section class="card"><h2>Check in</h2><form method="post" action="${cinemaPath(cinema.id, '/checkin')}"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="bookingId" value="${b.id}"><button class="btn btn-primary" type="submit" style="width:100%">Admit ${b.quantity} ${b.quantity === 1 ? 'person' : 'people'}</button></form></section>`
      : ''}
    ${b.status === 'confirmed' || b.status === 'held'
      ? html`<section class="card"><h2>Cancel</h2>
        <p class="muted">The seats are released at once${b.status === 'confirmed' ? ' and the customer gets a WhatsApp message in their language' : ''}.</p>
        ${b.status === 'confirmed' && !windowOpen ? html`<p class="banner banner-warn">The customer last wrote more than 24 hours ago, so WhatsApp may refuse the message. Consider calling them.</p>` : ''}
        <form method="post" action="${base}/cancel" data-confirm="Cancel booking ${b.ref}? This cannot be undone."><input type="hidden" name="_csrf" value="${csrf}"><button class="btn btn-danger" type="submit" style="width:100%">Cancel booking</button></form></section>`
      : ''}
  </aside>
</div>`;
    return sendPage(request, reply, { title: `Booking ${b.ref}`, cinema, active: 'bookings', body });
  }

  app.get('/admin/c/:cinemaId/bookings/:bookingId', { preHandler: requireStaff(), schema: { params: bookingParams } }, (request: FastifyRequest<{ Params: { cinemaId: string; bookingId: string } }>, reply) => detail(request, reply));

  app.post(
    '/admin/c/:cinemaId/bookings/:bookingId/cancel',
    { preHandler: requireStaff(), schema: { params: bookingParams, body: z.object(csrfField) } },
    async (request: FastifyRequest<{ Params: { cinemaId: string; bookingId: string } }>, reply) => {
      const { cinemaId, bookingId } = request.params;
      const { booking, notified } = await cancelByStaff(deps, staffOf(request), cinemaId, bookingId);
      setFlash(reply, { kind: 'ok', text: `Booking ${booking.ref} is cancelled${notified ? ' and the customer is being notified' : ''}.` });
      return reply.redirect(cinemaPath(cinemaId, `/bookings/${encodeURIComponent(bookingId)}`), 303);
    },
  );
}
