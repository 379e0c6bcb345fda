import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

export interface SampleMedia {
  data: Buffer;
  mimeType: string;
  sha256: string;
}

// A holiday snap of a cinema front: what a customer might send, drawn rather than shipped as a photo.
const PHOTO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360" viewBox="0 0 480 360">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#1d2b64"/><stop offset="1" stop-color="#f8a170"/></linearGradient>
    <linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#7a1f1f"/><stop offset="1" stop-color="#4a1010"/></linearGradient>
  </defs>
  <rect width="480" height="360" fill="url(#sky)"/>
  <circle cx="390" cy="70" r="26" fill="#fde7b0"/>
  <rect x="60" y="120" width="360" height="240" fill="url(#wall)"/>
  <rect x="90" y="140" width="300" height="70" rx="8" fill="#fff6d8" stroke="#f2c14e" stroke-width="6"/>
  <text x="240" y="186" text-anchor="middle" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="30" font-weight="bold" fill="#7a1f1f">NOW SHOWING</text>
  <g fill="#ffd86b">${Array.from({ length: 13 }, (_, i) => `<circle cx="${96 + i * 24}" cy="224" r="5"/>`).join('')}</g>
  <rect x="190" y="250" width="100" height="110" fill="#2a0a0a"/>
  <rect x="100" y="250" width="60" height="80" fill="#f4d35e" opacity="0.85"/>
  <rect x="320" y="250" width="60" height="80" fill="#f4d35e" opacity="0.85"/>
  <rect x="0" y="340" width="480" height="20" fill="#222"/>
</svg>`;

let photo: SampleMedia | undefined;
let sticker: SampleMedia | undefined;

function sample(data: Buffer, mimeType: string): SampleMedia {
  return { data, mimeType, sha256: createHash('sha256').update(data).digest('hex') };
}

/** The photo a simulated customer sends: a small PNG, rendered once. */
export function samplePhoto(): SampleMedia {
  photo ??= sample(Buffer.from(new Resvg(PHOTO_SVG, { font: { loadSystemFonts: true } }).render().asPng()), 'image/png');
  return photo;
}

/** The sticker a simulated customer sends: a static 512×512 WebP, as WhatsApp stickers are. */
export function sampleSticker(): SampleMedia {
  sticker ??= sample(readFileSync(new URL('./assets/sticker.webp', import.meta.url)), 'image/webp');
  return sticker;
}
