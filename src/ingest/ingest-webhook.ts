import type { Db, DbOrTrx, Trx } from '../db/database.ts';
import type { Logger } from '../log.ts';
import type { WebhookEvent, StatusUpdate, InboundMessage } from '../whatsapp/webhook.ts';
import { getCinemaByPhoneNumberId } from '../tenants/cinemas.ts';
import { resolveCustomer } from '../tenants/customers.ts';
import { resendAsStaffTemplate } from '../jobs/staff-template.ts';

export interface IngestDeps {
  db: Db;
  log: Logger;
  secretKey: Buffer;
  now: number;
}

export interface IngestResult {
  messages: number;
  duplicates: number;
  statuses: number;
  unknownNumbers: number;
  other: number;
}

/** Outbound status order: a late `delivered` never downgrades `read`; `failed` never replaces `read`. */
const STATUS_RANK: Record<string, number> = { queued: 0, sending: 0, unknown: 0, sent: 1, delivered: 2, failed: 2, read: 3, played: 3 };

/** What the conversation worker reads back (`StoredInbound`): the parsed content and Meta's object without the sender's number, which lives encrypted on the customer. */
function storablePayload(m: InboundMessage): string {
  const { from: _from, ...raw } = m.raw as Record<string, unknown>;
  const stored: StoredInbound = { content: m.content, contextId: m.contextId, forwarded: m.forwarded, raw };
  return JSON.stringify(stored);
}

export interface StoredInbound {
  content: InboundMessage['content'];
  contextId?: string;
  forwarded?: boolean;
  raw: Record<string, unknown>;
}

/**
 * Stores one verified webhook delivery in a single transaction: every message (idempotent on its
 * wamid), every status (idempotent on wamid + status) and every other field. No outbound calls.
 */
export async function ingestWebhook(deps: IngestDeps, events: WebhookEvent[]): Promise<IngestResult> {
  return deps.db.transaction().execute((trx) => ingestEvents(trx, deps, events, new Map()));
}

/**
 * The body of ingestWebhook inside a caller's transaction (the batcher commits many deliveries
 * at once). `cinemas` caches phone number id → cinema id for that transaction.
 */
export async function ingestEvents(trx: Trx, deps: Omit<IngestDeps, 'db'>, events: WebhookEvent[], cinemas: Map<string, string | null>): Promise<IngestResult> {
  const result: IngestResult = { messages: 0, duplicates: 0, statuses: 0, unknownNumbers: 0, other: 0 };
  {
    const cinemaFor = async (phoneNumberId: string) => {
      if (!cinemas.has(phoneNumberId)) cinemas.set(phoneNumberId, (await getCinemaByPhoneNumberId(trx, phoneNumberId))?.id ?? null);
      return cinemas.get(phoneNumberId)!;
    };
    for (const ev of events) {
      if (ev.kind === 'message') {
        const cinemaId = await cinemaFor(ev.phoneNumberId);
        if (!cinemaId) {
          result.unknownNumbers++;
          deps.log.warn({ phoneNumberId: ev.phoneNumberId }, 'webhook for a phone number no cinema owns');
          continue;
        }
        const m = ev.message;
        if (!m.from && !m.userId) {
          // A system notice without a sender (e.g. a number change) has nobody to answer.
          await recordOther(trx, deps.now, cinemaId, 'message_without_sender', m.raw);
          result.other++;
          continue;
        }
        const customerId = await resolveCustomer(trx, deps.secretKey, deps.now, { cinemaId, waId: m.from, userId: m.userId, name: m.profileName, lastInboundAt: m.timestampMs });
        const inserted = await trx
          .insertInto('inbound_messages')
          .values({
            cinema_id: cinemaId,
            customer_id: customerId,
            wamid: m.wamid,
            type: m.content.type,
            payload_json: storablePayload(m),
            sent_at: m.timestampMs,
            received_at: deps.now,
            status: 'pending',
            attempts: 0,
            processed_at: null,
            error: null,
          })
          .onConflict((oc) => oc.column('wamid').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
          result.messages++;
        } else {
          result.duplicates++;
        }
      } else if (ev.kind === 'status') {
        if (await applyStatus(trx, deps.now, ev.status)) result.statuses++;
      } else if (ev.kind === 'invalid') {
        deps.log.warn({ reason: ev.reason }, 'malformed item in a webhook');
        await recordOther(trx, deps.now, null, 'invalid', { reason: ev.reason });
        result.other++;
      } else {
        const cinemaId = 'phoneNumberId' in ev && ev.phoneNumberId ? await cinemaFor(ev.phoneNumberId) : null;
        await recordOther(trx, deps.now, cinemaId, ev.kind === 'error' ? 'errors' : ev.field, ev.kind === 'error' ? ev.errors : ev.value);
        result.other++;
      }
    }
  }
  return result;
}

async function recordOther(db: DbOrTrx, now: number, cinemaId: string | null, field: string, payload: unknown): Promise<void> {
  await db.insertInto('webhook_events').values({ cinema_id: cinemaId, field, payload_json: JSON.stringify(payload ?? null), received_at: now }).execute();
}

/** Records a status once and moves our outbound message forward (never backward). */
export async function applyStatus(db: DbOrTrx, now: number, s: StatusUpdate): Promise<boolean> {
  const code = s.errors?.[0]?.code ?? null;
  const ins = await db
    .insertInto('message_statuses')
    .values({ wamid: s.wamid, status: s.status, timestamp: s.timestampMs, error_code: code, received_at: now })
    .onConflict((oc) => oc.columns(['wamid', 'status']).doNothing())
    .executeTakeFirst();
  if (Number(ins.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  let row = await db.selectFrom('outbound_messages').select(['id', 'status', 'kind', 'cinema_id', 'to_enc', 'payload_json']).where('wamid', '=', s.wamid).executeTakeFirst();
  if (!row && s.bizOpaque && /^mq:\d+$/.test(s.bizOpaque)) {
    // Sent just before a crash: the send succeeded but its wamid was never recorded.
    const id = Number(s.bizOpaque.slice(3));
    row = await db.selectFrom('outbound_messages').select(['id', 'status', 'kind', 'cinema_id', 'to_enc', 'payload_json']).where('id', '=', id).where('wamid', 'is', null).executeTakeFirst();
    if (row) await db.updateTable('outbound_messages').set({ wamid: s.wamid }).where('id', '=', row.id).execute();
  }
  if (!row) return true;
  const next = s.status === 'played' ? 'read' : s.status;
  if ((STATUS_RANK[next] ?? 0) <= (STATUS_RANK[row.status] ?? 0) && !(row.status === 'unknown')) return true;
  if (row.status === 'read') return true;
  const e = s.errors?.[0];
  await db
    .updateTable('outbound_messages')
    .set({
      status: next,
      updated_at: now,
      ...(next === 'failed' ? { error_code: code, error: e ? `${e.code} ${e.title ?? e.message ?? ''}`.trim() : 'failed' } : {}),
    })
    .where('id', '=', row.id)
    .execute();
  if (next === 'failed' && code === 131047) await resendAsStaffTemplate(db, now, { ...row, id: Number(row.id) });
  return true;
}
