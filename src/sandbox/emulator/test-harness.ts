import { createHmac, timingSafeEqual } from 'node:crypto';
import { type IncomingHttpHeaders, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator } from './create-emulator.ts';
import type { BusinessInput } from './business-directory.ts';
import type { Emulator, EmulatorOptions } from './emulator-types.ts';

// Shared fixtures for the emulator's HTTP tests: a test business, a webhook receiver, a Graph caller.

export const TOKEN = 'EAAtest-marquee-token';
export const APP_ID = '900000000000777';
export const APP_SECRET = 'test-app-secret';
export const WABA = '200000000000001';
export const PHONE = '200000000000011';
export const DISPLAY = '+91 98765 00000';
export const USER = '919800000001';
export const VERSION = 'v25.0';

export interface Received {
  raw: Buffer;
  headers: IncomingHttpHeaders;
  body: any;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Verify-token the receiver accepts on GET handshakes, and how it answers them. */
  verify: { token: string; answer: 'echo' | 'wrong' | 'forbid' };
  handshakes: URLSearchParams[];
  /** Chooses the HTTP status for the n-th POST (0-based). Default: 200. */
  respond: (r: Received, n: number) => number;
  /** Resolves once at least `n` POSTs have arrived. */
  waitFor(n: number): Promise<void>;
  close(): Promise<void>;
}

/** A local HTTP server standing in for Marquee's webhook endpoint. */
export async function startReceiver(): Promise<Receiver> {
  const waiters: { n: number; resolve: () => void }[] = [];
  const receiver: Receiver = {
    url: '',
    received: [],
    verify: { token: 'verify-me', answer: 'echo' },
    handshakes: [],
    respond: () => 200,
    waitFor: (n) =>
      receiver.received.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve })),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((req, res) => {
    if (req.method === 'GET') {
      const q = new URL(req.url ?? '/', 'http://receiver').searchParams;
      receiver.handshakes.push(q);
      const { token, answer } = receiver.verify;
      if (answer === 'forbid' || q.get('hub.verify_token') !== token) return void res.writeHead(403).end('Forbidden');
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end(answer === 'echo' ? q.get('hub.challenge') : 'nope');
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const r: Received = { raw, headers: req.headers, body: JSON.parse(raw.toString('utf8')) };
      const n = receiver.received.push(r) - 1;
      res.writeHead(receiver.respond(r, n)).end();
      for (const w of waiters.splice(0)) {
        if (receiver.received.length >= w.n) w.resolve();
        else waiters.push(w);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/whatsapp`;
  return receiver;
}

/** Whether `header` is the correct X-Hub-Signature-256 for the exact received bytes. */
export function signatureValid(raw: Buffer, header: string | string[] | undefined, secret = APP_SECRET): boolean {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const expected = createHmac('sha256', secret).update(raw).digest();
  const given = Buffer.from(header.slice(7), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface Harness {
  emulator: Emulator;
  base: string;
  receiver: Receiver;
  close(): Promise<void>;
}

/** An emulator listening on 127.0.0.1:0 with the test business whose webhooks go to a fresh receiver. */
export async function startHarness(opts: EmulatorOptions = {}, business: Partial<BusinessInput> = {}): Promise<Harness> {
  const receiver = await startReceiver();
  const emulator = createEmulator({ statuses: 'manual', ...opts });
  emulator.addBusiness({
    accessToken: TOKEN,
    appId: APP_ID,
    wabaId: WABA,
    wabaName: 'Test Cinemas',
    timezone: 'Asia/Kolkata',
    currency: 'INR',
    phoneNumbers: [{ id: PHONE, displayPhoneNumber: DISPLAY, verifiedName: 'Test Cinemas' }],
    webhookUrl: receiver.url,
    appSecret: APP_SECRET,
    ...business,
  });
  const base = await emulator.listen(0);
  return {
    emulator,
    base,
    receiver,
    close: async () => {
      await emulator.close();
      await receiver.close();
    },
  };
}

export interface GraphResponse {
  status: number;
  body: any;
  text: string;
  headers: Headers;
}

/** Calls the emulator's Graph API (bearer TOKEN unless `token` says otherwise; null sends none). */
export async function graph(
  base: string,
  method: string,
  path: string,
  o: { token?: string | null; json?: unknown; body?: BodyInit; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<GraphResponse> {
  const headers: Record<string, string> = { ...o.headers };
  const token = o.token === undefined ? TOKEN : o.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let body = o.body;
  if (o.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(o.json);
  }
  const res = await fetch(`${base}${path}`, { method, headers, body, signal: o.signal });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}

/** POSTs a /messages body for the test phone number. */
export function sendMessage(base: string, body: unknown, o: { token?: string | null; phone?: string; signal?: AbortSignal } = {}): Promise<GraphResponse> {
  return graph(base, 'POST', `/${VERSION}/${o.phone ?? PHONE}/messages`, { json: body, token: o.token, signal: o.signal });
}

/** A /messages body of `type` to USER. */
export function message(type: string, payload: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { messaging_product: 'whatsapp', recipient_type: 'individual', to: `+${USER}`, type, [type]: payload, ...extra };
}

/** All statuses in the received webhooks, flattened in arrival order. */
export function receivedStatuses(receiver: Receiver): any[] {
  return receiver.received.flatMap((r) => r.body.entry.flatMap((e: any) => e.changes.flatMap((c: any) => c.value.statuses ?? [])));
}
