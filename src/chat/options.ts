/**
 * Option ids say what they mean ("show:S42", "qty:2") rather than where they sat in a menu, so a
 * tap on an old message can still be acted on when it makes sense, and recognised when it does not.
 */
import type { Lang } from './types.ts';

export type MenuAction = 'main' | 'book' | 'films' | 'events' | 'bookings' | 'locations' | 'language' | 'staff';
export type HoldAction = 'confirm' | 'seats' | 'cancel' | 'best' | 'again';
export type BookingAction = 'view' | 'cancel' | 'yes' | 'no' | 'ticket';
export type PagedList = 'movie' | 'show' | 'bookings';

export type OptionRef =
  | { kind: 'menu'; action: MenuAction }
  | { kind: 'lang'; lang: Lang }
  | { kind: 'movie'; movieId: string }
  | { kind: 'location'; locationId: string }
  | { kind: 'date'; date: string }
  | { kind: 'show'; showId: string }
  | { kind: 'qty'; quantity: number }
  | { kind: 'more'; list: PagedList; page: number }
  | { kind: 'hold'; action: HoldAction }
  | { kind: 'event'; eventId: string }
  | { kind: 'terms'; accept: boolean; eventId: string }
  | { kind: 'booking'; action: BookingAction; ref: string }
  | { kind: 'info'; locationId: string }
  /** the renderer's stand-in for an id too long for WhatsApp: the option's position in the menu */
  | { kind: 'position'; n: number };

const MENU_ACTIONS: readonly string[] = ['main', 'book', 'films', 'events', 'bookings', 'locations', 'language', 'staff'];
const HOLD_ACTIONS: readonly string[] = ['confirm', 'seats', 'cancel', 'best', 'again'];
const BOOKING_ACTIONS: readonly string[] = ['view', 'cancel', 'yes', 'no', 'ticket'];
const LISTS: readonly string[] = ['movie', 'show', 'bookings'];

/** The id for an option. Example: `optionId({ kind: 'qty', quantity: 2 })` → `'qty:2'`. */
export function optionId(ref: OptionRef): string {
  switch (ref.kind) {
    case 'menu':
      return `menu:${ref.action}`;
    case 'lang':
      return `lang:${ref.lang}`;
    case 'movie':
      return `mv:${ref.movieId}`;
    case 'location':
      return `loc:${ref.locationId}`;
    case 'date':
      return `day:${ref.date}`;
    case 'show':
      return `show:${ref.showId}`;
    case 'qty':
      return `qty:${ref.quantity}`;
    case 'more':
      return `more:${ref.list}:${ref.page}`;
    case 'hold':
      return `hold:${ref.action}`;
    case 'event':
      return `ev:${ref.eventId}`;
    case 'terms':
      return `terms:${ref.accept ? 'yes' : 'no'}:${ref.eventId}`;
    case 'booking':
      return `bk:${ref.action}:${ref.ref}`;
    case 'info':
      return `info:${ref.locationId}`;
    case 'position':
      return `n:${ref.n}`;
  }
}

/** Reads an id back; undefined for anything we did not write (a forged or foreign payload). */
export function parseOptionId(id: string): OptionRef | undefined {
  const colon = id.indexOf(':');
  if (colon <= 0 || colon === id.length - 1) return undefined;
  const kind = id.slice(0, colon);
  const rest = id.slice(colon + 1);
  const [head, tail] = splitOnce(rest);
  switch (kind) {
    case 'menu':
      return MENU_ACTIONS.includes(rest) ? { kind: 'menu', action: rest as MenuAction } : undefined;
    case 'lang':
      return rest === 'en' || rest === 'hi' || rest === 'ta' ? { kind: 'lang', lang: rest } : undefined;
    case 'mv':
      return { kind: 'movie', movieId: rest };
    case 'loc':
      return { kind: 'location', locationId: rest };
    case 'day':
      return /^\d{4}-\d{2}-\d{2}$/.test(rest) ? { kind: 'date', date: rest } : undefined;
    case 'show':
      return { kind: 'show', showId: rest };
    case 'qty':
      return /^\d{1,3}$/.test(rest) && Number(rest) > 0 ? { kind: 'qty', quantity: Number(rest) } : undefined;
    case 'more':
      return LISTS.includes(head) && tail !== undefined && /^\d{1,3}$/.test(tail) ? { kind: 'more', list: head as PagedList, page: Number(tail) } : undefined;
    case 'hold':
      return HOLD_ACTIONS.includes(rest) ? { kind: 'hold', action: rest as HoldAction } : undefined;
    case 'ev':
      return { kind: 'event', eventId: rest };
    case 'terms':
      return (head === 'yes' || head === 'no') && tail ? { kind: 'terms', accept: head === 'yes', eventId: tail } : undefined;
    case 'bk':
      return BOOKING_ACTIONS.includes(head) && tail ? { kind: 'booking', action: head as BookingAction, ref: tail } : undefined;
    case 'info':
      return { kind: 'info', locationId: rest };
    case 'n':
      return /^\d{1,3}$/.test(rest) && Number(rest) > 0 ? { kind: 'position', n: Number(rest) } : undefined;
    default:
      return undefined;
  }
}

function splitOnce(s: string): [string, string | undefined] {
  const i = s.indexOf(':');
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}
