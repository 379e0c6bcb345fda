import { randomInt } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MANAGEMENT_SCOPE, MESSAGING_SCOPE, type PhoneRecord, type TokenRecord, type WabaRecord, tokenHas } from './business-directory.ts';
import { isUrl } from './field-checks.ts';
import { type GraphContext, accessTokenOf, authenticate, paramsOf, phoneFor, sendGraph, wabaFor } from './graph-context.ts';
import { GraphError, invalidParameter, invalidValue, tokenRequired, unknownToken, unsupportedRequest } from './graph-error.ts';
import { mediaInfo } from './media-routes.ts';

const SCOPE_ORDER = [MANAGEMENT_SCOPE, MESSAGING_SCOPE];

/** debug_token, the WABA and phone-number nodes, phone_numbers, subscribed_apps and register. */
export function registerOnboardingRoutes(app: FastifyInstance, ctx: GraphContext, prefix: string): void {
  app.get('/debug_token', async (req, reply) => debugToken(ctx, req, reply));
  app.get('/:version/debug_token', async (req, reply) => debugToken(ctx, req, reply));

  // One node path serves every object type, as on the Graph API.
  app.get('/:version/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    const token = authenticate(ctx, req);
    const fields = requestedFields(req);
    const waba = ctx.directory.waba(id);
    if (waba) return sendGraph(reply, 200, selectFields(wabaNode(wabaFor(ctx, token, id, MANAGEMENT_SCOPE, 'get')), fields, 'WhatsAppBusinessAccount', WABA_DEFAULTS));
    const phone = ctx.directory.phone(id);
    if (phone) return sendGraph(reply, 200, selectFields(phoneNode(phoneFor(ctx, token, id, MANAGEMENT_SCOPE, 'get')), fields, 'WhatsAppBusinessPhoneNumber', PHONE_DEFAULTS));
    const media = ctx.media.get(id);
    if (media) return sendGraph(reply, 200, mediaInfo(ctx, req, token, media, prefix));
    throw unsupportedRequest('get', id);
  });

  app.delete('/:version/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    const token = authenticate(ctx, req);
    const media = ctx.media.get(id);
    if (!media || !tokenHas(token, media.wabaId, MESSAGING_SCOPE)) throw unsupportedRequest('delete', id);
    ctx.media.delete(id);
    return sendGraph(reply, 200, { success: true });
  });

  app.get('/:version/:id/phone_numbers', async (req, reply) => {
    const { id } = req.params as { id: string };
    const token = authenticate(ctx, req);
    const waba = wabaFor(ctx, token, id, MANAGEMENT_SCOPE, 'get');
    const fields = requestedFields(req);
    const data = waba.phoneIds.map((p) => selectFields(phoneNode(ctx.directory.phone(p)!), fields, 'WhatsAppBusinessPhoneNumber', PHONE_DEFAULTS));
    const cursor = (s: string) => Buffer.from(s).toString('base64url');
    return sendGraph(reply, 200, {
      data,
      paging: { cursors: { before: cursor(waba.phoneIds[0] ?? ''), after: cursor(waba.phoneIds.at(-1) ?? '') } },
    });
  });

  app.post('/:version/:id/subscribed_apps', async (req, reply) => {
    const { id } = req.params as { id: string };
    const token = authenticate(ctx, req);
    const waba = wabaFor(ctx, token, id, MANAGEMENT_SCOPE, 'post');
    const params = paramsOf(req);
    const override = params.override_callback_uri;
    const verifyToken = params.verify_token;
    if (override !== undefined || verifyToken !== undefined) {
      if (typeof override !== 'string' || override === '') throw invalidParameter('Param override_callback_uri is required when verify_token is given.');
      if (typeof verifyToken !== 'string' || verifyToken === '') throw invalidParameter('Param verify_token is required when override_callback_uri is given.');
      if (!isUrl(override, ['https:', 'http:'])) throw invalidParameter('Param override_callback_uri must be a valid URL.');
      await verifyCallback(ctx, override, verifyToken);
    }
    waba.subscribed = true;
    // A subscription without an override reverts to the app's callback URL.
    waba.overrideCallbackUri = typeof override === 'string' ? override : undefined;
    return sendGraph(reply, 200, { success: true });
  });

  app.get('/:version/:id/subscribed_apps', async (req, reply) => {
    const { id } = req.params as { id: string };
    const token = authenticate(ctx, req);
    const waba = wabaFor(ctx, token, id, MANAGEMENT_SCOPE, 'get');
    const data = waba.subscribed ? [subscribedApp(waba)] : [];
    return sendGraph(reply, 200, { data });
  });

  app.delete('/:version/:id/subscribed_apps', async (req, reply) => {
    const { id } = req.params as { id: string };
    const token = authenticate(ctx, req);
    const waba = wabaFor(ctx, token, id, MANAGEMENT_SCOPE, 'delete');
    waba.subscribed = false;
    waba.overrideCallbackUri = undefined;
    return sendGraph(reply, 200, { success: true });
  });

  app.post('/:version/:id/register', async (req, reply) => {
    const { id } = req.params as { id: string };
    const token = authenticate(ctx, req);
    const phone = phoneFor(ctx, token, id, MANAGEMENT_SCOPE, 'post');
    const params = paramsOf(req);
    if (params.messaging_product === undefined) {
      throw new GraphError({ code: 100, message: '(#100) The parameter messaging_product is required.', details: 'The parameter messaging_product is required.' });
    }
    if (params.messaging_product !== 'whatsapp') throw invalidParameter('Param messaging_product must be "whatsapp".');
    if (params.pin === undefined) throw new GraphError({ code: 100, message: '(#100) The parameter pin is required.', details: 'The parameter pin is required.' });
    const pin = String(params.pin);
    if (!/^\d{6}$/.test(pin)) throw invalidValue('Param pin must be exactly 6 digits.');
    if (phone.pin !== undefined && phone.pin !== pin) {
      throw new GraphError({ code: 133005, message: '(#133005) Two step verification PIN Mismatch', details: 'The PIN does not match the two-step verification PIN of this number.' });
    }
    phone.pin = pin;
    return sendGraph(reply, 200, { success: true });
  });
}

/**
 * `GET /debug_token?input_token=…`, as Meta answers it: the caller needs a valid access token
 * (the token itself, another known token, or an `app_id|app_secret` app token) or gets error 190;
 * an unknown or invalidated input token then comes back as HTTP 200 with `is_valid: false`.
 */
async function debugToken(ctx: GraphContext, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const caller = accessTokenOf(req);
  if (!caller) throw tokenRequired();
  if (!callerValid(ctx, caller)) authenticate(ctx, req);
  const input = (req.query as Record<string, unknown>).input_token;
  if (typeof input !== 'string' || input === '') {
    throw new GraphError({ code: 100, message: '(#100) The parameter input_token is required', details: 'The parameter input_token is required' });
  }
  const record = ctx.directory.token(input);
  if (!record) {
    const e = unknownToken();
    return sendGraph(reply, 200, { data: { is_valid: false, scopes: [], granular_scopes: [], error: { code: e.code, message: e.message } } });
  }
  return sendGraph(reply, 200, { data: tokenData(record) });
}

function callerValid(ctx: GraphContext, caller: string): boolean {
  const known = ctx.directory.token(caller);
  if (known) return known.valid;
  const [appId, secret] = caller.split('|');
  return appId !== undefined && secret !== undefined && ctx.directory.appSecretMatches(appId, secret);
}

function tokenData(t: TokenRecord): Record<string, unknown> {
  const scopes = [...new Set([...t.grants.values()].flatMap((s) => [...s]))].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  const data: Record<string, unknown> = {
    app_id: t.appId,
    type: 'SYSTEM_USER',
    application: 'Marquee',
    data_access_expires_at: 0,
    expires_at: 0,
    is_valid: t.valid,
    scopes,
    granular_scopes: scopes.map((scope) => ({
      scope,
      target_ids: [...t.grants].filter(([, s]) => s.has(scope)).map(([waba]) => waba),
    })),
    user_id: t.systemUserId,
  };
  if (!t.valid) {
    data.error = {
      code: 190,
      subcode: 460,
      message: 'The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
    };
  }
  return data;
}

function rank(scope: string): number {
  const i = SCOPE_ORDER.indexOf(scope);
  return i === -1 ? SCOPE_ORDER.length : i;
}

/** Verifies an override callback URL like Meta: a GET with a random challenge that must be echoed. */
async function verifyCallback(ctx: GraphContext, uri: string, verifyToken: string): Promise<void> {
  const challenge = String(randomInt(1_000_000_000, 2_000_000_000));
  const url = new URL(uri);
  url.searchParams.set('hub.mode', 'subscribe');
  url.searchParams.set('hub.challenge', challenge);
  url.searchParams.set('hub.verify_token', verifyToken);
  let status = 0;
  let text = '';
  let statusText = '';
  try {
    const res = await ctx.fetch(url, { signal: AbortSignal.timeout(10_000) });
    status = res.status;
    statusText = res.statusText;
    text = await res.text();
  } catch (e) {
    throw callbackFailed(`HTTP Status Code = 0; curl_error = ${(e as Error).message}`);
  }
  if (status !== 200) throw callbackFailed(`HTTP Status Code = ${status}; HTTP Message = ${statusText}`);
  if (text !== challenge) {
    throw callbackFailed(`The URL couldn't be validated. Response does not match challenge, expected value="${challenge}", received="${text.slice(0, 100)}"`);
  }
}

function callbackFailed(what: string): GraphError {
  return new GraphError({ code: 2200, message: `(#2200) Callback verification failed with the following errors: ${what}`, details: what });
}

const WABA_DEFAULTS = ['id', 'name', 'timezone_id', 'currency', 'message_template_namespace'];
const PHONE_DEFAULTS = [
  'id', 'display_phone_number', 'verified_name', 'quality_rating', 'status', 'code_verification_status', 'platform_type', 'throughput', 'name_status',
];

// The emulator keeps the configured IANA zone in timezone_id (Meta uses a numeric id there).
function wabaNode(w: WabaRecord): Record<string, unknown> {
  return {
    id: w.id,
    name: w.name,
    timezone_id: w.timezone,
    currency: w.currency,
    message_template_namespace: `marquee_${w.id}`,
    account_review_status: 'APPROVED',
    business_verification_status: 'verified',
    ownership_type: 'CLIENT_OWNED',
  };
}

function phoneNode(p: PhoneRecord): Record<string, unknown> {
  return {
    id: p.id,
    display_phone_number: p.displayPhoneNumber,
    verified_name: p.verifiedName,
    quality_rating: 'GREEN',
    status: 'CONNECTED',
    code_verification_status: 'VERIFIED',
    platform_type: 'CLOUD_API',
    throughput: { level: 'STANDARD' },
    name_status: 'APPROVED',
    messaging_limit_tier: 'TIER_1K',
    is_pin_enabled: p.pin !== undefined,
  };
}

function subscribedApp(w: WabaRecord): Record<string, unknown> {
  const app: Record<string, unknown> = {
    whatsapp_business_api_data: { id: w.appId, link: `https://www.facebook.com/games/?app_id=${w.appId}`, name: 'Marquee' },
  };
  if (w.overrideCallbackUri) app.override_callback_uri = w.overrideCallbackUri;
  return app;
}

function requestedFields(req: FastifyRequest): string[] | undefined {
  const f = (req.query as Record<string, unknown>).fields;
  return typeof f === 'string' && f.trim() !== '' ? f.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
}

/** The default fields, or `id` plus the asked ones; a field the node lacks is Meta's error 100. */
function selectFields(node: Record<string, unknown>, fields: string[] | undefined, nodeType: string, defaults: string[]): Record<string, unknown> {
  const wanted = fields ?? defaults;
  const out: Record<string, unknown> = {};
  for (const f of ['id', ...wanted.filter((w) => w !== 'id')]) {
    if (!(f in node)) {
      throw new GraphError({ code: 100, message: `(#100) Tried accessing nonexisting field (${f}) on node type (${nodeType})` });
    }
    out[f] = node[f];
  }
  return out;
}
