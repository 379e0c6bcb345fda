import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { requireStaff, SESSION_COOKIE } from '../auth.ts';
import { html, renderBarePage } from '../layout.ts';
import { lockState, recordAttempt } from '../login-throttle.ts';
import { csrfToken } from '../page-context.ts';
import { checkPassword } from '../passwords.ts';
import { createSession, deleteSession, SESSION_MAX_MS } from '../sessions-repo.ts';
import { findUserForLogin, normalizeEmail } from '../users-repo.ts';
import { csrfField } from '../zod-schemas.ts';

/** Only our own dashboard paths: an open redirect would let a phishing link bounce through the login. */
function safeNext(next: string | undefined): string {
  return next && /^\/admin(\/|$|\?)/.test(next) && !next.startsWith('//') ? next : '/admin';
}

function loginPage(csrf: string, o: { email?: string; next?: string; error?: string } = {}): string {
  return renderBarePage(
    'Sign in',
    html`<form class="login-card" method="post" action="/admin/login" novalidate>
  <span class="brand-mark" aria-hidden="true">M</span>
  <h1>Sign in to Marquee</h1>
  <p class="muted">The box office for your WhatsApp bookings.</p>
  ${o.error ? html`<div class="flash flash-error" role="alert" id="login-error">${o.error}</div>` : ''}
  <input type="hidden" name="_csrf" value="${csrf}">
  <input type="hidden" name="next" value="${o.next ?? ''}">
  <div class="field"><label for="email">E-mail</label><input id="email" name="email" type="email" autocomplete="username" required value="${o.email ?? ''}" ${o.error ? html`aria-describedby="login-error"` : ''} autofocus></div>
  <div class="field"><label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required></div>
  <button class="btn btn-primary btn-lg" type="submit">Sign in</button>
</form>`,
  );
}

export function sessionCookieOptions(deps: Pick<AppDeps, 'config'>) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: deps.config.publicUrl.startsWith('https://'), maxAge: SESSION_MAX_MS / 1000 };
}

export function loginRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/admin/login', { schema: { querystring: z.object({ next: z.string().max(2000).optional() }) } }, async (request: FastifyRequest<{ Querystring: { next?: string } }>, reply) => {
    const who = await app.marqueeAuth.identify(request);
    if (who) return reply.redirect(safeNext(request.query.next));
    return reply.type('text/html; charset=utf-8').send(loginPage(csrfToken(request, reply), { next: request.query.next }));
  });

  app.post(
    '/admin/login',
    {
      // In-process burst limit; the lock-out below is the shared, durable one.
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { body: z.object({ email: z.string().max(254), password: z.string().max(1024), next: z.string().max(2000).optional(), ...csrfField }) },
    },
    async (request: FastifyRequest<{ Body: { email: string; password: string; next?: string } }>, reply: FastifyReply) => {
      const { password, next } = request.body;
      const email = normalizeEmail(request.body.email);
      const now = deps.clock.now();
      const ip = request.ip;
      const again = (status: number, error: string) =>
        reply.code(status).type('text/html; charset=utf-8').send(loginPage(csrfToken(request, reply), { email, next, error }));

      const lock = await lockState(deps.db, now, email, ip);
      if (lock.locked) {
        const minutes = Math.max(1, Math.ceil(lock.retryAfterMs / 60_000));
        reply.header('retry-after', String(Math.ceil(lock.retryAfterMs / 1000)));
        return again(429, `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
      }
      const user = await findUserForLogin(deps.db, email);
      const ok = await checkPassword(user && !user.disabled ? user.passwordHash : null, password);
      await recordAttempt(deps.db, now, email, ip, ok);
      if (!ok || !user) return again(401, 'That e-mail and password do not match an active account.');

      // A fresh session id on every sign-in, so a cookie planted before sign-in is worthless.
      const old = request.cookies[SESSION_COOKIE];
      if (old) await deleteSession(deps.db, old);
      const token = await createSession(deps.db, now, user.id);
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(deps));
      return reply.redirect(safeNext(next), 303);
    },
  );

  app.post('/admin/logout', { schema: { body: z.object(csrfField).optional() } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await deleteSession(deps.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/admin/login', 303);
  });

  app.get('/admin', { preHandler: requireStaff() }, async (request, reply) => {
    const staff = request.staff!;
    if (staff.role === 'operator') return reply.redirect('/admin/cinemas');
    if (!staff.cinemaId) return reply.code(403).type('text/html; charset=utf-8').send(renderBarePage('No cinema', html`<div class="login-card"><h1>No cinema assigned</h1><p>Your account is not linked to a cinema yet. Ask the operator to assign one.</p></div>`));
    return reply.redirect(`/admin/c/${encodeURIComponent(staff.cinemaId)}`);
  });
}
