import crypto from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import csrfProtection from '@fastify/csrf-protection';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { AppDeps } from '../app-deps.ts';
import { assetRoutes } from './assets.ts';
import { createAuthenticator, requireStaff } from './auth.ts';
import { adminErrorHandler } from './error-handler.ts';
import { registerAdminRoutes } from './routes.ts';
import { analyticsPlugin } from './analytics/index.ts';
import { exportsPlugin } from './exports/index.ts';
import { jsonSerializerCompiler, openApiTransform, zodValidatorCompiler } from './zod-schemas.ts';

export { requireStaff, scopeCinema } from './auth.ts';
export type { StaffIdentity } from './auth.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

function csrfTokenOf(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  const fromBody = body && typeof body === 'object' && typeof body._csrf === 'string' ? body._csrf : undefined;
  const header = request.headers['x-csrf-token'];
  // Multipart bodies are read inside the handler, after this check: their forms carry the token in the URL.
  const fromQuery = request.isMultipart() ? (request.query as Record<string, unknown> | undefined)?._csrf : undefined;
  return fromBody ?? (typeof header === 'string' ? header : undefined) ?? (typeof fromQuery === 'string' ? fromQuery : undefined);
}

/**
 * The staff dashboard (`/admin/...`), the admin API (`/api/v1/...`) and its OpenAPI document
 * (`/api/docs`). Everything here shares one authentication, CSRF guard and error handler.
 */
export const adminPlugin: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  // Cookie signatures use a key derived from the master key, never the key itself.
  const cookieSecret = crypto.createHmac('sha256', deps.config.secretKey).update('marquee-cookie-signing-v1').digest('base64url');
  const secure = deps.config.publicUrl.startsWith('https://');
  await app.register(cookie, { secret: cookieSecret });
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 50 } });
  await app.register(rateLimit, { global: false });
  await app.register(csrfProtection, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'marquee_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure, signed: true },
    getToken: csrfTokenOf,
  });
  app.decorate('marqueeAuth', createAuthenticator(deps));

  // Every state-changing request from a browser must carry the CSRF token. API calls with a bearer
  // token are exempt: a browser never attaches that header on its own, so they cannot be forged.
  app.addHook('preValidation', (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    if (SAFE_METHODS.has(request.method) || request.headers.authorization !== undefined) return done();
    app.csrfProtection(request, reply, done);
  });
  // Tenant isolation before anything else looks at the request: every route naming a cinema needs a
  // signed-in user or token allowed to see it, else 404 — before validation, so a wrong-cinema
  // request learns nothing from validation errors either. requireStaff repeats the check cheaply.
  const scopeGuard = requireStaff();
  app.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    const cinemaId = (request.params as Record<string, unknown> | undefined)?.cinemaId;
    if (typeof cinemaId === 'string') return scopeGuard(request, reply);
  });
  app.setErrorHandler(adminErrorHandler);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Marquee admin API', version: '1.0.0', description: 'Catalogue, bookings, customers and conversations of the cinemas your token may see. Authenticate with `Authorization: Bearer <token>`; tokens are created in the dashboard under Settings → API tokens.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: openApiTransform as never,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  await app.register(async (scoped) => {
    scoped.setValidatorCompiler(zodValidatorCompiler);
    scoped.setSerializerCompiler(jsonSerializerCompiler);
    assetRoutes(scoped);
    registerAdminRoutes(scoped, deps);
  });

  // Written by the analytics and exports owners on top of requireStaff/scopeCinema/renderPage.
  await app.register(analyticsPlugin, { deps });
  await app.register(exportsPlugin, { deps });
};
