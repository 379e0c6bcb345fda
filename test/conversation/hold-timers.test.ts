import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { ManualClock } from '../../src/clock.ts';
import { startServer } from '../../src/serve.ts';
import { createTestDb } from '../helpers/db.ts';
import { WhatsAppUser } from '../helpers/whatsapp-user.ts';
import { eventually } from '../helpers/child-server.ts';
import { DEMO_BUSINESS } from '../../src/sandbox/demo-business.ts';

/**
 * Hold timers through the whole pipeline: scheduled with the hold, fired by the timer loop as
 * internal events in the customer's queue, answered by the dialogue — on an injected clock.
 */
test('a held booking is warned before it expires, then released with an offer to start again', async () => {
  const db = await createTestDb();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-timers-'));
  const clock = new ManualClock(Date.now());
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, MARQUEE_DEMO: '1', LOG_LEVEL: 'silent', DATABASE_URL: db.url });
  const server = await startServer(config, { clock, emulator: { statuses: 'manual' } });
  try {
    const u = new WhatsAppUser(server.emulator, server.deps.db, config.secretKey, DEMO_BUSINESS.phoneNumberId, '919066600001', 'Timers');
    await u.say('hi');
    for (let i = 0; i < 8 && !u.options().some((o) => o.id === 'hold:confirm'); i++) {
      const ids = u.options().map((o) => o.id);
      const next = ids.find((id) => id === 'qty:2') ?? ['show:', 'day:', 'loc:', 'mv:'].map((p) => ids.find((id) => id.startsWith(p))).find(Boolean);
      await u.tap(next!);
    }
    const hold = await server.deps.db.selectFrom('bookings').select(['id', 'hold_expires_at', 'status']).executeTakeFirstOrThrow();
    assert.equal(hold.status, 'held');
    const seen = () => server.emulator.sent({ to: u.from }).length;
    const before = seen();

    clock.set(hold.hold_expires_at - 90_000);
    server.deps.wake();
    await eventually(async () => seen() > before, 20_000, 'the hold warning');
    const warning = WhatsAppUser.textOf(server.emulator.sent({ to: u.from }).at(-1)!);
    assert.match(warning, /held only until/);

    const afterWarning = seen();
    clock.set(hold.hold_expires_at + 1_000);
    server.deps.wake();
    await eventually(async () => seen() > afterWarning, 20_000, 'the expiry notice');
    const notices = server.emulator.sent({ to: u.from }).slice(afterWarning).map(WhatsAppUser.textOf).join(' ');
    assert.match(notices, /ran out|released/);
    // Expiry is a predicate: the seats are free at once, whatever housekeeping has done.
    const again = await server.deps.db.selectFrom('seat_claims').select('seat_id').where('booking_id', '=', hold.id).where('expires_at', '>', clock.now()).execute();
    assert.equal(again.length, 0);
  } finally {
    await server.close();
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
