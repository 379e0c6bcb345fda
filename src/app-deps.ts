import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { Logger } from './log.ts';
import type { Clock } from './clock.ts';
import type { GraphClient } from './whatsapp/graph-client.ts';

/** What the application's use cases, routes and workers are given. Built once in server.ts. */
export interface AppDeps {
  config: Config;
  db: Db;
  dialect: 'sqlite' | 'postgres';
  log: Logger;
  clock: Clock;
  /** Graph API client pointed at config.whatsappApiUrl. */
  graph: GraphClient;
  /** Nudges the background workers (inbound processing, dispatch) to look for work now. */
  wake(): void;
}
