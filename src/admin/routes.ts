import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { apiRoutes } from './api/routes.ts';
import { apiTokenRoutes } from './pages/api-tokens.ts';
import { bookingRoutes } from './pages/bookings.ts';
import { catalogueRoutes } from './pages/catalogue/index.ts';
import { checkinRoutes } from './pages/checkin.ts';
import { cinemaRoutes } from './pages/cinemas.ts';
import { conversationRoutes } from './pages/conversations.ts';
import { loginRoutes } from './pages/login.ts';
import { overviewRoutes } from './pages/overview.ts';
import { settingsRoutes } from './pages/settings.ts';
import { teamRoutes } from './pages/team.ts';

/** Every page and API route of the dashboard, in one place. */
export function registerAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  loginRoutes(app, deps);
  overviewRoutes(app, deps);
  cinemaRoutes(app, deps);
  settingsRoutes(app, deps);
  apiTokenRoutes(app, deps);
  teamRoutes(app, deps);
  conversationRoutes(app, deps);
  bookingRoutes(app, deps);
  checkinRoutes(app, deps);
  catalogueRoutes(app, deps);
  apiRoutes(app, deps);
}
