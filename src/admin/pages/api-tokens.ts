import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { getCinema, listCinemas } from '../../tenants/cinemas.ts';
import { createApiToken, listApiTokens, revokeApiToken, type ApiToken } from '../api-tokens-repo.ts';
import { audit } from '../audit-repo.ts';
import { MANAGERS, OPERATORS, requireStaff } from '../auth.ts';
import { badRequest, notFound } from '../errors.ts';
import { setFlash } from '../flash.ts';
import { ago } from '../format.ts';
import { html, type SafeHtml } from '../layout.ts';
import { cinemaOf, cinemaPath, csrfToken, sendPage, staffOf } from '../page-context.ts';
import { csrfField } from '../zod-schemas.ts';
import { settingsTabs } from './settings.ts';

const params = z.object({ cinemaId: z.string().max(64) });
const tokenParams = params.extend({ tokenId: z.string().max(64) });
const createBody = z.object({ name: z.string().trim().min(1, 'give the token a name').max(80), scope: z.string().max(64).optional(), ...csrfField });

function tokenTable(tokens: (ApiToken & { createdByEmail: string | null })[], now: number, revokeUrl: (id: string) => string, csrf: string, cinemaNames?: Map<string, string>): SafeHtml {
  if (!tokens.length) return html`<p class="empty">No API tokens yet.</p>`;
  return html`<div class="table-wrap"><table><thead><tr><th>Name</th><th>Token</th>${cinemaNames ? html`<th>Scope</th>` : ''}<th>Created</th><th>Last used</th><th></th></tr></thead><tbody>
${tokens.map(
  (t) => html`<tr><td><strong>${t.name}</strong><br><small class="muted">by ${t.createdByEmail ?? 'unknown'}</small></td><td class="mono">${t.prefix}…</td>
  ${cinemaNames ? html`<td>${t.cinemaId ? (cinemaNames.get(t.cinemaId) ?? t.cinemaId) : html`<span class="badge badge-brand">All cinemas</span>`}</td>` : ''}
  <td>${ago(t.createdAt, now)}</td><td>${ago(t.lastUsedAt, now)}</td>
  <td>${t.revokedAt ? html`<span class="badge badge-cancelled">Revoked</span>` : html`<form method="post" action="${revokeUrl(t.id)}" data-confirm="Revoke the token “${t.name}”? Programs using it stop working at once."><input type="hidden" name="_csrf" value="${csrf}"><button class="btn btn-danger btn-sm" type="submit">Revoke</button></form>`}</td></tr>`,
)}</tbody></table></div>`;
}

function shownOnce(token: string): SafeHtml {
  return html`<section class="card" aria-live="polite"><h2>Copy your new token now</h2><p>It is shown only this once; Marquee keeps only a hash of it.</p>
<div class="secret-box" id="new-token" data-new-token>${token}</div>
<div class="actions"><button class="btn" type="button" data-copy="new-token">Copy</button></div>
<p class="muted" style="margin-top:.75rem">Use it as <code>Authorization: Bearer &lt;token&gt;</code>. The API is described at <a href="/api/docs">/api/docs</a>.</p></section>`;
}

export function apiTokenRoutes(app: FastifyInstance, deps: AppDeps): void {
  async function cinemaPage(request: FastifyRequest<{ Params: { cinemaId: string } }>, reply: FastifyReply, created?: string) {
    const cinema = await cinemaOf(deps, request);
    const csrf = csrfToken(request, reply);
    const tokens = await listApiTokens(deps.db, cinema.id);
    const base = cinemaPath(cinema.id, '/settings/api-tokens');
    const body = html`${settingsTabs(cinema.id, 'api-tokens')}
${created ? shownOnce(created) : ''}
<section class="card"><header><h2>API tokens</h2></header>
<p class="muted">Tokens let your own systems use the <a href="/api/docs">admin API</a> for ${cinema.name}: catalogue, shows, bookings and check-in.</p>
<form method="post" action="${base}" class="row" style="margin-bottom:1rem"><input type="hidden" name="_csrf" value="${csrf}">
  <input name="name" type="text" required maxlength="80" placeholder="e.g. Box-office kiosk" aria-label="Token name" style="max-width:320px"><button class="btn btn-primary" type="submit">Create token</button></form>
${tokenTable(tokens, deps.clock.now(), (id) => `${base}/${encodeURIComponent(id)}/revoke`, csrf)}
</section>`;
    return sendPage(request, reply, { title: 'Settings', cinema, active: 'settings', body });
  }

  app.get('/admin/c/:cinemaId/settings/api-tokens', { preHandler: requireStaff(MANAGERS), schema: { params } }, (request: FastifyRequest<{ Params: { cinemaId: string } }>, reply) => cinemaPage(request, reply));

  app.post(
    '/admin/c/:cinemaId/settings/api-tokens',
    { preHandler: requireStaff(MANAGERS), schema: { params, body: createBody } },
    async (request: FastifyRequest<{ Params: { cinemaId: string }; Body: z.infer<typeof createBody> }>, reply) => {
      const cinema = await cinemaOf(deps, request);
      const staff = staffOf(request);
      if (staff.via === 'token') throw badRequest('sign_in_required', 'API tokens are created in the dashboard.');
      const now = deps.clock.now();
      const { token, apiToken } = await createApiToken(deps.db, now, { name: request.body.name, cinemaId: cinema.id, createdBy: staff.userId });
      await audit(deps.db, now, { cinemaId: cinema.id, userId: staff.userId, action: 'api_token_created', subject: apiToken.id });
      return cinemaPage(request, reply, token);
    },
  );

  app.post(
    '/admin/c/:cinemaId/settings/api-tokens/:tokenId/revoke',
    { preHandler: requireStaff(MANAGERS), schema: { params: tokenParams, body: z.object(csrfField) } },
    async (request: FastifyRequest<{ Params: { cinemaId: string; tokenId: string } }>, reply) => {
      const { cinemaId, tokenId } = request.params;
      if (!(await revokeApiToken(deps.db, deps.clock.now(), tokenId, cinemaId))) throw notFound('token');
      await audit(deps.db, deps.clock.now(), { cinemaId, userId: staffOf(request).userId, action: 'api_token_revoked', subject: tokenId });
      setFlash(reply, { kind: 'ok', text: 'Token revoked.' });
      return reply.redirect(cinemaPath(cinemaId, '/settings/api-tokens'), 303);
    },
  );

  // Operators: tokens for one cinema or for every cinema.
  async function operatorPage(request: FastifyRequest, reply: FastifyReply, created?: string) {
    const csrf = csrfToken(request, reply);
    const cinemas = await listCinemas(deps.db);
    const names = new Map(cinemas.map((c) => [c.id, c.name]));
    const tokens = await listApiTokens(deps.db);
    const body = html`${created ? shownOnce(created) : ''}
<section class="card"><header><h2>API tokens</h2></header>
<form method="post" action="/admin/api-tokens" class="filters" style="margin-bottom:1rem"><input type="hidden" name="_csrf" value="${csrf}">
  <div class="field"><label for="name">Name</label><input id="name" name="name" type="text" required maxlength="80"></div>
  <div class="field"><label for="scope">Scope</label><select id="scope" name="scope"><option value="">All cinemas</option>${cinemas.map((c) => html`<option value="${c.id}">${c.name}</option>`)}</select></div>
  <div class="field"><button class="btn btn-primary" type="submit">Create token</button></div>
</form>
${tokenTable(tokens, deps.clock.now(), (id) => `/admin/api-tokens/${encodeURIComponent(id)}/revoke`, csrf, names)}
</section>`;
    return sendPage(request, reply, { title: 'API tokens', active: 'cinemas', body });
  }

  app.get('/admin/api-tokens', { preHandler: requireStaff(OPERATORS) }, (request, reply) => operatorPage(request, reply));

  app.post('/admin/api-tokens', { preHandler: requireStaff(OPERATORS), schema: { body: createBody } }, async (request: FastifyRequest<{ Body: z.infer<typeof createBody> }>, reply) => {
    const staff = staffOf(request);
    if (staff.via === 'token') throw badRequest('sign_in_required', 'API tokens are created in the dashboard.');
    const scope = request.body.scope || null;
    if (scope && !(await getCinema(deps.db, scope))) throw notFound('cinema');
    const now = deps.clock.now();
    const { token, apiToken } = await createApiToken(deps.db, now, { name: request.body.name, cinemaId: scope, createdBy: staff.userId });
    await audit(deps.db, now, { cinemaId: scope, userId: staff.userId, action: 'api_token_created', subject: apiToken.id });
    return operatorPage(request, reply, token);
  });

  app.post(
    '/admin/api-tokens/:tokenId/revoke',
    { preHandler: requireStaff(OPERATORS), schema: { params: z.object({ tokenId: z.string().max(64) }), body: z.object(csrfField) } },
    async (request: FastifyRequest<{ Params: { tokenId: string } }>, reply) => {
      if (!(await revokeApiToken(deps.db, deps.clock.now(), request.params.tokenId))) throw notFound('token');
      await audit(deps.db, deps.clock.now(), { cinemaId: null, userId: staffOf(request).userId, action: 'api_token_revoked', subject: request.params.tokenId });
      setFlash(reply, { kind: 'ok', text: 'Token revoked.' });
      return reply.redirect('/admin/api-tokens', 303);
    },
  );
}
