import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { getCinema, type Cinema } from '../tenants/cinemas.ts';
import type { StaffIdentity } from './auth.ts';
import { notFound } from './errors.ts';
import { takeFlash } from './flash.ts';
import { renderPage, type NavKey, type SafeHtml } from './layout.ts';

/** The signed-in caller; requireStaff has run, so it is always there. */
export function staffOf(request: FastifyRequest): StaffIdentity {
  if (!request.staff) throw new Error('requireStaff must run before this handler');
  return request.staff;
}

/** The cinema named in the URL, already scoped by requireStaff; 404 when it does not exist. */
export async function cinemaOf(deps: Pick<AppDeps, 'db'>, request: FastifyRequest): Promise<Cinema> {
  const id = (request.params as { cinemaId?: string }).cinemaId;
  const cinema = id ? await getCinema(deps.db, id) : undefined;
  if (!cinema) throw notFound('cinema');
  return cinema;
}

const tokens = new WeakMap<FastifyRequest, string>();

/**
 * The CSRF token for forms on this response. Generated once per request: a second generateCsrf()
 * before the secret cookie exists would mint a new secret and invalidate the first token.
 */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  let t = tokens.get(request);
  if (!t) {
    t = reply.generateCsrf();
    tokens.set(request, t);
  }
  return t;
}

/** Renders a dashboard page with the CSRF token and any flash notice. */
export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  o: { title: string; cinema?: Cinema | null; active: NavKey; body: SafeHtml; scripts?: string[] },
): FastifyReply {
  const page = renderPage({
    ...o,
    staff: staffOf(request),
    csrfToken: csrfToken(request, reply),
    flash: takeFlash(request, reply),
  });
  return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
}

export function cinemaPath(cinemaId: string, rest = ''): string {
  return `/admin/c/${encodeURIComponent(cinemaId)}${rest}`;
}
