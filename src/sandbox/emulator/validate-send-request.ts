import { GraphError, invalidParameter, invalidValue, missingParameter } from './graph-error.ts';
import {
  field,
  isObject,
  isSingleEmoji,
  optionalBoolean,
  optionalObject,
  optionalString,
  requireArray,
  requireObject,
  requireOneOf,
  requireString,
} from './field-checks.ts';
import type { MediaKind } from './media-rules.ts';
import { type MediaReference, validateMedia } from './validate-media.ts';
import { validateInteractive } from './validate-interactive.ts';
import { type TemplateUse, validateLocationObject, validateTemplate } from './validate-template.ts';

export const MESSAGE_TYPES = ['text', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'contacts', 'interactive', 'template', 'reaction'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** A mark-as-read (optionally with a typing indicator): answered `{"success":true}`. */
export interface MarkReadRequest {
  kind: 'mark_read';
  messageId: string;
  typingIndicator: boolean;
}

/** A message to send, validated; ids of media and templates are checked against state afterwards. */
export interface MessageRequest {
  kind: 'message';
  type: MessageType;
  /** `to` exactly as given (echoed as `contacts[].input`). */
  to?: string;
  /** `to` reduced to digits: the wa_id. */
  waId?: string;
  /** Business-scoped user id, when sent with `recipient`. */
  recipient?: string;
  media: MediaReference[];
  template?: TemplateUse;
  bizOpaqueCallbackData?: string;
}

export type SendRequest = MarkReadRequest | MessageRequest;

const BSUID = /^[A-Z]{2}\.[A-Za-z0-9]{1,128}$/;

/**
 * Validates a `POST /{phone-number-id}/messages` body the way Meta does, throwing a GraphError
 * whose details name the offending field. Independent of Marquee's own builders on purpose.
 */
export function validateSendRequest(body: unknown): SendRequest {
  if (!isObject(body)) throw invalidParameter('The request body must be a JSON object.');
  if (body.messaging_product === undefined) {
    throw new GraphError({ code: 100, message: '(#100) The parameter messaging_product is required.', details: 'The parameter messaging_product is required.' });
  }
  requireOneOf(body.messaging_product, field('messaging_product'), ['whatsapp']);

  if (body.status !== undefined) return validateMarkRead(body);

  if (body.recipient_type !== undefined) requireOneOf(body.recipient_type, field('recipient_type'), ['individual']);
  const request: MessageRequest = { kind: 'message', type: 'text', media: [] };

  if (body.to === undefined && body.recipient === undefined) throw missingParameter('to');
  if (body.to !== undefined) {
    request.to = requireString(body.to, field('to'));
    request.waId = phoneDigits(request.to);
  }
  if (body.recipient !== undefined) {
    request.recipient = requireString(body.recipient, field('recipient'));
    if (!BSUID.test(request.recipient)) {
      throw invalidValue(`Param recipient must be a business-scoped user id like "US.13491208655302741918" - got "${request.recipient}".`);
    }
  }

  // Meta defaults a missing type to text.
  const type: MessageType = body.type === undefined ? 'text' : requireOneOf(body.type, field('type'), MESSAGE_TYPES);
  request.type = type;

  if (body.context !== undefined) {
    const context = requireObject(body.context, field('context'));
    requireString(context.message_id, field('context').at('message_id'));
  }
  request.bizOpaqueCallbackData = optionalString(body.biz_opaque_callback_data, field('biz_opaque_callback_data'), { max: 512 });

  const payload = body[type];
  const path = field(type);
  if (payload === undefined) throw missingParameter(type);
  switch (type) {
    case 'text': {
      const text = requireObject(payload, path);
      requireString(text.body, path.at('body'), { max: 4096 });
      optionalBoolean(text.preview_url, path.at('preview_url'));
      break;
    }
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
      request.media.push(validateMedia(type as MediaKind, payload, path));
      break;
    case 'location':
      validateLocationObject(payload, path);
      break;
    case 'contacts':
      validateContacts(payload);
      break;
    case 'interactive':
      request.media.push(...validateInteractive(payload, path));
      break;
    case 'template':
      request.template = validateTemplate(payload, path);
      request.media.push(...request.template.media);
      break;
    case 'reaction': {
      const reaction = requireObject(payload, path);
      requireString(reaction.message_id, path.at('message_id'));
      const emoji = requireString(reaction.emoji, path.at('emoji'), { allowEmpty: true });
      if (emoji !== '' && !isSingleEmoji(emoji)) throw invalidValue(`Param ${path.at('emoji')} must be a single emoji or empty - got "${emoji}".`);
      break;
    }
  }
  return request;
}

function validateMarkRead(body: Record<string, unknown>): MarkReadRequest {
  requireOneOf(body.status, field('status'), ['read']);
  const messageId = requireString(body.message_id, field('message_id'));
  const indicator = optionalObject(body.typing_indicator, field('typing_indicator'));
  if (indicator) requireOneOf(indicator.type, field('typing_indicator').at('type'), ['text']);
  return { kind: 'mark_read', messageId, typingIndicator: indicator !== undefined };
}

/** The wa_id for a `to`: Meta drops `+`, spaces, dashes and brackets; anything else is refused. */
export function phoneDigits(to: string): string {
  if (!/^\+?[\d\s\-().]+$/.test(to)) throw invalidValue(`Param to must be a phone number in international format - got "${to}".`);
  const digits = to.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15 || digits.startsWith('0')) {
    throw invalidValue(`Param to must be a phone number with country code (8 to 15 digits) - got "${to}".`);
  }
  return digits;
}

function validateContacts(value: unknown): void {
  const contacts = requireArray(value, field('contacts'), 1, 257);
  contacts.forEach((c, i) => {
    const cp = field('contacts').at(i);
    const contact = requireObject(c, cp);
    const name = requireObject(contact.name, cp.at('name'));
    requireString(name.formatted_name, cp.at('name').at('formatted_name'));
    for (const key of ['first_name', 'last_name', 'middle_name', 'suffix', 'prefix'] as const) {
      optionalString(name[key], cp.at('name').at(key));
    }
    const lists: Record<string, string> = { phones: 'phone', emails: 'email', urls: 'url', addresses: 'street' };
    for (const [list, key] of Object.entries(lists)) {
      if (contact[list] === undefined) continue;
      requireArray(contact[list], cp.at(list), 0, 20).forEach((item, j) => {
        const ip = cp.at(list).at(j);
        const entry = requireObject(item, ip);
        if (list !== 'addresses') requireString(entry[key], ip.at(key));
        for (const [k, v] of Object.entries(entry)) optionalString(v, ip.at(k), { allowEmpty: true });
      });
    }
    if (contact.org !== undefined) {
      const org = requireObject(contact.org, cp.at('org'));
      for (const [k, v] of Object.entries(org)) optionalString(v, cp.at('org').at(k), { allowEmpty: true });
    }
    if (contact.birthday !== undefined) {
      const birthday = requireString(contact.birthday, cp.at('birthday'));
      if (!/^\d{4}-\d{2}-\d{2}$/.test(birthday)) throw invalidValue(`Param ${cp.at('birthday')} must be formatted YYYY-MM-DD.`);
    }
  });
}
