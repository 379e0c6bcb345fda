import type { DbOrTrx } from '../db/database.ts';
import type { AppDeps } from '../app-deps.ts';

export interface TimerSpec {
  cinemaId: string;
  customerId: string;
  name: string;
  payload: Record<string, unknown>;
  dueAt: number;
  /** One timer per key: scheduling the same key twice keeps the first. */
  dedupeKey: string;
}

/** Schedules a dialogue timer in the caller's transaction. */
export async function scheduleTimer(db: DbOrTrx, t: TimerSpec): Promise<void> {
  await db
    .insertInto('timers')
    .values({ cinema_id: t.cinemaId, customer_id: t.customerId, name: t.name, payload_json: JSON.stringify(t.payload), due_at: t.dueAt, fired_at: null, dedupe_key: t.dedupeKey })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

/** Inserts an internal event into a customer's inbound queue, processed in order with their messages. */
export async function queueInternalEvent(db: DbOrTrx, now: number, e: { cinemaId: string; customerId: string; key: string; payload: Record<string, unknown> }): Promise<void> {
  await db
    .insertInto('inbound_messages')
    .values({
      cinema_id: e.cinemaId,
      customer_id: e.customerId,
      wamid: `internal:${e.key}`,
      type: 'internal',
      payload_json: JSON.stringify(e.payload),
      sent_at: now,
      received_at: now,
      status: 'pending',
      attempts: 0,
      processed_at: null,
      error: null,
    })
    .onConflict((oc) => oc.column('wamid').doNothing())
    .execute();
}

/**
 * Turns due timers into internal inbound events. Claiming is a conditional update, so with
 * several processes each timer fires once; the event's unique id makes a repeat harmless anyway.
 */
export async function fireDueTimers(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db.selectFrom('timers').selectAll().where('fired_at', 'is', null).where('due_at', '<=', now).orderBy('due_at').limit(100).execute();
  let fired = 0;
  for (const t of due) {
    await deps.db.transaction().execute(async (trx) => {
      const claimed = await trx.updateTable('timers').set({ fired_at: now }).where('id', '=', t.id).where('fired_at', 'is', null).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return;
      await queueInternalEvent(trx, now, {
        cinemaId: t.cinema_id,
        customerId: t.customer_id,
        key: `timer:${t.id}`,
        payload: { internal: 'timer', name: t.name, ...(JSON.parse(t.payload_json) as Record<string, unknown>) },
      });
      fired++;
    });
  }
  return fired;
}
