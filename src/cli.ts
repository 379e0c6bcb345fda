import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './log.ts';
import { openDatabase, type Db } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { CliCommand, CliContext } from './cli/types.ts';
import { coreCommands } from './cli/core-commands.ts';
import { serveCommands } from './cli/serve-commands.ts';
import { catalogCommands } from './cli/catalog-commands.ts';
import { userCommands } from './cli/user-commands.ts';

const commands: CliCommand[] = [...serveCommands, ...coreCommands, ...catalogCommands, ...userCommands];

function help(): string {
  const w = Math.max(...commands.map((c) => c.name.length));
  return [
    'Marquee — WhatsApp ticket booking for cinemas',
    '',
    'Usage: marquee <command> [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(w)}  ${c.summary}`),
    '',
    'Configuration comes from the environment (see README). `marquee <command> --help` shows a command\'s options.',
  ].join('\n');
}

/** Runs one command; resolves with the exit code (0 ok, 1 failed, 2 bad usage or configuration). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(help());
    return name ? 0 : 2;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    console.error(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`${cmd.summary}\n\nUsage: ${cmd.usage}`);
    return 0;
  }
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
  const log = createLogger(name === 'serve' || name === 'emulator' ? config.logLevel : 'warn');
  let opened: { db: Db; dialect: 'sqlite' | 'postgres' } | undefined;
  const ctx: CliContext = {
    config,
    log,
    out: (l) => console.log(l),
    err: (l) => console.error(l),
    async db() {
      if (!opened) {
        opened = openDatabase({ url: config.databaseUrl });
        await migrateToLatest(opened.db, opened.dialect);
      }
      return opened;
    },
  };
  try {
    return await cmd.run(rest, ctx);
  } catch (e) {
    console.error(`${name} failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    if (opened && name !== 'serve') await opened.db.destroy();
  }
}
