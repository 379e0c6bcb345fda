/**
 * The contract between the dialogue (`step`) and the application layer that runs it.
 * The dialogue is pure: it reads this context, returns replies and asks for commands;
 * the application executes the commands in the same transaction and feeds their results back.
 */
import type { InboundContent } from '../whatsapp/webhook.ts';
import type { SessionState } from './session-state.ts';

export type { SessionState } from './session-state.ts';
export type { InboundContent } from '../whatsapp/webhook.ts';

export type Lang = 'en' | 'hi' | 'ta';

export interface ChatContext {
  /** epoch ms */
  now: number;
  cinema: {
    id: string;
    name: string;
    timezone: string;
    languages: Lang[];
    defaultLanguage: Lang;
    maxTicketsPerBooking: number;
    holdMinutes: number;
    sessionTimeoutMinutes: number;
    cancelCutoffMinutes: number;
    welcomeText?: Partial<Record<Lang, string>>;
    /** the cinema's overrides of catalogue keys */
    texts?: Partial<Record<Lang, Record<string, string>>>;
    supportPhone?: string;
  };
  customer: { name?: string; language?: Lang };
  /** 'YYYY-MM-DD' in the cinema's time zone */
  today: string;
  catalog: CatalogView;
  /** this customer's upcoming confirmed bookings */
  bookings: BookingView[];
}

export type LocationView = CatalogView['locations'][number];
export type MovieView = CatalogView['movies'][number];
export type ShowView = CatalogView['shows'][number];
export type EventView = CatalogView['events'][number];

export interface CatalogView {
  locations: { id: string; name: string; city: string; address: string; latitude: number; longitude: number; openingHours: string; phone?: string }[];
  movies: { id: string; title: string; aliases: string[]; languages: string[]; certificate: string; durationMinutes: number; genres: string[]; synopsis?: string }[];
  /** bookable shows of the next 7 days, sorted by startsAt */
  shows: {
    id: string;
    movieId: string;
    locationId: string;
    screenName: string;
    startsAt: number;
    localDate: string;
    /** 'HH:mm' */
    localTime: string;
    language: string;
    format: string;
    /** paise */
    priceFrom: number;
    seatsLeft: number;
    assignedSeating: boolean;
    categories: { code: string; name: string; price: number; seatsLeft: number }[];
  }[];
  events: {
    id: string;
    keyword: string;
    title: Record<Lang, string>;
    description: Record<Lang, string>;
    terms: Record<Lang, string>;
    locationIds: string[];
    showIds: string[];
    maxTickets: number;
    generalAdmission: boolean;
  }[];
}

export interface BookingView {
  ref: string;
  showId: string;
  movieTitle: string;
  locationName: string;
  screenName: string;
  startsAt: number;
  localDate: string;
  localTime: string;
  seats: string[];
  quantity: number;
  total: number;
  status: 'confirmed' | 'cancelled';
  cancellable: boolean;
}

export type ChatInput =
  /** contextId = id of our message the user replied to / tapped */
  | { kind: 'message'; content: InboundContent; contextId?: string }
  /** the outcome of a command the dialogue asked for */
  | { kind: 'result'; result: CommandResult }
  | { kind: 'timer'; timer: 'hold_warning' | 'hold_expired'; holdId: string }
  /** staff handed the customer back to the bot */
  | { kind: 'handoff_ended' };

export type Command =
  | { type: 'hold_best'; showId: string; quantity: number; category?: string }
  | { type: 'hold_seats'; showId: string; seatCodes: string[] }
  | { type: 'hold_ga'; showId: string; quantity: number; eventId?: string }
  | { type: 'release_hold'; holdId: string }
  | { type: 'confirm'; holdId: string }
  | { type: 'cancel_booking'; ref: string }
  | { type: 'set_language'; lang: Lang }
  /** the app notifies staff and records it */
  | { type: 'handoff' };

export type CommandResult =
  | {
      type: 'hold_ok';
      holdId: string;
      showId: string;
      seats: { code: string; category: string }[];
      quantity: number;
      arrangement: 'together' | 'split_rows' | 'scattered' | 'general_admission';
      total: number;
      expiresAt: number;
    }
  /** codes: seat_unavailable, not_enough_seats, show_sold_out, too_many_tickets, show_not_bookable, invalid_seat */
  | { type: 'hold_failed'; code: string; unavailableSeats?: string[] }
  | { type: 'confirm_ok'; booking: BookingView }
  /** hold_expired, hold_not_found … */
  | { type: 'confirm_failed'; code: string }
  | { type: 'cancel_ok'; ref: string }
  /** cancel_too_late, booking_not_found */
  | { type: 'cancel_failed'; code: string };

export interface ChoiceOption {
  id: string;
  title: string;
  description?: string;
}

export type Reply =
  | { type: 'text'; text: string }
  | { type: 'choice'; text: string; options: ChoiceOption[]; button?: string; header?: string; footer?: string }
  | { type: 'location'; latitude: number; longitude: number; name: string; address: string }
  /** the app renders an e-ticket image with a QR code and sends it with this caption */
  | { type: 'ticket'; bookingRef: string; caption: string };

export interface StepResult {
  state: SessionState;
  replies: Reply[];
  commands: Command[];
}
