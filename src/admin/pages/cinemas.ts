import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { queueOutbound } from '../../jobs/outbox.ts';
import { getCinema, listCinemas, type Cinema } from '../../tenants/cinemas.ts';
import { normalizePhone } from '../../tenants/customers.ts';
import { discoverBusiness, onboardCinema, type DiscoveredWaba } from '../../tenants/onboard.ts';
import { encrypt, maskPhone } from '../../tenants/secrets.ts';
import { isValidTimeZone } from '../../cinema/index.ts';
import { audit } from '../audit-repo.ts';
import { MANAGERS, OPERATORS, requireStaff } from '../auth.ts';
import { countFailedOutbound, listHandoffs } from '../conversations-repo.ts';
import { badRequest, notFound } from '../errors.ts';
import { setFlash } from '../flash.ts';
import { ago, formatDateTime } from '../format.ts';
import { html, type SafeHtml } from '../layout.ts';
import { cinemaPath, csrfToken, sendPage, staffOf } from '../page-context.ts';
import { csrfField, optionalText } from '../zod-schemas.ts';
import { latestTestMessage } from '../test-messages-repo.ts';

const LANGS = [
  ['en', 'English'],
  ['hi', 'Hindi'],
  ['ta', 'Tamil'],
] as const;

function steps(current: 1 | 2 | 3 | 4): SafeHtml {
  const names = ['Access token', 'Phone number', 'Test message', 'Live'];
  return html`<ol class="steps" aria-label="Onboarding steps">${names.map(
    (n, i) => html`<li class="${i + 1 < current ? 'done' : i + 1 === current ? 'current' : ''}" ${i + 1 === current ? html`aria-current="step"` : ''}>${n}</li>`,
  )}</ol>`;
}

function tokenBadge(c: Cinema): SafeHtml {
  return c.tokenStatus === 'valid' ? html`<span class="badge badge-valid">Token valid</span>` : html`<span class="badge badge-invalid" title="${c.tokenError ?? ''}">Token invalid</span>`;
}

/**
 * The test message is Meta's `hello_world` sample template, which every WhatsApp Business account
 * has: a message the business starts must be a template, or WhatsApp refuses it (131047).
 */
export const TEST_MESSAGE = { type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } } as const;

export function cinemaRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/admin/cinemas', { preHandler: requireStaff(OPERATORS) }, async (request, reply) => {
    const cinemas = await listCinemas(deps.db);
    const now = deps.clock.now();
    const rows = [];
    for (const c of cinemas) {
      rows.push({ c, waiting: (await listHandoffs(deps.db, c.id)).length, failed: await countFailedOutbound(deps.db, c.id, now - 24 * 3600_000) });
    }
    const invalid = cinemas.filter((c) => c.tokenStatus === 'invalid');
    const body = html`
${invalid.length ? html`<div class="banner banner-error" role="alert"><strong>${invalid.length} cinema${invalid.length === 1 ? ' has' : 's have'} an invalid access token</strong> and cannot send messages: ${invalid.map((c, i) => html`${i ? ', ' : ''}<a href="${cinemaPath(c.id, '/settings#token')}">${c.name}</a>`)}.</div>` : ''}
<div class="stats">
  <div class="stat"><div class="label">Cinemas</div><div class="value">${cinemas.length}</div></div>
  <div class="stat"><div class="label">Tokens healthy</div><div class="value">${cinemas.length - invalid.length}/${cinemas.length}</div></div>
  <div class="stat"><div class="label">Waiting for staff</div><div class="value">${rows.reduce((n, r) => n + r.waiting, 0)}</div></div>
  <div class="stat"><div class="label">Failed sends (24 h)</div><div class="value">${rows.reduce((n, r) => n + r.failed, 0)}</div></div>
</div>
<section class="card">
  <header><h2>Cinemas</h2><div class="row"><a class="btn" href="/admin/api-tokens">API tokens</a><a class="btn btn-primary" href="/admin/cinemas/new">Onboard a cinema</a></div></header>
  ${cinemas.length
    ? html`<div class="table-wrap"><table><thead><tr><th>Cinema</th><th>WhatsApp number</th><th>Token</th><th class="num">Waiting</th><th class="num">Failed (24 h)</th><th>Onboarded</th></tr></thead><tbody>
      ${rows.map(
        ({ c, waiting, failed }) => html`<tr>
        <td><a href="${cinemaPath(c.id)}"><strong>${c.name}</strong></a>${c.isDemo ? html` <span class="badge">demo</span>` : ''}<br><small class="mono">${c.id}</small></td>
        <td>${c.displayPhoneNumber}</td>
        <td>${tokenBadge(c)}${c.tokenError ? html`<br><small>${c.tokenError}</small>` : ''}</td>
        <td class="num">${waiting}</td><td class="num">${failed ? html`<span class="badge badge-failed">${failed}</span>` : '0'}</td>
        <td>${formatDateTime(c.createdAt, c.timezone)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p class="empty">No cinema yet. Onboard the first one with its WhatsApp access token.</p>`}
</section>`;
    return sendPage(request, reply, { title: 'Cinemas', active: 'cinemas', body });
  });

  function tokenStep(request: FastifyRequest, reply: FastifyReply, error?: string) {
    const csrf = csrfToken(request, reply);
    const body = html`${steps(1)}
<section class="card" style="max-width:720px">
  <h2>Connect a WhatsApp Business account</h2>
  <p class="muted">Paste the cinema's access token (a system-user token with <code>whatsapp_business_management</code> and <code>whatsapp_business_messaging</code>). Marquee finds its business accounts and numbers; nothing is stored until you pick a number.</p>
  ${error ? html`<div class="flash flash-error" role="alert" id="token-error">${error}</div>` : ''}
  <form method="post" action="/admin/cinemas/discover" autocomplete="off">
    <input type="hidden" name="_csrf" value="${csrf}">
    <div class="field"><label for="accessToken">Access token</label><input id="accessToken" name="accessToken" type="password" required spellcheck="false" ${error ? html`aria-invalid="true" aria-describedby="token-error"` : ''}></div>
    <div class="field"><label for="appSecret">App secret <small>(optional: only when the cinema uses its own Meta app)</small></label><input id="appSecret" name="appSecret" type="password" spellcheck="false"></div>
    <div class="actions"><button class="btn btn-primary" type="submit">Find numbers</button><a class="btn btn-ghost" href="/admin/cinemas">Cancel</a></div>
  </form>
</section>`;
    return sendPage(request, reply.code(error ? 400 : 200), { title: 'Onboard a cinema', active: 'cinemas', body });
  }

  app.get('/admin/cinemas/new', { preHandler: requireStaff(OPERATORS) }, (request, reply) => tokenStep(request, reply));

  const tokenBody = z.object({ accessToken: z.string().max(4096), appSecret: optionalText, ...csrfField });

  function numberStep(request: FastifyRequest, reply: FastifyReply, o: { accessToken: string; appSecret?: string; wabas: DiscoveredWaba[]; error?: string }) {
    const csrf = csrfToken(request, reply);
    const numbers = o.wabas.flatMap((w) => w.phoneNumbers.map((n) => ({ w, n })));
    const tz = o.wabas.find((w) => w.timezone)?.timezone ?? 'Asia/Kolkata';
    const body = html`${steps(2)}
<section class="card" style="max-width:720px">
  <h2>Choose the number customers will write to</h2>
  ${o.error ? html`<div class="flash flash-error" role="alert">${o.error}</div>` : ''}
  <form method="post" action="/admin/cinemas" autocomplete="off">
    <input type="hidden" name="_csrf" value="${csrf}">
    <input type="hidden" name="accessToken" value="${o.accessToken}">
    ${o.appSecret ? html`<input type="hidden" name="appSecret" value="${o.appSecret}">` : ''}
    <fieldset><legend>Phone number</legend>
      ${numbers.map(
        ({ w, n }, i) => html`<label class="choice"><input type="radio" name="phoneNumberId" value="${n.id}" ${i === 0 ? 'checked' : ''} required>
        <span><strong>${n.displayPhoneNumber}</strong> · ${n.verifiedName ?? 'no verified name'}<br><small class="muted">${w.name} · number id ${n.id}${n.qualityRating ? ` · quality ${n.qualityRating}` : ''}</small></span></label>`,
      )}
    </fieldset>
    <div class="field-row">
      <div class="field"><label for="name">Cinema name</label><input id="name" name="name" type="text" maxlength="100" value="${numbers[0]?.n.verifiedName ?? numbers[0]?.w.name ?? ''}"></div>
      <div class="field"><label for="timezone">Time zone</label><input id="timezone" name="timezone" type="text" value="${tz}" required></div>
      <div class="field"><label for="language">Default language</label><select id="language" name="language">${LANGS.map(([v, l]) => html`<option value="${v}">${l}</option>`)}</select></div>
    </div>
    <div class="actions"><button class="btn btn-primary" type="submit">Connect this number</button><a class="btn btn-ghost" href="/admin/cinemas/new">Use another token</a></div>
  </form>
</section>`;
    return sendPage(request, reply.code(o.error ? 400 : 200), { title: 'Onboard a cinema', active: 'cinemas', body });
  }

  app.post(
    '/admin/cinemas/discover',
    { preHandler: requireStaff(OPERATORS), schema: { body: tokenBody } },
    async (request: FastifyRequest<{ Body: z.infer<typeof tokenBody> }>, reply) => {
      const found = await discoverBusiness(deps, request.body.accessToken);
      if (!found.ok) return tokenStep(request, reply, found.message);
      return numberStep(request, reply, { accessToken: request.body.accessToken.trim(), appSecret: request.body.appSecret, wabas: found.wabas });
    },
  );

  const onboardBody = tokenBody.extend({
    phoneNumberId: z.string().max(64),
    name: optionalText,
    timezone: z.string().max(64).refine(isValidTimeZone, 'not a known time zone'),
    language: z.enum(['en', 'hi', 'ta']),
  });

  app.post(
    '/admin/cinemas',
    { preHandler: requireStaff(OPERATORS), schema: { body: onboardBody } },
    async (request: FastifyRequest<{ Body: z.infer<typeof onboardBody> }>, reply) => {
      const b = request.body;
      const res = await onboardCinema(deps, { accessToken: b.accessToken, phoneNumberId: b.phoneNumberId, name: b.name, timezone: b.timezone, language: b.language, appSecret: b.appSecret });
      if (!res.ok) {
        if (res.code === 'token_invalid' || res.code === 'missing_scopes' || res.code === 'no_waba' || res.code === 'no_phone_numbers') return tokenStep(request, reply, res.message);
        const again = await discoverBusiness(deps, b.accessToken);
        if (!again.ok) return tokenStep(request, reply, res.message);
        return numberStep(request, reply, { accessToken: b.accessToken.trim(), appSecret: b.appSecret, wabas: again.wabas, error: res.message });
      }
      await audit(deps.db, deps.clock.now(), { cinemaId: res.cinema.id, userId: staffOf(request).userId, action: 'cinema_onboarded', subject: res.cinema.phoneNumberId });
      setFlash(reply, { kind: 'ok', text: `${res.cinema.name} is connected and its webhooks are subscribed.` });
      return reply.redirect(cinemaPath(res.cinema.id, '/onboarding'), 303);
    },
  );

  app.get('/admin/c/:cinemaId/onboarding', { preHandler: requireStaff(OPERATORS), schema: { params: z.object({ cinemaId: z.string().max(64) }) } }, async (request: FastifyRequest<{ Params: { cinemaId: string } }>, reply) => {
    const cinema = await getCinema(deps.db, request.params.cinemaId);
    if (!cinema) throw notFound('cinema');
    const csrf = csrfToken(request, reply);
    const last = await latestTestMessage(deps.db, cinema.id);
    const delivered = last && ['sent', 'delivered', 'read'].includes(last.status);
    const body = html`${steps(delivered ? 4 : 3)}
<div class="grid grid-2">
<section class="card">
  <h2>Send a test message</h2>
  <p class="muted">Send Meta's <code>hello_world</code> template from <strong>${cinema.displayPhoneNumber}</strong> to your own phone to check that everything works end to end.</p>
  <form method="post" action="${cinemaPath(cinema.id, '/onboarding/test-message')}">
    <input type="hidden" name="_csrf" value="${csrf}">
    <div class="field"><label for="to">Your WhatsApp number, with country code</label><input id="to" name="to" type="tel" inputmode="tel" placeholder="+91 98765 43210" required autocomplete="off"></div>
    <div class="actions"><button class="btn btn-primary" type="submit">Send test message</button></div>
  </form>
  ${last
    ? html`<p style="margin-top:1rem" data-test-status="${last.status}">Last test message: <span class="badge badge-${last.status}">${last.status}</span> ${ago(last.createdAt, deps.clock.now())}${last.error ? html` — <span class="muted">${last.error}</span>` : ''}</p>`
    : ''}
</section>
<section class="card">
  <h2>${delivered ? 'Live' : 'Almost live'}</h2>
  <dl class="kv">
    <dt>Cinema</dt><dd>${cinema.name}</dd>
    <dt>Number</dt><dd>${cinema.displayPhoneNumber}</dd>
    <dt>Business account</dt><dd class="mono">${cinema.wabaId}</dd>
    <dt>Webhooks</dt><dd><span class="badge badge-ok">Subscribed</span></dd>
    <dt>Token</dt><dd>${tokenBadge(cinema)}</dd>
  </dl>
  <div class="actions" style="margin-top:1rem"><a class="btn btn-primary" href="${cinemaPath(cinema.id, '/catalogue')}">Set up the catalogue</a><a class="btn" href="${cinemaPath(cinema.id, '/settings')}">Settings</a></div>
</section>
</div>`;
    return sendPage(request, reply, { title: `Onboarding · ${cinema.name}`, cinema, active: 'cinemas', body, scripts: ['refresh-pending.js'] });
  });

  app.post(
    '/admin/c/:cinemaId/onboarding/test-message',
    { preHandler: requireStaff(MANAGERS), schema: { params: z.object({ cinemaId: z.string().max(64) }), body: z.object({ to: z.string().max(32), ...csrfField }) } },
    async (request: FastifyRequest<{ Params: { cinemaId: string }; Body: { to: string } }>, reply) => {
      const cinema = await getCinema(deps.db, request.params.cinemaId);
      if (!cinema) throw notFound('cinema');
      const digits = normalizePhone(request.body.to);
      if (digits.length < 8 || digits.length > 15) throw badRequest('invalid_phone', 'Enter the number with its country code, e.g. +91 98765 43210.');
      const now = deps.clock.now();
      await deps.db.transaction().execute(async (trx) => {
        await queueOutbound(trx, now, [{ cinemaId: cinema.id, toEnc: encrypt(deps.config.secretKey, digits), kind: 'test', message: TEST_MESSAGE }]);
        await audit(trx, now, { cinemaId: cinema.id, userId: staffOf(request).userId, action: 'test_message', subject: maskPhone(digits.slice(-4)) });
      });
      deps.wake();
      setFlash(reply, { kind: 'ok', text: `Test message queued to ${maskPhone(digits.slice(-4))}.` });
      return reply.redirect(cinemaPath(cinema.id, staffOf(request).role === 'operator' ? '/onboarding' : '/settings#whatsapp'), 303);
    },
  );
}
