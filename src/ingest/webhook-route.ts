import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { verifySignature } from '../whatsapp/signature.ts';
import { parseWebhook, WebhookParseError } from '../whatsapp/webhook.ts';
import { listAppSecrets } from '../tenants/cinemas.ts';
import { IngestBatcher } from './ingest-batcher.ts';

const SECRET_CACHE_MS = 5_000;

/**
 * `GET/POST /webhooks/whatsapp`: the verification handshake, then for each delivery: verify the
 * signature over the raw bytes, parse, store, answer 200. Nothing else happens in the request.
 */
export const webhookRoute: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const batcher = new IngestBatcher({ db: deps.db, log: deps.log, secretKey: deps.config.secretKey });
  let secrets: { at: number; list: string[] } | undefined;
  const appSecrets = async () => {
    const now = Date.now();
    if (!secrets || now - secrets.at > SECRET_CACHE_MS) {
      secrets = { at: now, list: [deps.config.appSecret, ...(await listAppSecrets(deps.db, deps.config.secretKey))] };
    }
    return secrets.list;
  };

  // The signature covers the exact bytes Meta sent, so the body must not be parsed before it is checked.
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 8 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.get('/webhooks/whatsapp', async (req, reply) => {
    const q = req.query as Record<string, string | undefined>;
    if (q['hub.mode'] === 'subscribe' && q['hub.verify_token'] === deps.config.verifyToken && typeof q['hub.challenge'] === 'string') {
      return reply.type('text/plain').send(q['hub.challenge']);
    }
    return reply.code(403).type('text/plain').send('Forbidden');
  });

  app.post('/webhooks/whatsapp', async (req, reply) => {
    const raw = req.body;
    if (!Buffer.isBuffer(raw)) return reply.code(415).send({ error: { code: 'unsupported_media_type', message: 'Send application/json.' } });
    const header = req.headers['x-hub-signature-256'];
    let ok = verifySignature(raw, typeof header === 'string' ? header : undefined, await appSecrets());
    if (!ok && secrets && Date.now() - secrets.at > 1_000) {
      // A cinema onboarded in the last few seconds may bring a new app secret.
      secrets = undefined;
      ok = verifySignature(raw, typeof header === 'string' ? header : undefined, await appSecrets());
    }
    if (!ok) {
      req.log.warn('webhook with a missing or invalid signature');
      return reply.code(401).send({ error: { code: 'invalid_signature', message: 'X-Hub-Signature-256 is missing or does not match.' } });
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return reply.code(400).send({ error: { code: 'invalid_json', message: 'The body is not JSON.' } });
    }
    let events;
    try {
      events = parseWebhook(body);
    } catch (e) {
      if (e instanceof WebhookParseError) {
        // Signed by Meta but not a WhatsApp webhook: nothing to do, and a retry would not help.
        req.log.info('signed webhook that is not for WhatsApp; ignored');
        return reply.code(200).send({ ok: true });
      }
      throw e;
    }
    const result = await batcher.submit(events, deps.clock.now());
    if (result.messages || result.statuses) deps.wake();
    return reply.code(200).send({ ok: true });
  });
};
