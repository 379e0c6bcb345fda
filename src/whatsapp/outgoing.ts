import { isRecord } from './is-record.ts';
import {
  CTA_DISPLAY_TEXT_MAX,
  FLOW_CTA_MAX,
  FLOW_MESSAGE_VERSION,
  FOOTER_TEXT_MAX,
  HEADER_TEXT_MAX,
  INTERACTIVE_BODY_MAX,
  LIST_BODY_MAX,
  LIST_BUTTON_MAX,
  LIST_ROW_DESCRIPTION_MAX,
  LIST_ROW_ID_MAX,
  LIST_ROW_TITLE_MAX,
  LIST_ROWS_TOTAL_MAX,
  LIST_SECTION_TITLE_MAX,
  LIST_SECTIONS_MAX,
  LIST_SECTIONS_MIN,
  MEDIA_CAPTION_MAX,
  REPLY_BUTTON_ID_MAX,
  REPLY_BUTTON_TITLE_MAX,
  REPLY_BUTTONS_MAX,
  REPLY_BUTTONS_MIN,
  TEMPLATE_BUTTON_INDEX_MAX,
  TEXT_BODY_MAX,
} from './limits.ts';

/**
 * The body of a Graph `POST /{phone-number-id}/messages` call without the envelope
 * (`messaging_product`, `recipient_type`, `to`/`recipient`, `context`), which GraphClient adds.
 * Example: `{ type: 'text', text: { body: 'hi' } }`.
 */
export type OutgoingMessage = { type: string; [k: string]: unknown };

/** A message that Meta would refuse (or truncate) because it breaks a limit; nothing was sent. */
export class PayloadLimitError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Message refused, it breaks WhatsApp limits: ${problems.join('; ')}`);
    this.name = 'PayloadLimitError';
    this.problems = problems;
  }
}

/** Fields GraphClient owns; a message carrying them would override the recipient or the quote. */
const ENVELOPE_FIELDS = ['messaging_product', 'recipient_type', 'to', 'recipient', 'context', 'biz_opaque_callback_data'];

const MEDIA_KINDS = ['image', 'video', 'audio', 'document', 'sticker'] as const;
type MediaKind = (typeof MEDIA_KINDS)[number];
const CAPTIONED: readonly string[] = ['image', 'video', 'document'];

// Emoji in the wide sense: pictographs, flags, keycaps and the emoji presentation selector.
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3|\ufe0f/u;

/**
 * Lists every way `msg` breaks a Cloud API limit (CLOUD-API.md section 1); empty means it may be sent.
 * Example: `validateOutgoing({ type: 'text', text: { body: '' } })` → `['text.body must not be blank']`.
 */
export function validateOutgoing(msg: OutgoingMessage): string[] {
  const p: string[] = [];
  if (!isRecord(msg)) return ['message must be an object'];
  for (const f of ENVELOPE_FIELDS) {
    if (f in msg) p.push(`${f} is added by the client and must not be part of the message`);
  }
  const type = msg.type;
  if (typeof type !== 'string' || type === '') return [...p, 'type is required'];
  const inner = msg[type];
  if (!isKnownType(type)) return [...p, `type "${type}" is not a message kind Marquee sends`];
  if (!isRecord(inner)) return [...p, `${type} must be an object`];
  switch (type) {
    case 'text':
      checkText(p, 'text.body', inner.body, TEXT_BODY_MAX);
      if (inner.preview_url !== undefined && typeof inner.preview_url !== 'boolean') p.push('text.preview_url must be a boolean');
      break;
    case 'interactive':
      checkInteractive(p, inner);
      break;
    case 'template':
      checkTemplate(p, inner);
      break;
    case 'reaction':
      checkText(p, 'reaction.message_id', inner.message_id, Infinity);
      checkReactionEmoji(p, inner.emoji);
      break;
    case 'location':
      checkCoordinate(p, 'location.latitude', inner.latitude, 90);
      checkCoordinate(p, 'location.longitude', inner.longitude, 180);
      checkText(p, 'location.name', inner.name, Infinity, false);
      checkText(p, 'location.address', inner.address, Infinity, false);
      break;
    default:
      checkMedia(p, type as MediaKind, type, inner, { caption: CAPTIONED.includes(type), filename: type === 'document' });
  }
  return p;
}

function isKnownType(t: string): boolean {
  return ['text', 'interactive', 'template', 'reaction', 'location', ...MEDIA_KINDS].includes(t);
}

/** A string field: present (unless optional), not blank, at most `max` UTF-16 units. */
function checkText(p: string[], path: string, v: unknown, max: number, required = true): v is string {
  if (v === undefined) {
    if (required) p.push(`${path} is required`);
    return false;
  }
  if (typeof v !== 'string') {
    p.push(`${path} must be a string`);
    return false;
  }
  if (v.trim() === '') {
    p.push(`${path} must not be blank`);
    return false;
  }
  if (v.length > max) {
    p.push(`${path} is ${v.length} characters; the limit is ${max}`);
    return false;
  }
  return true;
}

/** Meta rejects ids with surrounding spaces: the reply would come back with a different id. */
function checkId(p: string[], path: string, v: unknown, max: number): void {
  if (checkText(p, path, v, max) && v !== v.trim()) p.push(`${path} must not have leading or trailing spaces`);
}

function checkUrl(p: string[], path: string, v: unknown, protocols: string[]): void {
  if (!checkText(p, path, v, Infinity)) return;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    p.push(`${path} must be a valid URL`);
    return;
  }
  if (!protocols.includes(url.protocol)) p.push(`${path} must be an ${protocols.map((x) => x.slice(0, -1)).join(' or ')} URL`);
}

function checkMedia(
  p: string[],
  kind: MediaKind,
  path: string,
  m: Record<string, unknown>,
  allow: { caption: boolean; filename: boolean },
): void {
  const hasId = m.id !== undefined;
  const hasLink = m.link !== undefined;
  if (hasId === hasLink) p.push(`${path} needs exactly one of id or link`);
  if (hasId) checkText(p, `${path}.id`, m.id, Infinity);
  if (hasLink) checkUrl(p, `${path}.link`, m.link, ['https:']);
  if (m.caption !== undefined) {
    if (allow.caption) checkText(p, `${path}.caption`, m.caption, MEDIA_CAPTION_MAX);
    else p.push(`${path}.caption is not allowed on ${kind}`);
  }
  if (m.filename !== undefined) {
    if (allow.filename) checkText(p, `${path}.filename`, m.filename, Infinity);
    else p.push(`${path}.filename is allowed only on documents`);
  }
}

const INTERACTIVE_RULES: Record<string, { bodyMax: number; headers: string[]; footer: boolean; action: (p: string[], a: Record<string, unknown>) => void }> = {
  button: { bodyMax: INTERACTIVE_BODY_MAX, headers: ['text', 'image', 'video', 'document'], footer: true, action: checkButtons },
  list: { bodyMax: LIST_BODY_MAX, headers: ['text'], footer: true, action: checkList },
  cta_url: { bodyMax: INTERACTIVE_BODY_MAX, headers: ['text', 'image', 'video', 'document'], footer: true, action: checkCtaUrl },
  location_request_message: { bodyMax: INTERACTIVE_BODY_MAX, headers: [], footer: false, action: checkLocationRequest },
  flow: { bodyMax: INTERACTIVE_BODY_MAX, headers: ['text'], footer: true, action: checkFlow },
};

function checkInteractive(p: string[], i: Record<string, unknown>): void {
  const kind = i.type;
  const rules = typeof kind === 'string' && Object.hasOwn(INTERACTIVE_RULES, kind) ? INTERACTIVE_RULES[kind] : undefined;
  if (!rules) {
    p.push(`interactive.type must be one of ${Object.keys(INTERACTIVE_RULES).join(', ')}`);
    return;
  }
  if (isRecord(i.body)) checkText(p, 'interactive.body.text', i.body.text, rules.bodyMax);
  else p.push('interactive.body is required');

  if (i.header !== undefined) {
    const h = i.header;
    if (rules.headers.length === 0) p.push(`interactive.header is not allowed on ${kind}`);
    else if (!isRecord(h) || typeof h.type !== 'string' || !rules.headers.includes(h.type)) {
      p.push(`interactive.header.type must be one of ${rules.headers.join(', ')} on ${kind}`);
    } else if (h.type === 'text') {
      checkText(p, 'interactive.header.text', h.text, HEADER_TEXT_MAX);
    } else {
      const media = h[h.type];
      if (isRecord(media)) checkMedia(p, h.type as MediaKind, `interactive.header.${h.type}`, media, { caption: false, filename: h.type === 'document' });
      else p.push(`interactive.header.${h.type} must be an object`);
    }
  }
  if (i.footer !== undefined) {
    if (!rules.footer) p.push(`interactive.footer is not allowed on ${kind}`);
    else if (isRecord(i.footer)) checkText(p, 'interactive.footer.text', i.footer.text, FOOTER_TEXT_MAX);
    else p.push('interactive.footer must be an object');
  }
  if (isRecord(i.action)) rules.action(p, i.action);
  else p.push('interactive.action is required');
}

function checkButtons(p: string[], a: Record<string, unknown>): void {
  const buttons = a.buttons;
  if (!Array.isArray(buttons)) {
    p.push('interactive.action.buttons must be an array');
    return;
  }
  if (buttons.length < REPLY_BUTTONS_MIN || buttons.length > REPLY_BUTTONS_MAX) {
    p.push(`interactive.action.buttons has ${buttons.length} buttons; allowed ${REPLY_BUTTONS_MIN} to ${REPLY_BUTTONS_MAX}`);
  }
  const titles = new Set<string>();
  const ids = new Set<string>();
  buttons.forEach((b: unknown, n) => {
    const path = `interactive.action.buttons[${n}]`;
    if (!isRecord(b) || b.type !== 'reply' || !isRecord(b.reply)) {
      p.push(`${path} must be {type:"reply", reply:{id, title}}`);
      return;
    }
    const { id, title } = b.reply;
    if (checkText(p, `${path}.reply.title`, title, REPLY_BUTTON_TITLE_MAX)) {
      if (titles.has(title)) p.push(`${path}.reply.title repeats an earlier button's title`);
      titles.add(title);
    }
    checkId(p, `${path}.reply.id`, id, REPLY_BUTTON_ID_MAX);
    if (typeof id === 'string') {
      if (ids.has(id)) p.push(`${path}.reply.id repeats an earlier button's id`);
      ids.add(id);
    }
  });
}

function checkList(p: string[], a: Record<string, unknown>): void {
  checkText(p, 'interactive.action.button', a.button, LIST_BUTTON_MAX);
  const sections = a.sections;
  if (!Array.isArray(sections)) {
    p.push('interactive.action.sections must be an array');
    return;
  }
  if (sections.length < LIST_SECTIONS_MIN || sections.length > LIST_SECTIONS_MAX) {
    p.push(`interactive.action.sections has ${sections.length} sections; allowed ${LIST_SECTIONS_MIN} to ${LIST_SECTIONS_MAX}`);
  }
  let total = 0;
  const ids = new Set<string>();
  sections.forEach((s: unknown, n) => {
    const path = `interactive.action.sections[${n}]`;
    if (!isRecord(s)) {
      p.push(`${path} must be an object`);
      return;
    }
    // With several sections the title is what tells them apart, so Meta requires it.
    checkText(p, `${path}.title`, s.title, LIST_SECTION_TITLE_MAX, sections.length > 1);
    if (!Array.isArray(s.rows) || s.rows.length === 0) {
      p.push(`${path}.rows must hold at least one row`);
      return;
    }
    total += s.rows.length;
    s.rows.forEach((r: unknown, m) => {
      const rp = `${path}.rows[${m}]`;
      if (!isRecord(r)) {
        p.push(`${rp} must be an object`);
        return;
      }
      checkId(p, `${rp}.id`, r.id, LIST_ROW_ID_MAX);
      if (typeof r.id === 'string') {
        if (ids.has(r.id)) p.push(`${rp}.id repeats an earlier row's id`);
        ids.add(r.id);
      }
      checkText(p, `${rp}.title`, r.title, LIST_ROW_TITLE_MAX);
      checkText(p, `${rp}.description`, r.description, LIST_ROW_DESCRIPTION_MAX, false);
    });
  });
  if (total > LIST_ROWS_TOTAL_MAX) p.push(`the list has ${total} rows in total; the limit is ${LIST_ROWS_TOTAL_MAX} across all sections`);
}

function checkCtaUrl(p: string[], a: Record<string, unknown>): void {
  if (a.name !== 'cta_url') p.push('interactive.action.name must be "cta_url"');
  if (!isRecord(a.parameters)) {
    p.push('interactive.action.parameters is required');
    return;
  }
  checkText(p, 'interactive.action.parameters.display_text', a.parameters.display_text, CTA_DISPLAY_TEXT_MAX);
  checkUrl(p, 'interactive.action.parameters.url', a.parameters.url, ['https:', 'http:']);
}

function checkLocationRequest(p: string[], a: Record<string, unknown>): void {
  if (a.name !== 'send_location') p.push('interactive.action.name must be "send_location"');
}

function checkFlow(p: string[], a: Record<string, unknown>): void {
  if (a.name !== 'flow') p.push('interactive.action.name must be "flow"');
  const f = a.parameters;
  if (!isRecord(f)) {
    p.push('interactive.action.parameters is required');
    return;
  }
  const path = 'interactive.action.parameters';
  if (f.flow_message_version !== FLOW_MESSAGE_VERSION) p.push(`${path}.flow_message_version must be "${FLOW_MESSAGE_VERSION}"`);
  const hasId = f.flow_id !== undefined;
  const hasName = f.flow_name !== undefined;
  if (hasId === hasName) p.push(`${path} needs exactly one of flow_id or flow_name`);
  if (hasId) checkText(p, `${path}.flow_id`, f.flow_id, Infinity);
  if (hasName) checkText(p, `${path}.flow_name`, f.flow_name, Infinity);
  if (checkText(p, `${path}.flow_cta`, f.flow_cta, FLOW_CTA_MAX) && EMOJI.test(f.flow_cta)) {
    p.push(`${path}.flow_cta must not contain emoji`);
  }
  checkText(p, `${path}.flow_token`, f.flow_token, Infinity, false);
  if (f.mode !== undefined && f.mode !== 'draft' && f.mode !== 'published') p.push(`${path}.mode must be "draft" or "published"`);
  const action = f.flow_action ?? 'navigate';
  if (action !== 'navigate' && action !== 'data_exchange') p.push(`${path}.flow_action must be "navigate" or "data_exchange"`);
  const payload = f.flow_action_payload;
  if (payload !== undefined) {
    if (action === 'data_exchange') p.push(`${path}.flow_action_payload is only for flow_action "navigate"`);
    else if (!isRecord(payload)) p.push(`${path}.flow_action_payload must be an object`);
    else {
      checkText(p, `${path}.flow_action_payload.screen`, payload.screen, Infinity);
      if (payload.data !== undefined && !isRecord(payload.data)) p.push(`${path}.flow_action_payload.data must be an object`);
    }
  }
}

function checkTemplate(p: string[], t: Record<string, unknown>): void {
  checkText(p, 'template.name', t.name, Infinity);
  if (isRecord(t.language)) checkText(p, 'template.language.code', t.language.code, Infinity);
  else p.push('template.language is required');
  if (t.components === undefined) return;
  if (!Array.isArray(t.components)) {
    p.push('template.components must be an array');
    return;
  }
  t.components.forEach((c: unknown, n) => {
    const path = `template.components[${n}]`;
    if (!isRecord(c)) {
      p.push(`${path} must be an object`);
      return;
    }
    if (c.type !== 'header' && c.type !== 'body' && c.type !== 'button') p.push(`${path}.type must be header, body or button`);
    if (c.type === 'button') {
      checkText(p, `${path}.sub_type`, c.sub_type, Infinity);
      const idx = typeof c.index === 'number' ? String(c.index) : c.index;
      if (typeof idx !== 'string' || !/^\d+$/.test(idx) || Number(idx) > TEMPLATE_BUTTON_INDEX_MAX) {
        p.push(`${path}.index must be "0" to "${TEMPLATE_BUTTON_INDEX_MAX}"`);
      }
    }
    if (c.parameters === undefined) return;
    if (!Array.isArray(c.parameters)) {
      p.push(`${path}.parameters must be an array`);
      return;
    }
    c.parameters.forEach((x: unknown, m) => {
      if (!isRecord(x) || typeof x.type !== 'string' || x.type === '') p.push(`${path}.parameters[${m}] needs a type`);
    });
  });
}

function checkReactionEmoji(p: string[], v: unknown): void {
  if (typeof v !== 'string') {
    p.push('reaction.emoji must be a string (empty removes the reaction)');
    return;
  }
  if (v === '') return;
  const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(v)].length;
  if (graphemes !== 1 || !EMOJI.test(v)) p.push('reaction.emoji must be a single emoji or empty');
}

function checkCoordinate(p: string[], path: string, v: unknown, bound: number): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) p.push(`${path} must be a number`);
  else if (Math.abs(v) > bound) p.push(`${path} must be between -${bound} and ${bound}`);
}
