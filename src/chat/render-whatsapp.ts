/**
 * Turns the dialogue's abstract replies into WhatsApp messages. This is the one place that knows
 * Meta's limits (../whatsapp/limits.ts): a choice becomes reply buttons, a list or numbered text;
 * anything too long is shortened or split; every message it returns passes validateOutgoing.
 */
import { list, location, replyButtons, text } from '../whatsapp/builders.ts';
import {
  FOOTER_TEXT_MAX,
  HEADER_TEXT_MAX,
  INTERACTIVE_BODY_MAX,
  LIST_BODY_MAX,
  LIST_BUTTON_MAX,
  LIST_ROW_DESCRIPTION_MAX,
  LIST_ROW_ID_MAX,
  LIST_ROW_TITLE_MAX,
  LIST_ROWS_TOTAL_MAX,
  REPLY_BUTTON_ID_MAX,
  REPLY_BUTTON_TITLE_MAX,
  REPLY_BUTTONS_MAX,
  TEXT_BODY_MAX,
} from '../whatsapp/limits.ts';
import type { OutgoingMessage } from '../whatsapp/outgoing.ts';
import { oneLine, shorten, splitText } from './fit-text.ts';
import { t, type Overrides } from './messages/index.ts';
import { optionId } from './options.ts';
import type { ChoiceOption, Lang, Reply } from './types.ts';

type Choice = Extract<Reply, { type: 'choice' }>;

/**
 * The WhatsApp messages for one reply, in order. 'ticket' replies are rendered by the application
 * (an image with a QR code), so they give [] here.
 * Example: `renderWhatsApp({ type: 'text', text: 'Hi' }, 'en')` → `[{ type: 'text', text: { body: 'Hi' } }]`.
 */
export function renderWhatsApp(reply: Reply, lang: Lang, overrides?: Overrides): OutgoingMessage[] {
  switch (reply.type) {
    case 'text':
      return renderText(reply.text);
    case 'choice':
      return renderChoice(reply, lang, overrides);
    case 'location':
      return renderLocation(reply);
    case 'ticket':
      return [];
  }
}

function renderText(body: string): OutgoingMessage[] {
  return splitText(body, TEXT_BODY_MAX).map((piece) => text(piece));
}

function renderLocation(r: Extract<Reply, { type: 'location' }>): OutgoingMessage[] {
  const valid = Number.isFinite(r.latitude) && Number.isFinite(r.longitude) && Math.abs(r.latitude) <= 90 && Math.abs(r.longitude) <= 180;
  const name = oneLine(r.name);
  const address = oneLine(r.address);
  // A pin Meta would refuse still tells the customer where to go, as text.
  if (!valid) return renderText([name, address].filter(Boolean).join('\n'));
  return [location({ latitude: r.latitude, longitude: r.longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) })];
}

interface Row {
  id: string;
  title: string;
  description?: string;
}

function renderChoice(c: Choice, lang: Lang, overrides?: Overrides): OutgoingMessage[] {
  const say = (key: 'render.choose' | 'render.prompt' | 'render.reply_number') => t(lang, key, {}, overrides);
  const options = cleanOptions(c.options);
  const bodyText = c.text.trim();
  if (options.length === 0) return bodyText ? renderText(bodyText) : [];
  if (options.length > LIST_ROWS_TOTAL_MAX) return numbered(bodyText, options, say('render.reply_number'));

  // A body too long for an interactive message goes first as text; the choice follows under a short prompt.
  const out: OutgoingMessage[] = [];
  let body = bodyText;
  if (body === '' || body.length > Math.min(INTERACTIVE_BODY_MAX, LIST_BODY_MAX)) {
    if (body !== '') out.push(...renderText(body));
    body = say('render.prompt');
  }
  const header = c.header && oneLine(c.header) ? shorten(oneLine(c.header), HEADER_TEXT_MAX) : undefined;
  const footer = c.footer && oneLine(c.footer) ? shorten(oneLine(c.footer), FOOTER_TEXT_MAX) : undefined;

  try {
    const titles = options.map((o) => oneLine(o.title));
    const asButtons = options.length <= REPLY_BUTTONS_MAX && titles.every((x) => x.length <= REPLY_BUTTON_TITLE_MAX) && new Set(titles).size === titles.length;
    if (asButtons) {
      out.push(
        replyButtons({
          body,
          buttons: options.map((o, i) => ({ id: fitId(o.id, i, REPLY_BUTTON_ID_MAX), title: titles[i]! })),
          ...(header ? { header } : {}),
          ...(footer ? { footer } : {}),
        }),
      );
      return out;
    }
    const rows = options.map((o, i) => row(o, i));
    out.push(
      list({
        body,
        button: shorten(oneLine(c.button ?? '') || say('render.choose'), LIST_BUTTON_MAX),
        sections: [{ rows }],
        ...(header ? { header } : {}),
        ...(footer ? { footer } : {}),
      }),
    );
    return out;
  } catch {
    // Should a builder still refuse (a rule it knows and we did not foresee), numbered text always goes through.
    return numbered(bodyText, options, say('render.reply_number'));
  }
}

/** A list row: a title that does not fit is shortened and said in full in the description. */
function row(o: ChoiceOption, i: number): Row {
  const title = oneLine(o.title);
  const description = o.description ? oneLine(o.description) : '';
  const id = fitId(o.id, i, LIST_ROW_ID_MAX);
  if (title.length <= LIST_ROW_TITLE_MAX) {
    return description ? { id, title, description: shorten(description, LIST_ROW_DESCRIPTION_MAX) } : { id, title };
  }
  return { id, title: shorten(title, LIST_ROW_TITLE_MAX), description: shorten(description ? `${title} · ${description}` : title, LIST_ROW_DESCRIPTION_MAX) };
}

/** More options than a list holds: the options as numbered lines, answered by typing the number. */
function numbered(body: string, options: ChoiceOption[], hint: string): OutgoingMessage[] {
  const lines = options.map((o, i) => `${i + 1}. ${oneLine(o.title)}${o.description ? ` (${oneLine(o.description)})` : ''}`);
  return renderText([body, lines.join('\n'), hint].filter((p) => p.trim() !== '').join('\n\n'));
}

/** Options WhatsApp can show: a non-blank title, and ids without surrounding spaces and without repeats. */
function cleanOptions(options: ChoiceOption[]): ChoiceOption[] {
  const seen = new Set<string>();
  const out: ChoiceOption[] = [];
  for (const o of options) {
    const id = o.id.trim();
    if (id === '' || seen.has(id)) continue;
    seen.add(id);
    const title = oneLine(o.title) || String(out.length + 1);
    out.push({ ...o, id, title });
  }
  return out;
}

/** An id too long for WhatsApp travels as the option's position, which the dialogue reads like a typed number. */
function fitId(id: string, index: number, max: number): string {
  return id.length <= max ? id : optionId({ kind: 'position', n: index + 1 });
}
