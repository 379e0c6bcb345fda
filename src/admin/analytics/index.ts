import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { MANAGERS, OPERATORS, requireStaff } from '../auth.ts';
import { badRequest } from '../errors.ts';
import { cinemaOf, cinemaPath, sendPage } from '../page-context.ts';
import { listCinemaRefs } from './analytics-repository.ts';
import { renderCinemaAnalytics, renderOperatorAnalytics } from './analytics-page.ts';
import { parseDateRange, type DateRange } from './date-range.ts';
import { loadCinemaAnalytics, loadOperatorAnalytics } from './load-analytics.ts';
import { localTime } from './local-time.ts';

export { recordFunnelEvents, type FunnelEvent } from './funnel-events.ts';

interface CinemaRoute {
  Params: { cinemaId: string };
  Querystring: { from?: string; to?: string };
}
interface OperatorRoute {
  Querystring: { from?: string; to?: string };
}

function rangeOf(request: FastifyRequest, today: string): DateRange {
  const parsed = parseDateRange((request.query ?? {}) as Record<string, unknown>, today);
  if (!parsed.ok) throw badRequest('invalid_range', 'The period is not valid.', parsed.problems);
  return parsed.range;
}

/**
 * Analytics for managers (their cinema) and the operator (every cinema): a dashboard page with
 * inline charts and the same numbers as JSON for the admin API. Test customers and bookings are
 * left out everywhere.
 */
export const analyticsPlugin: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const forCinema = async (request: FastifyRequest) => {
    const cinema = await cinemaOf(deps, request);
    const today = localTime(cinema.timezone).date(deps.clock.now());
    const range = rangeOf(request, today);
    const ref = { id: cinema.id, name: cinema.name, timezone: cinema.timezone };
    return { cinema, today, analytics: await loadCinemaAnalytics(deps.db, ref, range) };
  };

  const forOperator = async (request: FastifyRequest) => {
    const cinemas = await listCinemaRefs(deps.db);
    // "Today" is the latest local date any cinema has reached, so the default period includes everyone's today.
    const now = deps.clock.now();
    const today = cinemas.reduce((d, c) => {
      const local = localTime(c.timezone).date(now);
      return local > d ? local : d;
    }, localTime('UTC').date(now));
    const range = rangeOf(request, today);
    return { today, analytics: await loadOperatorAnalytics(deps.db, cinemas, range) };
  };

  app.get<CinemaRoute>('/admin/c/:cinemaId/analytics', { preHandler: requireStaff(MANAGERS) }, async (request, reply) => {
    const { cinema, today, analytics } = await forCinema(request);
    const body = renderCinemaAnalytics(analytics, { basePath: cinemaPath(cinema.id), today });
    return sendPage(request, reply, { title: 'Analytics', cinema, active: 'analytics', body });
  });

  app.get<CinemaRoute>(
    '/api/v1/cinemas/:cinemaId/analytics',
    { preHandler: requireStaff(MANAGERS), schema: { tags: ['analytics'], summary: "A cinema's analytics for a period (from/to are local dates, YYYY-MM-DD)" } },
    async (request, reply) => {
      const { analytics } = await forCinema(request);
      return reply.header('cache-control', 'no-store').send(analytics);
    },
  );

  app.get<OperatorRoute>('/admin/analytics', { preHandler: requireStaff(OPERATORS) }, async (request, reply) => {
    const { today, analytics } = await forOperator(request);
    return sendPage(request, reply, { title: 'Analytics — all cinemas', active: 'analytics', body: renderOperatorAnalytics(analytics, { today }) });
  });

  app.get<OperatorRoute>(
    '/api/v1/analytics',
    { preHandler: requireStaff(OPERATORS), schema: { tags: ['analytics'], summary: 'Every cinema side by side and combined (operators only)' } },
    async (request, reply) => {
      const { analytics } = await forOperator(request);
      return reply.header('cache-control', 'no-store').send(analytics);
    },
  );
};
