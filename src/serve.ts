import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from './app-deps.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import type { Clock } from './clock.ts';
import { buildApp, createDeps } from './server.ts';
import { Runner, type Loop } from './jobs/runner.ts';
import { processNextInbound, type InboundHandlers } from './jobs/inbound-worker.ts';
import { Dispatcher } from './jobs/dispatcher.ts';
import { fireDueTimers } from './jobs/timers.ts';
import { conversationHandlers } from './jobs/conversation-turn.ts';
import { prepareSpecialPayload } from './jobs/prepare-payload.ts';
import { housekeeping } from './jobs/housekeeping.ts';
import { runDueExports } from './jobs/scheduled-exports.ts';
import { GraphClient } from './whatsapp/graph-client.ts';
import { createEmulator, type Emulator } from './sandbox/emulator/index.ts';
import { adminPlugin } from './admin/index.ts';
import { simulatorPlugin } from './sandbox/simulator/index.ts';
import { bootstrapDemo } from './sandbox/demo-bootstrap.ts';

export interface StartOptions {
  log?: Logger;
  clock?: Clock;
  /** Replace the conversation layer (tests of the pipeline itself). */
  handlers?: InboundHandlers;
  /** Options for the built-in emulator (tests set statuses: 'manual'). */
  emulator?: Parameters<typeof createEmulator>[0];
  /** Skip loading the demo cinema even in demo mode. */
  skipDemoBootstrap?: boolean;
}

export interface RunningServer {
  app: FastifyInstance;
  deps: AppDeps;
  emulator: Emulator;
  url: string;
  dispatcher: Dispatcher;
  /** Graceful stop: no new requests, finish work in hand, close the database. */
  close(): Promise<void>;
}

/**
 * `marquee serve`: HTTP (webhook, dashboard, admin API, sandbox, the built-in emulator under /graph)
 * plus the background workers, in one process.
 */
export async function startServer(config: Config, o: StartOptions = {}): Promise<RunningServer> {
  config = await withConcretePort(config);
  const runner = new Runner(o.log ?? (await import('./log.ts')).createLogger(config.logLevel));
  const deps = await createDeps(config, { log: o.log, clock: o.clock, wake: runner.wake });
  const emulator = createEmulator({ clock: deps.clock, statuses: 'auto', ...o.emulator });
  // Rehearsal replies go to this process's own emulator, not through the public address (which,
  // behind a load balancer, may reach a process whose emulator does not know the cinema).
  const localHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
  const sandboxGraph = new GraphClient({ baseUrl: `http://${localHost}:${config.port}/graph`, version: config.whatsappApiVersion });
  const app = await buildApp(deps, {
    plugins: [
      async (a) => void (await a.register(emulator.plugin, { prefix: '/graph' })),
      async (a, d) => void (await a.register(adminPlugin, { deps: d })),
      async (a, d) => void (await a.register(simulatorPlugin, { deps: d, emulator })),
    ],
  });
  await app.listen({ port: config.port, host: config.host });
  const base = config.publicUrl;

  const dispatcher = new Dispatcher(deps, { sandboxGraph, prepare: prepareSpecialPayload });
  if (config.demo && !o.skipDemoBootstrap) await bootstrapDemo(deps, emulator);

  if (config.workers) {
    await dispatcher.recoverInterrupted();
    const handlers = o.handlers ?? conversationHandlers;
    const loops: Loop[] = [
      { name: 'inbound', tick: () => processNextInbound(deps, handlers), idleMs: 250, concurrency: deps.dialect === 'postgres' ? 4 : 1 },
      { name: 'dispatch', tick: async () => (await dispatcher.runOnce()) > 0, idleMs: 200, concurrency: 2 },
      { name: 'timers', tick: async () => (await fireDueTimers(deps)) > 0, idleMs: 1_000 },
      { name: 'housekeeping', tick: async () => (await housekeeping(deps, dispatcher), false), idleMs: 15_000 },
      { name: 'exports', tick: async () => (await runDueExports({ db: deps.db, clock: deps.clock, dataDir: config.dataDir, log: deps.log }), false), idleMs: 60_000 },
    ];
    runner.start(loops);
  }

  let closed = false;
  return {
    app,
    deps,
    emulator,
    url: base,
    dispatcher,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await runner.stop();
      await emulator.close();
      await deps.db.destroy();
    },
  };
}

/** Port 0 (tests) means "any free port": pick it first, since URLs derived from it are needed before listening. */
async function withConcretePort(config: Config): Promise<Config> {
  if (config.port !== 0) return config;
  const port = await new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, config.host, () => {
      const p = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(p));
    });
  });
  const oldBase = config.publicUrl;
  const publicUrl = oldBase.replace(/:0$/, `:${port}`);
  return Object.freeze({
    ...config,
    port,
    publicUrl,
    whatsappApiUrl: config.whatsappApiUrl.startsWith(oldBase) ? publicUrl + config.whatsappApiUrl.slice(oldBase.length) : config.whatsappApiUrl,
  });
}
