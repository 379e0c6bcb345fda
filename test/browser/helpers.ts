import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import { startServer, type RunningServer } from '../../src/serve.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
export const SCREENSHOT_DIR = path.resolve('test-artifacts/screenshots');

/** Debian's Chromium, headless; `{ reason }` when it cannot start here (a test then skips, saying why). */
export async function launchChromium(): Promise<{ browser: Browser } | { reason: string }> {
  if (!fs.existsSync(CHROMIUM_PATH)) return { reason: `${CHROMIUM_PATH} is missing (apt-get install -y chromium)` };
  try {
    return { browser: await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }) };
  } catch (e) {
    return { reason: `Chromium did not start: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
}

export interface DemoServer {
  server: RunningServer;
  /** The test's own handle on the server's database, for checking what the server stored. */
  db: TestDb;
  url: string;
  close(): Promise<void>;
}

/**
 * `marquee serve` in demo mode, in this process, on a free port and a fresh database (a temporary
 * SQLite file, or a schema of its own when DATABASE_URL is PostgreSQL): the demo cinema, its
 * catalogue, the emulator and the workers, exactly as `npm start` runs them.
 */
export async function startDemoServer(): Promise<DemoServer> {
  const db = await createTestDb();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-browser-'));
  const server = await startServer(loadConfig({ PORT: '0', DATA_DIR: dataDir, MARQUEE_DEMO: '1', LOG_LEVEL: 'silent', DATABASE_URL: db.url }));
  return {
    server,
    db,
    url: server.url,
    async close() {
      await server.close();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Keeps a screenshot as a test artifact: test-artifacts/screenshots/<name>.png. */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Waits until `check` holds, asking again every 25 ms: for state outside the page (the database),
 * where Playwright's own waiting cannot look.
 */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
