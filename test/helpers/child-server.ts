import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_SECRET, SECRET_KEY_HEX, VERIFY_TOKEN } from './pipeline.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

export interface ChildServer {
  url: string;
  proc: ChildProcess;
  stderr: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** `npx marquee serve` as a separate process (not demo mode), as an operator would run it. */
export async function startChildServer(o: { port: number; databaseUrl: string; graphUrl: string; env?: Record<string, string> }): Promise<ChildServer> {
  const proc = spawn(process.execPath, [path.join(root, 'bin/marquee.js'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(o.port),
      HOST: '127.0.0.1',
      DATABASE_URL: o.databaseUrl,
      WHATSAPP_API_URL: o.graphUrl,
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
      MARQUEE_SECRET_KEY: SECRET_KEY_HEX,
      MARQUEE_DEMO: 'false',
      LOG_LEVEL: 'warn',
      ...o.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  proc.stderr!.on('data', (d) => (err = (err + d).slice(-20_000)));
  const url = `http://127.0.0.1:${o.port}`;
  const exited = new Promise<never>((_, reject) => proc.once('exit', (code) => reject(new Error(`server exited early (${code}): ${err}`))));
  const ready = (async () => {
    for (let i = 0; i < 600; i++) {
      try {
        const r = await fetch(`${url}/readyz`);
        if (r.ok) return;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not become ready: ${err}`);
  })();
  await Promise.race([ready, exited]);
  exited.catch(() => {});
  return {
    url,
    proc,
    stderr: () => err,
    kill(signal = 'SIGKILL') {
      return new Promise((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill(signal);
      });
    },
  };
}

/** Polls `check` until it returns true (or throws after `timeoutMs`). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 60_000, what = 'condition'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}
