/**
 * Meta's limits on outgoing Cloud API messages (CLOUD-API.md section 1).
 * Lengths are JavaScript `.length` (UTF-16 code units): an emoji outside the BMP counts 2,
 * which is the conservative reading of Meta's "characters".
 */

/** Text message `text.body`. */
export const TEXT_BODY_MAX = 4096;

/** Interactive `header.text` (reply buttons, list, CTA URL, flow). */
export const HEADER_TEXT_MAX = 60;
/** Interactive `footer.text`. */
export const FOOTER_TEXT_MAX = 60;
/** Interactive `body.text` for reply buttons, CTA URL, location request and flow messages. */
export const INTERACTIVE_BODY_MAX = 1024;

/** Reply buttons: how many, and each button's title and id. */
export const REPLY_BUTTONS_MIN = 1;
export const REPLY_BUTTONS_MAX = 3;
export const REPLY_BUTTON_TITLE_MAX = 20;
export const REPLY_BUTTON_ID_MAX = 256;

/** List: the button that opens it, its sections and rows. */
export const LIST_BUTTON_MAX = 20;
export const LIST_SECTIONS_MIN = 1;
export const LIST_SECTIONS_MAX = 10;
/** Rows across all sections together, not per section. */
export const LIST_ROWS_TOTAL_MAX = 10;
export const LIST_ROW_ID_MAX = 200;
export const LIST_ROW_TITLE_MAX = 24;
export const LIST_ROW_DESCRIPTION_MAX = 72;
export const LIST_SECTION_TITLE_MAX = 24;
/** Meta's page allows 4096 for a list body, most clients and older pages 1024: Marquee sends at most 1024. */
export const LIST_BODY_MAX = 1024;

/** CTA URL button label. */
export const CTA_DISPLAY_TEXT_MAX = 20;

/** Flow messages: the only version Marquee sends, and the call-to-action label (no emoji). */
export const FLOW_MESSAGE_VERSION = '3';
export const FLOW_CTA_MAX = 20;

/** Caption of image, video and document messages (audio and stickers take none). */
export const MEDIA_CAPTION_MAX = 1024;

/** Largest file Meta accepts per media kind, in bytes. */
export const MEDIA_MAX_BYTES = {
  image: 5 * 1024 * 1024,
  video: 16 * 1024 * 1024,
  audio: 16 * 1024 * 1024,
  document: 100 * 1024 * 1024,
  sticker: 100 * 1024,
  animatedSticker: 500 * 1024,
} as const;

/** MIME types Meta accepts per media kind; documents may be any type. */
export const MEDIA_MIME_TYPES = {
  image: ['image/jpeg', 'image/png'],
  video: ['video/mp4', 'video/3gpp'],
  audio: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
  sticker: ['image/webp'],
} as const;

/** Template button components are addressed by index "0".."9". */
export const TEMPLATE_BUTTON_INDEX_MAX = 9;

/** `biz_opaque_callback_data`, echoed back in status webhooks. */
export const BIZ_OPAQUE_MAX = 512;

/** A typing indicator disappears after this long, or when the reply is sent. */
export const TYPING_INDICATOR_MAX_MS = 25_000;

/** An uploaded media id stays usable this long. */
export const MEDIA_ID_VALID_MS = 30 * 24 * 60 * 60 * 1000;
/** A media download URL from `GET /{media-id}` expires this soon. */
export const MEDIA_URL_VALID_MS = 5 * 60 * 1000;
