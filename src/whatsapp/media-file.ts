import { MEDIA_MAX_BYTES, MEDIA_MIME_TYPES } from './limits.ts';

export type MediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';

/** The kind of message a file of this MIME type can be sent as, e.g. `'image/png'` → `'image'`. */
export function mediaKindForMime(mimeType: string): MediaKind {
  const base = mimeType.split(';')[0].trim().toLowerCase();
  for (const kind of ['image', 'video', 'audio', 'sticker'] as const) {
    if ((MEDIA_MIME_TYPES[kind] as readonly string[]).includes(base)) return kind;
  }
  return 'document';
}

/**
 * Lists why Meta would refuse this file for this kind of message (type, size); empty = acceptable.
 * Example: `validateMediaFile('image', 'image/gif', 10)` → `['image must be image/jpeg or image/png, not image/gif']`.
 */
export function validateMediaFile(kind: MediaKind, mimeType: string, byteLength: number, opts: { animated?: boolean } = {}): string[] {
  const problems: string[] = [];
  const base = mimeType.split(';')[0].trim().toLowerCase();
  if (kind !== 'document') {
    const allowed: readonly string[] = MEDIA_MIME_TYPES[kind];
    if (!allowed.includes(base)) problems.push(`${kind} must be ${allowed.join(' or ')}, not ${base || 'an unknown type'}`);
  }
  const max = kind === 'sticker' && opts.animated ? MEDIA_MAX_BYTES.animatedSticker : MEDIA_MAX_BYTES[kind];
  if (byteLength === 0) problems.push(`${kind} file is empty`);
  if (byteLength > max) problems.push(`${kind} file is ${byteLength} bytes; the limit is ${max}`);
  return problems;
}
