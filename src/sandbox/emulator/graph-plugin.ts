import multipart from '@fastify/multipart';
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import { errorForCode } from './error-catalogue.ts';
import { type GraphContext, sendGraph } from './graph-context.ts';
import { GraphError, invalidParameter, unknownPath } from './graph-error.ts';
import { MAX_UPLOAD_BYTES } from './media-rules.ts';
import { registerMediaRoutes } from './media-routes.ts';
import { registerMessagesRoute } from './messages-route.ts';
import { registerOnboardingRoutes } from './onboarding-routes.ts';

const VERSION = /^v\d+\.\d+$/;

/**
 * The Graph API routes as an encapsulated Fastify plugin (mount it under a prefix such as /graph).
 * Every failure, including unreadable bodies and unknown paths, answers in Meta's error shape.
 */
export function createGraphPlugin(ctx: GraphContext): FastifyPluginAsync {
  return async (app) => {
    // A host may already parse these; registering again in this scope would throw.
    if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES } });
    if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) {
      app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      });
    }

    app.addHook('onRequest', async (req) => {
      const version = (req.params as Record<string, string> | undefined)?.version;
      if (version !== undefined && !VERSION.test(version)) throw unknownPath(req.url.split('?')[0]!);
    });

    app.setErrorHandler((err: FastifyError | GraphError, _req, reply) => {
      if (err instanceof GraphError) return sendGraph(reply, err.httpStatus, err.toBody());
      const status = (err as FastifyError).statusCode ?? 500;
      if (status >= 400 && status < 500) return sendGraph(reply, 400, invalidParameter(`The request could not be read: ${err.message}`).toBody());
      // Like the Graph API, never show internal details.
      return sendGraph(reply, 500, errorForCode(1).toBody());
    });

    // A host closing its server must not wait for requests a 'timeout' fault holds open.
    app.addHook('preClose', async () => {
      for (const req of ctx.hanging) req.raw.socket.destroy();
      ctx.hanging.clear();
    });

    try {
      app.setNotFoundHandler((req, reply) => sendGraph(reply, 400, unknownPath(req.url.split('?')[0]!).toBody()));
    } catch {
      // The host already owns the not-found handler for this prefix; its answer stands.
    }

    registerMessagesRoute(app, ctx);
    registerMediaRoutes(app, ctx);
    registerOnboardingRoutes(app, ctx, app.prefix);
  };
}
