import fs from 'node:fs';
import path from 'node:path';
import type { CliCommand } from './types.ts';
import { parseFlags } from './parse-args.ts';
import { DEMO_LOGIN } from '../sandbox/demo-bootstrap.ts';

const serve: CliCommand = {
  name: 'serve',
  summary: 'Start Marquee: webhook, dashboard, admin API, sandbox and background workers',
  usage: 'marquee serve',
  async run(argv, ctx) {
    if (argv.length) return ctx.err(`serve takes no arguments (configure it with environment variables).\nUsage: ${this.usage}`), 2;
    const { startServer } = await import('../serve.ts');
    const server = await startServer(ctx.config, { log: ctx.log });
    const u = server.url;
    if (ctx.config.demo) {
      ctx.out('');
      ctx.out('  Marquee is running in demo mode (SQLite, built-in WhatsApp emulator, demo cinema).');
      ctx.out(`  Chat simulator:  ${u}/sandbox`);
      ctx.out(`  Dashboard:       ${u}/admin   (sign in as ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password})`);
      ctx.out(`  Admin API docs:  ${u}/api/docs`);
      ctx.out(`  Webhook:         ${u}/webhooks/whatsapp`);
      ctx.out('  Stop with Ctrl+C; data stays in ./data (npx marquee demo:reset starts over).');
      ctx.out('');
    } else {
      ctx.out(`Marquee is listening on ${u} (webhook ${u}/webhooks/whatsapp, dashboard ${u}/admin).`);
    }
    await new Promise<void>((resolve) => {
      let stopping = false;
      const stop = (sig: string) => {
        if (stopping) return;
        stopping = true;
        ctx.log.info({ signal: sig }, 'shutting down: finishing work in hand');
        server.close().then(resolve, (e) => {
          ctx.log.error({ err: e }, 'shutdown failed');
          resolve();
        });
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    });
    return 0;
  },
};

const emulator: CliCommand = {
  name: 'emulator',
  summary: 'Run the WhatsApp Cloud API emulator on its own (with the demo business)',
  usage: 'marquee emulator [--port 4010] [--host 127.0.0.1] [--webhook-url http://127.0.0.1:3000/webhooks/whatsapp] [--app-secret S]',
  async run(argv, ctx) {
    const p = parseFlags(argv, { port: { type: 'string' }, host: { type: 'string' }, 'webhook-url': { type: 'string' }, 'app-secret': { type: 'string' } });
    if (!p.ok) return ctx.err(`${p.error}\nUsage: ${this.usage}`), 2;
    const f = p.flags as Record<string, string | undefined>;
    const port = Number(f.port ?? 4010);
    if (!Number.isInteger(port) || port < 0 || port > 65535) return ctx.err('--port must be a port number.'), 2;
    const { startStandaloneEmulator } = await import('../sandbox/emulator/index.ts');
    const em = await startStandaloneEmulator({
      port,
      host: f.host ?? '127.0.0.1',
      webhookUrl: f['webhook-url'] ?? `http://127.0.0.1:${ctx.config.port}/webhooks/whatsapp`,
      appSecret: f['app-secret'] ?? ctx.config.appSecret,
    });
    ctx.out(`WhatsApp Cloud API emulator on ${em.url} (set WHATSAPP_API_URL=${em.url}); webhooks go to ${f['webhook-url'] ?? `http://127.0.0.1:${ctx.config.port}/webhooks/whatsapp`}.`);
    await new Promise<void>((resolve) => {
      process.once('SIGTERM', resolve);
      process.once('SIGINT', resolve);
    });
    await em.close();
    return 0;
  },
};

const demoReset: CliCommand = {
  name: 'demo:reset',
  summary: 'Delete the demo database so the next start loads a fresh demo',
  usage: 'marquee demo:reset',
  async run(_argv, ctx) {
    if (ctx.config.dialect !== 'sqlite') return ctx.err('demo:reset only works on the embedded SQLite database; it will not touch PostgreSQL.'), 1;
    const file = path.resolve(ctx.config.databaseUrl.replace(/^(sqlite|file):(\/\/)?/, ''));
    const removed = [file, `${file}-wal`, `${file}-shm`].filter((f) => fs.existsSync(f));
    for (const f of removed) fs.rmSync(f);
    fs.rmSync(path.join(ctx.config.dataDir, 'exports'), { recursive: true, force: true });
    ctx.out(removed.length ? `Removed ${file}. The next \`npm start\` loads a fresh demo.` : 'Nothing to reset.');
    return 0;
  },
};

export const serveCommands: CliCommand[] = [serve, emulator, demoReset];
