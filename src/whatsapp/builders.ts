import { PayloadLimitError, validateOutgoing, type OutgoingMessage } from './outgoing.ts';
import {
  CTA_DISPLAY_TEXT_MAX,
  FOOTER_TEXT_MAX,
  HEADER_TEXT_MAX,
  INTERACTIVE_BODY_MAX,
  LIST_BUTTON_MAX,
  LIST_ROW_DESCRIPTION_MAX,
  LIST_ROW_TITLE_MAX,
  LIST_SECTION_TITLE_MAX,
  MEDIA_CAPTION_MAX,
  REPLY_BUTTON_TITLE_MAX,
  TEXT_BODY_MAX,
  FLOW_MESSAGE_VERSION,
} from './limits.ts';

/**
 * Builders for every message Marquee sends. Each returns a valid OutgoingMessage or throws
 * PayloadLimitError listing every problem: text is never silently cut, because a cut title
 * or price could tell the customer something false. Renderers use the `fits…` helpers to
 * choose a shape that fits before building it.
 */

/** An uploaded media id or an https link: exactly one. */
export type MediaSource = { id: string; link?: undefined } | { link: string; id?: undefined };
/** An interactive header: plain text, or a media header where the message kind allows it. */
export type InteractiveHeader = string | ({ type: 'image' | 'video' | 'document' } & MediaSource);

export interface ReplyButton {
  id: string;
  title: string;
}
export interface ListRow {
  id: string;
  title: string;
  description?: string;
}
export interface ListSection {
  title?: string;
  rows: ListRow[];
}
export interface TemplateComponent {
  type: 'header' | 'body' | 'button';
  sub_type?: string;
  index?: string;
  parameters?: { type: string; [k: string]: unknown }[];
}

function fits(s: string, max: number): boolean {
  return s.trim() !== '' && s.length <= max;
}

/** True when `s` can be a reply-button title as it is (not blank, ≤ 20 UTF-16 units). */
export const fitsButtonTitle = (s: string): boolean => fits(s, REPLY_BUTTON_TITLE_MAX);
/** True when `s` can be a list row title (≤ 24). */
export const fitsRowTitle = (s: string): boolean => fits(s, LIST_ROW_TITLE_MAX);
/** True when `s` can be a list row description (≤ 72). */
export const fitsRowDescription = (s: string): boolean => fits(s, LIST_ROW_DESCRIPTION_MAX);
/** True when `s` can be a list section title (≤ 24). */
export const fitsSectionTitle = (s: string): boolean => fits(s, LIST_SECTION_TITLE_MAX);
/** True when `s` can label the button that opens a list (≤ 20). */
export const fitsListButton = (s: string): boolean => fits(s, LIST_BUTTON_MAX);
/** True when `s` can be an interactive header text (≤ 60). */
export const fitsHeaderText = (s: string): boolean => fits(s, HEADER_TEXT_MAX);
/** True when `s` can be an interactive footer (≤ 60). */
export const fitsFooter = (s: string): boolean => fits(s, FOOTER_TEXT_MAX);
/** True when `s` can be the body of an interactive message (≤ 1024). */
export const fitsInteractiveBody = (s: string): boolean => fits(s, INTERACTIVE_BODY_MAX);
/** True when `s` can be a text message (≤ 4096). */
export const fitsTextBody = (s: string): boolean => fits(s, TEXT_BODY_MAX);
/** True when `s` can be a media caption (≤ 1024). */
export const fitsCaption = (s: string): boolean => fits(s, MEDIA_CAPTION_MAX);
/** True when `s` can label a CTA URL button (≤ 20). */
export const fitsCtaDisplayText = (s: string): boolean => fits(s, CTA_DISPLAY_TEXT_MAX);

/** Returns `msg` when it is within every limit; otherwise throws PayloadLimitError. */
function checked<T extends OutgoingMessage>(msg: T): T {
  const problems = validateOutgoing(msg);
  if (problems.length > 0) throw new PayloadLimitError(problems);
  return msg;
}

/** Copies `o` without its undefined fields, so the payload holds only what was given. */
function defined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function header(h: InteractiveHeader | undefined): Record<string, unknown> | undefined {
  if (h === undefined) return undefined;
  if (typeof h === 'string') return { type: 'text', text: h };
  const { type, ...source } = h;
  return { type, [type]: defined(source) };
}

const footer = (f: string | undefined) => (f === undefined ? undefined : { text: f });

/** A text message. Example: `text('Your seats are held for 10 minutes')`. */
export function text(body: string, opts: { previewUrl?: boolean } = {}): OutgoingMessage {
  return checked({ type: 'text', text: defined({ body, preview_url: opts.previewUrl }) });
}

/** Up to three reply buttons under a body. Example: `replyButtons({ body: 'Pay now?', buttons: [{ id: 'pay', title: 'Pay' }] })`. */
export function replyButtons(o: { body: string; buttons: ReplyButton[]; header?: InteractiveHeader; footer?: string }): OutgoingMessage {
  return checked({
    type: 'interactive',
    interactive: defined({
      type: 'button',
      header: header(o.header),
      body: { text: o.body },
      footer: footer(o.footer),
      action: { buttons: o.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })) },
    }),
  });
}

/** A list of up to ten rows in total, opened by `button`. */
export function list(o: { body: string; button: string; sections: ListSection[]; header?: string; footer?: string }): OutgoingMessage {
  return checked({
    type: 'interactive',
    interactive: defined({
      type: 'list',
      header: header(o.header),
      body: { text: o.body },
      footer: footer(o.footer),
      action: {
        button: o.button,
        sections: o.sections.map((s) => defined({ title: s.title, rows: s.rows.map((r) => defined({ ...r })) })),
      },
    }),
  });
}

/** A button that opens `url` in the browser (no webhook comes back when tapped). */
export function ctaUrl(o: { body: string; displayText: string; url: string; header?: InteractiveHeader; footer?: string }): OutgoingMessage {
  return checked({
    type: 'interactive',
    interactive: defined({
      type: 'cta_url',
      header: header(o.header),
      body: { text: o.body },
      footer: footer(o.footer),
      action: { name: 'cta_url', parameters: { display_text: o.displayText, url: o.url } },
    }),
  });
}

/** Asks the customer to share a location; the answer arrives as a `location` message. */
export function locationRequest(body: string): OutgoingMessage {
  return checked({
    type: 'interactive',
    interactive: { type: 'location_request_message', body: { text: body }, action: { name: 'send_location' } },
  });
}

/** A flow (in-chat form); its completion arrives later as an `nfm_reply` message. */
export function flow(o: {
  body: string;
  flowCta: string;
  flowId?: string;
  flowName?: string;
  flowToken?: string;
  flowAction?: 'navigate' | 'data_exchange';
  screen?: string;
  data?: Record<string, unknown>;
  mode?: 'draft' | 'published';
  header?: string;
  footer?: string;
}): OutgoingMessage {
  return checked({
    type: 'interactive',
    interactive: defined({
      type: 'flow',
      header: header(o.header),
      body: { text: o.body },
      footer: footer(o.footer),
      action: {
        name: 'flow',
        parameters: defined({
          flow_message_version: FLOW_MESSAGE_VERSION,
          flow_id: o.flowId,
          flow_name: o.flowName,
          flow_cta: o.flowCta,
          flow_token: o.flowToken,
          flow_action: o.flowAction,
          mode: o.mode,
          flow_action_payload: o.screen === undefined ? undefined : defined({ screen: o.screen, data: o.data }),
        }),
      },
    }),
  });
}

/** A pinned location, e.g. the cinema's address. */
export function location(o: { latitude: number; longitude: number; name?: string; address?: string }): OutgoingMessage {
  return checked({ type: 'location', location: defined({ ...o }) });
}

/** An image (JPEG/PNG) by uploaded id or https link, with an optional caption. */
export function image(o: MediaSource & { caption?: string }): OutgoingMessage {
  return checked({ type: 'image', image: defined({ ...o }) });
}

/** A video by id or link, with an optional caption. */
export function video(o: MediaSource & { caption?: string }): OutgoingMessage {
  return checked({ type: 'video', video: defined({ ...o }) });
}

/** An audio file by id or link (audio takes no caption). */
export function audio(o: MediaSource): OutgoingMessage {
  return checked({ type: 'audio', audio: defined({ ...o }) });
}

/** A sticker (WebP) by id or link. */
export function sticker(o: MediaSource): OutgoingMessage {
  return checked({ type: 'sticker', sticker: defined({ ...o }) });
}

/** A document (e.g. a PDF ticket) by id or link, with optional caption and file name. */
export function document(o: MediaSource & { caption?: string; filename?: string }): OutgoingMessage {
  return checked({ type: 'document', document: defined({ ...o }) });
}

/** An approved template: the only kind of message allowed outside the 24-hour window. */
export function template(o: { name: string; languageCode: string; components?: TemplateComponent[] }): OutgoingMessage {
  return checked({
    type: 'template',
    template: defined({ name: o.name, language: { code: o.languageCode }, components: o.components }),
  });
}

/** Reacts to the customer's message `messageId` with one emoji; `''` removes the reaction. */
export function reaction(messageId: string, emoji: string): OutgoingMessage {
  return checked({ type: 'reaction', reaction: { message_id: messageId, emoji } });
}
