import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError, type CinemaErrorCode } from '../cinema/index.ts';
import { isApiRequest } from './auth.ts';
import { HttpError } from './errors.ts';
import { html, renderBarePage } from './layout.ts';

interface Shown {
  status: number;
  code: string;
  message: string;
  problems?: string[];
}

const DOMAIN_STATUS: Partial<Record<CinemaErrorCode, number>> = {
  invalid_input: 400,
  import_invalid: 400,
  location_not_found: 404,
  screen_not_found: 404,
  movie_not_found: 404,
  show_not_found: 404,
  event_not_found: 404,
  category_not_found: 404,
  seat_not_found: 404,
  booking_not_found: 404,
};

const DOMAIN_MESSAGE: Partial<Record<CinemaErrorCode, string>> = {
  already_exists: 'Something with that code or name already exists.',
  show_overlap: 'Another show is on that screen at that time.',
  show_has_bookings: 'The show has bookings; cancel them first.',
  cancel_too_late: 'It is too late to cancel this booking.',
  booking_cancelled: 'The booking is already cancelled.',
  capacity_below_taken: 'The capacity is below the tickets already sold.',
};

function problemsOf(details: Record<string, unknown> | undefined): string[] | undefined {
  const p = details?.problems ?? details?.errors ?? details?.fields;
  if (Array.isArray(p)) return p.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
  return undefined;
}

/** Maps any error to what the client may see. Unknown errors become an opaque 500. */
function classify(err: unknown): Shown {
  if (err instanceof HttpError) return { status: err.statusCode, code: err.code, message: err.message, problems: err.problems.length ? err.problems : undefined };
  if (isDomainError(err)) {
    const status = DOMAIN_STATUS[err.code] ?? 409;
    const notFound = status === 404;
    return {
      status,
      code: err.code,
      message: notFound ? 'That record does not exist or is not yours to see.' : (DOMAIN_MESSAGE[err.code] ?? err.message),
      problems: problemsOf(err.details),
    };
  }
  const e = err as FastifyError & { validation?: unknown };
  if (e.validation || e.code === 'FST_ERR_VALIDATION') return { status: 400, code: 'invalid_request', message: e.message };
  if (e.code === 'FST_CSRF_INVALID_TOKEN' || e.code === 'FST_CSRF_MISSING_SECRET') {
    return { status: 403, code: 'csrf_invalid', message: 'This form has expired or did not come from the dashboard. Reload the page and try again.' };
  }
  if (e.statusCode === 429) return { status: 429, code: 'rate_limited', message: 'Too many requests. Wait a moment and try again.' };
  if (e.statusCode === 413 || e.code === 'FST_REQ_FILE_TOO_LARGE') return { status: 413, code: 'too_large', message: 'The upload is too large.' };
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return { status: e.statusCode, code: 'bad_request', message: e.message };
  return { status: 500, code: 'internal_error', message: 'Something went wrong on our side. It has been logged; please try again.' };
}

/** The dashboard's and admin API's one error handler: JSON for /api, a page for the dashboard. */
export function adminErrorHandler(err: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const shown = classify(err);
  if (shown.status >= 500) request.log.error({ err, url: request.url.split('?')[0] }, 'admin request failed');
  reply.code(shown.status);
  if (isApiRequest(request)) {
    return reply.send({ error: { code: shown.code, message: shown.message, ...(shown.problems ? { problems: shown.problems } : {}) } });
  }
  const titles: Record<number, string> = { 400: 'Please check the form', 403: 'Not allowed', 404: 'Not found', 409: 'Cannot do that', 429: 'Slow down' };
  const title = titles[shown.status] ?? (shown.status >= 500 ? 'Something went wrong' : 'Request refused');
  return reply.type('text/html; charset=utf-8').send(
    renderBarePage(
      title,
      html`<div class="login-card" data-error-code="${shown.code}">
  <span class="brand-mark" aria-hidden="true">!</span>
  <h1>${title}</h1>
  <p>${shown.message}</p>
  ${shown.problems ? html`<ul class="problems">${shown.problems.map((p) => html`<li>${p}</li>`)}</ul>` : ''}
  <div class="actions"><a class="btn btn-primary" href="/admin">Back to the dashboard</a></div>
</div>`,
    ),
  );
}
