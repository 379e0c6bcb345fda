import Fastify from 'fastify';
import type { AppDeps } from '../../src/app-deps.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { ManualClock } from '../../src/clock.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import { buildApp } from '../../src/server.ts';
import { GraphClient } from '../../src/whatsapp/graph-client.ts';
import { processNextInbound, type InboundHandlers } from '../../src/jobs/inbound-worker.ts';
import { Dispatcher, type DispatcherOptions } from '../../src/jobs/dispatcher.ts';
import { queueOutbound } from '../../src/jobs/outbox.ts';
import { onboardCinema } from '../../src/tenants/onboard.ts';
import { createEmulator, type Emulator } from '../../src/sandbox/emulator/index.ts';
import { createTestDb, type TestDb } from './db.ts';

export const APP_SECRET = 'test-app-secret';
export const VERIFY_TOKEN = 'test-verify-token';
export const SECRET_KEY_HEX = 'a'.repeat(64);

/** A business the emulator knows and Marquee can onboard: one WABA with one number. */
export function business(n: number) {
  return {
    accessToken: `EAAtoken-${n}`,
    appId: `90000000000000${n}`,
    wabaId: `10000000000000${n}`,
    wabaName: `Cinema ${n}`,
    timezone: 'Asia/Kolkata',
    phoneNumbers: [{ id: `20000000000000${n}`, displayPhoneNumber: `+91 98000 0000${n}`, verifiedName: `Cinema ${n}` }],
  };
}

/** Echoes text messages: lets the pipeline be tested apart from the dialogue. */
export const echoHandlers: InboundHandlers = {
  async turn(deps, trx, row, mode) {
    if (mode !== 'normal') return;
    const p = JSON.parse(row.payload_json) as { content?: { type: string; text?: string } };
    const body = p.content?.type === 'text' ? `echo: ${p.content.text}` : `got ${row.type}`;
    await queueOutbound(trx, deps.clock.now(), [{ cinemaId: row.cinema_id, customerId: row.customer_id, inboundId: row.id, kind: 'reply', message: { type: 'text', text: { body } } }]);
  },
};

export interface Pipeline {
  deps: AppDeps;
  emulator: Emulator;
  clock: ManualClock;
  dispatcher: Dispatcher;
  url: string;
  db: TestDb;
  /** Onboards business(n) through the token flow (optionally with the cinema's own Meta app secret). */
  onboard(n: number, appSecret?: string): Promise<string>;
  /** Processes inbound and dispatches outbound until nothing is left to do now. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Marquee's HTTP app and workers on a fresh test database, with the emulator mounted as its Graph
 * API; a manual clock, and workers run by hand (`drain`) so tests are deterministic.
 */
export async function createPipeline(o: { handlers?: InboundHandlers; dispatcher?: DispatcherOptions; config?: Record<string, string>; log?: Logger } = {}): Promise<Pipeline> {
  const db = await createTestDb();
  const clock = new ManualClock(Date.now());
  const emulator = createEmulator({ clock, statuses: 'manual' });
  const holder = Fastify();
  await holder.register(emulator.plugin, { prefix: '/graph' });
  const graphUrl = await holder.listen({ port: 0, host: '127.0.0.1' });
  const config: Config = loadConfig({
    MARQUEE_SECRET_KEY: SECRET_KEY_HEX,
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
    WHATSAPP_API_URL: `${graphUrl}/graph`,
    DATABASE_URL: db.url,
    LOG_LEVEL: 'silent',
    ...o.config,
  });
  const deps: AppDeps = {
    config,
    db: db.db,
    dialect: db.dialect,
    log: o.log ?? createLogger('silent'),
    clock,
    graph: new GraphClient({ baseUrl: config.whatsappApiUrl, version: config.whatsappApiVersion }),
    wake: () => {},
  };
  const app = await buildApp(deps);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const dispatcher = new Dispatcher(deps, { customerBurst: 1000, ...o.dispatcher });
  const handlers = o.handlers ?? echoHandlers;
  return {
    deps,
    emulator,
    clock,
    dispatcher,
    url,
    db,
    async onboard(n, appSecret?: string) {
      const b = business(n);
      emulator.addBusiness({ ...b, webhookUrl: `${url}/webhooks/whatsapp`, appSecret: appSecret ?? APP_SECRET });
      const r = await onboardCinema(deps, { accessToken: b.accessToken, appSecret });
      if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
      return r.cinema.id;
    },
    async drain() {
      for (let i = 0; i < 10_000; i++) {
        const worked = await processNextInbound(deps, handlers);
        const sent = await dispatcher.runOnce();
        if (!worked && !sent) return;
      }
      throw new Error('drain did not settle');
    },
    async close() {
      await app.close();
      await emulator.close();
      await holder.close();
      await db.close();
    },
  };
}
