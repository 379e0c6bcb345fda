import type { DbOrTrx } from '../../db/database.ts';
import type { AnalyticsTables, FunnelStep } from './tables.ts';

export type { FunnelStep } from './tables.ts';

export interface FunnelEvent {
  cinemaId: string;
  customerId: string;
  step: FunnelStep;
  /** When the step happened (the worker's clock), epoch ms. */
  at: number;
  isTest: boolean;
  /** Normally derived: a `started` opens a conversation and later steps join the customer's latest one. */
  conversationKey?: string;
}

/**
 * Records funnel steps in the caller's transaction, so they commit with the session change that
 * caused them. A step a conversation already reached is ignored, which also makes a retried
 * transaction harmless. A later step without any earlier start (a session that began before
 * events were recorded) opens a conversation of its own, so the funnel never shows more
 * customers choosing a show than starting; every conversation therefore has a `started` event.
 *
 *     await recordFunnelEvents(trx, [{ cinemaId, customerId, step: 'show_chosen', at: now, isTest: false }]);
 */
export async function recordFunnelEvents(db: DbOrTrx, events: readonly FunnelEvent[]): Promise<void> {
  const adb = db.withTables<AnalyticsTables>();
  for (const e of events) {
    let key = e.conversationKey;
    if (key && e.step !== 'started') {
      // Every conversation has a start, which is what places it in a period; this one's may predate the events.
      await insert(db, e, 'started', key);
    } else if (!key && e.step !== 'started') {
      const open = await adb
        .selectFrom('funnel_events')
        .select('conversation_key')
        .where('customer_id', '=', e.customerId)
        .where('step', '=', 'started')
        .where('at', '<=', e.at)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      key = open?.conversation_key;
      if (!key) {
        key = `${e.customerId}:${e.at}`;
        await insert(db, e, 'started', key);
      }
    }
    await insert(db, e, e.step, key ?? `${e.customerId}:${e.at}`);
  }
}

async function insert(db: DbOrTrx, e: FunnelEvent, step: FunnelStep, key: string): Promise<void> {
  await db
    .withTables<AnalyticsTables>()
    .insertInto('funnel_events')
    .values({ cinema_id: e.cinemaId, customer_id: e.customerId, step, at: e.at, conversation_key: key, is_test: e.isTest ? 1 : 0 })
    .onConflict((oc) => oc.columns(['conversation_key', 'step']).doNothing())
    .execute();
}
