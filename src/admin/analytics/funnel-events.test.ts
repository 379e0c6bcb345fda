import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../../test/helpers/db.ts';
import { seedCinema, type CinemaFixture } from './fixtures.ts';
import { recordFunnelEvents, type FunnelEvent } from './funnel-events.ts';
import type { AnalyticsTables } from './tables.ts';

let t: TestDb;
let cinema: CinemaFixture;

before(async () => {
  t = await createTestDb();
  cinema = await seedCinema(t.db);
});
after(async () => {
  await t.close();
});

const T0 = Date.UTC(2026, 10, 25, 6, 30);

function events(customerId: string) {
  return t.db
    .withTables<AnalyticsTables>()
    .selectFrom('funnel_events')
    .select(['step', 'at', 'conversation_key', 'is_test'])
    .where('customer_id', '=', customerId)
    .orderBy('id')
    .execute();
}

test('later steps join the conversation the customer last started', async () => {
  const c = await cinema.customer();
  const ev = (step: FunnelEvent['step'], at: number): FunnelEvent => ({ cinemaId: cinema.cinemaId, customerId: c, step, at, isTest: false });
  await t.db.transaction().execute(async (trx) => {
    await recordFunnelEvents(trx, [ev('started', T0), ev('show_chosen', T0 + 1000)]);
  });
  await recordFunnelEvents(t.db, [ev('quantity_chosen', T0 + 2000)]);
  await recordFunnelEvents(t.db, [ev('started', T0 + 3_600_000), ev('confirmed', T0 + 3_600_500)]);
  const rows = await events(c);
  assert.deepEqual(
    rows.map((r) => [r.step, r.conversation_key]),
    [
      ['started', `${c}:${T0}`],
      ['show_chosen', `${c}:${T0}`],
      ['quantity_chosen', `${c}:${T0}`],
      ['started', `${c}:${T0 + 3_600_000}`],
      ['confirmed', `${c}:${T0 + 3_600_000}`],
    ],
  );
});

test('a step reached again in the same conversation is recorded once', async () => {
  const c = await cinema.customer();
  const ev = (step: FunnelEvent['step'], at: number): FunnelEvent => ({ cinemaId: cinema.cinemaId, customerId: c, step, at, isTest: false });
  await recordFunnelEvents(t.db, [ev('started', T0), ev('show_chosen', T0 + 1)]);
  await recordFunnelEvents(t.db, [ev('show_chosen', T0 + 2)]);
  await recordFunnelEvents(t.db, [ev('started', T0)]);
  assert.deepEqual((await events(c)).map((r) => [r.step, r.at]), [
    ['started', T0],
    ['show_chosen', T0 + 1],
  ]);
});

test('a step without an earlier start opens a conversation of its own', async () => {
  const c = await cinema.customer({ isTest: true });
  await recordFunnelEvents(t.db, [{ cinemaId: cinema.cinemaId, customerId: c, step: 'quantity_chosen', at: T0, isTest: true }]);
  await recordFunnelEvents(t.db, [{ cinemaId: cinema.cinemaId, customerId: c, step: 'confirmed', at: T0 + 5, isTest: true }]);
  assert.deepEqual((await events(c)).map((r) => [r.step, r.conversation_key, r.is_test]), [
    ['started', `${c}:${T0}`, 1],
    ['quantity_chosen', `${c}:${T0}`, 1],
    ['confirmed', `${c}:${T0}`, 1],
  ]);
});

test('an explicit conversation key is used as given', async () => {
  const c = await cinema.customer();
  await recordFunnelEvents(t.db, [{ cinemaId: cinema.cinemaId, customerId: c, step: 'abandoned', at: T0, isTest: false, conversationKey: 'session-42' }]);
  assert.deepEqual((await events(c)).map((r) => [r.step, r.conversation_key]), [
    ['started', 'session-42'],
    ['abandoned', 'session-42'],
  ]);
});

test('events roll back with the transaction that recorded them', async () => {
  const c = await cinema.customer();
  await assert.rejects(
    t.db.transaction().execute(async (trx) => {
      await recordFunnelEvents(trx, [{ cinemaId: cinema.cinemaId, customerId: c, step: 'started', at: T0, isTest: false }]);
      throw new Error('the turn failed');
    }),
    /the turn failed/,
  );
  assert.deepEqual(await events(c), []);
});
