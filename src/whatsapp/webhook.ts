import { z } from 'zod';
import { isRecord } from './is-record.ts';

export type InboundContent =
  | { type: 'text'; text: string }
  | { type: 'button_reply'; id: string; title: string }
  | { type: 'list_reply'; id: string; title: string; description?: string }
  | { type: 'flow_reply'; response: unknown; body?: string }
  | { type: 'button'; payload: string; text: string }
  | { type: 'location'; latitude: number; longitude: number; name?: string; address?: string }
  | { type: 'media'; mediaType: 'image' | 'video' | 'audio' | 'document' | 'sticker'; id: string; mimeType?: string; caption?: string; filename?: string }
  | { type: 'contacts'; count: number }
  | { type: 'reaction'; messageId: string; emoji: string }
  | { type: 'order' }
  | { type: 'system'; body?: string; systemType?: string }
  | { type: 'unsupported'; originalType?: string };

export interface InboundMessage {
  wamid: string;
  timestampMs: number;
  /** The sender's number (digits, no +); absent for users known only by a BSUID. */
  from?: string;
  /** The sender's business-scoped user id (BSUID), when Meta sends one. */
  userId?: string;
  profileName?: string;
  /** The id of the message this one replies to or was tapped on (one of ours for button/list replies). */
  contextId?: string;
  forwarded?: boolean;
  referral?: unknown;
  content: InboundContent;
  raw: Record<string, unknown>;
}

export interface StatusUpdate {
  wamid: string;
  status: 'sent' | 'delivered' | 'read' | 'failed' | 'played';
  timestampMs: number;
  recipientId?: string;
  recipientUserId?: string;
  bizOpaque?: string;
  errors?: { code: number; title?: string; message?: string }[];
}

export type WebhookEvent =
  | { kind: 'message'; wabaId: string; phoneNumberId: string; displayPhoneNumber?: string; message: InboundMessage }
  | { kind: 'status'; wabaId: string; phoneNumberId: string; status: StatusUpdate }
  | { kind: 'error'; wabaId: string; phoneNumberId?: string; errors: unknown[] }
  | { kind: 'other'; wabaId: string; field: string; value: unknown }
  | { kind: 'invalid'; reason: string; raw: unknown };

/** The body is not a WhatsApp Business Account webhook at all (wrong object, no entries). */
export class WebhookParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookParseError';
  }
}

// Meta sends numbers and ids as digit strings; a number is accepted too so a hand-written
// test payload or an emulator quirk does not turn into a lost message.
const digits = z.union([z.string().min(1), z.number().int().nonnegative().transform((n) => String(n))]);
/** Unix seconds (string or number) → milliseconds. */
const timestampMs = z
  .union([z.string().regex(/^\d{1,12}$/), z.number().int().nonnegative()])
  .transform((v) => Number(v) * 1000);
const coordinate = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]).pipe(z.number().finite());

/** The outer envelope; anything else is not a WhatsApp webhook. */
export const webhookEnvelopeSchema = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(z.unknown()),
});

export const entrySchema = z.looseObject({ id: digits, changes: z.array(z.unknown()) });
export const changeSchema = z.looseObject({ field: z.string().min(1), value: z.unknown() });

export const messagesValueSchema = z.looseObject({
  metadata: z.looseObject({ phone_number_id: digits, display_phone_number: digits.optional() }).optional(),
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(z.unknown()).optional(),
});

export const contactSchema = z.looseObject({
  profile: z.looseObject({ name: z.string().optional() }).optional(),
  wa_id: digits.optional(),
  user_id: z.string().min(1).optional(),
});

export const inboundMessageSchema = z.looseObject({
  id: z.string().min(1),
  timestamp: timestampMs,
  type: z.string().min(1),
  from: digits.optional(),
  from_user_id: z.string().min(1).optional(),
  context: z
    .looseObject({
      id: z.string().optional(),
      forwarded: z.boolean().optional(),
      frequently_forwarded: z.boolean().optional(),
    })
    .optional(),
  referral: z.unknown().optional(),
});

export const statusSchema = z.looseObject({
  id: z.string().min(1),
  status: z.enum(['sent', 'delivered', 'read', 'failed', 'played']),
  timestamp: timestampMs,
  recipient_id: digits.optional(),
  recipient_user_id: z.string().min(1).optional(),
  biz_opaque_callback_data: z.string().optional(),
  errors: z.array(z.unknown()).optional(),
});

const textSchema = z.looseObject({ body: z.string() });
const buttonReplySchema = z.looseObject({ id: z.string(), title: z.string() });
const listReplySchema = z.looseObject({ id: z.string(), title: z.string(), description: z.string().optional() });
const nfmReplySchema = z.looseObject({ response_json: z.string(), body: z.string().optional() });
const templateButtonSchema = z.looseObject({ payload: z.string().optional(), text: z.string() });
const locationSchema = z.looseObject({
  latitude: coordinate,
  longitude: coordinate,
  name: z.string().optional(),
  address: z.string().optional(),
});
const mediaSchema = z.looseObject({
  id: z.string().min(1),
  mime_type: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
});
const reactionSchema = z.looseObject({ message_id: z.string().min(1), emoji: z.string().optional() });
const systemSchema = z.looseObject({ body: z.string().optional(), type: z.string().optional() });
const unsupportedSchema = z.looseObject({ type: z.string().optional() });

const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'] as const;
type MediaType = (typeof MEDIA_TYPES)[number];

/** A single item could not be read; it is reported rather than dropped, with its location. */
class ItemError extends Error {}

function describe(where: string, err: z.ZodError): string {
  const issues = err.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  return `${where}: ${issues.join('; ')}`;
}

function parseOr<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ItemError(describe(where, r.error));
  return r.data;
}

/** Copies `o` without undefined fields, so events hold only what Meta sent. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Turns one webhook POST into typed events: every entry, change, message, status and error of
 * the batch, in order. A malformed item becomes `{ kind: 'invalid' }` and the rest still arrive;
 * only a body that is not a `whatsapp_business_account` webhook throws WebhookParseError.
 */
export function parseWebhook(body: unknown): WebhookEvent[] {
  const env = webhookEnvelopeSchema.safeParse(body);
  if (!env.success) throw new WebhookParseError(describe('not a WhatsApp Business Account webhook', env.error));
  const events: WebhookEvent[] = [];
  env.data.entry.forEach((rawEntry, e) => {
    const where = `entry[${e}]`;
    const entry = entrySchema.safeParse(rawEntry);
    if (!entry.success) {
      events.push({ kind: 'invalid', reason: describe(where, entry.error), raw: rawEntry });
      return;
    }
    entry.data.changes.forEach((rawChange, c) => {
      parseChange(events, entry.data.id, rawChange, `${where}.changes[${c}]`);
    });
  });
  return events;
}

function parseChange(events: WebhookEvent[], wabaId: string, rawChange: unknown, where: string): void {
  const change = changeSchema.safeParse(rawChange);
  if (!change.success) {
    events.push({ kind: 'invalid', reason: describe(where, change.error), raw: rawChange });
    return;
  }
  const { field, value: rawValue } = change.data;
  if (field !== 'messages') {
    events.push({ kind: 'other', wabaId, field, value: rawValue });
    return;
  }
  const value = messagesValueSchema.safeParse(rawValue);
  if (!value.success) {
    events.push({ kind: 'invalid', reason: describe(`${where}.value`, value.error), raw: rawChange });
    return;
  }
  const v = value.data;
  const phoneNumberId = v.metadata?.phone_number_id;
  const displayPhoneNumber = v.metadata?.display_phone_number;
  if (v.errors) events.push(defined({ kind: 'error' as const, wabaId, phoneNumberId, errors: v.errors }));
  const messages = v.messages ?? [];
  const statuses = v.statuses ?? [];
  if (!v.errors && messages.length === 0 && statuses.length === 0) {
    // A `messages` change we do not understand (a new kind of update): kept, not dropped.
    events.push({ kind: 'other', wabaId, field, value: rawValue });
    return;
  }
  if (phoneNumberId === undefined && messages.length + statuses.length > 0) {
    events.push({ kind: 'invalid', reason: `${where}.value.metadata.phone_number_id is missing`, raw: rawChange });
    return;
  }
  const contacts = (v.contacts ?? []).flatMap((x) => {
    const r = contactSchema.safeParse(x);
    return r.success ? [r.data] : [];
  });
  messages.forEach((raw, m) => {
    const at = `${where}.value.messages[${m}]`;
    try {
      const message = parseMessage(raw, contacts, messages.length, at);
      events.push(defined({ kind: 'message' as const, wabaId, phoneNumberId: phoneNumberId!, displayPhoneNumber, message }));
    } catch (err) {
      events.push({ kind: 'invalid', reason: err instanceof ItemError ? err.message : `${at}: unreadable`, raw });
    }
  });
  statuses.forEach((raw, s) => {
    const at = `${where}.value.statuses[${s}]`;
    const st = statusSchema.safeParse(raw);
    if (!st.success) {
      events.push({ kind: 'invalid', reason: describe(at, st.error), raw });
      return;
    }
    const d = st.data;
    const status: StatusUpdate = defined({
      wamid: d.id,
      status: d.status,
      timestampMs: d.timestamp,
      recipientId: d.recipient_id,
      recipientUserId: d.recipient_user_id,
      bizOpaque: d.biz_opaque_callback_data,
      errors: d.errors?.flatMap(statusError),
    });
    events.push({ kind: 'status', wabaId, phoneNumberId: phoneNumberId!, status });
  });
}

type Contact = z.output<typeof contactSchema>;

function parseMessage(raw: unknown, contacts: Contact[], batchSize: number, where: string): InboundMessage {
  const m = parseOr(inboundMessageSchema, raw, where);
  // The schema accepted it, so it is an object; events keep Meta's untransformed original.
  const original = raw as Record<string, unknown>;
  const contact = matchContact(m.from, m.from_user_id, contacts, batchSize);
  const from = m.from ?? contact?.wa_id;
  const userId = m.from_user_id ?? contact?.user_id;
  if (from === undefined && userId === undefined) throw new ItemError(`${where}: no sender (from, from_user_id or a matching contact)`);
  const ctx = m.context;
  const forwarded = ctx && (ctx.forwarded || ctx.frequently_forwarded) ? true : undefined;
  return defined({
    wamid: m.id,
    timestampMs: m.timestamp,
    from,
    userId,
    profileName: contact?.profile?.name,
    contextId: ctx?.id || undefined,
    forwarded,
    referral: m.referral,
    content: parseContent(original, m.type, where),
    raw: original,
  });
}

/**
 * Finds the contact block for a message by phone number or BSUID. A change with one message
 * and one contact that carries no conflicting id is the same person (Meta omits ids there).
 */
function matchContact(from: string | undefined, userId: string | undefined, contacts: Contact[], batchSize: number): Contact | undefined {
  const byId = contacts.find(
    (c) => (from !== undefined && c.wa_id === from) || (userId !== undefined && c.user_id === userId),
  );
  if (byId || contacts.length !== 1 || batchSize !== 1) return byId;
  const only = contacts[0];
  const conflicts = (from !== undefined && only.wa_id !== undefined) || (userId !== undefined && only.user_id !== undefined);
  return conflicts ? undefined : only;
}

function parseContent(m: Record<string, unknown>, type: string, where: string): InboundContent {
  const body = (schemaWhere: string) => `${where}.${schemaWhere}`;
  switch (type) {
    case 'text':
      return { type: 'text', text: parseOr(textSchema, m.text, body('text')).body };
    case 'interactive': {
      const i = isRecord(m.interactive) ? m.interactive : {};
      switch (i.type) {
        case 'button_reply': {
          const r = parseOr(buttonReplySchema, i.button_reply, body('interactive.button_reply'));
          return { type: 'button_reply', id: r.id, title: r.title };
        }
        case 'list_reply': {
          const r = parseOr(listReplySchema, i.list_reply, body('interactive.list_reply'));
          return defined({ type: 'list_reply' as const, id: r.id, title: r.title, description: r.description });
        }
        case 'nfm_reply': {
          const r = parseOr(nfmReplySchema, i.nfm_reply, body('interactive.nfm_reply'));
          let response: unknown;
          try {
            response = JSON.parse(r.response_json);
          } catch {
            throw new ItemError(`${body('interactive.nfm_reply.response_json')}: not valid JSON`);
          }
          return defined({ type: 'flow_reply' as const, response, body: r.body });
        }
        default:
          return { type: 'unsupported', originalType: typeof i.type === 'string' ? `interactive.${i.type}` : 'interactive' };
      }
    }
    case 'button': {
      const b = parseOr(templateButtonSchema, m.button, body('button'));
      // Meta uses the button text as payload when the template defines none.
      return { type: 'button', payload: b.payload ?? b.text, text: b.text };
    }
    case 'location': {
      const l = parseOr(locationSchema, m.location, body('location'));
      return defined({ type: 'location' as const, latitude: l.latitude, longitude: l.longitude, name: l.name, address: l.address });
    }
    case 'contacts':
      if (!Array.isArray(m.contacts)) throw new ItemError(`${body('contacts')}: expected an array`);
      return { type: 'contacts', count: m.contacts.length };
    case 'reaction': {
      const r = parseOr(reactionSchema, m.reaction, body('reaction'));
      return { type: 'reaction', messageId: r.message_id, emoji: r.emoji ?? '' };
    }
    case 'order':
      return { type: 'order' };
    case 'system': {
      const s = parseOr(systemSchema, m.system ?? {}, body('system'));
      return defined({ type: 'system' as const, body: s.body, systemType: s.type });
    }
    case 'unsupported':
    case 'unknown': {
      const u = unsupportedSchema.safeParse(m.unsupported);
      return defined({ type: 'unsupported' as const, originalType: u.success ? u.data.type : undefined });
    }
    default:
      if ((MEDIA_TYPES as readonly string[]).includes(type)) {
        const md = parseOr(mediaSchema, m[type], body(type));
        return defined({
          type: 'media' as const,
          mediaType: type as MediaType,
          id: md.id,
          mimeType: md.mime_type,
          caption: md.caption,
          filename: md.filename,
        });
      }
      return { type: 'unsupported', originalType: type };
  }
}

/** One `statuses[].errors[]` item; an item without a numeric code says nothing usable and is skipped. */
function statusError(e: unknown): { code: number; title?: string; message?: string }[] {
  if (!isRecord(e)) return [];
  const code = typeof e.code === 'number' ? e.code : typeof e.code === 'string' && /^\d+$/.test(e.code) ? Number(e.code) : undefined;
  if (code === undefined) return [];
  const details = isRecord(e.error_data) && typeof e.error_data.details === 'string' ? e.error_data.details : undefined;
  return [
    defined({
      code,
      title: typeof e.title === 'string' ? e.title : undefined,
      message: typeof e.message === 'string' ? e.message : details,
    }),
  ];
}
