/**
 * The cinema domain's public API — catalogue, shows, special events, holds and bookings. Knows
 * nothing of WhatsApp. Conventions:
 * - use cases take their dependencies first (`{ db, clock }`; `db` may be a transaction, in which
 *   case the use case runs under a savepoint) and plain data second;
 * - queries take `db` and a plain object including `now` (epoch ms) where time matters;
 * - every call is scoped by `cinemaId`;
 * - refusals are `DomainError`s with a stable `code` (see CinemaErrorCode);
 * - times are UTC epoch ms; local dates/times are 'YYYY-MM-DD'/'HH:mm' in the location's zone;
 *   money is integer paise.
 */

// Types and errors
export type * from './types.ts';
export { LANGS, WEEKDAYS, CERTIFICATES } from './types.ts';
export { DomainError, isDomainError, type CinemaErrorCode } from './domain-error.ts';
export type { InventoryDeps } from './inventory-deps.ts';
export { DEFAULT_HOLD_MINUTES, DEFAULT_MAX_TICKETS } from './inventory-deps.ts';
export type { CatalogueDeps } from './catalogue-deps.ts';

// Holds and bookings
/** holdSeats(deps, { cinemaId, showId, customerId, seatIds | seatCodes, holdMinutes, maxTickets?, eventId?, isTest? }) → held Booking. */
export { holdSeats, type HoldSeatsInput } from './hold-seats.ts';
/** holdBestAvailable(deps, { …, quantity, category?, allowScattered? }) → held Booking; `arrangement` says together / split_rows / scattered. */
export { holdBestAvailable, type HoldBestAvailableInput } from './hold-best-available.ts';
/** holdGeneralAdmission(deps, { …, quantity, category? }) → held Booking without seats, within the show's capacity. */
export { holdGeneralAdmission, type HoldGeneralAdmissionInput } from './hold-general-admission.ts';
/** confirmBooking(deps, { cinemaId, bookingId, customerId? }) → confirmed Booking (re-checks the hold; idempotent). */
export { confirmBooking, type ConfirmBookingInput } from './confirm-booking.ts';
/** cancelBooking(deps, { cinemaId, bookingId, customerId?, cutoffMinutes | null }) → cancelled Booking; seats free at once. */
export { cancelBooking, type CancelBookingInput } from './cancel-booking.ts';
/** expireHolds(deps, { cinemaId?, batchSize? }) → { expired } — housekeeping only; expiry is already a predicate. */
export { expireHolds, type ExpireHoldsInput } from './expire-holds.ts';
export type { HoldCommon } from './hold-rules.ts';

// Queries for the conversation and the dashboard
/** listShowsAt(db, { cinemaId, locationId, date, now, includeCancelled? }) → ShowSummary[] of that local date. */
/** listShowsForMovie(db, { cinemaId, movieId, now, days?, locationId? }) → upcoming ShowSummary[]. */
/** listShowDates(db, { cinemaId, now, days?, locationId?, movieId? }) → local dates with shows. */
export { listShowsAt, listShowsForMovie, listShowDates } from './show-queries.ts';
/** getShowAvailability(db, { cinemaId, showId, now }) → categories with prices and seats left, and the seat map. */
export { getShowAvailability } from './get-show-availability.ts';
/** getBookingByRef(db, { cinemaId, ref, now }), getBooking(db, { cinemaId, bookingId, now }) → BookingDetails | null. */
/** listCustomerBookings(db, { cinemaId, customerId, now, limit? }) → { upcoming, past }. */
export { getBookingByRef, getBooking, listCustomerBookings } from './booking-queries.ts';

// Catalogue (dashboard)
/** createLocation / updateLocation(deps, …) → Location; getLocation, getLocationByCode, listLocations(db, …). */
export { createLocation, updateLocation, getLocation, getLocationByCode, listLocations, type LocationInput, type LocationPatch } from './location-catalogue.ts';
/** createScreen / updateScreen / setSeatsBlocked(deps, …) → Screen with layout; getScreen, listScreens(db, …). */
export { createScreen, updateScreen, setSeatsBlocked, getScreen, listScreens } from './screen-catalogue.ts';
/** createMovie / updateMovie(deps, …) → Movie; getMovie, getMovieByCode, listMovies(db, …). */
export { createMovie, updateMovie, getMovie, getMovieByCode, listMovies, type MovieInput, type MoviePatch } from './movie-catalogue.ts';
/** createShow, createShows (film × screens × dates × times), updateShow, cancelShow(deps, …); getShow, listShows, showHasBookings(db, …). */
export { createShow, createShows, updateShow, cancelShow, getShow, listShows, showHasBookings, type ShowInput, type ShowPatch, type BulkShowsInput } from './show-catalogue.ts';
/** createEvent / updateEvent(deps, …) → SpecialEvent; getEvent, listEvents, listActiveEvents, listEventShows(db, …). */
/** findEventByKeyword(db, cinemaId, '#WRETRO') → SpecialEvent | null (any status; case and '#' ignored). */
export { createEvent, updateEvent, getEvent, listEvents, findEventByKeyword, listActiveEvents, listEventShows, keywordKey, type EventInput, type EventPatch } from './event-catalogue.ts';

// Import, export, demo
/** importCatalogueFile(deps, { cinemaId, format: 'json'|'xlsx'|'csv', data }) → ImportResult (all or nothing). */
/** exportCatalogueFile(db, { cinemaId, format, from? }) → file bytes. */
export { importCatalogueFile, exportCatalogueFile, formatOfFileName, type CatalogFileFormat } from './catalog-files.ts';
export { importCatalogue, importShowLines, type ImportResult, type ImportIssue, type ImportSummary, type ImportCounts, type ShowLine } from './catalog-import.ts';
export { exportCatalogue, exportShowLines } from './catalog-export.ts';
export { CATALOG_FORMAT, CATALOG_VERSION, type CatalogDocument } from './catalog-format.ts';
/** seedDemoCatalogue(db, { cinemaId, now }) — the Tamil Nadu demo multiplex; idempotent. */
export { seedDemoCatalogue } from './demo-catalogue.ts';

// Helpers the transports need
export { toLocal, fromLocal, localDayRange, addDays, isValidTimeZone, isLocalDate, isLocalTime } from './time-zone.ts';
export { normalizeBookingRef, BOOKING_REF_ALPHABET } from './booking-ref.ts';
export { normalizeSeatCode, seatCode, layoutRow, layoutProblems } from './seat-layout.ts';
export { isBookableAt, bookingClosesAt } from './show-window.ts';
