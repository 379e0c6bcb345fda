import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { replaceToken, updateCinemaSettings, type Cinema } from '../../tenants/cinemas.ts';
import { discoverBusiness } from '../../tenants/onboard.ts';
import type { CinemaSettings } from '../../tenants/settings.ts';
import { audit } from '../audit-repo.ts';
import { MANAGERS, requireStaff } from '../auth.ts';
import { badRequest } from '../errors.ts';
import { setFlash } from '../flash.ts';
import { ago } from '../format.ts';
import { html, type SafeHtml } from '../layout.ts';
import { saveMedia } from '../media-repo.ts';
import { cinemaOf, cinemaPath, csrfToken, sendPage, staffOf } from '../page-context.ts';
import { latestTestMessage } from '../test-messages-repo.ts';
import { readImageUpload } from '../uploads.ts';
import { csrfField, formList } from '../zod-schemas.ts';

const params = z.object({ cinemaId: z.string().max(64) });
type P = { cinemaId: string };
const LANGS = [
  ['en', 'English'],
  ['hi', 'हिन्दी Hindi'],
  ['ta', 'தமிழ் Tamil'],
] as const;

export function settingsTabs(cinemaId: string, active: 'general' | 'team' | 'api-tokens'): SafeHtml {
  return html`<nav class="tabs" aria-label="Settings sections">
  <a href="${cinemaPath(cinemaId, '/settings')}" class="${active === 'general' ? 'active' : ''}">General</a>
  <a href="${cinemaPath(cinemaId, '/settings/team')}" class="${active === 'team' ? 'active' : ''}">Team</a>
  <a href="${cinemaPath(cinemaId, '/settings/api-tokens')}" class="${active === 'api-tokens' ? 'active' : ''}">API tokens</a>
</nav>`;
}

const settingsBody = z.object({
  name: z.string().max(100),
  color: z.string().max(7),
  languages: formList,
  welcome_en: z.string().max(2000).default(''),
  welcome_hi: z.string().max(2000).default(''),
  welcome_ta: z.string().max(2000).default(''),
  staffNumbers: z.string().max(2000).default(''),
  staffTemplateName: z.string().max(200).default(''),
  staffTemplateLanguage: z.string().max(20).default(''),
  holdMinutes: z.string().max(10),
  sessionTimeoutMinutes: z.string().max(10),
  cancelCutoffMinutes: z.string().max(10),
  maxTicketsPerBooking: z.string().max(10),
  handoffTimeoutMinutes: z.string().max(10).default(''),
  dailyExportAt: z.string().max(5).default(''),
  supportPhone: z.string().max(20).default(''),
  ...csrfField,
});
type SettingsBody = z.infer<typeof settingsBody>;

const int = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** The form's strings as a settings patch; cinemaSettingsSchema (inside updateCinemaSettings) judges it. */
function toPatch(b: SettingsBody, current: CinemaSettings): Partial<CinemaSettings> & { name: string } {
  const template = opt(b.staffTemplateName);
  return {
    name: b.name,
    languages: b.languages as CinemaSettings['languages'],
    welcomeText: { en: opt(b.welcome_en), hi: opt(b.welcome_hi), ta: opt(b.welcome_ta) },
    staffNumbers: b.staffNumbers.split(/[\n,]/).map((s) => s.replace(/[\s()-]/g, '')).filter(Boolean),
    staffTemplate: template ? { name: template, languageCode: opt(b.staffTemplateLanguage) ?? 'en' } : undefined,
    holdMinutes: int(b.holdMinutes),
    sessionTimeoutMinutes: int(b.sessionTimeoutMinutes),
    cancelCutoffMinutes: int(b.cancelCutoffMinutes),
    maxTicketsPerBooking: int(b.maxTicketsPerBooking),
    handoffTimeoutMinutes: b.handoffTimeoutMinutes.trim() === '' ? current.handoffTimeoutMinutes : int(b.handoffTimeoutMinutes),
    dailyExportAt: opt(b.dailyExportAt),
    supportPhone: opt(b.supportPhone),
    branding: { ...current.branding, color: b.color },
  };
}

const FIELD_LABELS: Record<string, string> = {
  languages: 'Languages offered',
  staffNumbers: 'Staff notification numbers',
  holdMinutes: 'Hold time',
  sessionTimeoutMinutes: 'Session timeout',
  cancelCutoffMinutes: 'Cancellation cut-off',
  maxTicketsPerBooking: 'Maximum tickets per booking',
  handoffTimeoutMinutes: 'Staff hand-off timeout',
  dailyExportAt: 'Daily export time',
  'branding.color': 'Brand colour',
  name: 'Display name',
};

function humanProblem(p: string): string {
  const [path, ...rest] = p.split(': ');
  const key = Object.keys(FIELD_LABELS).find((k) => path === k || path?.startsWith(`${k}.`));
  return key ? `${FIELD_LABELS[key]}: ${rest.join(': ')}` : p;
}

export function settingsRoutes(app: FastifyInstance, deps: AppDeps): void {
  async function render(request: FastifyRequest<{ Params: P }>, reply: FastifyReply, o: { cinema?: Cinema; problems?: string[]; values?: SettingsBody } = {}) {
    const cinema = o.cinema ?? (await cinemaOf(deps, request));
    const s = cinema.settings;
    const v = o.values;
    const csrf = csrfToken(request, reply);
    const base = cinemaPath(cinema.id, '/settings');
    const test = await latestTestMessage(deps.db, cinema.id);
    const langs = v ? v.languages : s.languages;
    const numField = (name: keyof SettingsBody & keyof CinemaSettings, label: string, hint: string, min: number, max: number) =>
      html`<div class="field"><label for="${name}">${label}</label><input id="${name}" name="${name}" type="number" min="${min}" max="${max}" required value="${v ? (v[name] as string) : String(s[name])}"><small class="muted">${hint}</small></div>`;
    const body = html`${settingsTabs(cinema.id, 'general')}
${o.problems?.length ? html`<div class="flash flash-error" role="alert"><strong>The settings were not saved.</strong><ul class="problems">${o.problems.map((p) => html`<li>${humanProblem(p)}</li>`)}</ul></div>` : ''}
<div class="with-aside">
<form method="post" action="${base}" class="stack">
  <input type="hidden" name="_csrf" value="${csrf}">
  <section class="card"><h2>Brand</h2>
    <div class="field-row">
      <div class="field"><label for="name">Display name</label><input id="name" name="name" type="text" maxlength="100" required value="${v?.name ?? cinema.name}"></div>
      <div class="field"><label for="color">Brand colour</label><input id="color" name="color" type="color" value="${v?.color ?? s.branding.color}"><small class="muted">Used across this dashboard.</small></div>
    </div>
  </section>
  <section class="card"><h2>Languages and welcome text</h2>
    <fieldset><legend>Languages offered to customers</legend><div class="checks">${LANGS.map(([code, label]) => html`<label><input type="checkbox" name="languages" value="${code}" ${langs.includes(code) ? 'checked' : ''}> ${label}</label>`)}</div></fieldset>
    ${LANGS.map(([code, label]) => html`<div class="field"><label for="welcome_${code}">Welcome text · ${label}</label><textarea id="welcome_${code}" name="welcome_${code}" maxlength="1024" placeholder="Leave empty for the standard greeting" lang="${code}">${v ? v[`welcome_${code}` as 'welcome_en'] : (s.welcomeText[code] ?? '')}</textarea></div>`)}
  </section>
  <section class="card"><h2>Staff notifications</h2>
    <div class="field"><label for="staffNumbers">WhatsApp numbers notified of bookings, cancellations and hand-offs</label><textarea id="staffNumbers" name="staffNumbers" placeholder="+919876543210, one per line">${v?.staffNumbers ?? s.staffNumbers.join('\n')}</textarea></div>
    <div class="field-row">
      <div class="field"><label for="staffTemplateName">Template for notices outside the 24-hour window</label><input id="staffTemplateName" name="staffTemplateName" type="text" value="${v?.staffTemplateName ?? s.staffTemplate?.name ?? ''}" placeholder="staff_notice"><small class="muted">An approved template whose body parameter {{1}} is the notice.</small></div>
      <div class="field"><label for="staffTemplateLanguage">Template language code</label><input id="staffTemplateLanguage" name="staffTemplateLanguage" type="text" value="${v?.staffTemplateLanguage ?? s.staffTemplate?.languageCode ?? 'en'}"></div>
    </div>
  </section>
  <section class="card"><h2>Booking rules</h2>
    <div class="field-row">
      ${numField('holdMinutes', 'Hold time (minutes)', 'How long chosen seats are kept while the customer pays.', 2, 60)}
      ${numField('sessionTimeoutMinutes', 'Session timeout (minutes)', 'An idle conversation starts over after this.', 5, 1440)}
      ${numField('cancelCutoffMinutes', 'Cancellation cut-off (minutes)', 'Customers may cancel until this long before the show.', 0, 10080)}
      ${numField('maxTicketsPerBooking', 'Maximum tickets per booking', '1 to 20.', 1, 20)}
      ${numField('handoffTimeoutMinutes', 'Staff hand-off timeout (minutes)', 'The bot takes over again after this.', 5, 10080)}
      <div class="field"><label for="dailyExportAt">Daily export time</label><input id="dailyExportAt" name="dailyExportAt" type="time" value="${v?.dailyExportAt ?? s.dailyExportAt ?? ''}"><small class="muted">Local time; empty for no scheduled export.</small></div>
      <div class="field"><label for="supportPhone">Support phone shown to customers</label><input id="supportPhone" name="supportPhone" type="tel" value="${v?.supportPhone ?? s.supportPhone ?? ''}"></div>
    </div>
  </section>
  <div class="actions"><button class="btn btn-primary btn-lg" type="submit">Save settings</button></div>
</form>
<aside class="stack">
  <section class="card"><h2>Logo</h2>
    ${s.branding.logoUrl ? html`<img src="${s.branding.logoUrl}" alt="Current logo" style="max-width:160px;max-height:80px;display:block;margin-bottom:.75rem">` : html`<p class="muted">No logo yet.</p>`}
    <form method="post" action="${base}/logo?_csrf=${encodeURIComponent(csrf)}" enctype="multipart/form-data">
      <div class="field"><label for="logo">PNG or JPEG, up to 5 MB</label><input id="logo" name="logo" type="file" accept="image/png,image/jpeg" required></div>
      <button class="btn" type="submit">Upload logo</button>
    </form>
  </section>
  <section class="card" id="token"><h2 id="whatsapp">WhatsApp connection</h2>
    <dl class="kv"><dt>Number</dt><dd>${cinema.displayPhoneNumber}</dd><dt>Token</dt><dd>${cinema.tokenStatus === 'valid' ? html`<span class="badge badge-valid">Valid</span>` : html`<span class="badge badge-invalid">Invalid</span>`}</dd>
    ${cinema.tokenError ? html`<dt>Problem</dt><dd>${cinema.tokenError}</dd>` : ''}
    ${test ? html`<dt>Test message</dt><dd><span class="badge badge-${test.status}">${test.status}</span> ${ago(test.createdAt, deps.clock.now())}</dd>` : ''}</dl>
    <form method="post" action="${base}/token" autocomplete="off" style="margin-top:1rem">
      <input type="hidden" name="_csrf" value="${csrf}">
      <div class="field"><label for="accessToken">${cinema.tokenStatus === 'valid' ? 'Replace the access token' : 'New access token'}</label><input id="accessToken" name="accessToken" type="password" required spellcheck="false"></div>
      <button class="btn ${cinema.tokenStatus === 'invalid' ? 'btn-primary' : ''}" type="submit">Check and replace</button>
    </form>
    <form method="post" action="${cinemaPath(cinema.id, '/onboarding/test-message')}" style="margin-top:1rem">
      <input type="hidden" name="_csrf" value="${csrf}">
      <div class="field"><label for="to">Send a test message to</label><input id="to" name="to" type="tel" placeholder="+91 98765 43210" required></div>
      <button class="btn" type="submit">Send test</button>
    </form>
  </section>
</aside>
</div>`;
    return sendPage(request, reply.code(o.problems?.length ? 400 : 200), { title: 'Settings', cinema, active: 'settings', body });
  }

  app.get('/admin/c/:cinemaId/settings', { preHandler: requireStaff(MANAGERS), schema: { params } }, (request: FastifyRequest<{ Params: P }>, reply) => render(request, reply));

  app.post(
    '/admin/c/:cinemaId/settings',
    { preHandler: requireStaff(MANAGERS), schema: { params, body: settingsBody } },
    async (request: FastifyRequest<{ Params: P; Body: SettingsBody }>, reply) => {
      const cinema = await cinemaOf(deps, request);
      const res = await updateCinemaSettings(deps.db, deps.clock.now(), cinema.id, toPatch(request.body, cinema.settings));
      if (!res.ok) return render(request, reply, { cinema, problems: res.problems, values: request.body });
      await audit(deps.db, deps.clock.now(), { cinemaId: cinema.id, userId: staffOf(request).userId, action: 'settings_changed' });
      setFlash(reply, { kind: 'ok', text: 'Settings saved.' });
      return reply.redirect(cinemaPath(cinema.id, '/settings'), 303);
    },
  );

  app.post('/admin/c/:cinemaId/settings/logo', { preHandler: requireStaff(MANAGERS), schema: { params } }, async (request: FastifyRequest<{ Params: P }>, reply) => {
    const cinema = await cinemaOf(deps, request);
    const upload = await readImageUpload(request);
    if (!upload.image) throw badRequest('no_file', 'Choose an image to upload.');
    const now = deps.clock.now();
    const url = await saveMedia(deps.db, now, { cinemaId: cinema.id, kind: 'logo', mimeType: upload.image.mimeType, data: upload.image.data });
    const res = await updateCinemaSettings(deps.db, now, cinema.id, { branding: { ...cinema.settings.branding, logoUrl: url } });
    if (!res.ok) throw badRequest('invalid_settings', 'The logo could not be saved.', res.problems);
    setFlash(reply, { kind: 'ok', text: 'Logo updated.' });
    return reply.redirect(cinemaPath(cinema.id, '/settings'), 303);
  });

  app.post(
    '/admin/c/:cinemaId/settings/token',
    { preHandler: requireStaff(MANAGERS), schema: { params, body: z.object({ accessToken: z.string().max(4096), ...csrfField }) } },
    async (request: FastifyRequest<{ Params: P; Body: { accessToken: string } }>, reply) => {
      const cinema = await cinemaOf(deps, request);
      const token = request.body.accessToken.trim();
      const found = await discoverBusiness(deps, token);
      const reaches = found.ok && found.wabas.some((w) => w.phoneNumbers.some((n) => n.id === cinema.phoneNumberId));
      if (!found.ok || !reaches) {
        setFlash(reply, { kind: 'error', text: found.ok ? `That token works but does not reach ${cinema.displayPhoneNumber}. Use a token of the same WhatsApp Business account.` : `The token was not accepted: ${found.message}` });
        return reply.redirect(cinemaPath(cinema.id, '/settings#token'), 303);
      }
      const now = deps.clock.now();
      await replaceToken(deps.db, deps.config.secretKey, now, cinema.id, token);
      await audit(deps.db, now, { cinemaId: cinema.id, userId: staffOf(request).userId, action: 'token_replaced' });
      deps.wake();
      setFlash(reply, { kind: 'ok', text: 'The new token works. Sending has resumed.' });
      return reply.redirect(cinemaPath(cinema.id, '/settings#token'), 303);
    },
  );
}
