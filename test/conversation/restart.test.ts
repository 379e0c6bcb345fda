import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { startServer } from '../../src/serve.ts';
import { createTestDb } from '../helpers/db.ts';
import { WhatsAppUser } from '../helpers/whatsapp-user.ts';
import { DEMO_BUSINESS } from '../../src/sandbox/demo-business.ts';

/** The seed bot forgot everyone on restart; Marquee's sessions live in the database. */
test('a customer mid-booking carries on after the server restarts', async () => {
  const db = await createTestDb();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-restart-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, MARQUEE_DEMO: '1', LOG_LEVEL: 'silent', DATABASE_URL: db.url });
  let server = await startServer(config);
  try {
    const u = new WhatsAppUser(server.emulator, server.deps.db, config.secretKey, DEMO_BUSINESS.phoneNumberId, '919077700001', 'Restart');
    await u.say('hi');
    await u.tap('mv:');
    const waiting = u.options().map((o) => o.id);
    const step = await db.db.selectFrom('conversation_sessions').select('state_json').executeTakeFirstOrThrow();
    await server.close();

    server = await startServer(config);
    // The same WhatsApp user, seen by the new process; the option they were shown is still good.
    const again = new WhatsAppUser(server.emulator, server.deps.db, config.secretKey, DEMO_BUSINESS.phoneNumberId, u.from, u.name);
    again.received.push(...u.received);
    const option = waiting[0];
    const replies = await again.tap(option.slice(0, option.indexOf(':') + 1));
    const text = replies.map(WhatsAppUser.textOf).join(' ');
    assert.doesNotMatch(text, /expired|Welcome/i, `carried on: ${text}`);
    const after = await db.db.selectFrom('conversation_sessions').select('state_json').executeTakeFirstOrThrow();
    assert.notEqual(JSON.parse(after.state_json).step.name, JSON.parse(step.state_json).step.name, 'the booking moved on a step');
  } finally {
    await server.close();
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
