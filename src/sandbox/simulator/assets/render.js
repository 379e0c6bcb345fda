// Renders one message of the conversation — a Graph API body Marquee sent, or a webhook message the
// simulated customer sent — as a WhatsApp bubble. Pure DOM building; the page wires up the actions.
import { escapeHtml, formatWhatsAppText, plainSnippet } from './whatsapp-text.js';

const STATUS_WORDS = { pending: 'Sending', sent: 'Sent', delivered: 'Delivered', read: 'Read', failed: 'Not delivered' };
const ICONS = {
  pending: '<svg viewBox="0 0 16 16" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="1.4" d="M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11zM8 5v3.3l2.2 1.3"/></svg>',
  sent: '<svg viewBox="0 0 16 11" aria-hidden="true"><path fill="currentColor" d="M11.1.6 4.9 8.3 2.2 5.6 1.1 6.7 5 10.6 12.3 1.6z"/></svg>',
  double: '<svg viewBox="0 0 18 11" aria-hidden="true"><path fill="currentColor" d="M11.1.6 4.9 8.3 2.2 5.6 1.1 6.7 5 10.6 12.3 1.6zm4.1 0L9 8.3l-.8-.8-1.1 1.2 2 1.9L16.4 1.6z"/></svg>',
  failed: '<svg viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="7" fill="currentColor"/><path fill="#fff" d="M7.2 3.8h1.6v5H7.2zm0 6.2h1.6v1.6H7.2z"/></svg>',
  list: '<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M3 5h2v2H3zm4 0h14v2H7zm-4 6h2v2H3zm4 0h14v2H7zm-4 6h2v2H3zm4 0h14v2H7z"/></svg>',
  link: '<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M14 3h7v7h-2V6.4l-9.3 9.3-1.4-1.4L17.6 5H14zM5 5h6v2H5v12h12v-6h2v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z"/></svg>',
  pin: '<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z"/></svg>',
  doc: '<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M6 2h8l6 6v12a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm7 1.5V9h5.5z"/></svg>',
};

/** A small element builder: h('div', { class: 'x' }, child, 'text'). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'html') el.innerHTML = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) el.append(c);
  return el;
}

const obj = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});

/**
 * Where the page can load a media item: uploaded media through the simulator, the https link
 * Marquee sent, or the simulator's own sample while a customer's photo is on its way.
 */
function mediaUrl(media) {
  const m = obj(media);
  if (typeof m.id === 'string') return `/sandbox/media/${encodeURIComponent(m.id)}`;
  if (typeof m.link === 'string' && /^(https:\/\/|\/sandbox\/)/.test(m.link)) return m.link;
  return undefined;
}

export function formatTime(ms) {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** A line of text that stands for the message: in quotes, the list sheet and screen-reader labels. */
export function messageSnippet(m) {
  const p = obj(m?.payload);
  switch (p.type) {
    case 'text':
      return plainSnippet(obj(p.text).body);
    case 'interactive': {
      const i = obj(p.interactive);
      if (i.type === 'button_reply') return obj(i.button_reply).title ?? '';
      if (i.type === 'list_reply') return obj(i.list_reply).title ?? '';
      return plainSnippet(obj(i.body).text);
    }
    case 'image':
      return `📷 ${plainSnippet(obj(p.image).caption) || 'Photo'}`;
    case 'video':
      return '🎥 Video';
    case 'document':
      return `📄 ${obj(p.document).filename ?? 'Document'}`;
    case 'sticker':
      return 'Sticker';
    case 'location':
      return `📍 ${obj(p.location).name ?? 'Location'}`;
    case 'template':
      return `Template: ${obj(p.template).name ?? ''}`;
    default:
      return p.type ?? '';
  }
}

function ticks(m) {
  const word = STATUS_WORDS[m.status] ?? m.status;
  const icon = m.status === 'failed' ? ICONS.failed : m.status === 'pending' ? ICONS.pending : m.status === 'sent' ? ICONS.sent : ICONS.double;
  return h('span', { class: `ticks ${m.status}`, role: 'img', 'aria-label': word, title: m.problem ? `${word}: ${m.problem}` : word, html: icon });
}

/** The time, ticks and any problem of a bubble; replaced in place when the status changes. */
export function renderMeta(m) {
  const meta = h('span', { class: 'meta' }, h('time', { datetime: new Date(m.at).toISOString() }, formatTime(m.at)), ticks(m));
  const wrap = h('div', { class: 'meta-wrap' }, meta);
  if (m.problem) wrap.append(h('p', { class: 'problem' }, m.problem));
  return wrap;
}

function textBlock(text, cls = 'text') {
  return h('div', { class: cls, html: formatWhatsAppText(text) });
}

function imageBlock(media, caption, ctx) {
  const src = mediaUrl(media);
  if (!src) return h('p', { class: 'text muted' }, 'Image unavailable');
  const alt = caption ? `Image: ${plainSnippet(caption, 120)}` : 'Image';
  const button = h('button', { type: 'button', class: 'media-button', 'aria-label': `${alt}. Open larger` }, h('img', { src, alt: '' }));
  button.addEventListener('click', () => ctx.onZoom(src, caption ?? ''));
  return button;
}

function documentBlock(doc) {
  const d = obj(doc);
  const src = mediaUrl(d);
  const name = d.filename ?? 'Document';
  return h(
    'div',
    { class: 'document' },
    h('span', { class: 'doc-icon', html: ICONS.doc }),
    h('span', { class: 'doc-name' }, name),
    src ? h('a', { href: src, download: name, class: 'doc-download' }, 'Download') : null,
  );
}

function locationBlock(loc) {
  const l = obj(loc);
  const lat = Number(l.latitude);
  const lng = Number(l.longitude);
  const where = `${lat.toFixed(4)}, ${lng.toFixed(4)}`;
  const map = h('a', {
    class: 'map',
    href: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=16/${lat}/${lng}`,
    target: '_blank',
    rel: 'noopener noreferrer',
    'aria-label': `Map of ${l.name ?? where}. Opens OpenStreetMap`,
  }, h('span', { class: 'map-pin', html: ICONS.pin }));
  return h(
    'div',
    { class: 'location' },
    map,
    h('div', { class: 'location-text' }, h('strong', {}, l.name ?? 'Location'), l.address ? h('span', {}, l.address) : null, h('small', {}, where)),
  );
}

function interactiveHeader(header, ctx) {
  const hd = obj(header);
  if (hd.type === 'text') return h('div', { class: 'i-header' }, hd.text ?? '');
  if (hd.type === 'image') return imageBlock(hd.image, '', ctx);
  if (hd.type === 'document') return documentBlock(hd.document);
  if (hd.type === 'video') return h('video', { src: mediaUrl(hd.video), controls: true, preload: 'metadata' });
  return null;
}

/** The bubble's content for what Marquee sent, and the reply buttons under it. */
function cinemaContent(m, ctx) {
  const p = obj(m.payload);
  const parts = [];
  let below = null;
  switch (p.type) {
    case 'text':
      parts.push(textBlock(obj(p.text).body));
      break;
    case 'interactive': {
      const i = obj(p.interactive);
      const action = obj(i.action);
      const header = interactiveHeader(i.header, ctx);
      if (header) parts.push(header);
      if (obj(i.body).text) parts.push(textBlock(obj(i.body).text));
      if (obj(i.footer).text) parts.push(h('div', { class: 'i-footer' }, obj(i.footer).text));
      if (i.type === 'button') {
        below = h('div', { class: 'reply-buttons', role: 'group', 'aria-label': 'Reply buttons' });
        for (const b of Array.isArray(action.buttons) ? action.buttons : []) {
          const reply = obj(obj(b).reply);
          const btn = h('button', { type: 'button', class: 'reply-button', dataset: { optionId: reply.id ?? '' } }, reply.title ?? '');
          btn.addEventListener('click', () => ctx.onTapButton(m, reply));
          below.append(btn);
        }
      } else if (i.type === 'list') {
        const btn = h('button', { type: 'button', class: 'bubble-action', 'aria-haspopup': 'dialog' }, h('span', { html: ICONS.list }), action.button ?? 'Choose');
        btn.addEventListener('click', () => ctx.onOpenList(m, btn));
        parts.push(btn);
      } else if (i.type === 'cta_url') {
        const prm = obj(action.parameters);
        parts.push(h('a', { class: 'bubble-action', href: prm.url ?? '#', target: '_blank', rel: 'noopener noreferrer' }, h('span', { html: ICONS.link }), prm.display_text ?? 'Open'));
      } else if (i.type === 'location_request_message') {
        const btn = h('button', { type: 'button', class: 'bubble-action', 'aria-haspopup': 'dialog' }, h('span', { html: ICONS.pin }), 'Send location');
        btn.addEventListener('click', () => ctx.onRequestLocation(btn));
        parts.push(btn);
      } else if (i.type === 'flow') {
        const prm = obj(action.parameters);
        parts.push(h('button', { type: 'button', class: 'bubble-action', disabled: true, title: 'WhatsApp Flows open a form inside WhatsApp; the simulator cannot show them.' }, prm.flow_cta ?? 'Open form'));
      } else if (!header && !obj(i.body).text) {
        parts.push(h('p', { class: 'text muted' }, `Interactive message (${i.type ?? 'unknown'})`));
      }
      break;
    }
    case 'image':
      parts.push(imageBlock(p.image, obj(p.image).caption, ctx));
      if (obj(p.image).caption) parts.push(textBlock(obj(p.image).caption, 'text caption'));
      break;
    case 'video':
      parts.push(h('video', { src: mediaUrl(p.video), controls: true, preload: 'metadata' }));
      if (obj(p.video).caption) parts.push(textBlock(obj(p.video).caption, 'text caption'));
      break;
    case 'audio':
      parts.push(h('audio', { src: mediaUrl(p.audio), controls: true, preload: 'metadata' }));
      break;
    case 'document':
      parts.push(documentBlock(p.document));
      if (obj(p.document).caption) parts.push(textBlock(obj(p.document).caption, 'text caption'));
      break;
    case 'sticker':
      parts.push(h('img', { class: 'sticker-image', src: mediaUrl(p.sticker), alt: 'Sticker' }));
      break;
    case 'location':
      parts.push(locationBlock(p.location));
      break;
    case 'template': {
      const t = obj(p.template);
      const params = (Array.isArray(t.components) ? t.components : []).flatMap((c) => (Array.isArray(obj(c).parameters) ? obj(c).parameters : []).map((x) => obj(x).text).filter(Boolean));
      parts.push(h('div', { class: 'template-tag' }, `Template “${t.name ?? ''}” · ${obj(t.language).code ?? ''}`));
      if (params.length) parts.push(textBlock(params.join('\n')));
      break;
    }
    case 'contacts':
      for (const c of Array.isArray(p.contacts) ? p.contacts : []) parts.push(h('div', { class: 'contact-card' }, `👤 ${obj(obj(c).name).formatted_name ?? 'Contact'}`));
      break;
    default:
      parts.push(h('p', { class: 'text muted' }, `A “${p.type}” message`));
  }
  return { parts, below };
}

/** The bubble's content for what the simulated customer sent. */
function customerContent(m, ctx) {
  const p = obj(m.payload);
  const parts = [];
  if (m.contextId) {
    const quoted = ctx.findMessage(m.contextId);
    parts.push(h('div', { class: 'quote' }, h('strong', {}, ctx.cinemaName()), h('span', {}, quoted ? messageSnippet(quoted) : 'Message')));
  }
  switch (p.type) {
    case 'text':
      parts.push(textBlock(obj(p.text).body));
      break;
    case 'interactive': {
      const i = obj(p.interactive);
      const r = obj(i.type === 'list_reply' ? i.list_reply : i.button_reply);
      parts.push(h('div', { class: 'text' }, r.title ?? ''));
      if (r.description) parts.push(h('div', { class: 'i-footer' }, r.description));
      break;
    }
    case 'location':
      parts.push(locationBlock(p.location));
      break;
    case 'image':
      parts.push(imageBlock(p.image, obj(p.image).caption, ctx));
      if (obj(p.image).caption) parts.push(textBlock(obj(p.image).caption, 'text caption'));
      break;
    case 'sticker':
      parts.push(h('img', { class: 'sticker-image', src: mediaUrl(p.sticker), alt: 'Sticker: a smiling popcorn bucket' }));
      break;
    case 'unsupported':
      parts.push(h('p', { class: 'text muted' }, '📊 A poll — WhatsApp passes it on as an “unsupported” message'));
      break;
    default:
      parts.push(h('p', { class: 'text muted' }, `A “${p.type}” message`));
  }
  return { parts, below: null };
}

/**
 * The list item for a message. `ctx` provides: onTapButton(message, reply), onOpenList(message,
 * opener), onRequestLocation(opener), onZoom(src, caption), findMessage(id), cinemaName().
 */
export function renderMessage(m, ctx) {
  const mine = m.from === 'customer';
  const { parts, below } = mine ? customerContent(m, ctx) : cinemaContent(m, ctx);
  const type = obj(m.payload).type;
  const sticker = type === 'sticker';
  const bubble = h('div', { class: `bubble${sticker ? ' bare' : ''}` }, h('span', { class: 'visually-hidden' }, mine ? 'You: ' : `${ctx.cinemaName()}: `), parts, renderMeta(m));
  const payload = h('details', { class: 'payload' }, h('summary', {}, mine ? 'Webhook message' : 'Graph API request'), h('pre', {}, JSON.stringify(m.payload, null, 2)));
  // The stack is as wide as the wider of the bubble and its buttons, like WhatsApp's.
  return h(
    'li',
    { class: `message ${mine ? 'outgoing' : 'incoming'} type-${escapeHtml(type ?? 'unknown')}`, dataset: { id: m.id, from: m.from, status: m.status } },
    h('div', { class: 'stack' }, bubble, below, payload),
  );
}
