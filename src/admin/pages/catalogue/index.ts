import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../app-deps.ts';
import { eventRoutes } from './events.ts';
import { locationRoutes } from './locations.ts';
import { movieRoutes } from './movies.ts';
import { scheduleRoutes } from './schedule.ts';
import { screenRoutes } from './screens.ts';
import { showRoutes } from './shows.ts';

/** The catalogue pages (managers and operators): locations, screens and seats, films, shows, events, schedules. */
export function catalogueRoutes(app: FastifyInstance, deps: AppDeps): void {
  locationRoutes(app, deps);
  screenRoutes(app, deps);
  movieRoutes(app, deps);
  showRoutes(app, deps);
  eventRoutes(app, deps);
  scheduleRoutes(app, deps);
}
