import type { DbOrTrx } from '../db/database.ts';
import { isRecord } from '../whatsapp/is-record.ts';
import { queueInternalEvent } from '../jobs/timers.ts';

export interface CustomerRow {
  id: string;
  cinemaId: string;
  name: string | null;
  last4: string | null;
  language: string | null;
  isTest: boolean;
  createdAt: number;
  lastInboundAt: number | null;
}

const CUSTOMER_COLUMNS = ['c.id', 'c.cinema_id', 'c.name', 'c.wa_id_last4', 'c.language', 'c.is_test', 'c.created_at', 'c.last_inbound_at'] as const;

function toCustomer(r: {
  id: string;
  cinema_id: string;
  name: string | null;
  wa_id_last4: string | null;
  language: string | null;
  is_test: number;
  created_at: number;
  last_inbound_at: number | null;
}): CustomerRow {
  return { id: r.id, cinemaId: r.cinema_id, name: r.name, last4: r.wa_id_last4, language: r.language, isTest: r.is_test === 1, createdAt: r.created_at, lastInboundAt: r.last_inbound_at };
}

/** A customer of this cinema, or undefined: never one of another cinema. */
export async function getCustomer(db: DbOrTrx, cinemaId: string, customerId: string): Promise<CustomerRow | undefined> {
  const r = await db.selectFrom('customers as c').select(CUSTOMER_COLUMNS).where('c.cinema_id', '=', cinemaId).where('c.id', '=', customerId).executeTakeFirst();
  return r ? toCustomer(r) : undefined;
}

/** The sealed phone number, for the audited "reveal" action only. */
export async function getCustomerPhoneSealed(db: DbOrTrx, cinemaId: string, customerId: string): Promise<string | null> {
  const r = await db.selectFrom('customers').select('wa_id_enc').where('cinema_id', '=', cinemaId).where('id', '=', customerId).executeTakeFirst();
  return r?.wa_id_enc ?? null;
}

export interface CustomerQuery {
  /** lookupHash of the normalised number: numbers are searched by hash, never in clear. */
  phoneHash?: string;
  name?: string;
  limit?: number;
  offset?: number;
}

export async function listCustomers(db: DbOrTrx, cinemaId: string, q: CustomerQuery = {}): Promise<CustomerRow[]> {
  let s = db.selectFrom('customers as c').select(CUSTOMER_COLUMNS).where('c.cinema_id', '=', cinemaId);
  if (q.phoneHash) s = s.where('c.wa_id_hash', '=', q.phoneHash);
  if (q.name) s = s.where('c.name', 'like', `%${q.name.replace(/[%_]/g, '')}%`);
  const rows = await s
    .orderBy('c.last_inbound_at', 'desc')
    .orderBy('c.id')
    .limit(Math.min(q.limit ?? 50, 200))
    .offset(q.offset ?? 0)
    .execute();
  return rows.map(toCustomer);
}

/**
 * Whether a stored dialogue state is in staff hand-off. The state belongs to the dialogue and is
 * versioned there, so this reads it defensively: `mode: 'handoff'` at the top or one level down.
 */
export function isHandoffState(stateJson: string): boolean {
  let s: unknown;
  try {
    s = JSON.parse(stateJson);
  } catch {
    return false;
  }
  if (!isRecord(s)) return false;
  if (s.mode === 'handoff') return true;
  return Object.values(s).some((v) => isRecord(v) && v.mode === 'handoff');
}

export interface HandoffEntry {
  customer: CustomerRow;
  since: number;
}

/** Customers waiting for staff, longest-waiting first. */
export async function listHandoffs(db: DbOrTrx, cinemaId: string): Promise<HandoffEntry[]> {
  const rows = await db
    .selectFrom('conversation_sessions as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .select([...CUSTOMER_COLUMNS, 's.state_json', 's.updated_at'])
    .where('s.cinema_id', '=', cinemaId)
    .where('c.cinema_id', '=', cinemaId)
    // A cheap pre-filter; isHandoffState decides.
    .where('s.state_json', 'like', '%handoff%')
    .orderBy('s.updated_at')
    .execute();
  return rows.filter((r) => isHandoffState(r.state_json)).map((r) => ({ customer: toCustomer(r), since: r.updated_at }));
}

export async function isInHandoff(db: DbOrTrx, cinemaId: string, customerId: string): Promise<boolean> {
  const r = await db.selectFrom('conversation_sessions').select('state_json').where('cinema_id', '=', cinemaId).where('customer_id', '=', customerId).executeTakeFirst();
  return r ? isHandoffState(r.state_json) : false;
}

export type TranscriptEntry =
  | { dir: 'in'; id: number; at: number; type: string; payloadJson: string; status: string }
  | { dir: 'out'; id: number; at: number; kind: string; payloadJson: string; status: string; errorCode: number | null; error: string | null };

/** The last `limit` messages both ways, oldest first. */
export async function transcript(db: DbOrTrx, cinemaId: string, customerId: string, limit = 200): Promise<TranscriptEntry[]> {
  const inbound = await db
    .selectFrom('inbound_messages')
    .select(['id', 'received_at', 'type', 'payload_json', 'status'])
    .where('cinema_id', '=', cinemaId)
    .where('customer_id', '=', customerId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const outbound = await db
    .selectFrom('outbound_messages')
    .select(['id', 'created_at', 'kind', 'payload_json', 'status', 'error_code', 'error'])
    .where('cinema_id', '=', cinemaId)
    .where('customer_id', '=', customerId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const all: TranscriptEntry[] = [
    ...inbound.map((r) => ({ dir: 'in' as const, id: Number(r.id), at: r.received_at, type: r.type, payloadJson: r.payload_json, status: r.status })),
    ...outbound.map((r) => ({ dir: 'out' as const, id: Number(r.id), at: r.created_at, kind: r.kind, payloadJson: r.payload_json, status: r.status, errorCode: r.error_code, error: r.error })),
  ];
  all.sort((a, b) => a.at - b.at || (a.dir === b.dir ? a.id - b.id : a.dir === 'in' ? -1 : 1));
  return all.slice(-limit);
}

/**
 * Hands a customer back to the bot: an internal inbound event, processed in order with the
 * customer's messages, which the conversation worker turns into the dialogue's 'handoff_ended'.
 */
export async function insertHandBackEvent(db: DbOrTrx, now: number, cinemaId: string, customerId: string): Promise<void> {
  await queueInternalEvent(db, now, { cinemaId, customerId, key: `handoff-end:${customerId}:${now}`, payload: { internal: 'handoff_ended' } });
}

/** Failed outbound messages of the last `sinceMs`, for the overview's health panel. */
export async function countFailedOutbound(db: DbOrTrx, cinemaId: string, since: number): Promise<number> {
  const r = await db
    .selectFrom('outbound_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('cinema_id', '=', cinemaId)
    .where('status', '=', 'failed')
    .where('updated_at', '>=', since)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
