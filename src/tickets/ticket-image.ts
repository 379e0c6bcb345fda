import QRCode from 'qrcode';
import { Resvg } from '@resvg/resvg-js';

export interface TicketDetails {
  ref: string;
  cinemaName: string;
  movieTitle: string;
  certificate?: string;
  locationName: string;
  screenName: string;
  /** Already formatted in the location's time zone, e.g. 'Thu 26 Nov 2026 · 7:30 pm'. */
  when: string;
  /** 'F7, F8' or '3 × General admission'. */
  seats: string;
  total: string;
  language?: string;
  format?: string;
  brandColor?: string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Cuts a line to fit the ticket without splitting a character. */
function fit(s: string, max: number): string {
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : s;
}

/** The e-ticket as SVG: the booking reference as a QR code (what check-in scans) and in large letters. */
export async function ticketSvg(t: TicketDetails): Promise<string> {
  const qr = await QRCode.toString(t.ref, { type: 'svg', errorCorrectionLevel: 'M', margin: 1, width: 300 });
  const qrInner = qr.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const viewBox = /viewBox="([^"]+)"/.exec(qr)?.[1] ?? '0 0 33 33';
  const color = t.brandColor && /^#[0-9a-fA-F]{6}$/.test(t.brandColor) ? t.brandColor : '#b3261e';
  const meta = [t.language, t.format, t.certificate].filter(Boolean).join(' · ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="420" viewBox="0 0 800 420">
  <rect width="800" height="420" rx="24" fill="#ffffff"/>
  <rect width="800" height="84" rx="24" fill="${color}"/><rect y="60" width="800" height="24" fill="${color}"/>
  <text x="36" y="54" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="28" font-weight="bold" fill="#ffffff">${esc(fit(t.cinemaName, 34))}</text>
  <text x="764" y="54" text-anchor="end" font-family="DejaVu Sans, sans-serif" font-size="20" fill="#ffffff">E-TICKET</text>
  <text x="36" y="138" font-family="DejaVu Sans, sans-serif" font-size="34" font-weight="bold" fill="#1d1b20">${esc(fit(t.movieTitle, 26))}</text>
  <text x="36" y="172" font-family="DejaVu Sans, sans-serif" font-size="18" fill="#49454f">${esc(fit(meta, 44))}</text>
  <text x="36" y="218" font-family="DejaVu Sans, sans-serif" font-size="22" fill="#1d1b20">${esc(fit(t.when, 38))}</text>
  <text x="36" y="254" font-family="DejaVu Sans, sans-serif" font-size="20" fill="#1d1b20">${esc(fit(`${t.locationName} · ${t.screenName}`, 40))}</text>
  <text x="36" y="290" font-family="DejaVu Sans, sans-serif" font-size="20" fill="#1d1b20">Seats: ${esc(fit(t.seats, 36))}</text>
  <text x="36" y="326" font-family="DejaVu Sans, sans-serif" font-size="20" fill="#1d1b20">Total: ${esc(t.total)}</text>
  <line x1="520" y1="100" x2="520" y2="396" stroke="#cac4d0" stroke-width="2" stroke-dasharray="8 8"/>
  <svg x="548" y="104" width="224" height="224" viewBox="${viewBox}">${qrInner}</svg>
  <text x="660" y="370" text-anchor="middle" font-family="DejaVu Sans Mono, monospace" font-size="34" font-weight="bold" letter-spacing="4" fill="#1d1b20">${esc(t.ref)}</text>
  <text x="36" y="390" font-family="DejaVu Sans, sans-serif" font-size="15" fill="#79747e">Show this code at the entrance. Booking reference ${esc(t.ref)}.</text>
</svg>`;
}

/** The e-ticket as a PNG, ready to upload through the media endpoint. */
export async function renderTicketPng(t: TicketDetails): Promise<Buffer> {
  const svg = await ticketSvg(t);
  const png = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, fitTo: { mode: 'width', value: 800 } }).render().asPng();
  return Buffer.from(png);
}
