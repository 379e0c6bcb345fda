import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { loginRoutes } from './pages/login.ts';

/** Every page and API route of the dashboard, in one place so the isolation test can list them. */
export function registerAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  loginRoutes(app, deps);
}
