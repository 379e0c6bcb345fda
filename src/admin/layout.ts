import type { Cinema } from '../tenants/cinemas.ts';
import type { StaffIdentity } from './auth.ts';
import { html, raw, SafeHtml } from './html.ts';

export { html, raw, SafeHtml, escapeHtml, jsonForScript } from './html.ts';

export type NavKey =
  | 'overview'
  | 'bookings'
  | 'checkin'
  | 'conversations'
  | 'catalogue'
  | 'analytics'
  | 'exports'
  | 'settings'
  | 'cinemas'
  | 'none';

export interface Flash {
  kind: 'ok' | 'warn' | 'error';
  text: string;
}

export interface PageOptions {
  title: string;
  staff: StaffIdentity;
  cinema?: Pick<Cinema, 'id' | 'name' | 'settings' | 'tokenStatus' | 'tokenError'> | null;
  active: NavKey;
  /** Markup built with `html`; a plain string is inserted as is, so it must come from `html` too. */
  body: SafeHtml | string;
  csrfToken: string;
  flash?: Flash | null;
  /** Extra scripts from /admin/assets (e.g. 'seat-editor.js'). */
  scripts?: string[];
}

// Stroke icons drawn on a 24-unit grid, so nav entries are recognisable at a glance.
const ICONS: Record<string, string> = {
  overview: '<path d="M3 12l9-8 9 8"/><path d="M5 10v10h14V10"/>',
  bookings: '<rect x="3" y="6" width="18" height="12" rx="2"/><path d="M9 6v12" stroke-dasharray="2 2"/>',
  checkin: '<path d="M4 7V4h3M17 4h3v3M20 17v3h-3M7 20H4v-3"/><path d="M8 12l3 3 5-6"/>',
  conversations: '<path d="M4 5h16v10H9l-5 4z"/>',
  catalogue: '<rect x="3" y="4" width="18" height="16" rx="2"/><path d="M3 9h18M8 4v16"/>',
  analytics: '<path d="M4 20V10M10 20V4M16 20v-7M22 20H2"/>',
  exports: '<path d="M12 3v12M7 10l5 5 5-5M4 21h16"/>',
  settings: '<circle cx="12" cy="12" r="3"/><path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1"/>',
  cinemas: '<path d="M3 21V8l9-5 9 5v13"/><path d="M9 21v-6h6v6"/>',
};

export function icon(name: string): SafeHtml {
  return raw(`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${ICONS[name] ?? ''}</svg>`);
}

interface NavItem {
  key: NavKey;
  label: string;
  path: string;
  roles: StaffIdentity['role'][];
}

const CINEMA_NAV: NavItem[] = [
  { key: 'overview', label: 'Overview', path: '', roles: ['operator', 'manager', 'staff'] },
  { key: 'bookings', label: 'Bookings', path: '/bookings', roles: ['operator', 'manager', 'staff'] },
  { key: 'checkin', label: 'Check-in', path: '/checkin', roles: ['operator', 'manager', 'staff'] },
  { key: 'conversations', label: 'Conversations', path: '/conversations', roles: ['operator', 'manager', 'staff'] },
  { key: 'catalogue', label: 'Catalogue', path: '/catalogue', roles: ['operator', 'manager'] },
  { key: 'analytics', label: 'Analytics', path: '/analytics', roles: ['operator', 'manager'] },
  { key: 'exports', label: 'Exports', path: '/exports', roles: ['operator', 'manager'] },
  { key: 'settings', label: 'Settings', path: '/settings', roles: ['operator', 'manager'] },
];

/** Black or white, whichever reads better on the brand colour (WCAG relative luminance). */
export function inkFor(hex: string): string {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  const lum = 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
  return lum > 0.4 ? '#111111' : '#ffffff';
}

const ROLE_LABEL: Record<StaffIdentity['role'], string> = { operator: 'Operator', manager: 'Manager', staff: 'Staff' };

/** The dashboard frame: navigation for the user's role, the cinema's brand colour, and the page body. */
export function renderPage(o: PageOptions): string {
  const brand = o.cinema?.settings.branding.color ?? '#b3261e';
  const base = o.cinema ? `/admin/c/${encodeURIComponent(o.cinema.id)}` : '';
  const nav = o.cinema ? CINEMA_NAV.filter((n) => n.roles.includes(o.staff.role)) : [];
  const logo = o.cinema?.settings.branding.logoUrl;
  const body = o.body instanceof SafeHtml ? o.body : raw(o.body);
  const page = html`<!doctype html>
<html lang="en" style="--brand:${brand};--brand-ink:${inkFor(brand)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${o.csrfToken}">
<title>${o.title} · ${o.cinema?.name ?? 'Marquee'}</title>
<link rel="stylesheet" href="/admin/assets/admin.css">
<script src="/admin/assets/admin.js" defer></script>
${(o.scripts ?? []).map((s) => html`<script src="/admin/assets/${s}" defer></script>`)}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<div class="shell">
  <aside class="sidebar" id="sidebar">
    <div class="brand">
      ${logo ? html`<img class="brand-logo" src="${logo}" alt="">` : html`<span class="brand-mark" aria-hidden="true">${(o.cinema?.name ?? 'M').slice(0, 1)}</span>`}
      <div class="brand-text"><strong>${o.cinema?.name ?? 'Marquee'}</strong><small>${o.cinema ? 'Box office' : 'Operator console'}</small></div>
    </div>
    <nav aria-label="Main">
      <ul>
        ${nav.map((n) => html`<li><a href="${base}${n.path}" class="${o.active === n.key ? 'active' : ''}" ${o.active === n.key ? raw('aria-current="page"') : ''}>${icon(n.key)}<span>${n.label}</span></a></li>`)}
        ${o.staff.role === 'operator'
          ? html`<li class="${nav.length ? 'nav-sep' : ''}"><a href="/admin/cinemas" class="${o.active === 'cinemas' ? 'active' : ''}" ${o.active === 'cinemas' ? raw('aria-current="page"') : ''}>${icon('cinemas')}<span>Cinemas</span></a></li>
        ${o.cinema ? '' : html`<li><a href="/admin/analytics">${icon('analytics')}<span>All cinemas' analytics</span></a></li>`}`
          : ''}
      </ul>
    </nav>
    <div class="who">
      <div class="who-text"><span class="who-email">${o.staff.email}</span><span class="badge">${ROLE_LABEL[o.staff.role]}</span></div>
      <form method="post" action="/admin/logout"><input type="hidden" name="_csrf" value="${o.csrfToken}"><button class="btn btn-ghost btn-sm" type="submit">Sign out</button></form>
    </div>
  </aside>
  <div class="main-col">
    <header class="topbar">
      <button class="btn btn-ghost nav-toggle" type="button" aria-controls="sidebar" aria-expanded="false" data-nav-toggle>Menu</button>
      <h1>${o.title}</h1>
    </header>
    ${o.cinema?.tokenStatus === 'invalid'
      ? html`<div class="banner banner-error token-banner" role="alert"><p><strong>WhatsApp is paused for this cinema.</strong> Its access token is no longer valid${o.cinema.tokenError ? html` (${o.cinema.tokenError})` : ''}, so no messages can be sent. ${o.staff.role === 'staff' ? 'Ask a manager to replace it.' : 'Paste a new token to resume sending.'}</p>
        ${o.staff.role === 'staff' ? '' : html`<form method="post" action="${base}/settings/token" class="row" autocomplete="off"><input type="hidden" name="_csrf" value="${o.csrfToken}"><input type="password" name="accessToken" required aria-label="New access token" placeholder="New access token" spellcheck="false"><button class="btn btn-primary" type="submit">Replace token</button></form>`}</div>`
      : ''}
    ${o.flash ? html`<div class="flash flash-${o.flash.kind}" role="${o.flash.kind === 'error' ? 'alert' : 'status'}">${o.flash.text}</div>` : ''}
    <main id="main" tabindex="-1">${body}</main>
  </div>
</div>
</body>
</html>`;
  return page.value;
}

/** A page outside the signed-in frame (login, errors before sign-in). */
export function renderBarePage(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en" style="--brand:#b3261e;--brand-ink:#ffffff">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Marquee</title>
<link rel="stylesheet" href="/admin/assets/admin.css">
</head>
<body class="bare">
<main id="main" class="bare-main">${body}</main>
</body>
</html>`.value;
}
