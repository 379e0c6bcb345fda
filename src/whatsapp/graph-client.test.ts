import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphClient, GraphError, type RetryClass } from './graph-client.ts';
import { PayloadLimitError } from './outgoing.ts';
import { text } from './builders.ts';
import { MEDIA_MAX_BYTES } from './limits.ts';

const TOKEN = 'EAAG-secret-token-ZZ9';
const PN = '106540352242922';

interface Seen {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}
type Reply = { status?: number; json?: unknown; body?: string | Buffer; headers?: Record<string, string> } | 'hang' | 'drop';

let server: http.Server;
let base: string;
let seen: Seen[] = [];
let route: (req: Seen) => Reply = () => ({ json: {} });

before(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s: Seen = { method: req.method!, url: new URL(req.url!, base), headers: req.headers, body: Buffer.concat(chunks) };
      seen.push(s);
      const r = route(s);
      if (r === 'hang') return;
      if (r === 'drop') return req.socket.destroy();
      const payload = r.json !== undefined ? JSON.stringify(r.json) : (r.body ?? '');
      res.writeHead(r.status ?? 200, { 'content-type': r.json !== undefined ? 'application/json' : 'text/plain', ...r.headers });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

beforeEach(() => {
  seen = [];
  route = () => ({ json: {} });
});

const client = (opts: { timeoutMs?: number; baseUrl?: string } = {}) => new GraphClient({ baseUrl: opts.baseUrl ?? `${base}/`, version: 'v25.0', timeoutMs: opts.timeoutMs });

const sent = { messaging_product: 'whatsapp', contacts: [{ input: '+919800000001', wa_id: '919800000001' }], messages: [{ id: 'wamid.HBgM1' }] };

async function failure(p: Promise<unknown>): Promise<GraphError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof GraphError, `expected GraphError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the call to fail');
}

/** Everything an error could leak through: message, stack, fields and its JSON form. */
function leaks(e: Error): string {
  return [e.message, e.stack, JSON.stringify(e), String(e), JSON.stringify(Object.entries(e))].join('\n');
}

test('sendMessage posts the envelope with to "+<digits>" and the bearer token, and returns the wamid', async () => {
  route = () => ({ json: sent });
  const r = await client().sendMessage(PN, TOKEN, { phone: '919800000001' }, text('Hi'));
  assert.deepEqual(r, { wamid: 'wamid.HBgM1', waId: '919800000001' });
  assert.equal(seen.length, 1);
  const [req] = seen;
  assert.equal(req.method, 'POST');
  assert.equal(req.url.pathname, `/v25.0/${PN}/messages`);
  assert.equal(req.url.search, '');
  assert.equal(req.headers.authorization, `Bearer ${TOKEN}`);
  assert.match(String(req.headers['content-type']), /^application\/json/);
  assert.deepEqual(JSON.parse(req.body.toString()), {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: '+919800000001',
    type: 'text',
    text: { body: 'Hi' },
  });
});

test('sendMessage normalises a formatted number, and quotes and tags when asked', async () => {
  route = () => ({ json: sent });
  await client().sendMessage(PN, TOKEN, { phone: '+91 98000-00001' }, text('Hi'), { contextWamid: 'wamid.in-1', bizOpaque: 'mq:42' });
  const body = JSON.parse(seen[0].body.toString());
  assert.equal(body.to, '+919800000001');
  assert.deepEqual(body.context, { message_id: 'wamid.in-1' });
  assert.equal(body.biz_opaque_callback_data, 'mq:42');
});

test('sendMessage to a BSUID-only user sends `recipient` and no `to`', async () => {
  route = () => ({ json: { messaging_product: 'whatsapp', messages: [{ id: 'wamid.B' }] } });
  const r = await client().sendMessage(PN, TOKEN, { userId: 'US.13491208655302741918' }, text('Hi'));
  assert.deepEqual(r, { wamid: 'wamid.B' });
  const body = JSON.parse(seen[0].body.toString());
  assert.equal(body.recipient, 'US.13491208655302741918');
  assert.ok(!('to' in body));
});

test('sendMessage refuses an over-limit or malformed payload without sending', async () => {
  const c = client();
  await assert.rejects(c.sendMessage(PN, TOKEN, { phone: '919800000001' }, { type: 'text', text: { body: 'x'.repeat(4097) } }), PayloadLimitError);
  await assert.rejects(c.sendMessage(PN, TOKEN, { phone: '919800000001' }, text('x'), { bizOpaque: 'o'.repeat(513) }), (e: unknown) => {
    assert.ok(e instanceof PayloadLimitError);
    assert.deepEqual(e.problems, ['biz_opaque_callback_data is 513 characters; the limit is 512']);
    return true;
  });
  await assert.rejects(c.sendMessage(PN, TOKEN, { phone: '919800000001' }, { type: 'text', text: { body: 'x' }, to: '+1999' }), PayloadLimitError);
  await assert.rejects(c.sendMessage(PN, TOKEN, {}, text('x')), TypeError);
  await assert.rejects(c.sendMessage(PN, TOKEN, { phone: '12' }, text('x')), (e: unknown) => e instanceof TypeError && !e.message.includes('12'));
  assert.equal(seen.length, 0);
});

test('an accepted send without a message id is a non-retryable error (a retry could send twice)', async () => {
  route = () => ({ json: { messaging_product: 'whatsapp', messages: [] } });
  const e = await failure(client().sendMessage(PN, TOKEN, { phone: '919800000001' }, text('Hi')));
  assert.equal(e.retry, 'permanent');
  assert.equal(e.httpStatus, 200);
});

const graphErrorBody = (code: number, extra: Record<string, unknown> = {}) => ({
  error: { message: `(#${code}) Something`, type: 'OAuthException', code, fbtrace_id: 'AbCdEf123', ...extra },
});

const ERROR_CASES: { name: string; status: number; body: unknown; code: number; retry: RetryClass }[] = [
  { name: '401 / 190 expired token', status: 401, body: graphErrorBody(190, { error_subcode: 463 }), code: 190, retry: 'token_invalid' },
  { name: '130429 throughput', status: 400, body: graphErrorBody(130429), code: 130429, retry: 'throughput' },
  { name: '131056 pair rate', status: 400, body: graphErrorBody(131056, { error_data: { messaging_product: 'whatsapp', details: 'Pair rate limit hit' } }), code: 131056, retry: 'pair_rate' },
  { name: '131047 outside the window', status: 400, body: graphErrorBody(131047), code: 131047, retry: 'window_closed' },
  { name: '100 invalid parameter', status: 400, body: graphErrorBody(100, { error_data: { details: 'Param text[body] is required' } }), code: 100, retry: 'permanent' },
  { name: '131057 maintenance', status: 400, body: graphErrorBody(131057), code: 131057, retry: 'maintenance' },
  { name: '4 app rate limit', status: 400, body: graphErrorBody(4), code: 4, retry: 'rate_limit' },
  { name: '80007 WABA rate limit', status: 400, body: graphErrorBody(80007), code: 80007, retry: 'rate_limit' },
  { name: '131026 undeliverable', status: 400, body: graphErrorBody(131026), code: 131026, retry: 'permanent' },
  { name: '500 with code 1', status: 500, body: graphErrorBody(1), code: 1, retry: 'transient' },
  { name: '503 with an unknown code', status: 503, body: graphErrorBody(99999), code: 99999, retry: 'transient' },
  { name: '502 HTML from a proxy', status: 502, body: '<html>Bad Gateway</html>', code: -1, retry: 'transient' },
  { name: 'error body on HTTP 200', status: 200, body: graphErrorBody(131009), code: 131009, retry: 'permanent' },
];

for (const c of ERROR_CASES) {
  test(`Graph error ${c.name} → GraphError code ${c.code}, ${c.retry}`, async () => {
    route = () => (typeof c.body === 'string' ? { status: c.status, body: c.body } : { status: c.status, json: c.body });
    const e = await failure(client().sendMessage(PN, TOKEN, { phone: '919800000001' }, text('Hi')));
    assert.equal(e.code, c.code);
    assert.equal(e.retry, c.retry);
    assert.equal(e.httpStatus, c.status);
    if (typeof c.body !== 'string') assert.equal(e.fbtraceId, 'AbCdEf123');
  });
}

test('Graph error fields: subcode and details are kept', async () => {
  route = () => ({ status: 400, json: graphErrorBody(131056, { error_subcode: 2494055, error_data: { details: 'Pair rate limit hit' } }) });
  const e = await failure(client().sendMessage(PN, TOKEN, { phone: '919800000001' }, text('Hi')));
  assert.equal(e.subcode, 2494055);
  assert.equal(e.details, 'Pair rate limit hit');
  assert.match(e.message, /code 131056\/2494055/);
});

test('a dropped connection is a transient GraphError with code -1 and HTTP 0', async () => {
  route = () => 'drop';
  const e = await failure(client().sendMessage(PN, TOKEN, { phone: '919800000001' }, text('Hi')));
  assert.deepEqual([e.code, e.httpStatus, e.retry], [-1, 0, 'transient']);
});

test('a refused connection is a transient GraphError', async () => {
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const e = await failure(client({ baseUrl: `http://127.0.0.1:${port}` }).markRead(PN, TOKEN, 'wamid.1'));
  assert.deepEqual([e.code, e.httpStatus, e.retry], [-1, 0, 'transient']);
  assert.match(e.message, /network error/);
});

test('a server that never answers times out as a transient GraphError', async () => {
  route = () => 'hang';
  const e = await failure(client({ timeoutMs: 30 }).sendMessage(PN, TOKEN, { phone: '919800000001' }, text('Hi')));
  assert.deepEqual([e.code, e.httpStatus, e.retry], [-1, 0, 'transient']);
  assert.match(e.message, /timed out after 30 ms/);
});

test('the token never appears in an error, even when the server echoes it back', async () => {
  route = (req) => ({
    status: 401,
    json: { error: { message: `Invalid token ${req.headers.authorization}`, code: 190, error_data: { details: `token=${TOKEN}` } } },
  });
  const c = client();
  const e1 = await failure(c.sendMessage(PN, TOKEN, { phone: '919800000001' }, text('Hi')));
  assert.equal(e1.retry, 'token_invalid');
  assert.ok(e1.message.includes('[redacted]'));
  assert.ok(!leaks(e1).includes(TOKEN));
  // debug_token carries the token in its query: still absent from the error.
  const e2 = await failure(c.debugToken(TOKEN));
  assert.ok(!leaks(e2).includes(TOKEN));
  route = () => 'drop';
  const e3 = await failure(c.debugToken(TOKEN));
  assert.ok(!leaks(e3).includes(TOKEN));
  route = () => 'hang';
  const e4 = await failure(client({ timeoutMs: 20 }).getWaba('123', TOKEN));
  assert.ok(!leaks(e4).includes(TOKEN));
});

test('the token is sent only in the Authorization header (apart from debug_token, where Meta requires it)', async () => {
  route = (req) =>
    req.url.pathname.endsWith('/phone_numbers') ? { json: { data: [] } } : req.url.pathname.endsWith('/messages') ? { json: { ...sent, success: true } } : { json: { id: '1', success: true } };
  const c = client();
  await c.sendMessage(PN, TOKEN, { phone: '919800000001' }, text('Hi'));
  await c.markRead(PN, TOKEN, 'wamid.1');
  await c.getWaba('1', TOKEN);
  await c.getPhoneNumbers('1', TOKEN);
  await c.subscribeApp('1', TOKEN);
  for (const r of seen) {
    assert.equal(r.headers.authorization, `Bearer ${TOKEN}`);
    assert.ok(!r.url.href.includes(TOKEN));
    assert.ok(!r.body.toString().includes(TOKEN));
  }
});

test('markRead sends status read, and the typing indicator when asked', async () => {
  route = () => ({ json: { success: true } });
  await client().markRead(PN, TOKEN, 'wamid.in-1', true);
  assert.equal(seen[0].url.pathname, `/v25.0/${PN}/messages`);
  assert.deepEqual(JSON.parse(seen[0].body.toString()), {
    messaging_product: 'whatsapp',
    status: 'read',
    message_id: 'wamid.in-1',
    typing_indicator: { type: 'text' },
  });
  route = () => ({ json: { success: false } });
  const e = await failure(client().markRead(PN, TOKEN, 'wamid.in-1'));
  assert.equal(e.retry, 'permanent');
});

test('uploadMedia sends multipart form data with the file, its type and messaging_product', async () => {
  route = () => ({ json: { id: 'media-77' } });
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  const r = await client().uploadMedia(PN, TOKEN, png, 'image/png', 'ticket.png');
  assert.deepEqual(r, { id: 'media-77' });
  const req = seen[0];
  assert.equal(req.url.pathname, `/v25.0/${PN}/media`);
  assert.match(String(req.headers['content-type']), /^multipart\/form-data; boundary=/);
  const form = await new Response(new Uint8Array(req.body), { headers: { 'content-type': String(req.headers['content-type']) } }).formData();
  assert.equal(form.get('messaging_product'), 'whatsapp');
  assert.equal(form.get('type'), 'image/png');
  const file = form.get('file') as File;
  assert.equal(file.name, 'ticket.png');
  assert.equal(file.type, 'image/png');
  assert.deepEqual(Buffer.from(await file.arrayBuffer()), png);
});

test('uploadMedia refuses a file Meta would refuse, without sending', async () => {
  const c = client();
  await assert.rejects(c.uploadMedia(PN, TOKEN, Buffer.alloc(MEDIA_MAX_BYTES.image + 1), 'image/jpeg', 'big.jpg'), PayloadLimitError);
  await assert.rejects(c.uploadMedia(PN, TOKEN, Buffer.alloc(0), 'application/pdf', 'empty.pdf'), PayloadLimitError);
  assert.equal(seen.length, 0);
});

test('getMediaInfo and downloadMedia: the URL from Meta is fetched with the token', async () => {
  route = (req) =>
    req.url.pathname === '/v25.0/media-77'
      ? { json: { url: `${base}/lookaside/media-77?sig=1`, mime_type: 'image/png', sha256: 'abc', file_size: '11', id: 'media-77', messaging_product: 'whatsapp' } }
      : { body: Buffer.from([1, 2, 3, 250]), headers: { 'content-type': 'image/png' } };
  const c = client();
  const info = await c.getMediaInfo('media-77', TOKEN);
  assert.deepEqual(info, { url: `${base}/lookaside/media-77?sig=1`, mimeType: 'image/png', sha256: 'abc', fileSize: 11 });
  const bytes = await c.downloadMedia(info.url, TOKEN);
  assert.deepEqual(bytes, Buffer.from([1, 2, 3, 250]));
  assert.equal(seen[1].url.pathname, '/lookaside/media-77');
  assert.equal(seen[1].headers.authorization, `Bearer ${TOKEN}`);
});

test('downloadMedia does not send the token over plain http to another host', async () => {
  await assert.rejects(client().downloadMedia('http://media.example/x', TOKEN), TypeError);
  await assert.rejects(client().downloadMedia('not a url', TOKEN), TypeError);
  assert.equal(seen.length, 0);
});

test('downloadMedia of an expired URL is a GraphError', async () => {
  route = () => ({ status: 404, json: graphErrorBody(100, { error_subcode: 33 }) });
  const e = await failure(client().downloadMedia(`${base}/lookaside/gone`, TOKEN));
  assert.deepEqual([e.code, e.httpStatus, e.retry], [100, 404, 'permanent']);
});

test('debugToken: validity, expiry in ms, scopes, and the WABA ids of the WhatsApp granular scopes', async () => {
  route = () => ({
    json: {
      data: {
        app_id: '555',
        type: 'SYSTEM_USER',
        application: 'Marquee',
        is_valid: true,
        expires_at: 1767225600,
        scopes: ['whatsapp_business_management', 'whatsapp_business_messaging', 'business_management'],
        granular_scopes: [
          { scope: 'whatsapp_business_management', target_ids: ['111', '222'] },
          { scope: 'whatsapp_business_messaging', target_ids: ['222', '333'] },
          { scope: 'business_management', target_ids: ['999'] },
          { scope: 'whatsapp_business_messaging' },
        ],
      },
    },
  });
  const info = await client().debugToken(TOKEN);
  assert.deepEqual(info, {
    appId: '555',
    isValid: true,
    expiresAt: 1767225600_000,
    scopes: ['whatsapp_business_management', 'whatsapp_business_messaging', 'business_management'],
    wabaIds: ['111', '222', '333'],
  });
  assert.equal(seen[0].url.pathname, '/v25.0/debug_token');
  assert.equal(seen[0].url.searchParams.get('input_token'), TOKEN);
});

test('debugToken: a never-expiring token has no expiresAt; an invalid one says so', async () => {
  route = () => ({ json: { data: { app_id: 555, is_valid: false, expires_at: 0, scopes: [], error: { code: 190, message: 'expired' } } } });
  assert.deepEqual(await client().debugToken(TOKEN), { appId: '555', isValid: false, scopes: [], wabaIds: [] });
});

test('getWaba asks for the fields it returns', async () => {
  route = () => ({ json: { id: '111', name: 'Marina Cinemas', timezone_id: '71', currency: 'INR' } });
  assert.deepEqual(await client().getWaba('111', TOKEN), { id: '111', name: 'Marina Cinemas', timezoneId: '71', currency: 'INR' });
  assert.equal(seen[0].url.pathname, '/v25.0/111');
  assert.equal(seen[0].url.searchParams.get('fields'), 'id,name,timezone_id,currency');
});

test('getPhoneNumbers follows the after-cursor through every page', async () => {
  route = (req) =>
    req.url.searchParams.get('after') === 'C1'
      ? { json: { data: [{ id: '2', display_phone_number: '+91 44 5555 0002', verified_name: 'Marina Velachery', quality_rating: 'GREEN', status: 'CONNECTED' }], paging: { cursors: { before: 'C1', after: 'C2' } } } }
      : { json: { data: [{ id: '1', display_phone_number: '+91 44 5555 0001', verified_name: 'Marina Anna Salai' }], paging: { cursors: { before: 'C0', after: 'C1' }, next: `${base}/next` } } };
  const numbers = await client().getPhoneNumbers('111', TOKEN);
  assert.deepEqual(numbers, [
    { id: '1', displayPhoneNumber: '+91 44 5555 0001', verifiedName: 'Marina Anna Salai' },
    { id: '2', displayPhoneNumber: '+91 44 5555 0002', verifiedName: 'Marina Velachery', qualityRating: 'GREEN', status: 'CONNECTED' },
  ]);
  assert.equal(seen.length, 2);
  assert.equal(seen[0].url.pathname, '/v25.0/111/phone_numbers');
});

test('subscribeApp accepts success true or "true", sends the override URL, and fails otherwise', async () => {
  route = () => ({ json: { success: 'true' } });
  await client().subscribeApp('111', TOKEN, { overrideCallbackUri: 'https://marquee.example/webhooks/whatsapp', verifyToken: 'vt' });
  assert.equal(seen[0].method, 'POST');
  assert.equal(seen[0].url.pathname, '/v25.0/111/subscribed_apps');
  assert.deepEqual(JSON.parse(seen[0].body.toString()), { override_callback_uri: 'https://marquee.example/webhooks/whatsapp', verify_token: 'vt' });
  route = () => ({ json: { success: true } });
  await client().subscribeApp('111', TOKEN);
  route = () => ({ json: { success: false } });
  await failure(client().subscribeApp('111', TOKEN));
});

test('registerNumber posts the PIN; a PIN that is not 6 digits is refused before sending', async () => {
  route = () => ({ json: { success: true } });
  await client().registerNumber(PN, TOKEN, '123456');
  assert.equal(seen[0].url.pathname, `/v25.0/${PN}/register`);
  assert.deepEqual(JSON.parse(seen[0].body.toString()), { messaging_product: 'whatsapp', pin: '123456' });
  await assert.rejects(client().registerNumber(PN, TOKEN, '12345'), TypeError);
  assert.equal(seen.length, 1);
});

test('ids are path segments: an odd id cannot reach another endpoint', async () => {
  route = () => ({ json: { id: 'x' } });
  await client().getWaba('1/phone_numbers?x=', TOKEN);
  assert.equal(seen[0].url.pathname, '/v25.0/1%2Fphone_numbers%3Fx%3D');
});
