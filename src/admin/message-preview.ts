import { isRecord } from '../whatsapp/is-record.ts';

/**
 * What a stored message says, for the transcript: text as written, interactive choices by their
 * titles, media by kind and caption. Payloads are untrusted JSON; anything odd becomes a label.
 */
export function previewInbound(type: string, payloadJson: string): string {
  const p = parseObject(payloadJson);
  if (type === 'internal') return describeInternal(p);
  const inner = isRecord(p[type]) ? (p[type] as Record<string, unknown>) : {};
  switch (type) {
    case 'text':
      return str(inner.body) ?? '';
    case 'interactive': {
      const reply = (isRecord(inner.button_reply) && inner.button_reply) || (isRecord(inner.list_reply) && inner.list_reply);
      if (reply) return `▸ ${str((reply as Record<string, unknown>).title) ?? ''}`;
      if (isRecord(inner.nfm_reply)) return '▸ (form submitted)';
      return '(interactive reply)';
    }
    case 'button':
      return `▸ ${str(inner.text) ?? str(inner.payload) ?? ''}`;
    case 'location':
      return `📍 ${str(inner.name) ?? str(inner.address) ?? 'Location shared'}`;
    case 'reaction':
      return `Reacted ${str(inner.emoji) || '(removed)'}`;
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
      return `[${type}]${str(inner.caption) ? ` ${str(inner.caption)}` : ''}`;
    default:
      return `[${type}]`;
  }
}

function describeInternal(p: Record<string, unknown>): string {
  const what = str(p.internal) ?? str(p.event) ?? 'event';
  const labels: Record<string, string> = { handoff_ended: 'Handed back to the bot', timer: 'Timer fired' };
  return labels[what] ?? what.replace(/_/g, ' ');
}

export function previewOutbound(payloadJson: string): string {
  const m = parseObject(payloadJson);
  const type = str(m.type) ?? '';
  const inner = isRecord(m[type]) ? (m[type] as Record<string, unknown>) : {};
  switch (type) {
    case 'text':
      return str(inner.body) ?? '';
    case 'interactive': {
      const body = isRecord(inner.body) ? str(inner.body.text) : undefined;
      const action = isRecord(inner.action) ? inner.action : {};
      const buttons = Array.isArray(action.buttons)
        ? action.buttons.map((b) => (isRecord(b) && isRecord(b.reply) ? str(b.reply.title) : undefined)).filter(Boolean)
        : [];
      const rows = Array.isArray(action.sections)
        ? action.sections.flatMap((s) => (isRecord(s) && Array.isArray(s.rows) ? s.rows.map((r) => (isRecord(r) ? str(r.title) : undefined)) : [])).filter(Boolean)
        : [];
      const choices = [...buttons, ...rows];
      return `${body ?? ''}${choices.length ? `\n[${choices.join('] [')}]` : ''}`;
    }
    case 'template':
      return `Template “${str(inner.name) ?? '?'}”`;
    case 'image':
    case 'document':
    case 'video':
      return `[${type}]${str(inner.caption) ? ` ${str(inner.caption)}` : ''}`;
    default:
      return type ? `[${type}]` : '(message)';
  }
}

function parseObject(json: string): Record<string, unknown> {
  try {
    const v = JSON.parse(json) as unknown;
    return isRecord(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
