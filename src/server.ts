import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { AppDeps } from './app-deps.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest, migrationsCurrent } from './db/migrate.ts';
import { createLogger, type Logger } from './log.ts';
import { systemClock, type Clock } from './clock.ts';
import { GraphClient } from './whatsapp/graph-client.ts';
import { webhookRoute } from './ingest/webhook-route.ts';
import { Runner } from './jobs/runner.ts';

export interface BuildOptions {
  /** Extra plugins mounted by the caller (dashboard, sandbox, emulator), in order. */
  plugins?: ((app: FastifyInstance, deps: AppDeps) => Promise<void>)[];
}

/**
 * The HTTP application: webhook, health, and whatever plugins the caller mounts. It holds no
 * state of its own; everything lives in the database.
 */
export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log.child({ component: 'http' }),
    // Request lines would carry URLs and timings of every webhook; errors are logged by the handler below.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: true,
    bodyLimit: 8 * 1024 * 1024,
    return503OnClosing: true,
  }) as unknown as FastifyInstance;

  // One error handler: client errors say precisely what is wrong, server errors say nothing internal.
  app.setErrorHandler((err: { statusCode?: number; code?: string; message: string; validation?: unknown }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    if (status >= 500) {
      req.log.error({ err, url: req.url.split('?')[0] }, 'request failed');
      return reply.code(status).send({ error: { code: 'internal_error', message: 'Something went wrong on our side. Please try again.' } });
    }
    return reply.code(status).send({ error: { code: err.code ?? (err.validation ? 'invalid_request' : 'bad_request'), message: err.message } });
  });

  app.get('/healthz', async () => ({ ok: true }));
  // The address people open first: in demo mode the chat simulator, otherwise the dashboard.
  app.get('/', async (_req, reply) => reply.redirect(deps.config.demo ? '/sandbox' : '/admin'));
  app.get('/readyz', async (_req, reply) => {
    try {
      const current = await migrationsCurrent(deps.db, deps.dialect);
      if (!current) return reply.code(503).send({ ok: false, reason: 'migrations pending' });
      return { ok: true, database: deps.dialect };
    } catch {
      return reply.code(503).send({ ok: false, reason: 'database unreachable' });
    }
  });

  await app.register(webhookRoute, { deps });
  for (const p of opts.plugins ?? []) await p(app, deps);
  return app;
}

/** Opens and migrates the database and assembles the dependencies a process needs. */
export async function createDeps(config: Config, o: { log?: Logger; clock?: Clock; wake?: () => void } = {}): Promise<AppDeps> {
  const log = o.log ?? createLogger(config.logLevel);
  const { db, dialect } = openDatabase({ url: config.databaseUrl });
  await migrateToLatest(db, dialect);
  return {
    config,
    db,
    dialect,
    log,
    clock: o.clock ?? systemClock,
    graph: new GraphClient({ baseUrl: config.whatsappApiUrl, version: config.whatsappApiVersion }),
    wake: o.wake ?? (() => {}),
  };
}

export { Runner };
