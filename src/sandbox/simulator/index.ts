import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { createAuthenticator } from '../../admin/auth.ts';
import { getCinemaByPhoneNumberId, type Cinema } from '../../tenants/cinemas.ts';
import type { Emulator } from '../emulator/index.ts';
import { cinemaForViewer, simulationMode, visibleCinemas } from './access.ts';
import { mediaParamsSchema, parseInput, sendSchema, SIMULATED_NUMBER_EXAMPLE, streamQuerySchema } from './api-schemas.ts';
import { EmulatorConnections } from './connect-cinema.ts';
import { ConversationStore } from './conversation-store.ts';
import { openEventStream, type EventStream } from './event-stream.ts';
import { samplePhoto } from './sample-media.ts';
import { sendCustomerMessage, type SimulatorContext } from './send-customer-message.ts';
import { SimulatorError } from './simulator-error.ts';
import { loadStaticFiles } from './static-assets.ts';

// The page loads nothing from elsewhere; images Marquee sends by https link are the one exception.
const PAGE_CSP = "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * The browser chat simulator under /sandbox: a WhatsApp-like page whose messages travel the real
 * path — signed webhooks into Marquee's webhook route, replies out through the real Graph client to
 * the built-in emulator — so what works here works on WhatsApp.
 */
export const simulatorPlugin: FastifyPluginAsync<{ deps: AppDeps; emulator: Emulator }> = async (app, { deps, emulator }) => {
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  const auth = createAuthenticator(deps);
  const ctx: SimulatorContext = { deps, emulator, store: new ConversationStore(emulator), connections: new EmulatorConnections(deps, emulator) };
  const files = loadStaticFiles();
  const streams = new Set<EventStream>();
  const viewer = (request: FastifyRequest) => auth.identify(request);

  // Open event streams would keep the server from closing; end them first.
  app.addHook('preClose', async () => {
    for (const s of [...streams]) s.close();
  });

  app.get('/sandbox', async (_request, reply) => {
    const page = files.get('index.html')!;
    return reply.type(page.type).header('cache-control', 'no-cache').header('content-security-policy', PAGE_CSP).header('referrer-policy', 'no-referrer').send(page.body);
  });
  app.get('/sandbox/', async (_request, reply) => reply.redirect('/sandbox'));

  app.get('/sandbox/assets/:name', async (request, reply) => {
    const f = files.get((request.params as { name: string }).name);
    if (!f || f.type.startsWith('text/html')) throw new SimulatorError(404, 'not_found', 'No such file.');
    reply.header('etag', f.etag).header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff');
    if (request.headers['if-none-match'] === f.etag) return reply.code(304).send();
    return reply.type(f.type).send(f.body);
  });

  // The photo a simulated customer sends, for the preview in the page.
  app.get('/sandbox/sample/photo.png', async (_request, reply) => {
    const photo = samplePhoto();
    return reply.type(photo.mimeType).header('cache-control', 'public, max-age=86400').send(photo.data);
  });

  app.get('/sandbox/api/cinemas', async (request) => {
    const staff = await viewer(request);
    const cinemas = await visibleCinemas(deps, staff);
    return {
      cinemas: cinemas.map((c) => cinemaSummary(deps, c)),
      viewer: staff ? { email: staff.email, role: staff.role } : null,
      signInUrl: '/admin/login',
      numberRange: { from: '+91 90000 00000', to: '+91 90000 99999', example: SIMULATED_NUMBER_EXAMPLE },
    };
  });

  // In demo mode anyone may send: a person taps far below this, a script is slowed down.
  app.post('/sandbox/api/send', { config: { rateLimit: { max: 120, timeWindow: '1 minute' } } }, async (request, reply) => {
    refuseCrossSite(request, deps.config.publicUrl);
    const body = parseInput(sendSchema, request.body, 'message');
    const cinema = await cinemaForViewer(deps, await viewer(request), body.cinemaId);
    const message = await sendCustomerMessage(ctx, cinema, body.customer, body.message);
    return reply.code(201).send({ message });
  });

  app.get('/sandbox/api/stream', async (request, reply) => {
    const q = parseInput(streamQuerySchema, request.query, 'query');
    const cinema = await cinemaForViewer(deps, await viewer(request), q.cinema);
    let unsubscribe = () => {};
    const stream = openEventStream(reply, () => {
      unsubscribe();
      streams.delete(stream);
    });
    streams.add(stream);
    stream.send('history', { cinema: cinemaSummary(deps, cinema), customer: q.customer, messages: ctx.store.history(cinema.phoneNumberId, q.customer) });
    unsubscribe = ctx.store.subscribe(cinema.phoneNumberId, q.customer, (e) => {
      if (e.kind === 'message') stream.send('message', e.message);
      else stream.send('typing', { untilMs: e.untilMs });
    });
  });

  app.get('/sandbox/media/:id', async (request, reply) => {
    const { id } = parseInput(mediaParamsSchema, request.params, 'media id');
    const owner = ctx.store.mediaOwner(id);
    const cinema = owner ? await getCinemaByPhoneNumberId(deps.db, owner) : undefined;
    const media = cinema ? emulator.media(id) : undefined;
    if (!cinema || !media) throw new SimulatorError(404, 'media_not_found', 'No media with that id was shown in a simulated conversation.');
    await cinemaForViewer(deps, await viewer(request), cinema.id);
    const filename = (media.filename ?? id).replace(/[^\w. -]/g, '_');
    return reply
      .type(media.mimeType)
      .header('cache-control', 'private, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `${media.mimeType.startsWith('image/') ? 'inline' : 'attachment'}; filename="${filename}"`)
      .send(media.data);
  });
};

function cinemaSummary(deps: AppDeps, c: Cinema) {
  return {
    id: c.id,
    name: c.name,
    phoneNumberId: c.phoneNumberId,
    displayPhoneNumber: c.displayPhoneNumber,
    /** open: the demo cinema, anyone; rehearsal: staff only, bookings marked as tests. */
    mode: simulationMode(deps, c),
    languages: c.settings.languages,
    brandColor: c.settings.branding.color,
  };
}

/**
 * Staff are recognised by their dashboard cookie, so a sending request must come from this site: a
 * page elsewhere must not make a signed-in browser talk to a cinema's bot.
 */
function refuseCrossSite(request: FastifyRequest, publicUrl: string): void {
  const origin = request.headers.origin;
  const ownOrigins = [new URL(publicUrl).origin, `${request.protocol}://${request.host}`];
  if (request.headers['sec-fetch-site'] === 'cross-site' || (origin !== undefined && !ownOrigins.includes(origin))) {
    throw new SimulatorError(403, 'cross_site_request', 'Messages can only be sent from the simulator page itself.');
  }
}
