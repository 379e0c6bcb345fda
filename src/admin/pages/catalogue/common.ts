import type { FastifyReply } from 'fastify';
import { isDomainError } from '../../../cinema/index.ts';
import { setFlash } from '../../flash.ts';
import { html, type SafeHtml } from '../../layout.ts';
import { cinemaPath } from '../../page-context.ts';

export type CatalogueTab = 'locations' | 'screens' | 'movies' | 'shows' | 'events' | 'schedule';

const TABS: [CatalogueTab, string][] = [
  ['shows', 'Shows'],
  ['movies', 'Films'],
  ['screens', 'Screens & seats'],
  ['locations', 'Locations'],
  ['events', 'Special events'],
  ['schedule', 'Import / export'],
];

export function catalogueTabs(cinemaId: string, active: CatalogueTab): SafeHtml {
  return html`<nav class="tabs" aria-label="Catalogue sections">${TABS.map(
    ([key, label]) => html`<a href="${cinemaPath(cinemaId, `/catalogue/${key}`)}" class="${key === active ? 'active' : ''}" ${key === active ? html`aria-current="page"` : ''}>${label}</a>`,
  )}</nav>`;
}

/**
 * Runs a catalogue change; when the domain refuses it, the form is shown again with the reason
 * (a flash on the page the form came from) instead of an error page.
 */
export async function orBack(reply: FastifyReply, back: string, action: () => Promise<string>): Promise<FastifyReply> {
  try {
    const next = await action();
    return reply.redirect(next, 303);
  } catch (e) {
    if (!isDomainError(e) || e.code.endsWith('_not_found')) throw e;
    const fields = (e.details?.fields as string[] | undefined) ?? [];
    setFlash(reply, { kind: 'error', text: `Not saved: ${fields.length ? fields.join('; ') : e.message}` });
    return reply.redirect(back, 303);
  }
}

export const params = { cinemaId: undefined } as const;

/** '₹150' → 15000 paise; '' → undefined. */
export function rupeesToPaise(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v.replace(/[₹,\s]/g, ''));
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 100) : Number.NaN;
}

export const nullable = (v: string | undefined): string | null => (v === undefined || v.trim() === '' ? null : v.trim());
