import type { CustomerMessageInput } from './api-schemas.ts';
import type { ChatMessage } from './conversation-store.ts';
import type { SampleMedia } from './sample-media.ts';
import { SimulatorError } from './simulator-error.ts';

/** A user message's fields as Meta puts them in the webhook (after from/id/timestamp). */
export interface WebhookMessage {
  fields: Record<string, unknown>;
  /** The tapped message, for button and list replies. */
  contextId?: string;
  /** Media the message carries, already stored by the emulator. */
  mediaId?: string;
}

export interface MessageSources {
  /** The cinema's message a tap refers to, from this conversation only. */
  findMessage(id: string): ChatMessage | undefined;
  /** Stores a sample file as if the user had uploaded it; returns the media id. */
  storeMedia(media: SampleMedia): string;
  photo(): SampleMedia;
  sticker(): SampleMedia;
}

/**
 * Turns what the person did on the page into the message WhatsApp would deliver. Taps carry the
 * `id` and `title` of a button or row that Marquee really sent, looked up by the tapped message's id.
 */
export function webhookMessageFor(input: CustomerMessageInput, src: MessageSources): WebhookMessage {
  switch (input.type) {
    case 'text':
      return { fields: { type: 'text', text: { body: input.text } } };
    case 'button_reply': {
      const button = replyButtonsOf(tapped(src, input.contextId, 'button')).find((b) => b.id === input.id);
      if (!button) throw new SimulatorError(400, 'unknown_option', `That message has no reply button with id "${input.id}".`);
      return { contextId: input.contextId, fields: { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: button.id, title: button.title } } } };
    }
    case 'list_reply': {
      const row = listRowsOf(tapped(src, input.contextId, 'list')).find((r) => r.id === input.id);
      if (!row) throw new SimulatorError(400, 'unknown_option', `That list has no row with id "${input.id}".`);
      const reply: Record<string, string> = { id: row.id, title: row.title };
      if (row.description) reply.description = row.description;
      return { contextId: input.contextId, fields: { type: 'interactive', interactive: { type: 'list_reply', list_reply: reply } } };
    }
    case 'location': {
      const location: Record<string, unknown> = { latitude: input.latitude, longitude: input.longitude };
      if (input.name) location.name = input.name;
      if (input.address) location.address = input.address;
      return { fields: { type: 'location', location } };
    }
    case 'image': {
      const media = src.photo();
      const id = src.storeMedia(media);
      const image: Record<string, unknown> = { mime_type: media.mimeType, sha256: media.sha256, id };
      if (input.caption?.trim()) image.caption = input.caption.trim();
      return { mediaId: id, fields: { type: 'image', image } };
    }
    case 'sticker': {
      const media = src.sticker();
      const id = src.storeMedia(media);
      return { mediaId: id, fields: { type: 'sticker', sticker: { mime_type: media.mimeType, sha256: media.sha256, id, animated: false } } };
    }
    case 'unsupported':
      // What Meta delivers for a message kind the Cloud API cannot pass on (a poll, a video note…).
      return {
        fields: {
          type: 'unsupported',
          errors: [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' } }],
          unsupported: { type: 'poll' },
        },
      };
  }
}

function tapped(src: MessageSources, contextId: string, kind: 'button' | 'list'): Record<string, unknown> {
  const message = src.findMessage(contextId);
  if (!message || message.from !== 'cinema') throw new SimulatorError(404, 'message_not_found', 'The cinema sent no message with that id to this customer.');
  const interactive = message.payload.interactive;
  if (message.payload.type !== 'interactive' || !isObject(interactive) || interactive.type !== kind) {
    throw new SimulatorError(400, 'not_tappable', kind === 'button' ? 'That message has no reply buttons.' : 'That message is not a list.');
  }
  return interactive;
}

function replyButtonsOf(interactive: Record<string, unknown>): { id: string; title: string }[] {
  const action = isObject(interactive.action) ? interactive.action : {};
  const buttons = Array.isArray(action.buttons) ? action.buttons : [];
  return buttons.flatMap((b) => (isObject(b) && isObject(b.reply) && typeof b.reply.id === 'string' && typeof b.reply.title === 'string' ? [{ id: b.reply.id, title: b.reply.title }] : []));
}

function listRowsOf(interactive: Record<string, unknown>): { id: string; title: string; description?: string }[] {
  const action = isObject(interactive.action) ? interactive.action : {};
  const sections = Array.isArray(action.sections) ? action.sections : [];
  return sections.flatMap((s) =>
    isObject(s) && Array.isArray(s.rows)
      ? s.rows.flatMap((r) =>
          isObject(r) && typeof r.id === 'string' && typeof r.title === 'string'
            ? [{ id: r.id, title: r.title, description: typeof r.description === 'string' ? r.description : undefined }]
            : [],
        )
      : [],
  );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
