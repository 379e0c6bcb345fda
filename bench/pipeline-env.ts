import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { startServer, type RunningServer } from '../src/serve.ts';
import { DEMO_BUSINESS } from '../src/sandbox/demo-business.ts';

export interface BenchEnv {
  server: RunningServer;
  url: string;
  appSecret: string;
  phoneNumberId: string;
  wabaId: string;
  countInbound(): Promise<number>;
  close(): Promise<void>;
}

/** Marquee in demo mode (demo cinema, built-in emulator) on the given database, on a free port. */
export async function benchPipeline(o: { dbUrl: string; workers: boolean }): Promise<BenchEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-bench-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, DATABASE_URL: o.dbUrl, MARQUEE_DEMO: '1', LOG_LEVEL: 'silent', WORKERS: o.workers ? 'true' : 'false', STALE_MESSAGE_SECONDS: '3600', FLOOD_MAX_PER_MINUTE: '1000' });
  const server = await startServer(config, { log: createLogger('silent') });
  return {
    server,
    url: server.url,
    appSecret: config.appSecret,
    phoneNumberId: DEMO_BUSINESS.phoneNumberId,
    wabaId: DEMO_BUSINESS.wabaId,
    async countInbound() {
      const r = await server.deps.db.selectFrom('inbound_messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async close() {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
