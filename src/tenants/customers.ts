import crypto from 'node:crypto';
import type { DbOrTrx } from '../db/database.ts';
import { decrypt, encrypt, lookupHash } from './secrets.ts';

export interface CustomerIdentity {
  cinemaId: string;
  /** Phone number digits (wa_id); absent for users known only by a business-scoped user id. */
  waId?: string;
  /** Business-scoped user id (BSUID). */
  userId?: string;
  name?: string;
  /** When the customer last wrote (Meta's timestamp): opens the 24-hour window. */
  lastInboundAt?: number;
}

/** Digits only: "+91 98765-43210" → "919876543210". */
export function normalizePhone(phone: string): string {
  return phone.replace(/\D/g, '');
}

/**
 * Finds or creates the customer for an inbound identity, keyed by (cinema, user_id ?? wa_id).
 * A user first seen by number and later with a BSUID stays the same customer.
 */
export async function resolveCustomer(db: DbOrTrx, key: Buffer, now: number, who: CustomerIdentity): Promise<string> {
  const waId = who.waId ? normalizePhone(who.waId) : undefined;
  if (!waId && !who.userId) throw new Error('an inbound message without wa_id or user_id');
  const waHash = waId ? lookupHash(key, waId) : undefined;
  const find = async () => {
    if (who.userId) {
      const r = await db.selectFrom('customers').select(['id', 'user_id', 'wa_id_hash', 'name', 'last_inbound_at']).where('cinema_id', '=', who.cinemaId).where('user_id', '=', who.userId).executeTakeFirst();
      if (r) return r;
    }
    if (waHash) {
      return db.selectFrom('customers').select(['id', 'user_id', 'wa_id_hash', 'name', 'last_inbound_at']).where('cinema_id', '=', who.cinemaId).where('wa_id_hash', '=', waHash).executeTakeFirst();
    }
    return undefined;
  };
  const existing = await find();
  if (existing) {
    const patch: Record<string, unknown> = {};
    if (who.userId && !existing.user_id) patch.user_id = who.userId;
    if (waId && !existing.wa_id_hash) Object.assign(patch, { wa_id_hash: waHash, wa_id_enc: encrypt(key, waId), wa_id_last4: waId.slice(-4) });
    if (who.name && who.name !== existing.name) patch.name = who.name;
    if (who.lastInboundAt !== undefined && who.lastInboundAt > (existing.last_inbound_at ?? 0)) patch.last_inbound_at = who.lastInboundAt;
    if (Object.keys(patch).length) await db.updateTable('customers').set(patch).where('id', '=', existing.id).execute();
    return existing.id;
  }
  const id = `cus_${crypto.randomBytes(8).toString('hex')}`;
  await db
    .insertInto('customers')
    .values({
      id,
      cinema_id: who.cinemaId,
      key_hash: lookupHash(key, who.userId ?? waId!),
      wa_id_enc: waId ? encrypt(key, waId) : null,
      wa_id_hash: waHash ?? null,
      wa_id_last4: waId ? waId.slice(-4) : null,
      user_id: who.userId ?? null,
      name: who.name ?? null,
      language: null,
      is_test: 0,
      created_at: now,
      last_inbound_at: who.lastInboundAt ?? null,
    })
    .onConflict((oc) => oc.columns(['cinema_id', 'key_hash']).doNothing())
    .execute();
  const again = await find();
  if (!again) throw new Error('customer vanished after insert');
  return again.id;
}

/** Where to send a customer's messages: the phone number (decrypted) or the BSUID. */
export async function customerAddress(db: DbOrTrx, key: Buffer, customerId: string): Promise<{ phone?: string; userId?: string; isTest: boolean }> {
  const r = await db.selectFrom('customers').select(['wa_id_enc', 'user_id', 'is_test']).where('id', '=', customerId).executeTakeFirstOrThrow();
  return { phone: r.wa_id_enc ? decrypt(key, r.wa_id_enc) : undefined, userId: r.user_id ?? undefined, isTest: r.is_test === 1 };
}
