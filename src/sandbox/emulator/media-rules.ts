/** The kinds of media a message can carry. */
export type MediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';

export const MEDIA_KINDS: readonly MediaKind[] = ['image', 'video', 'audio', 'document', 'sticker'];

const MB = 1024 * 1024;
const KB = 1024;

/** Upload limits per MIME type, from Meta's supported-media table. */
export const UPLOAD_LIMITS: Readonly<Record<string, { kind: MediaKind; maxBytes: number }>> = {
  'image/jpeg': { kind: 'image', maxBytes: 5 * MB },
  'image/png': { kind: 'image', maxBytes: 5 * MB },
  'video/mp4': { kind: 'video', maxBytes: 16 * MB },
  'video/3gpp': { kind: 'video', maxBytes: 16 * MB },
  'audio/aac': { kind: 'audio', maxBytes: 16 * MB },
  'audio/amr': { kind: 'audio', maxBytes: 16 * MB },
  'audio/mpeg': { kind: 'audio', maxBytes: 16 * MB },
  'audio/mp4': { kind: 'audio', maxBytes: 16 * MB },
  'audio/ogg': { kind: 'audio', maxBytes: 16 * MB },
  'text/plain': { kind: 'document', maxBytes: 100 * MB },
  'application/pdf': { kind: 'document', maxBytes: 100 * MB },
  'application/msword': { kind: 'document', maxBytes: 100 * MB },
  'application/vnd.ms-excel': { kind: 'document', maxBytes: 100 * MB },
  'application/vnd.ms-powerpoint': { kind: 'document', maxBytes: 100 * MB },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { kind: 'document', maxBytes: 100 * MB },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { kind: 'document', maxBytes: 100 * MB },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { kind: 'document', maxBytes: 100 * MB },
  // Stickers: 500 KB covers animated ones; the 100 KB static limit is checked when one is sent.
  'image/webp': { kind: 'sticker', maxBytes: 500 * KB },
};

/** The largest upload any type allows (the multipart reader stops one byte past it). */
export const MAX_UPLOAD_BYTES = 100 * MB;

export const STATIC_STICKER_MAX_BYTES = 100 * KB;
export const ANIMATED_STICKER_MAX_BYTES = 500 * KB;

/** Whether an uploaded file of `mimeType` may be sent as a message of `kind` (a document may be any file). */
export function mimeFitsKind(mimeType: string, kind: MediaKind): boolean {
  if (kind === 'document') return mimeType in UPLOAD_LIMITS;
  return UPLOAD_LIMITS[mimeType]?.kind === kind;
}

/**
 * Whether the bytes look like `mimeType`, for the formats with a reliable signature. Meta inspects
 * uploads, so a PNG label on SVG bytes is refused rather than stored.
 */
export function contentMatchesMime(data: Buffer, mimeType: string): boolean {
  const ascii = (start: number, end: number) => data.subarray(start, end).toString('latin1');
  switch (mimeType) {
    case 'image/jpeg':
      return data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
    case 'image/png':
      return ascii(0, 8) === '\x89PNG\r\n\x1a\n';
    case 'image/webp':
      return ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP';
    case 'application/pdf':
      return ascii(0, 5) === '%PDF-';
    case 'video/mp4':
    case 'video/3gpp':
      return ascii(4, 8) === 'ftyp';
    case 'audio/ogg':
      return ascii(0, 4) === 'OggS';
    default:
      return true;
  }
}

/** Whether a WebP file is animated (extended header with the animation flag set). */
export function isAnimatedWebp(data: Buffer): boolean {
  return data.subarray(12, 16).toString('latin1') === 'VP8X' && data.length > 20 && (data[20]! & 0x02) !== 0;
}
