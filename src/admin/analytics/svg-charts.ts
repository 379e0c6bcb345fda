import { escapeHtml, raw, type SafeHtml } from '../html.ts';

/**
 * Small inline SVG charts for the dashboard. Colours are presentation attributes rather than CSS so
 * the charts look the same under any stylesheet or content security policy; every mark carries a
 * <title> so values can be read by hovering and by screen readers.
 */

export const PALETTE = {
  primary: '#4f5bd5',
  secondary: '#0f9f8f',
  accent: '#e8833a',
  danger: '#d64545',
  grid: '#e6e8ec',
  axis: '#9aa1ad',
  text: '#5b6270',
  strong: '#1f2430',
  track: '#eef0f3',
};

// Charts sit in half-width cards, so they are drawn about as wide as they appear: text stays readable.
const W = 560;
/** The funnel spans a whole card. */
const FUNNEL_W = 820;
const FONT = 'font-family="inherit" font-size="13"';

const esc = (s: string): string => escapeHtml(s);
const fmt = (n: number): string => (Math.round(n * 10) / 10).toString();

/**
 * A y axis of at most five round steps (1, 2, 2.5, 5 × 10^k) that covers v: 250 → 0–250 by 50,
 * 275 → 0–300 by 100. Returns the axis maximum and the number of steps.
 */
export function niceAxis(v: number): { max: number; steps: number } {
  if (!(v > 0)) return { max: 1, steps: 1 };
  for (let p = 10 ** Math.floor(Math.log10(v / 5)); ; p *= 10) {
    for (const m of [1, 2, 2.5, 5]) {
      const step = m * p;
      const steps = Math.ceil(v / step - 1e-9);
      if (steps <= 5 && (step >= 1 || !Number.isInteger(v))) return { max: step * steps, steps: Math.max(1, steps) };
    }
  }
}

function yAxis(axis: { max: number; steps: number }, top: number, bottom: number, left: number, right: number, format: (v: number) => string): string {
  let out = '';
  for (let i = 0; i <= axis.steps; i++) {
    const v = (axis.max / axis.steps) * i;
    const y = bottom - ((bottom - top) / axis.steps) * i;
    out += `<line x1="${left}" x2="${right}" y1="${fmt(y)}" y2="${fmt(y)}" stroke="${i === 0 ? PALETTE.axis : PALETTE.grid}" stroke-width="1"/>`;
    out += `<text x="${left - 8}" y="${fmt(y + 4)}" text-anchor="end" fill="${PALETTE.text}" ${FONT}>${esc(format(v))}</text>`;
  }
  return out;
}

function frame(height: number, label: string, inner: string, width = W): SafeHtml {
  return raw(
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg" style="max-width:100%;height:auto;display:block">` +
      `<title>${esc(label)}</title>${inner}</svg>`,
  );
}

function empty(height: number, label: string): SafeHtml {
  return frame(height, label, `<text x="${W / 2}" y="${height / 2}" text-anchor="middle" fill="${PALETTE.axis}" ${FONT}>No data for this period</text>`);
}

export interface Datum {
  label: string;
  value: number;
}

/** Vertical bars over labelled categories (days, hours). Labels thin out when there are many. */
export function columnChart(o: { data: Datum[]; ariaLabel: string; format: (v: number) => string; color?: string; height?: number }): SafeHtml {
  const height = o.height ?? 240;
  if (!o.data.length || o.data.every((d) => d.value === 0)) return empty(height, o.ariaLabel);
  const left = 64;
  const right = W - 8;
  const top = 14;
  const bottom = height - 30;
  const axis = niceAxis(Math.max(...o.data.map((d) => d.value)));
  const max = axis.max;
  const step = (right - left) / o.data.length;
  const bw = Math.max(1, Math.min(44, step * 0.72));
  const every = Math.ceil(o.data.length / 8);
  let bars = '';
  o.data.forEach((d, i) => {
    const h = ((bottom - top) * d.value) / max;
    const x = left + step * i + (step - bw) / 2;
    bars += `<rect x="${fmt(x)}" y="${fmt(bottom - h)}" width="${fmt(bw)}" height="${fmt(h)}" rx="${bw > 6 ? 3 : 0}" fill="${o.color ?? PALETTE.primary}"><title>${esc(`${d.label}: ${o.format(d.value)}`)}</title></rect>`;
    if (i % every === 0) {
      bars += `<text x="${fmt(left + step * i + step / 2)}" y="${bottom + 18}" text-anchor="middle" fill="${PALETTE.text}" ${FONT}>${esc(d.label)}</text>`;
    }
  });
  return frame(height, o.ariaLabel, yAxis(axis, top, bottom, left, right, o.format) + bars);
}

/** A line (with a soft area beneath) over labelled points, e.g. revenue by day. */
export function lineChart(o: { data: Datum[]; ariaLabel: string; format: (v: number) => string; color?: string; height?: number }): SafeHtml {
  const height = o.height ?? 240;
  if (!o.data.length || o.data.every((d) => d.value === 0)) return empty(height, o.ariaLabel);
  const color = o.color ?? PALETTE.secondary;
  const left = 72;
  const right = W - 20;
  const top = 14;
  const bottom = height - 30;
  const axis = niceAxis(Math.max(...o.data.map((d) => d.value)));
  const max = axis.max;
  const n = o.data.length;
  const x = (i: number) => (n === 1 ? (left + right) / 2 : left + ((right - left) * i) / (n - 1));
  const y = (v: number) => bottom - ((bottom - top) * v) / max;
  const pts = o.data.map((d, i) => `${fmt(x(i))},${fmt(y(d.value))}`);
  const every = Math.ceil(n / 7);
  let marks = `<path d="M${fmt(x(0))},${bottom} L${pts.join(' L')} L${fmt(x(n - 1))},${bottom} Z" fill="${color}" fill-opacity="0.12"/>`;
  marks += `<polyline points="${pts.join(' ')}" fill="none" stroke="${color}" stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"/>`;
  o.data.forEach((d, i) => {
    marks += `<circle cx="${fmt(x(i))}" cy="${fmt(y(d.value))}" r="${n <= 45 ? 3.5 : 2}" fill="#fff" stroke="${color}" stroke-width="2"><title>${esc(`${d.label}: ${o.format(d.value)}`)}</title></circle>`;
    if (i % every === 0) marks += `<text x="${fmt(x(i))}" y="${bottom + 18}" text-anchor="middle" fill="${PALETTE.text}" ${FONT}>${esc(d.label)}</text>`;
  });
  return frame(height, o.ariaLabel, yAxis(axis, top, bottom, left, right, o.format) + marks);
}

/** Horizontal bars with the label on the left and the value on the right: rankings such as popular films. */
export function barList(o: { data: (Datum & { note?: string })[]; ariaLabel: string; format: (v: number) => string; color?: string }): SafeHtml {
  const row = 34;
  const height = Math.max(60, o.data.length * row + 10);
  if (!o.data.length || o.data.every((d) => d.value === 0)) return empty(80, o.ariaLabel);
  const labelW = 150;
  const valueW = 130;
  const left = labelW + 10;
  const right = W - valueW;
  const max = Math.max(...o.data.map((d) => d.value));
  let out = '';
  o.data.forEach((d, i) => {
    const y = 6 + i * row;
    const w = max > 0 ? ((right - left) * d.value) / max : 0;
    const label = d.label.length > 20 ? `${d.label.slice(0, 19)}…` : d.label;
    out += `<text x="${labelW}" y="${y + 19}" text-anchor="end" fill="${PALETTE.strong}" ${FONT}><title>${esc(d.label)}</title>${esc(label)}</text>`;
    out += `<rect x="${left}" y="${y + 5}" width="${fmt(right - left)}" height="20" rx="5" fill="${PALETTE.track}"/>`;
    out += `<rect x="${left}" y="${y + 5}" width="${fmt(Math.max(w, d.value > 0 ? 2 : 0))}" height="20" rx="5" fill="${o.color ?? PALETTE.primary}"><title>${esc(`${d.label}: ${o.format(d.value)}${d.note ? ` · ${d.note}` : ''}`)}</title></rect>`;
    out += `<text x="${right + 10}" y="${y + 19}" fill="${PALETTE.strong}" ${FONT} font-weight="600">${esc(o.format(d.value))}${d.note ? ` <tspan fill="${PALETTE.text}" font-weight="400">· ${esc(d.note)}</tspan>` : ''}</text>`;
  });
  return frame(height, o.ariaLabel, out);
}

/** The booking funnel: one bar per step, as wide as the share of started conversations, with the loss between steps. */
export function funnelChart(o: { steps: { label: string; count: number; dropOff: number; dropOffRate: number | null }[]; ariaLabel: string }): SafeHtml {
  const row = 58;
  const height = o.steps.length * row + 8;
  const first = o.steps[0]?.count ?? 0;
  if (first === 0) return empty(120, o.ariaLabel);
  const left = 170;
  const right = FUNNEL_W - 150;
  const colors = [PALETTE.primary, '#6570dd', '#7d86e4', PALETTE.secondary];
  let out = '';
  o.steps.forEach((s, i) => {
    const y = 8 + i * row;
    const w = ((right - left) * s.count) / first;
    const x = left + (right - left - w) / 2;
    const pct = `${Math.round((s.count / first) * 100)}%`;
    out += `<text x="${left - 14}" y="${y + 21}" text-anchor="end" fill="${PALETTE.strong}" ${FONT} font-weight="600">${esc(s.label)}</text>`;
    out += `<rect x="${left}" y="${y + 4}" width="${right - left}" height="26" rx="6" fill="${PALETTE.track}"/>`;
    out += `<rect x="${fmt(x)}" y="${y + 4}" width="${fmt(Math.max(w, s.count > 0 ? 3 : 0))}" height="26" rx="6" fill="${colors[i % colors.length]}"><title>${esc(`${s.label}: ${s.count} (${pct} of started)`)}</title></rect>`;
    out += `<text x="${right + 12}" y="${y + 21}" fill="${PALETTE.strong}" ${FONT} font-weight="600">${s.count.toLocaleString('en-IN')} <tspan fill="${PALETTE.text}" font-weight="400">${pct}</tspan></text>`;
    if (i > 0 && s.dropOff > 0) {
      const rate = s.dropOffRate === null ? '' : ` (${Math.round(s.dropOffRate * 100)}%)`;
      out += `<text x="${(left + right) / 2}" y="${y + 46}" text-anchor="middle" fill="${PALETTE.danger}" ${FONT}>${esc(`▼ ${s.dropOff.toLocaleString('en-IN')} dropped${rate}`)}</text>`;
    }
  });
  return frame(height, o.ariaLabel, out, FUNNEL_W);
}

/** A compact occupancy bar for table cells: green when full, amber in the middle, grey when empty. */
export function meter(fraction: number | null, label: string): SafeHtml {
  if (fraction === null) return raw('<span class="muted">—</span>');
  const f = Math.max(0, Math.min(1, fraction));
  const color = f >= 0.75 ? '#1e9e5a' : f >= 0.35 ? '#e0a21a' : PALETTE.axis;
  return raw(
    `<svg viewBox="0 0 100 10" width="90" height="10" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg" style="vertical-align:middle">` +
      `<rect width="100" height="10" rx="5" fill="${PALETTE.track}"/><rect width="${fmt(f * 100)}" height="10" rx="5" fill="${color}"/></svg>`,
  );
}
