/**
 * Row types of the cinema domain's tables (migration 0002-cinema). Times are epoch milliseconds,
 * booleans 0/1, JSON as text, money in paise. Repositories map these to the types in types.ts.
 */
export interface LocationsTable {
  id: string;
  cinema_id: string;
  /** Natural key within the cinema, e.g. 'dindigul'. */
  code: string;
  name: string;
  city: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  /** IANA zone, e.g. 'Asia/Kolkata'. */
  timezone: string;
  /** JSON of OpeningHours. */
  opening_hours_json: string;
  phone: string | null;
  email: string | null;
  is_active: number;
  created_at: number;
  updated_at: number;
}

export interface ScreensTable {
  id: string;
  cinema_id: string;
  location_id: string;
  /** Unique within the location, e.g. 'Screen 1'. */
  name: string;
  is_active: number;
  created_at: number;
  updated_at: number;
}

export interface SeatsTable {
  id: string;
  cinema_id: string;
  screen_id: string;
  row_label: string;
  /** 0 = the row nearest the screen. */
  row_index: number;
  /** Grid column, left to right facing the screen; missing columns are gaps and aisles. */
  col: number;
  number: number;
  category: string;
  wheelchair: number;
  blocked: number;
  removed: number;
}

export interface MoviesTable {
  id: string;
  cinema_id: string;
  code: string;
  title: string;
  synopsis: string;
  duration_minutes: number;
  certificate: string;
  languages_json: string;
  genres_json: string;
  poster_url: string | null;
  trailer_url: string | null;
  /** 'YYYY-MM-DD'. */
  release_date: string | null;
  is_active: number;
  created_at: number;
  updated_at: number;
}

export interface EventsTable {
  id: string;
  cinema_id: string;
  keyword: string;
  keyword_key: string;
  name: string;
  movie_id: string | null;
  /** JSON of Record<Lang, EventText>. */
  texts_json: string;
  max_tickets: number;
  seating: 'assigned' | 'general_admission';
  capacity: number | null;
  location_ids_json: string;
  status: 'active' | 'inactive';
  created_at: number;
  updated_at: number;
}

export interface ShowsTable {
  id: string;
  cinema_id: string;
  movie_id: string;
  screen_id: string;
  location_id: string;
  starts_at: number;
  ends_at: number;
  language: string;
  format: string;
  seating: 'assigned' | 'general_admission';
  capacity: number | null;
  event_id: string | null;
  booking_opens_at: number | null;
  booking_closes_at: number | null;
  status: 'scheduled' | 'cancelled';
  created_at: number;
  updated_at: number;
}

export interface ShowPricesTable {
  cinema_id: string;
  show_id: string;
  category: string;
  price_paise: number;
}

export interface BookingsTable {
  id: string;
  cinema_id: string;
  ref: string;
  show_id: string;
  customer_id: string;
  event_id: string | null;
  status: string;
  seating: 'assigned' | 'general_admission';
  arrangement: string;
  quantity: number;
  /** General admission: the price category of the tickets. */
  category: string | null;
  total_paise: number;
  hold_expires_at: number;
  is_test: number;
  created_at: number;
  updated_at: number;
  confirmed_at: number | null;
  cancelled_at: number | null;
  expired_at: number | null;
}

export interface BookingSeatsTable {
  cinema_id: string;
  booking_id: string;
  seat_id: string;
  seat_code: string;
  category: string;
  price_paise: number;
}

export interface SeatClaimsTable {
  cinema_id: string;
  show_id: string;
  seat_id: string;
  booking_id: string;
  sold: number;
  /** Null once sold. */
  expires_at: number | null;
}

export interface AdmissionStockTable {
  show_id: string;
  cinema_id: string;
  capacity: number;
  taken: number;
}

export interface CinemaTables {
  locations: LocationsTable;
  screens: ScreensTable;
  seats: SeatsTable;
  movies: MoviesTable;
  events: EventsTable;
  shows: ShowsTable;
  show_prices: ShowPricesTable;
  bookings: BookingsTable;
  booking_seats: BookingSeatsTable;
  seat_claims: SeatClaimsTable;
  admission_stock: AdmissionStockTable;
}
