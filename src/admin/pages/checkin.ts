import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import type { Cinema } from '../../tenants/cinemas.ts';
import { requireStaff } from '../auth.ts';
import { checkIn, type CheckinOutcome } from '../booking-actions.ts';
import { HttpError } from '../errors.ts';
import { formatDateTime, formatDay, formatTime, localToday } from '../format.ts';
import { html, type SafeHtml } from '../layout.ts';
import { cinemaOf, cinemaPath, csrfToken, sendPage, staffOf } from '../page-context.ts';
import { toLocal } from '../../cinema/index.ts';
import { csrfField } from '../zod-schemas.ts';

const params = z.object({ cinemaId: z.string().max(64) });
const checkinBody = z.object({ ref: z.string().max(200).optional(), bookingId: z.string().max(64).optional(), ...csrfField });

type Shown = { outcome: CheckinOutcome } | { error: string; ref: string };

function resultPanel(cinema: Cinema, now: number, s: Shown): SafeHtml {
  if ('error' in s) {
    return html`<div class="result result-error" role="alert" data-result="error"><h2>✕ ${s.error}</h2><p>Check the reference${s.ref ? html` <strong class="mono">${s.ref}</strong>` : ''} and try again.</p></div>`;
  }
  const o = s.outcome;
  const b = o.booking;
  const tz = b.show.location.timezone;
  const seats = b.seats.length ? b.seats.map((x) => x.code).join(', ') : `${b.quantity} × ${b.category ?? 'general admission'}`;
  const otherDay = toLocal(b.show.startsAt, tz).date !== localToday(now, tz);
  const facts = html`<dl class="kv"><dt>Reference</dt><dd class="mono">${b.ref}</dd><dt>Film</dt><dd>${b.show.movie.title}</dd><dt>Show</dt><dd>${formatDay(b.show.startsAt, tz)} · ${formatTime(b.show.startsAt, tz)} · ${b.show.screenName}</dd><dt>${b.seats.length ? 'Seats' : 'Tickets'}</dt><dd><strong>${seats}</strong></dd></dl>
  ${otherDay ? html`<p class="banner banner-warn" style="margin-top:.75rem"><strong>Not today's show:</strong> this ticket is for ${formatDateTime(b.show.startsAt, tz)}.</p>` : ''}`;
  if (o.result === 'admitted') {
    return html`<div class="result result-ok" role="status" data-result="admitted"><h2>✓ Admit ${b.quantity} ${b.quantity === 1 ? 'person' : 'people'}</h2>${facts}</div>`;
  }
  if (o.result === 'already_used') {
    return html`<div class="result result-warn" role="alert" data-result="already_used"><h2>⚠ Already used</h2>
      <p><strong>This ticket was checked in at ${formatDateTime(o.checkin.checkedInAt, tz)} by ${o.checkin.checkedInBy}.</strong> It has now been scanned ${o.checkin.repeatScans + 1} times. Do not admit again without checking.</p>${facts}</div>`;
  }
  const why = { cancelled: 'This booking was cancelled.', not_paid: 'This booking was never confirmed (the seats were only held).', expired: 'The hold expired before the booking was confirmed.' }[o.reason];
  return html`<div class="result result-error" role="alert" data-result="not_valid"><h2>✕ Not valid</h2><p><strong>${why}</strong></p>${facts}</div>`;
}

export function checkinRoutes(app: FastifyInstance, deps: AppDeps): void {
  async function page(request: FastifyRequest<{ Params: { cinemaId: string } }>, reply: FastifyReply, shown?: Shown) {
    const cinema = await cinemaOf(deps, request);
    const csrf = csrfToken(request, reply);
    const body = html`
<div class="checkin-layout">
  <section class="card">
    <h2>Scan or type the ticket</h2>
    <div class="scanner" id="scanner" hidden><video id="scanner-video" playsinline muted></video><div class="frame" aria-hidden="true"></div></div>
    <p id="scanner-note" class="muted" role="status">Type the six-character reference from the ticket, or scan its QR code with the camera.</p>
    <div class="actions" style="margin-bottom:1rem"><button class="btn" type="button" id="scanner-start" hidden>Scan with camera</button></div>
    <form method="post" action="${cinemaPath(cinema.id, '/checkin')}" id="checkin-form" autocomplete="off">
      <input type="hidden" name="_csrf" value="${csrf}">
      <div class="field"><label for="ref">Booking reference</label><input id="ref" name="ref" class="ref-input" type="text" maxlength="200" required autocapitalize="characters" spellcheck="false" placeholder="K7MX2Q" autofocus></div>
      <button class="btn btn-primary btn-lg" type="submit" style="width:100%">Check in</button>
    </form>
  </section>
  <section aria-live="polite" id="checkin-result">
    ${shown ? resultPanel(cinema, deps.clock.now(), shown) : html`<div class="card empty"><p>The result appears here: green to admit, amber for a ticket already used, red for one that is not valid.</p></div>`}
  </section>
</div>`;
    return sendPage(request, reply, { title: 'Check-in', cinema, active: 'checkin', body, scripts: ['checkin.js'] });
  }

  app.get('/admin/c/:cinemaId/checkin', { preHandler: requireStaff(), schema: { params } }, (request: FastifyRequest<{ Params: { cinemaId: string } }>, reply) => page(request, reply));

  app.post(
    '/admin/c/:cinemaId/checkin',
    { preHandler: requireStaff(), schema: { params, body: checkinBody } },
    async (request: FastifyRequest<{ Params: { cinemaId: string }; Body: z.infer<typeof checkinBody> }>, reply) => {
      const { ref, bookingId } = request.body;
      try {
        const outcome = await checkIn(deps, staffOf(request), request.params.cinemaId, { ref, bookingId });
        return await page(request, reply, { outcome });
      } catch (e) {
        if (e instanceof HttpError && (e.statusCode === 404 || e.statusCode === 400)) {
          return page(request, reply.code(e.statusCode), { error: e.statusCode === 404 ? 'No such booking' : 'Not a booking reference', ref: ref ?? '' });
        }
        throw e;
      }
    },
  );
}
