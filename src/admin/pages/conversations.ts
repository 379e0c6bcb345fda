import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { normalizePhone } from '../../tenants/customers.ts';
import { decrypt, lookupHash, maskPhone } from '../../tenants/secrets.ts';
import { audit } from '../audit-repo.ts';
import { MANAGERS, requireStaff } from '../auth.ts';
import { canReply, handBackToBot, replyWindowClosesAt, sendStaffReply } from '../conversation-actions.ts';
import { getCustomer, getCustomerPhoneSealed, isInHandoff, listCustomers, listHandoffs, transcript, type CustomerRow, type TranscriptEntry } from '../conversations-repo.ts';
import { notFound } from '../errors.ts';
import { setFlash } from '../flash.ts';
import { ago, formatDateTime } from '../format.ts';
import { html, type SafeHtml } from '../layout.ts';
import { previewInbound, previewOutbound } from '../message-preview.ts';
import { cinemaOf, cinemaPath, csrfToken, sendPage, staffOf } from '../page-context.ts';
import { csrfField } from '../zod-schemas.ts';

const params = z.object({ cinemaId: z.string().max(64) });
const customerParams = params.extend({ customerId: z.string().max(64) });
type CP = { cinemaId: string; customerId: string };

const LANG_NAMES: Record<string, string> = { en: 'English', hi: 'Hindi', ta: 'Tamil' };

function customerName(c: CustomerRow): string {
  return c.name ?? `Customer ${maskPhone(c.last4)}`;
}

/** Looks a query up as a phone number (by keyed hash of its digits) when it is one, else by name. */
export function customerQuery(deps: Pick<AppDeps, 'config'>, q: string | undefined): { phoneHash?: string; name?: string } {
  if (!q?.trim()) return {};
  const digits = normalizePhone(q);
  if (digits.length >= 8 && /^[\d\s+()-]+$/.test(q.trim())) return { phoneHash: lookupHash(deps.config.secretKey, digits) };
  return { name: q.trim() };
}

function statusBadge(status: string, errorCode?: number | null): SafeHtml {
  const label: Record<string, string> = { queued: 'Queued', sending: 'Sending', sent: 'Sent', delivered: 'Delivered', read: 'Read', failed: 'Failed', unknown: 'Unknown' };
  return html`<span class="badge badge-${status}">${label[status] ?? status}${errorCode ? ` · ${errorCode}` : ''}</span>`;
}

function bubble(e: TranscriptEntry, tz: string): SafeHtml {
  if (e.dir === 'in') {
    if (e.type === 'internal') return html`<div class="bubble internal">${previewInbound(e.type, e.payloadJson)} · ${formatDateTime(e.at, tz)}</div>`;
    return html`<div class="bubble in"><div class="text">${previewInbound(e.type, e.payloadJson)}</div><div class="meta">${formatDateTime(e.at, tz)}</div></div>`;
  }
  const failed = e.status === 'failed';
  const label = e.kind === 'reply' ? '' : e.kind === 'staff_reply' ? 'Staff reply' : e.kind.replace(/_/g, ' ');
  return html`<div class="${['bubble', 'out', e.kind === 'staff_reply' ? 'staff' : '', failed ? 'failed' : ''].filter(Boolean).join(' ')}" data-status="${e.status}">${label ? html`<div class="kind">${label}</div>` : ''}<div class="text">${previewOutbound(e.payloadJson)}</div><div class="meta">${formatDateTime(e.at, tz)} ${statusBadge(e.status, e.errorCode)}</div>${failed ? html`<div class="meta fail-note" role="note">Not delivered${e.error ? `: ${e.error}` : ''}</div>` : ''}</div>`;
}

export function conversationRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get(
    '/admin/c/:cinemaId/conversations',
    { preHandler: requireStaff(), schema: { params, querystring: z.object({ q: z.string().max(100).optional() }) } },
    async (request: FastifyRequest<{ Params: { cinemaId: string }; Querystring: { q?: string } }>, reply) => {
      const cinema = await cinemaOf(deps, request);
      const now = deps.clock.now();
      const tz = cinema.timezone;
      const handoffs = await listHandoffs(deps.db, cinema.id);
      const recent = await listCustomers(deps.db, cinema.id, { ...customerQuery(deps, request.query.q), limit: 50 });
      const link = (c: CustomerRow) => cinemaPath(cinema.id, `/conversations/${encodeURIComponent(c.id)}`);
      const body = html`
<section class="card" aria-labelledby="handoff-h">
  <header><h2 id="handoff-h">Waiting for staff</h2><span class="badge ${handoffs.length ? 'badge-warn' : ''}">${handoffs.length}</span></header>
  ${handoffs.length
    ? html`<div class="inbox">${handoffs.map(
        (h) => html`<a href="${link(h.customer)}"><span><strong>${customerName(h.customer)}</strong><br><small>${maskPhone(h.customer.last4)} · ${LANG_NAMES[h.customer.language ?? ''] ?? 'Language not chosen'}</small></span>
        <span class="muted">asked ${ago(h.since, now)}${canReply(h.customer, now) ? '' : html` · <span class="badge badge-cancelled">window closed</span>`}</span></a>`,
      )}</div>`
    : html`<p class="empty">Nobody is waiting. Customers who ask for a person appear here.</p>`}
</section>
<section class="card" aria-labelledby="recent-h">
  <header><h2 id="recent-h">Customers</h2>
    <form method="get" class="row" role="search"><input id="q" name="q" type="search" aria-label="Search customers by phone number or name" placeholder="Phone number or name" value="${request.query.q ?? ''}"><button class="btn" type="submit">Search</button></form>
  </header>
  ${recent.length
    ? html`<div class="table-wrap"><table><thead><tr><th>Customer</th><th>Phone</th><th>Language</th><th>Last message</th></tr></thead><tbody>
      ${recent.map((c) => html`<tr><td><a href="${link(c)}">${customerName(c)}</a>${c.isTest ? html` <span class="badge">test</span>` : ''}</td><td class="mono">${maskPhone(c.last4)}</td><td>${LANG_NAMES[c.language ?? ''] ?? '—'}</td><td>${ago(c.lastInboundAt, now)}<br><small>${formatDateTime(c.lastInboundAt, tz)}</small></td></tr>`)}
      </tbody></table></div>`
    : html`<p class="empty">${request.query.q ? 'No customer matches that search.' : 'No customers yet.'}</p>`}
</section>`;
      return sendPage(request, reply, { title: 'Conversations', cinema, active: 'conversations', body });
    },
  );

  async function renderCustomer(request: FastifyRequest<{ Params: CP }>, reply: FastifyReply, revealed?: string) {
    const cinema = await cinemaOf(deps, request);
    const staff = staffOf(request);
    const customer = await getCustomer(deps.db, cinema.id, request.params.customerId);
    if (!customer) throw notFound('customer');
    const now = deps.clock.now();
    const tz = cinema.timezone;
    const entries = await transcript(deps.db, cinema.id, customer.id);
    const handoff = await isInHandoff(deps.db, cinema.id, customer.id);
    const open = canReply(customer, now);
    const closes = replyWindowClosesAt(customer);
    const csrf = csrfToken(request, reply);
    const base = cinemaPath(cinema.id, `/conversations/${encodeURIComponent(customer.id)}`);
    const failed = entries.filter((e) => e.dir === 'out' && e.status === 'failed').length;
    const body = html`
<div class="with-aside">
  <section class="card" aria-label="Transcript">
    <header><h2>Transcript</h2>${failed ? html`<span class="badge badge-failed">${failed} not delivered</span>` : ''}</header>
    ${entries.length ? html`<div class="transcript" id="transcript">${entries.map((e) => bubble(e, tz))}</div>` : html`<p class="empty">No messages yet.</p>`}
    <form class="reply-box stack" method="post" action="${base}/reply" style="margin-top:1rem">
      <input type="hidden" name="_csrf" value="${csrf}">
      <label for="reply-text">Reply as ${cinema.name}</label>
      <textarea id="reply-text" name="text" maxlength="4096" ${open ? '' : html`disabled aria-describedby="window-note"`} placeholder="${open ? 'Type a message…' : ''}"></textarea>
      ${open
        ? html`<small class="muted">You can reply until ${formatDateTime(closes, tz)} (24 hours after the customer's last message).</small>`
        : html`<p class="banner banner-info" id="window-note">Replies are disabled: ${closes === null ? 'the customer has not written to you yet' : `the customer last wrote ${ago(customer.lastInboundAt, now)}`}, and WhatsApp only allows free-form messages within 24 hours of the customer's last message. You can reply as soon as they write again.</p>`}
      <div class="actions"><button class="btn btn-primary" type="submit" ${open ? '' : 'disabled'}>Send reply</button></div>
    </form>
  </section>
  <aside>
    <section class="card">
      <h2>${customerName(customer)}</h2>
      <dl class="kv">
        <dt>Phone</dt><dd class="mono">${revealed ?? maskPhone(customer.last4)}</dd>
        <dt>Language</dt><dd>${LANG_NAMES[customer.language ?? ''] ?? '—'}</dd>
        <dt>First seen</dt><dd>${formatDateTime(customer.createdAt, tz)}</dd>
        <dt>Last message</dt><dd>${ago(customer.lastInboundAt, now)}</dd>
        <dt>Mode</dt><dd>${handoff ? html`<span class="badge badge-warn">With staff</span>` : html`<span class="badge badge-ok">Bot</span>`}</dd>
      </dl>
      ${!revealed && customer.last4 && MANAGERS.includes(staff.role)
        ? html`<form method="post" action="${cinemaPath(cinema.id, `/customers/${encodeURIComponent(customer.id)}/reveal`)}" class="actions"><input type="hidden" name="_csrf" value="${csrf}"><button class="btn btn-sm" type="submit">Reveal number</button><small class="muted">Recorded in the audit log.</small></form>`
        : ''}
    </section>
    ${handoff
      ? html`<section class="card"><h2>Hand back</h2><p class="muted">When you are done, the bot takes over again and the customer can carry on booking.</p>
        <form method="post" action="${base}/hand-back"><input type="hidden" name="_csrf" value="${csrf}"><button class="btn btn-primary" type="submit">Hand back to the bot</button></form></section>`
      : ''}
    <a class="btn btn-ghost" href="${cinemaPath(cinema.id, `/bookings?customer=${encodeURIComponent(customer.id)}`)}">Bookings of this customer</a>
  </aside>
</div>`;
    return sendPage(request, reply, { title: customerName(customer), cinema, active: 'conversations', body, scripts: ['transcript.js'] });
  }

  app.get('/admin/c/:cinemaId/conversations/:customerId', { preHandler: requireStaff(), schema: { params: customerParams } }, (request: FastifyRequest<{ Params: CP }>, reply) =>
    renderCustomer(request, reply),
  );

  app.post(
    '/admin/c/:cinemaId/conversations/:customerId/reply',
    { preHandler: requireStaff(), schema: { params: customerParams, body: z.object({ text: z.string().max(5000), ...csrfField }) } },
    async (request: FastifyRequest<{ Params: CP; Body: { text: string } }>, reply) => {
      await sendStaffReply(deps, staffOf(request), request.params.cinemaId, request.params.customerId, request.body.text);
      setFlash(reply, { kind: 'ok', text: 'Reply queued; its delivery status appears in the transcript.' });
      return reply.redirect(cinemaPath(request.params.cinemaId, `/conversations/${encodeURIComponent(request.params.customerId)}`), 303);
    },
  );

  app.post(
    '/admin/c/:cinemaId/conversations/:customerId/hand-back',
    { preHandler: requireStaff(), schema: { params: customerParams, body: z.object(csrfField) } },
    async (request: FastifyRequest<{ Params: CP }>, reply) => {
      await handBackToBot(deps, staffOf(request), request.params.cinemaId, request.params.customerId);
      setFlash(reply, { kind: 'ok', text: 'Handed back to the bot.' });
      return reply.redirect(cinemaPath(request.params.cinemaId, '/conversations'), 303);
    },
  );

  app.post(
    '/admin/c/:cinemaId/customers/:customerId/reveal',
    { preHandler: requireStaff(MANAGERS), schema: { params: customerParams, body: z.object(csrfField) } },
    async (request: FastifyRequest<{ Params: CP }>, reply) => {
      const { cinemaId, customerId } = request.params;
      const sealed = await getCustomerPhoneSealed(deps.db, cinemaId, customerId);
      if (!sealed) throw notFound('customer');
      await audit(deps.db, deps.clock.now(), { cinemaId, userId: staffOf(request).userId, action: 'reveal_phone', subject: customerId });
      return renderCustomer(request, reply, `+${decrypt(deps.config.secretKey, sealed)}`);
    },
  );
}
