/** The message catalogues and `t`, through which every word the customer reads passes. */
import type { Lang } from '../types.ts';
import type { Catalogue, MessageKey } from './catalogue.ts';
import { en } from './en.ts';
import { hi } from './hi.ts';
import { ta } from './ta.ts';

export type { Catalogue, MessageKey } from './catalogue.ts';
export type Params = Record<string, string | number>;
export type Overrides = Partial<Record<Lang, Record<string, string>>>;

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { en, hi, ta };

/**
 * The text for `key` in `lang` with `{placeholders}` filled, preferring the cinema's own wording.
 * Example: `t('hi', 'review.total', { total: '₹500' })` → 'कुल ₹500'.
 */
export function t(lang: Lang, key: MessageKey, params: Params = {}, overrides?: Overrides): string {
  const own = overrides?.[lang]?.[key];
  if (typeof own === 'string' && own.trim() !== '') return fill(own, params, true);
  const catalogue = CATALOGUES[lang] ?? en;
  return fill(catalogue[key] ?? en[key] ?? key, params, false);
}

/**
 * Fills `{name}` placeholders. A cinema's own text may name a placeholder we do not have; it is
 * dropped rather than shown to the customer in braces.
 */
export function fill(template: string, params: Params, dropUnknown: boolean): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : dropUnknown ? '' : whole));
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The domain's error codes that have words of their own; each is a catalogue key as it is. */
export const ERROR_CODES = [
  'seat_unavailable',
  'invalid_seat',
  'seat_not_found',
  'seats_not_together',
  'not_enough_seats',
  'show_sold_out',
  'show_not_bookable',
  'show_not_found',
  'show_unavailable',
  'too_many_tickets',
  'hold_expired',
  'hold_not_found',
  'booking_not_found',
  'booking_cancelled',
  'cancel_too_late',
  'event_required',
  'event_not_eligible',
  'event_not_found',
] as const satisfies readonly MessageKey[];

const errorCodes: ReadonlySet<string> = new Set(ERROR_CODES);

/**
 * A domain error code in words. A code we have no words for becomes a general apology, never the
 * code itself. Example: `errorText('en', 'hold_expired')`.
 */
export function errorText(lang: Lang, code: string, params: Params = {}, overrides?: Overrides): string {
  return t(lang, errorCodes.has(code) && isMessageKey(code) ? code : 'error.generic', params, overrides);
}
