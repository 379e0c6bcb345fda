import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../log.ts';

export interface CliContext {
  config: Config;
  /** Opened and migrated on first use. */
  db(): Promise<{ db: Db; dialect: 'sqlite' | 'postgres' }>;
  log: Logger;
  out(line: string): void;
  err(line: string): void;
}

/** One `marquee <name>` command. `run` returns the exit code: 0 ok, 1 failed, 2 bad usage. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], ctx: CliContext): Promise<number>;
}
