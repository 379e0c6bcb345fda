/**
 * The cinema domain's types, as the dashboard and the dialogue see them. Times are epoch
 * milliseconds (UTC); local dates and times are 'YYYY-MM-DD' and 'HH:mm' in the location's zone;
 * money is integer paise.
 */

export type Lang = 'en' | 'hi' | 'ta';
export const LANGS: readonly Lang[] = ['en', 'hi', 'ta'];

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Opening hours per weekday; a `closes` earlier than `opens` runs past midnight. A missing day is closed. */
export type OpeningHours = Partial<Record<Weekday, { opens: string; closes: string }[]>>;

export interface Location {
  id: string;
  cinemaId: string;
  /** Natural key within the cinema (imports match on it), e.g. 'dindigul'. */
  code: string;
  name: string;
  city: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  /** IANA time zone; show times are shown in it. */
  timezone: string;
  openingHours: OpeningHours;
  phone: string | null;
  email: string | null;
  isActive: boolean;
  createdAt: number;
  updatedAt: number;
}

/** A seat in a layout grid. */
export interface LayoutSeat {
  number: number;
  /** e.g. 'Classic', 'Prime', 'Recliner'. */
  category: string;
  wheelchair?: boolean;
  /** Blocked by staff: never offered or sold. */
  blocked?: boolean;
}

/** `null` is a gap or an aisle: it breaks "seats together". */
export type LayoutCell = LayoutSeat | null;

export interface LayoutRow {
  label: string;
  /** Left to right, as seen facing the screen. */
  cells: LayoutCell[];
}

/** A screen's seats; rows run from the front (nearest the screen) to the back. */
export interface SeatLayout {
  rows: LayoutRow[];
}

export interface Screen {
  id: string;
  cinemaId: string;
  locationId: string;
  name: string;
  isActive: boolean;
  layout: SeatLayout;
  /** Categories in the layout, front to back. */
  categories: string[];
  /** Seats that can be sold (not blocked). */
  sellableSeats: number;
  createdAt: number;
  updatedAt: number;
}

export interface Seat {
  id: string;
  /** Row label and number, e.g. 'F12'. */
  code: string;
  rowLabel: string;
  rowIndex: number;
  col: number;
  number: number;
  category: string;
  wheelchair: boolean;
  blocked: boolean;
}

export const CERTIFICATES = ['U', 'UA', 'UA 7+', 'UA 13+', 'UA 16+', 'A', 'S'] as const;
export type Certificate = (typeof CERTIFICATES)[number];

export interface Movie {
  id: string;
  cinemaId: string;
  code: string;
  title: string;
  synopsis: string;
  durationMinutes: number;
  certificate: Certificate;
  languages: string[];
  genres: string[];
  posterUrl: string | null;
  trailerUrl: string | null;
  /** 'YYYY-MM-DD'. */
  releaseDate: string | null;
  isActive: boolean;
  createdAt: number;
  updatedAt: number;
}

export type Seating = 'assigned' | 'general_admission';
export type ShowStatus = 'scheduled' | 'cancelled';

export interface Price {
  category: string;
  pricePaise: number;
}

export interface Show {
  id: string;
  cinemaId: string;
  movieId: string;
  screenId: string;
  locationId: string;
  startsAt: number;
  endsAt: number;
  language: string;
  /** e.g. '2D', '3D', 'IMAX 3D'. */
  format: string;
  seating: Seating;
  /** General admission only: tickets per show. */
  capacity: number | null;
  eventId: string | null;
  /** Null: open as soon as the show is listed. */
  bookingOpensAt: number | null;
  /** Null: closes when the show starts. */
  bookingClosesAt: number | null;
  status: ShowStatus;
  /** Cheapest first. */
  prices: Price[];
  createdAt: number;
  updatedAt: number;
}

/** A show with what a listing needs: film, screen, location, local time, whether it can be booked now. */
export interface ShowSummary extends Show {
  movie: { id: string; code: string; title: string; certificate: Certificate; durationMinutes: number; posterUrl: string | null };
  screenName: string;
  location: { id: string; code: string; name: string; city: string; timezone: string };
  localDate: string;
  localTime: string;
  /** Status scheduled and inside the booking window at `now`. */
  bookable: boolean;
  /** Seats (or general-admission tickets) neither sold nor validly held at `now`. */
  available: number;
}

export interface EventText {
  title: string;
  description: string;
  terms: string;
}

export type EventStatus = 'active' | 'inactive';

/** A named show or series customers reach by a keyword, e.g. `#WRETRO`. */
export interface SpecialEvent {
  id: string;
  cinemaId: string;
  /** As shown to customers, e.g. '#WRETRO'. Matching ignores case and the '#'. */
  keyword: string;
  name: string;
  movieId: string | null;
  /** English is required; Hindi and Tamil fall back to it. */
  texts: { en: EventText } & Partial<Record<Lang, EventText>>;
  maxTicketsPerBooking: number;
  seating: Seating;
  /** General admission: tickets per show. */
  capacity: number | null;
  /** Empty: every location of its shows. */
  locationIds: string[];
  showIds: string[];
  status: EventStatus;
  createdAt: number;
  updatedAt: number;
}

/** `expired` is also reported for a hold whose time has passed before housekeeping marked it. */
export type BookingStatus = 'held' | 'confirmed' | 'cancelled' | 'expired';

/**
 * How the seats of a booking sit: `chosen` by the customer, `together` in one row, `split_rows`
 * across two adjacent rows, `scattered` (only when asked for), or `general_admission` (no seats).
 */
export type SeatArrangement = 'chosen' | 'together' | 'split_rows' | 'scattered' | 'general_admission';

export interface BookedSeat {
  seatId: string;
  code: string;
  category: string;
  pricePaise: number;
}

export interface Booking {
  id: string;
  /** Six characters without 0/O/1/I, e.g. 'K7MX2Q'. */
  ref: string;
  cinemaId: string;
  showId: string;
  customerId: string;
  eventId: string | null;
  status: BookingStatus;
  seating: Seating;
  arrangement: SeatArrangement;
  quantity: number;
  /** General admission: the price category of the tickets. */
  category: string | null;
  /** Assigned seating: the seats, in row and number order. */
  seats: BookedSeat[];
  totalPaise: number;
  holdExpiresAt: number;
  isTest: boolean;
  createdAt: number;
  confirmedAt: number | null;
  cancelledAt: number | null;
}

export interface BookingDetails extends Booking {
  show: ShowSummary;
}

export type SeatState = 'available' | 'taken' | 'blocked';

export interface SeatAvailability {
  seatId: string;
  code: string;
  number: number;
  category: string;
  wheelchair: boolean;
  state: SeatState;
}

export interface CategoryAvailability {
  category: string;
  pricePaise: number;
  /** Sellable seats in the category (general admission: the capacity). */
  total: number;
  available: number;
}

export interface ShowAvailability {
  show: ShowSummary;
  /** Cheapest first; only categories with a price. */
  categories: CategoryAvailability[];
  /** The seat map, front row first; `null` cells are gaps and aisles. Empty for general admission. */
  rows: { label: string; cells: (SeatAvailability | null)[] }[];
  available: number;
  /** General admission: tickets per show. */
  capacity: number | null;
}
