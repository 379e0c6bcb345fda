import type { DbOrTrx } from '../db/database.ts';
import type { OutgoingMessage } from '../whatsapp/outgoing.ts';

export interface OutboundItem {
  cinemaId: string;
  /** The customer it goes to; or `toEnc` (a sealed phone number) for staff notifications. */
  customerId?: string | null;
  toEnc?: string | null;
  /** reply | notice | staff | staff_reply | ticket | test … (for the interaction log and analytics). */
  kind: string;
  message: OutgoingMessage;
  inboundId?: number | null;
  /** Makes queuing idempotent: a second item with the same key is ignored. */
  dedupeKey?: string | null;
}

/**
 * Queues messages in the caller's transaction (the outbox): they leave only after it commits,
 * and the dispatcher delivers them at least once, in order per customer.
 */
export async function queueOutbound(db: DbOrTrx, now: number, items: OutboundItem[]): Promise<void> {
  for (const it of items) {
    const row = {
      cinema_id: it.cinemaId,
      customer_id: it.customerId ?? null,
      to_enc: it.toEnc ?? null,
      inbound_id: it.inboundId ?? null,
      kind: it.kind,
      payload_json: JSON.stringify(it.message),
      status: 'queued' as const,
      attempts: 0,
      next_attempt_at: now,
      dedupe_key: it.dedupeKey ?? null,
      created_at: now,
      updated_at: now,
    };
    if (it.dedupeKey) {
      await db.insertInto('outbound_messages').values(row).onConflict((oc) => oc.column('dedupe_key').doNothing()).execute();
    } else {
      await db.insertInto('outbound_messages').values(row).execute();
    }
  }
}
