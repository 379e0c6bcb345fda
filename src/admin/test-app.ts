import Fastify, { type FastifyInstance } from 'fastify';
import { ManualClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import type { AppDeps } from '../app-deps.ts';
import { createLogger } from '../log.ts';
import { GraphClient } from '../whatsapp/graph-client.ts';
import { insertCinema, type Cinema } from '../tenants/cinemas.ts';
import { createTestDb, type TestDb } from '../../test/helpers/db.ts';
import { adminPlugin } from './index.ts';
import { confirmBooking, createLocation, createMovie, createScreen, createShow, holdBestAvailable, layoutRow, toLocal } from '../cinema/index.ts';
import { resolveCustomer } from '../tenants/customers.ts';
import { hashPassword } from './passwords.ts';
import { insertUser, type Role, type StaffUser } from './users-repo.ts';

/**
 * Scenario builders for the dashboard's tests: a migrated database, the admin plugin in a bare
 * Fastify, cinemas and staff users, and signed-in sessions driven through app.inject().
 */
export interface AdminTestContext {
  app: FastifyInstance;
  deps: AppDeps;
  clock: ManualClock;
  tdb: TestDb;
  wakes: { count: number };
  /** Every route the admin plugin (and the plugins it mounts) registered. */
  routes: { method: string; url: string }[];
  close(): Promise<void>;
}

export async function createAdminTestApp(o: { graph?: GraphClient; publicUrl?: string; fetch?: typeof fetch } = {}): Promise<AdminTestContext> {
  const tdb = await createTestDb();
  const clock = new ManualClock();
  const config = loadConfig({ MARQUEE_DEMO: '1', LOG_LEVEL: 'silent', ...(o.publicUrl ? { PUBLIC_URL: o.publicUrl } : {}) });
  const wakes = { count: 0 };
  const deps: AppDeps = {
    config,
    db: tdb.db,
    dialect: tdb.dialect,
    log: createLogger('silent'),
    clock,
    graph: o.graph ?? new GraphClient({ baseUrl: 'http://127.0.0.1:9', version: config.whatsappApiVersion, fetch: o.fetch }),
    wake: () => {
      wakes.count++;
    },
  };
  const app = Fastify({ logger: false, trustProxy: true });
  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) if (m !== 'HEAD') routes.push({ method: m, url: r.url });
  });
  await app.register(adminPlugin, { deps });
  await app.ready();
  return {
    app,
    deps,
    clock,
    tdb,
    wakes,
    routes,
    async close() {
      await app.close();
      await tdb.close();
    },
  };
}

let seq = 0;

export async function addCinema(ctx: AdminTestContext, name = 'Regal'): Promise<Cinema> {
  seq++;
  return insertCinema(ctx.deps.db, ctx.deps.config.secretKey, ctx.clock.now(), {
    name,
    wabaId: `waba-${seq}-${Date.now()}`,
    phoneNumberId: `pn-${seq}-${Date.now()}`,
    displayPhoneNumber: `+91 90000 0000${seq % 10}`,
    accessToken: `token-${seq}`,
    timezone: 'Asia/Kolkata',
    defaultLanguage: 'en',
  });
}

export const TEST_PASSWORD = 'correct horse battery';

export async function addUser(ctx: AdminTestContext, role: Role, cinemaId: string | null, email = `${role}-${++seq}@example.com`): Promise<StaffUser> {
  const u = await insertUser(ctx.deps.db, ctx.clock.now(), { email, role, cinemaId, passwordHash: await hashPassword(TEST_PASSWORD) });
  if (!u) throw new Error('duplicate test user');
  return u;
}

/** A browser-like session: keeps cookies across requests and knows the current CSRF token. */
export class Browser {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: { cookies: { name: string; value: string; maxAge?: number; expires?: Date }[] }): void {
    for (const c of res.cookies) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async get(url: string) {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } });
    this.keep(res);
    const m = /name="csrf-token" content="([^"]+)"|name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m) this.csrf = m[1] ?? m[2]!;
    return res;
  }

  /** Posts a form with the current CSRF token (unless `_csrf` is given). */
  async post(url: string, form: Record<string, string | string[]> = {}, o: { csrf?: boolean } = {}) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
    if (o.csrf !== false && !('_csrf' in form)) params.set('_csrf', this.csrf);
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: params.toString(),
    });
    this.keep(res);
    return res;
  }

  /** Posts multipart form data (uploads); the CSRF token goes in the URL, as the dashboard's forms do. */
  async postMultipart(url: string, fields: Record<string, string>, file?: { field: string; filename: string; type: string; data: Buffer }) {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    if (file) fd.append(file.field, new Blob([new Uint8Array(file.data)], { type: file.type }), file.filename);
    const req = new Request('http://x/', { method: 'POST', body: fd });
    const body = Buffer.from(await req.arrayBuffer());
    const sep = url.includes('?') ? '&' : '?';
    const res = await this.app.inject({
      method: 'POST',
      url: `${url}${sep}_csrf=${encodeURIComponent(this.csrf)}`,
      headers: { cookie: this.cookieHeader(), 'content-type': req.headers.get('content-type')! },
      payload: body,
    });
    this.keep(res);
    return res;
  }

  async login(email: string, password = TEST_PASSWORD) {
    await this.get('/admin/login');
    return this.post('/admin/login', { email, password });
  }
}

export async function signedIn(ctx: AdminTestContext, user: StaffUser): Promise<Browser> {
  const b = new Browser(ctx.app);
  const res = await b.login(user.email);
  if (res.statusCode !== 303) throw new Error(`login failed: ${res.statusCode}`);
  return b;
}

/** A customer who wrote `text` at the clock's current time, optionally in staff hand-off. */
export async function addCustomerWithMessage(ctx: AdminTestContext, cinemaId: string, o: { phone: string; name?: string; text?: string; handoff?: boolean; language?: string }): Promise<string> {
  const now = ctx.clock.now();
  const id = await resolveCustomer(ctx.deps.db, ctx.deps.config.secretKey, now, { cinemaId, waId: o.phone, name: o.name });
  await ctx.deps.db.updateTable('customers').set({ last_inbound_at: now, language: o.language ?? 'en' }).where('id', '=', id).execute();
  await ctx.deps.db
    .insertInto('inbound_messages')
    .values({ cinema_id: cinemaId, customer_id: id, wamid: `wamid.test.${id}.${now}`, type: 'text', payload_json: JSON.stringify({ type: 'text', text: { body: o.text ?? 'hello' } }), sent_at: now, received_at: now, status: 'done', attempts: 1, processed_at: now, error: null })
    .execute();
  if (o.handoff !== undefined) {
    await ctx.deps.db
      .insertInto('conversation_sessions')
      .values({ customer_id: id, cinema_id: cinemaId, state_json: JSON.stringify({ v: 1, mode: o.handoff ? 'handoff' : 'bot', step: 'menu' }), version: 1, updated_at: now })
      .execute();
  }
  return id;
}

/** A location, a two-row screen, a film and a show tonight (18:30 local) for a cinema. */
export async function addShowScenario(ctx: AdminTestContext, cinemaId: string, o: { time?: string; title?: string } = {}) {
  const d = { db: ctx.deps.db, clock: ctx.clock };
  const location = await createLocation(d, { cinemaId, name: `Central ${++seq}`, city: 'Chennai', address: '1 Anna Salai', timezone: 'Asia/Kolkata' });
  const screen = await createScreen(d, { cinemaId, locationId: location.id, name: 'Screen 1', layout: { rows: [layoutRow('A', 'Classic', 'SSSS_SSSS'), layoutRow('B', 'Prime', 'SSSS_SSSW')] } });
  const movie = await createMovie(d, { cinemaId, title: o.title ?? `Kaithi ${seq}`, durationMinutes: 140, certificate: 'UA', languages: ['Tamil'] });
  const show = await createShow(d, {
    cinemaId,
    movieId: movie.id,
    screenId: screen.id,
    date: toLocal(ctx.clock.now(), 'Asia/Kolkata').date,
    time: o.time ?? '18:30',
    language: 'Tamil',
    prices: [
      { category: 'Classic', pricePaise: 15000 },
      { category: 'Prime', pricePaise: 25000 },
    ],
  });
  return { location, screen, movie, show };
}

/** A confirmed booking of `quantity` best seats for a customer. */
export async function addConfirmedBooking(ctx: AdminTestContext, cinemaId: string, showId: string, customerId: string, quantity = 2) {
  const d = { db: ctx.deps.db, clock: ctx.clock };
  const held = await holdBestAvailable(d, { cinemaId, showId, customerId, holdMinutes: 10, quantity });
  return confirmBooking(d, { cinemaId, bookingId: held.id });
}
