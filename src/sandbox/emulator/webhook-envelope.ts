import type { PhoneRecord } from './business-directory.ts';

/** One `changes[].value` for a phone number, before the envelope adds messaging_product and metadata. */
export interface ChangeValue {
  phone: PhoneRecord;
  value: Record<string, unknown>;
}

/** Digits of a display number: webhook metadata carries `919876543210`, not `+91 98765 43210`. */
export function displayDigits(phone: PhoneRecord): string {
  return phone.displayPhoneNumber.replace(/\D/g, '');
}

/**
 * Meta's webhook envelope: one entry per WABA, one `messages` change per phone number, with the
 * values of the same phone number merged (statuses batched into one array, as Meta does).
 */
export function webhookEnvelope(values: ChangeValue[]): Record<string, unknown> {
  const entries = new Map<string, Map<string, Record<string, unknown>>>();
  for (const { phone, value } of values) {
    const changes = entries.get(phone.wabaId) ?? new Map<string, Record<string, unknown>>();
    entries.set(phone.wabaId, changes);
    const merged = changes.get(phone.id) ?? {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: displayDigits(phone), phone_number_id: phone.id },
    };
    for (const [key, v] of Object.entries(value)) {
      merged[key] = Array.isArray(v) && Array.isArray(merged[key]) ? [...(merged[key] as unknown[]), ...v] : v;
    }
    changes.set(phone.id, merged);
  }
  return {
    object: 'whatsapp_business_account',
    entry: [...entries].map(([wabaId, changes]) => ({
      id: wabaId,
      changes: [...changes.values()].map((value) => ({ value, field: 'messages' })),
    })),
  };
}
