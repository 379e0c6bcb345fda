import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { resolveApiToken } from './api-tokens-repo.ts';
import { forbidden, HttpError, notFound } from './errors.ts';
import { resolveSession } from './sessions-repo.ts';
import type { Role } from './users-repo.ts';

/** Who is asking: a signed-in staff user, or an API token acting with its scope. */
export interface StaffIdentity {
  userId: string;
  email: string;
  role: Role;
  /** The one cinema this identity may see; null only for operators (every cinema). */
  cinemaId: string | null;
  via?: 'session' | 'token';
}

export interface StaffAuthenticator {
  identify(request: FastifyRequest): Promise<StaffIdentity | null>;
}

declare module 'fastify' {
  interface FastifyRequest {
    staff?: StaffIdentity;
    /** The hash of the session cookie, when signed in through the dashboard. */
    staffSessionId?: string;
  }
  interface FastifyInstance {
    marqueeAuth: StaffAuthenticator;
  }
}

export const SESSION_COOKIE = 'marquee_session';

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

/** Identifies the caller from `Authorization: Bearer` (API tokens) or the session cookie (dashboard). */
export function createAuthenticator(deps: Pick<AppDeps, 'db' | 'clock'>): StaffAuthenticator {
  return {
    async identify(request) {
      const auth = request.headers.authorization;
      if (auth !== undefined) {
        const m = /^Bearer\s+(\S+)$/i.exec(auth);
        const t = m ? await resolveApiToken(deps.db, deps.clock.now(), m[1]!) : undefined;
        if (!t) return null;
        // A token acts as a manager of its cinema, or as the operator when it spans every cinema.
        return { userId: `token:${t.id}`, email: `API token "${t.name}"`, role: t.cinemaId ? 'manager' : 'operator', cinemaId: t.cinemaId, via: 'token' };
      }
      const cookie = request.cookies?.[SESSION_COOKIE];
      if (!cookie) return null;
      const s = await resolveSession(deps.db, deps.clock.now(), cookie);
      if (!s) return null;
      request.staffSessionId = s.sessionId;
      return { userId: s.userId, email: s.email, role: s.role, cinemaId: s.role === 'operator' ? null : s.cinemaId, via: 'session' };
    },
  };
}

/**
 * Throws 404 unless the caller may see `cinemaId`: operators see every cinema, everyone else only
 * their own. A 404 rather than 403, so nobody learns which cinema ids exist.
 */
export function scopeCinema(request: FastifyRequest, cinemaIdFromUrl: string): string {
  const staff = request.staff;
  if (!staff) throw new HttpError(401, 'unauthorized', 'Sign in first.');
  if (staff.role !== 'operator' && staff.cinemaId !== cinemaIdFromUrl) throw notFound();
  return cinemaIdFromUrl;
}

/**
 * preHandler: the caller must be signed in (or send an API token) and hold one of `roles`.
 * Sets `request.staff`. A `:cinemaId` in the route is checked with scopeCinema before the role,
 * so a user of another cinema always sees 404.
 */
export function requireStaff(roles?: readonly Role[]) {
  return async function requireStaffHandler(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> {
    const staff = request.staff ?? (await request.server.marqueeAuth.identify(request));
    if (!staff) {
      if (isApiRequest(request)) throw new HttpError(401, 'unauthorized', 'Send a valid API token as `Authorization: Bearer <token>`.');
      const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
      // Returning the reply ends the request here (Fastify's rule for async hooks that respond).
      return reply.redirect(`/admin/login${next}`);
    }
    request.staff = staff;
    const cinemaId = (request.params as Record<string, unknown> | undefined)?.cinemaId;
    if (typeof cinemaId === 'string') scopeCinema(request, cinemaId);
    if (roles && !roles.includes(staff.role)) throw forbidden();
  };
}

export const MANAGERS: readonly Role[] = ['operator', 'manager'];
export const OPERATORS: readonly Role[] = ['operator'];
