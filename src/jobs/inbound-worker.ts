import { sql } from 'kysely';
import type { AppDeps } from '../app-deps.ts';
import type { Trx } from '../db/database.ts';
import type { InboundMessagesTable } from '../db/tables.ts';

export type InboundRow = Omit<InboundMessagesTable, 'id'> & { id: number };

/** What the conversation layer does with one inbound message, inside the worker's transaction. */
export type TurnHandler = (deps: AppDeps, trx: Trx, inbound: InboundRow, mode: 'normal' | 'stale' | 'flood') => Promise<void>;

export interface InboundHandlers {
  turn: TurnHandler;
  /** Called (outside the failed transaction) when a message finally could not be processed. */
  failed?: (deps: AppDeps, inbound: InboundRow) => Promise<void>;
}

const MAX_ATTEMPTS = 3;

/**
 * Processes the oldest pending message of one customer whose conversation no other worker holds.
 * The customer row lock (PostgreSQL) or the single writer (SQLite) makes each customer's messages
 * run one at a time, in arrival order, across processes. Returns false when there was no work.
 */
export async function processNextInbound(deps: AppDeps, handlers: InboundHandlers): Promise<boolean> {
  const { db, dialect } = deps;
  const candidates = await db
    .selectFrom('inbound_messages')
    .select('customer_id')
    .where('status', '=', 'pending')
    .orderBy('id')
    .limit(16)
    .execute();
  if (!candidates.length) return false;
  const seen = new Set<string>();
  for (const { customer_id } of candidates) {
    if (seen.has(customer_id)) continue;
    seen.add(customer_id);
    let failed: { id: number; error: unknown } | undefined;
    const done = await db.transaction().execute(async (trx) => {
      if (dialect === 'postgres') {
        const locked = await sql<{ id: string }>`SELECT id FROM customers WHERE id = ${customer_id} FOR UPDATE SKIP LOCKED`.execute(trx);
        if (!locked.rows.length) return false;
      }
      const msg = await trx
        .selectFrom('inbound_messages')
        .selectAll()
        .where('customer_id', '=', customer_id)
        .where('status', '=', 'pending')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      if (!msg) return false;
      const now = deps.clock.now();
      const mode = await classify(deps, trx, msg as InboundRow);
      try {
        await handlers.turn(deps, trx, msg as InboundRow, mode);
      } catch (error) {
        failed = { id: msg.id, error };
        throw error;
      }
      await trx
        .updateTable('inbound_messages')
        .set({ status: mode === 'normal' ? 'done' : mode, processed_at: now, attempts: msg.attempts + 1 })
        .where('id', '=', msg.id)
        .execute();
      return true;
    }).catch(async (e) => {
      if (!failed) throw e;
      await recordFailure(deps, handlers, failed.id, failed.error);
      return true;
    });
    if (done) return true;
  }
  return false;
}

/** Stale (older than the configured age when it reached us) or part of a flood: recorded, not answered as new. */
async function classify(deps: AppDeps, trx: Trx, msg: InboundRow): Promise<'normal' | 'stale' | 'flood'> {
  if (msg.type === 'internal') return 'normal';
  if (msg.received_at - msg.sent_at > deps.config.staleMessageSeconds * 1000) return 'stale';
  const since = msg.received_at - 60_000;
  const recent = await trx
    .selectFrom('inbound_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('customer_id', '=', msg.customer_id)
    .where('type', '!=', 'internal')
    .where('received_at', '>', since)
    .where('id', '<', msg.id)
    .executeTakeFirstOrThrow();
  return Number(recent.n) >= deps.config.floodMaxPerMinute ? 'flood' : 'normal';
}

/** A message whose handling threw: retried a few times, then marked failed (visible to staff). */
async function recordFailure(deps: AppDeps, handlers: InboundHandlers, id: number, error: unknown): Promise<void> {
  deps.log.error({ err: error, inboundId: id }, 'processing an inbound message failed');
  const row = await deps.db.selectFrom('inbound_messages').select(['attempts']).where('id', '=', id).executeTakeFirst();
  const attempts = (row?.attempts ?? 0) + 1;
  await deps.db
    .updateTable('inbound_messages')
    .set({
      attempts,
      status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
      error: error instanceof Error ? error.message.slice(0, 500) : 'error',
      processed_at: attempts >= MAX_ATTEMPTS ? deps.clock.now() : null,
    })
    .where('id', '=', id)
    .execute();
  if (attempts >= MAX_ATTEMPTS && handlers.failed) {
    const row = await deps.db.selectFrom('inbound_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await handlers.failed(deps, row as InboundRow);
  }
}
