import type { AppDeps } from '../app-deps.ts';
import type { Trx } from '../db/database.ts';
import type { Cinema } from '../tenants/cinemas.ts';
import type { BookingView, CatalogView, ChatContext, Command, CommandResult, Lang } from '../chat/types.ts';
import type { BookingDetails, OpeningHours, SpecialEvent } from '../cinema/types.ts';
import {
  cancelBooking,
  confirmBooking,
  getBookingByRef,
  holdBestAvailable,
  holdGeneralAdmission,
  holdSeats,
  isDomainError,
  listCustomerBookings,
  listEvents,
  listLocations,
  listMovies,
  listShowsForMovie,
  toLocal,
} from '../cinema/index.ts';

/**
 * The adapter between the pure dialogue and the cinema domain: the read model the dialogue is
 * given (ChatContext) and the execution of the commands it asks for. The only place that knows both.
 */

const WEEKDAY_ORDER = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** "Mon–Sun 09:00–01:00" style summary of opening hours, compact enough for a chat message. */
export function summarizeHours(h: OpeningHours): string {
  const parts: string[] = [];
  let start = 0;
  const key = (d: (typeof WEEKDAY_ORDER)[number]) => (h[d] ?? []).map((x) => `${x.opens}–${x.closes}`).join(', ');
  for (let i = 1; i <= WEEKDAY_ORDER.length; i++) {
    if (i === WEEKDAY_ORDER.length || key(WEEKDAY_ORDER[i]) !== key(WEEKDAY_ORDER[start])) {
      const k = key(WEEKDAY_ORDER[start]);
      const days = start === i - 1 ? cap(WEEKDAY_ORDER[start]) : `${cap(WEEKDAY_ORDER[start])}–${cap(WEEKDAY_ORDER[i - 1])}`;
      if (k) parts.push(`${days} ${k}`);
      start = i;
    }
  }
  return parts.join('; ') || '—';
}
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

// The catalogue changes rarely; within a burst of messages one read serves every customer of a cinema.
const CATALOG_TTL_MS = 2_000;
const catalogCache = new Map<string, { at: number; view: CatalogView }>();

function eventText(e: SpecialEvent, lang: Lang, field: 'title' | 'description' | 'terms'): string {
  return (e.texts[lang] ?? e.texts.en)[field];
}

export async function loadCatalogView(trx: Trx, cinema: Cinema, now: number): Promise<CatalogView> {
  const hit = catalogCache.get(cinema.id);
  if (hit && now - hit.at >= 0 && now - hit.at < CATALOG_TTL_MS) return hit.view;
  const [locations, movies, events] = await Promise.all([
    listLocations(trx, { cinemaId: cinema.id, activeOnly: true }),
    listMovies(trx, { cinemaId: cinema.id, activeOnly: true }),
    listEvents(trx, { cinemaId: cinema.id, activeOnly: true }),
  ]);
  const shows = [];
  for (const m of movies) shows.push(...(await listShowsForMovie(trx, { cinemaId: cinema.id, movieId: m.id, now, days: 7 })));
  const view: CatalogView = {
    locations: locations.map((l) => ({
      id: l.id,
      name: l.name,
      city: l.city,
      address: l.address,
      latitude: l.latitude ?? 0,
      longitude: l.longitude ?? 0,
      openingHours: summarizeHours(l.openingHours),
      phone: l.phone ?? undefined,
    })),
    movies: movies.map((m) => ({
      id: m.id,
      title: m.title,
      aliases: [m.code],
      languages: m.languages,
      certificate: m.certificate,
      durationMinutes: m.durationMinutes,
      genres: m.genres,
      synopsis: m.synopsis || undefined,
    })),
    shows: shows
      .filter((s) => s.bookable)
      .sort((a, b) => a.startsAt - b.startsAt)
      .map((s) => ({
        id: s.id,
        movieId: s.movieId,
        locationId: s.locationId,
        screenName: s.screenName,
        startsAt: s.startsAt,
        localDate: s.localDate,
        localTime: s.localTime,
        language: s.language,
        format: s.format,
        priceFrom: s.prices[0]?.pricePaise ?? 0,
        seatsLeft: s.available,
        assignedSeating: s.seating === 'assigned',
        // Per-category counts would need the seat map of every show; the hold reports shortages exactly.
        categories: s.prices.map((p) => ({ code: p.category, name: p.category, price: p.pricePaise, seatsLeft: s.available })),
      })),
    events: events.map((e) => ({
      id: e.id,
      keyword: e.keyword,
      title: { en: eventText(e, 'en', 'title'), hi: eventText(e, 'hi', 'title'), ta: eventText(e, 'ta', 'title') },
      description: { en: eventText(e, 'en', 'description'), hi: eventText(e, 'hi', 'description'), ta: eventText(e, 'ta', 'description') },
      terms: { en: eventText(e, 'en', 'terms'), hi: eventText(e, 'hi', 'terms'), ta: eventText(e, 'ta', 'terms') },
      locationIds: e.locationIds,
      showIds: e.showIds,
      maxTickets: e.maxTicketsPerBooking,
      generalAdmission: e.seating === 'general_admission',
    })),
  };
  catalogCache.set(cinema.id, { at: now, view });
  return view;
}

export function toBookingView(b: BookingDetails, cutoffMinutes: number, now: number): BookingView {
  return {
    ref: b.ref,
    showId: b.showId,
    movieTitle: b.show.movie.title,
    locationName: b.show.location.name,
    screenName: b.show.screenName,
    startsAt: b.show.startsAt,
    localDate: b.show.localDate,
    localTime: b.show.localTime,
    seats: b.seats.map((s) => s.code),
    quantity: b.quantity,
    total: b.totalPaise,
    status: b.status === 'cancelled' ? 'cancelled' : 'confirmed',
    cancellable: b.status === 'confirmed' && b.show.startsAt - cutoffMinutes * 60_000 > now,
  };
}

export async function refreshBookings(trx: Trx, cinema: Cinema, customerId: string, now: number): Promise<BookingView[]> {
  const { upcoming } = await listCustomerBookings(trx, { cinemaId: cinema.id, customerId, now, limit: 50 });
  return upcoming.filter((b) => b.status === 'confirmed').map((b) => toBookingView(b, cinema.settings.cancelCutoffMinutes, now));
}

export async function buildChatContext(
  trx: Trx,
  o: { cinema: Cinema; customer: { id: string; language?: Lang; name?: string }; now: number },
): Promise<ChatContext> {
  const { cinema, now } = o;
  const s = cinema.settings;
  return {
    now,
    cinema: {
      id: cinema.id,
      name: cinema.name,
      timezone: cinema.timezone,
      languages: s.languages,
      defaultLanguage: cinema.defaultLanguage,
      maxTicketsPerBooking: s.maxTicketsPerBooking,
      holdMinutes: s.holdMinutes,
      sessionTimeoutMinutes: s.sessionTimeoutMinutes,
      cancelCutoffMinutes: s.cancelCutoffMinutes,
      welcomeText: s.welcomeText,
      texts: s.texts,
      supportPhone: s.supportPhone,
    },
    customer: { name: o.customer.name, language: o.customer.language },
    today: toLocal(now, cinema.timezone).date,
    catalog: await loadCatalogView(trx, cinema, now),
    bookings: await refreshBookings(trx, cinema, o.customer.id, now),
  };
}

interface ExecContext {
  deps: AppDeps;
  cinema: Cinema;
  customerId: string;
  isTest: boolean;
  now: number;
}

/**
 * Carries out one dialogue command in the turn's transaction. Domain refusals come back as results
 * (the dialogue decides what to say); anything else is a bug and rolls the turn back.
 */
export async function executeCommand(trx: Trx, x: ExecContext, c: Command): Promise<CommandResult | undefined> {
  const inv = { db: trx, clock: x.deps.clock };
  const common = { cinemaId: x.cinema.id, customerId: x.customerId, holdMinutes: x.cinema.settings.holdMinutes, maxTickets: x.cinema.settings.maxTicketsPerBooking, isTest: x.isTest };
  const eventOf = async (showId: string) => (await loadCatalogView(trx, x.cinema, x.now)).events.find((e) => e.showIds.includes(showId))?.id;
  try {
    switch (c.type) {
      case 'hold_best':
      case 'hold_seats':
      case 'hold_ga': {
        const eventId = ('eventId' in c && c.eventId) || (await eventOf(c.showId));
        const b =
          c.type === 'hold_best'
            ? await holdBestAvailable(inv, { ...common, showId: c.showId, quantity: c.quantity, category: c.category, eventId })
            : c.type === 'hold_seats'
              ? await holdSeats(inv, { ...common, showId: c.showId, seatCodes: c.seatCodes, eventId })
              : await holdGeneralAdmission(inv, { ...common, showId: c.showId, quantity: c.quantity, eventId });
        return {
          type: 'hold_ok',
          holdId: b.id,
          showId: b.showId,
          seats: b.seats.map((s) => ({ code: s.code, category: s.category })),
          quantity: b.quantity,
          arrangement: b.arrangement === 'chosen' ? 'together' : b.arrangement,
          total: b.totalPaise,
          expiresAt: b.holdExpiresAt,
        };
      }
      case 'release_hold':
        await cancelBooking(inv, { cinemaId: x.cinema.id, bookingId: c.holdId, customerId: x.customerId, cutoffMinutes: null }).catch((e) => {
          if (!isDomainError(e)) throw e;
        });
        return undefined;
      case 'confirm': {
        await confirmBooking(inv, { cinemaId: x.cinema.id, bookingId: c.holdId, customerId: x.customerId });
        const all = await listCustomerBookings(trx, { cinemaId: x.cinema.id, customerId: x.customerId, now: x.now, limit: 50 });
        const b = [...all.upcoming, ...all.past].find((d) => d.id === c.holdId);
        if (!b) return { type: 'confirm_failed', code: 'booking_not_found' };
        return { type: 'confirm_ok', booking: toBookingView(b, x.cinema.settings.cancelCutoffMinutes, x.now) };
      }
      case 'cancel_booking': {
        const b = await getBookingByRef(trx, { cinemaId: x.cinema.id, ref: c.ref, now: x.now });
        if (!b || b.customerId !== x.customerId) return { type: 'cancel_failed', code: 'booking_not_found' };
        await cancelBooking(inv, { cinemaId: x.cinema.id, bookingId: b.id, customerId: x.customerId, cutoffMinutes: x.cinema.settings.cancelCutoffMinutes });
        return { type: 'cancel_ok', ref: b.ref };
      }
      case 'set_language':
        await trx.updateTable('customers').set({ language: c.lang }).where('id', '=', x.customerId).execute();
        return undefined;
      case 'handoff':
        // The dialogue keeps the customer in hand-off mode; staff are told in the turn's side effects.
        return undefined;
    }
  } catch (e) {
    if (!isDomainError(e)) throw e;
    if (c.type === 'confirm') return { type: 'confirm_failed', code: e.code };
    if (c.type === 'cancel_booking') return { type: 'cancel_failed', code: e.code };
    const seats = (e.details?.seats as string[] | undefined) ?? undefined;
    return { type: 'hold_failed', code: e.code, unavailableSeats: seats };
  }
  return undefined;
}
