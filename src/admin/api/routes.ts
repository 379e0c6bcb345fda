import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { cancelShow, createEvent, createLocation, createMovie, createScreen, createShow, createShows, getBooking, getEvent, getLocation, getMovie, getScreen, getShow, isLocalDate, listEvents, listLocations, listMovies, listScreens, listShows, localDayRange, normalizeBookingRef, updateEvent, updateLocation, updateMovie, updateScreen, updateShow, type BookingDetails } from '../../cinema/index.ts';
import { getCinema, listCinemas, type Cinema } from '../../tenants/cinemas.ts';
import { maskPhone } from '../../tenants/secrets.ts';
import { MANAGERS, requireStaff } from '../auth.ts';
import { cancelByStaff, checkIn, type CheckinOutcome } from '../booking-actions.ts';
import { getCheckin, searchBookings } from '../bookings-repo.ts';
import { handBackToBot, sendStaffReply } from '../conversation-actions.ts';
import { getCustomer, listCustomers, listHandoffs, transcript, type CustomerRow, type TranscriptEntry } from '../conversations-repo.ts';
import { badRequest, notFound } from '../errors.ts';
import { previewInbound, previewOutbound } from '../message-preview.ts';
import { staffOf } from '../page-context.ts';
import { errorResponse } from '../zod-schemas.ts';
import { customerQuery } from '../pages/conversations.ts';
import { bookingOut, checkinOut, cinemaOut, customerOut, eventOut, list, locationOut, messageOut, movieOut, screenOut, showOut } from './schemas.ts';

const cinemaParams = z.object({ cinemaId: z.string().max(64) });
const withId = (name: string) => cinemaParams.extend({ [name]: z.string().max(64) });
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };

interface Def {
  summary: string;
  tag: string;
  roles?: readonly ('operator' | 'manager' | 'staff')[];
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  status?: number;
}

type Req = FastifyRequest<{ Params: Record<string, string>; Querystring: Record<string, unknown>; Body: Record<string, unknown> & unknown }>;

function cinemaJson(c: Cinema) {
  return { id: c.id, name: c.name, displayPhoneNumber: c.displayPhoneNumber, phoneNumberId: c.phoneNumberId, wabaId: c.wabaId, tokenStatus: c.tokenStatus, tokenError: c.tokenError, timezone: c.timezone, defaultLanguage: c.defaultLanguage, isDemo: c.isDemo, createdAt: c.createdAt, settings: c.settings };
}

function customerJson(c: CustomerRow) {
  return { id: c.id, name: c.name, phone: maskPhone(c.last4), language: c.language, lastInboundAt: c.lastInboundAt, isTest: c.isTest };
}

function bookingJson(b: BookingDetails, checkedInAt: number | null) {
  const { show, ...rest } = b;
  return { ...rest, checkedInAt, show: { id: show.id, startsAt: show.startsAt, localDate: show.localDate, localTime: show.localTime, movie: show.movie, screenName: show.screenName, location: show.location } };
}

function messageJson(e: TranscriptEntry) {
  return e.dir === 'in'
    ? { direction: 'in' as const, at: e.at, kind: e.type, text: previewInbound(e.type, e.payloadJson), status: e.status }
    : { direction: 'out' as const, at: e.at, kind: e.kind, text: previewOutbound(e.payloadJson), status: e.status, errorCode: e.errorCode, error: e.error };
}

/** The admin HTTP API: the dashboard's operations as JSON, for bearer tokens. */
export function apiRoutes(app: FastifyInstance, deps: AppDeps): void {
  const cat = { db: deps.db, clock: deps.clock };

  function route(method: 'GET' | 'POST' | 'PATCH', url: string, d: Def, handler: (request: Req, reply: FastifyReply) => Promise<unknown>) {
    app.route({
      method,
      url,
      preHandler: requireStaff(d.roles) as preHandlerAsyncHookHandler,
      schema: {
        tags: [d.tag],
        summary: d.summary,
        ...(d.params ? { params: d.params } : {}),
        ...(d.querystring ? { querystring: d.querystring } : {}),
        ...(d.body ? { body: d.body } : {}),
        response: { [d.status ?? 200]: d.response, ...errors },
      },
      handler: async (request, reply) => {
        const out = await handler(request as Req, reply);
        return reply.code(d.status ?? 200).header('cache-control', 'no-store').send(out);
      },
    });
  }

  const exists = async (request: Req) => {
    const c = await getCinema(deps.db, request.params.cinemaId!);
    if (!c) throw notFound('cinema');
    return c;
  };

  // Cinemas
  route('GET', '/api/v1/cinemas', { summary: 'Cinemas this token may see (operators: all)', tag: 'cinemas', response: list(cinemaOut) }, async (request) => {
    const staff = staffOf(request);
    const all = staff.role === 'operator' ? await listCinemas(deps.db) : [await getCinema(deps.db, staff.cinemaId!)].filter((c): c is Cinema => !!c);
    return { data: all.map(cinemaJson) };
  });
  route('GET', '/api/v1/cinemas/:cinemaId', { summary: 'One cinema', tag: 'cinemas', params: cinemaParams, response: cinemaOut }, async (request) => cinemaJson(await exists(request)));

  // Catalogue: locations
  const locationIn = z.object({
    code: z.string().optional(), name: z.string(), city: z.string(), address: z.string(), timezone: z.string(),
    latitude: z.number().nullable().optional(), longitude: z.number().nullable().optional(),
    openingHours: z.record(z.string(), z.array(z.object({ opens: z.string(), closes: z.string() }))).optional(),
    phone: z.string().nullable().optional(), email: z.string().nullable().optional(), isActive: z.boolean().optional(),
  });
  route('GET', '/api/v1/cinemas/:cinemaId/locations', { summary: 'Locations', tag: 'catalogue', roles: MANAGERS, params: cinemaParams, response: list(locationOut) }, async (r) => ({ data: await listLocations(deps.db, { cinemaId: r.params.cinemaId! }) }));
  route('POST', '/api/v1/cinemas/:cinemaId/locations', { summary: 'Add a location', tag: 'catalogue', roles: MANAGERS, params: cinemaParams, body: locationIn, response: locationOut, status: 201 }, async (r) =>
    createLocation(cat, { cinemaId: r.params.cinemaId!, ...(r.body as z.infer<typeof locationIn>) } as Parameters<typeof createLocation>[1]),
  );
  route('GET', '/api/v1/cinemas/:cinemaId/locations/:locationId', { summary: 'One location', tag: 'catalogue', roles: MANAGERS, params: withId('locationId'), response: locationOut }, async (r) => {
    const l = await getLocation(deps.db, { cinemaId: r.params.cinemaId!, locationId: r.params.locationId! });
    if (!l) throw notFound('location');
    return l;
  });
  route('PATCH', '/api/v1/cinemas/:cinemaId/locations/:locationId', { summary: 'Change a location', tag: 'catalogue', roles: MANAGERS, params: withId('locationId'), body: locationIn.partial(), response: locationOut }, async (r) =>
    updateLocation(cat, { cinemaId: r.params.cinemaId!, locationId: r.params.locationId!, patch: r.body as Parameters<typeof updateLocation>[1]['patch'] }),
  );

  // Screens
  const layoutIn = z.object({ rows: z.array(z.object({ label: z.string(), cells: z.array(z.object({ number: z.number(), category: z.string(), wheelchair: z.boolean().optional(), blocked: z.boolean().optional() }).nullable()) })) });
  const screenIn = z.object({ locationId: z.string(), name: z.string(), layout: layoutIn, isActive: z.boolean().optional() });
  route('GET', '/api/v1/cinemas/:cinemaId/screens', { summary: 'Screens with seat layouts', tag: 'catalogue', roles: MANAGERS, params: cinemaParams, response: list(screenOut) }, async (r) => ({ data: await listScreens(deps.db, { cinemaId: r.params.cinemaId! }) }));
  route('POST', '/api/v1/cinemas/:cinemaId/screens', { summary: 'Add a screen with its layout', tag: 'catalogue', roles: MANAGERS, params: cinemaParams, body: screenIn, response: screenOut, status: 201 }, async (r) =>
    createScreen(cat, { cinemaId: r.params.cinemaId!, ...(r.body as z.infer<typeof screenIn>) }),
  );
  route('GET', '/api/v1/cinemas/:cinemaId/screens/:screenId', { summary: 'One screen', tag: 'catalogue', roles: MANAGERS, params: withId('screenId'), response: screenOut }, async (r) => {
    const s = await getScreen(deps.db, { cinemaId: r.params.cinemaId!, screenId: r.params.screenId! });
    if (!s) throw notFound('screen');
    return s;
  });
  route('PATCH', '/api/v1/cinemas/:cinemaId/screens/:screenId', { summary: 'Rename a screen or replace its layout', tag: 'catalogue', roles: MANAGERS, params: withId('screenId'), body: screenIn.omit({ locationId: true }).partial(), response: screenOut }, async (r) =>
    updateScreen(cat, { cinemaId: r.params.cinemaId!, screenId: r.params.screenId!, patch: r.body as { name?: string } }),
  );

  // Movies
  const movieIn = z.object({
    code: z.string().optional(), title: z.string(), synopsis: z.string().optional(), durationMinutes: z.number(), certificate: z.string(),
    languages: z.array(z.string()).optional(), genres: z.array(z.string()).optional(), posterUrl: z.string().nullable().optional(),
    trailerUrl: z.string().nullable().optional(), releaseDate: z.string().nullable().optional(), isActive: z.boolean().optional(),
  });
  type MovieArg = Parameters<typeof createMovie>[1];
  route('GET', '/api/v1/cinemas/:cinemaId/movies', { summary: 'Films', tag: 'catalogue', roles: MANAGERS, params: cinemaParams, response: list(movieOut) }, async (r) => ({ data: await listMovies(deps.db, { cinemaId: r.params.cinemaId! }) }));
  route('POST', '/api/v1/cinemas/:cinemaId/movies', { summary: 'Add a film', tag: 'catalogue', roles: MANAGERS, params: cinemaParams, body: movieIn, response: movieOut, status: 201 }, async (r) =>
    createMovie(cat, { cinemaId: r.params.cinemaId!, ...(r.body as object) } as MovieArg),
  );
  route('GET', '/api/v1/cinemas/:cinemaId/movies/:movieId', { summary: 'One film', tag: 'catalogue', roles: MANAGERS, params: withId('movieId'), response: movieOut }, async (r) => {
    const m = await getMovie(deps.db, { cinemaId: r.params.cinemaId!, movieId: r.params.movieId! });
    if (!m) throw notFound('film');
    return m;
  });
  route('PATCH', '/api/v1/cinemas/:cinemaId/movies/:movieId', { summary: 'Change a film', tag: 'catalogue', roles: MANAGERS, params: withId('movieId'), body: movieIn.partial(), response: movieOut }, async (r) =>
    updateMovie(cat, { cinemaId: r.params.cinemaId!, movieId: r.params.movieId!, patch: r.body as Partial<MovieArg> }),
  );

  // Shows
  const price = z.object({ category: z.string(), pricePaise: z.number().int() });
  const showIn = z.object({
    movieId: z.string(), screenId: z.string(), startsAt: z.number().optional(), date: z.string().optional(), time: z.string().optional(), language: z.string(), format: z.string().optional(),
    prices: z.array(price), bookingOpensAt: z.number().nullable().optional(), bookingClosesAt: z.number().nullable().optional(),
    seating: z.enum(['assigned', 'general_admission']).optional(), capacity: z.number().nullable().optional(),
  });
  const bulkIn = z.object({ movieId: z.string(), screenIds: z.array(z.string()).min(1), dates: z.array(z.string()).min(1), times: z.array(z.string()).min(1), language: z.string(), format: z.string().optional(), prices: z.array(price) });
  const showQuery = z.object({ date: z.string().optional(), movieId: z.string().optional(), screenId: z.string().optional(), locationId: z.string().optional(), status: z.enum(['scheduled', 'cancelled']).optional() });
  route('GET', '/api/v1/cinemas/:cinemaId/shows', { summary: 'Shows (filter by local date, film, screen, location, status)', tag: 'catalogue', params: cinemaParams, querystring: showQuery, response: list(showOut) }, async (r) => {
    const c = await exists(r);
    const q = r.query as z.infer<typeof showQuery>;
    if (q.date && !isLocalDate(q.date)) throw badRequest('invalid_date', 'date looks like 2026-11-27');
    const range = q.date ? localDayRange(q.date, c.timezone) : undefined;
    return { data: await listShows(deps.db, { cinemaId: c.id, now: deps.clock.now(), from: range?.start, to: range?.end, movieId: q.movieId, screenId: q.screenId, locationId: q.locationId, status: q.status }) };
  });
  route('POST', '/api/v1/cinemas/:cinemaId/shows', { summary: 'Schedule one show', tag: 'catalogue', roles: MANAGERS, params: cinemaParams, body: showIn, response: showOut, status: 201 }, async (r) =>
    createShow(cat, { cinemaId: r.params.cinemaId!, ...(r.body as z.infer<typeof showIn>) }),
  );
  route('POST', '/api/v1/cinemas/:cinemaId/shows/bulk', { summary: 'Schedule a film on screens × dates × times (all or nothing, idempotent)', tag: 'catalogue', roles: MANAGERS, params: cinemaParams, body: bulkIn, response: z.object({ created: z.array(showOut), existing: z.array(showOut) }), status: 201 }, async (r) =>
    createShows(cat, { cinemaId: r.params.cinemaId!, ...(r.body as z.infer<typeof bulkIn>) }),
  );
  route('GET', '/api/v1/cinemas/:cinemaId/shows/:showId', { summary: 'One show with availability', tag: 'catalogue', params: withId('showId'), response: showOut }, async (r) => {
    const s = await getShow(deps.db, { cinemaId: r.params.cinemaId!, showId: r.params.showId!, now: deps.clock.now() });
    if (!s) throw notFound('show');
    return s;
  });
  route('PATCH', '/api/v1/cinemas/:cinemaId/shows/:showId', { summary: 'Change a show', tag: 'catalogue', roles: MANAGERS, params: withId('showId'), body: showIn.omit({ movieId: true, screenId: true, seating: true }).partial().extend({ status: z.enum(['scheduled', 'cancelled']).optional() }), response: showOut }, async (r) =>
    updateShow(cat, { cinemaId: r.params.cinemaId!, showId: r.params.showId!, patch: r.body as Parameters<typeof updateShow>[1]['patch'] }),
  );
  route('POST', '/api/v1/cinemas/:cinemaId/shows/:showId/cancel', { summary: 'Cancel a show', tag: 'catalogue', roles: MANAGERS, params: withId('showId'), response: showOut }, async (r) =>
    cancelShow(cat, { cinemaId: r.params.cinemaId!, showId: r.params.showId! }),
  );

  // Special events
  const text = z.object({ title: z.string(), description: z.string(), terms: z.string() });
  const eventIn = z.object({
    keyword: z.string(), name: z.string(), movieId: z.string().nullable().optional(), texts: z.object({ en: text, hi: text.optional(), ta: text.optional() }),
    maxTicketsPerBooking: z.number().int(), seating: z.enum(['assigned', 'general_admission']), capacity: z.number().nullable().optional(),
    locationIds: z.array(z.string()).optional(), showIds: z.array(z.string()).optional(), status: z.enum(['active', 'inactive']).optional(),
  });
  route('GET', '/api/v1/cinemas/:cinemaId/events', { summary: 'Special events', tag: 'catalogue', roles: MANAGERS, params: cinemaParams, response: list(eventOut) }, async (r) => ({ data: await listEvents(deps.db, { cinemaId: r.params.cinemaId! }) }));
  route('POST', '/api/v1/cinemas/:cinemaId/events', { summary: 'Create a special event', tag: 'catalogue', roles: MANAGERS, params: cinemaParams, body: eventIn, response: eventOut, status: 201 }, async (r) =>
    createEvent(cat, { cinemaId: r.params.cinemaId!, ...(r.body as z.infer<typeof eventIn>) }),
  );
  route('GET', '/api/v1/cinemas/:cinemaId/events/:eventId', { summary: 'One special event', tag: 'catalogue', roles: MANAGERS, params: withId('eventId'), response: eventOut }, async (r) => {
    const e = await getEvent(deps.db, { cinemaId: r.params.cinemaId!, eventId: r.params.eventId! });
    if (!e) throw notFound('event');
    return e;
  });
  route('PATCH', '/api/v1/cinemas/:cinemaId/events/:eventId', { summary: 'Change a special event', tag: 'catalogue', roles: MANAGERS, params: withId('eventId'), body: eventIn.partial(), response: eventOut }, async (r) =>
    updateEvent(cat, { cinemaId: r.params.cinemaId!, eventId: r.params.eventId!, patch: r.body as Parameters<typeof updateEvent>[1]['patch'] }),
  );

  // Bookings
  const bookingQuery = z.object({
    date: z.string().optional(), showId: z.string().optional(), status: z.enum(['held', 'confirmed', 'cancelled', 'expired']).optional(),
    ref: z.string().optional(), phone: z.string().optional(), customerId: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(), offset: z.coerce.number().int().min(0).optional(),
  });
  const withBooking = async (cinemaId: string, bookingId: string) => {
    const b = await getBooking(deps.db, { cinemaId, bookingId, now: deps.clock.now() });
    if (!b) throw notFound('booking');
    return bookingJson(b, (await getCheckin(deps.db, cinemaId, bookingId))?.checkedInAt ?? null);
  };
  route('GET', '/api/v1/cinemas/:cinemaId/bookings', { summary: 'Search bookings (phone numbers are matched by keyed hash)', tag: 'bookings', params: cinemaParams, querystring: bookingQuery, response: list(bookingOut) }, async (r) => {
    const c = await exists(r);
    const q = r.query as z.infer<typeof bookingQuery>;
    if (q.date && !isLocalDate(q.date)) throw badRequest('invalid_date', 'date looks like 2026-11-27');
    const range = q.date ? localDayRange(q.date, c.timezone) : undefined;
    const ref = q.ref ? normalizeBookingRef(q.ref) : undefined;
    const phone = q.phone ? customerQuery(deps, q.phone).phoneHash : undefined;
    if ((q.ref && !ref) || (q.phone && !phone)) return { data: [] };
    const rows = await searchBookings(deps.db, c.id, deps.clock.now(), { showFrom: range?.start, showTo: range?.end, showId: q.showId, status: q.status, ref: ref ?? undefined, phoneHash: phone, customerId: q.customerId, limit: q.limit, offset: q.offset });
    return {
      data: rows.map((b) => ({ id: b.id, ref: b.ref, status: b.status, quantity: b.quantity, totalPaise: b.totalPaise, showId: b.showId, showStartsAt: b.showStartsAt, movieTitle: b.movieTitle, screenName: b.screenName, customerId: b.customerId, customerName: b.customerName, customerPhone: maskPhone(b.customerLast4), isTest: b.isTest, createdAt: b.createdAt, checkedInAt: b.checkedInAt })),
    };
  });
  route('GET', '/api/v1/cinemas/:cinemaId/bookings/:bookingId', { summary: 'One booking with its show and seats', tag: 'bookings', params: withId('bookingId'), response: bookingOut }, async (r) => withBooking(r.params.cinemaId!, r.params.bookingId!));
  route('POST', '/api/v1/cinemas/:cinemaId/bookings/:bookingId/cancel', { summary: 'Cancel a booking; the customer is notified in their language', tag: 'bookings', params: withId('bookingId'), response: bookingOut.extend({ customerNotified: z.boolean() }) }, async (r) => {
    const { notified } = await cancelByStaff(deps, staffOf(r), r.params.cinemaId!, r.params.bookingId!);
    return { ...(await withBooking(r.params.cinemaId!, r.params.bookingId!)), customerNotified: notified };
  });
  const checkinJson = (o: CheckinOutcome) =>
    o.result === 'not_valid'
      ? { result: o.result, reason: o.reason, booking: bookingJson(o.booking, null) }
      : { result: o.result, booking: bookingJson(o.booking, o.checkin.checkedInAt), checkedInAt: o.checkin.checkedInAt, checkedInBy: o.checkin.checkedInBy, repeatScans: o.checkin.repeatScans };
  route('POST', '/api/v1/cinemas/:cinemaId/bookings/:bookingId/check-in', { summary: 'Admit a booking (result already_used on a second use)', tag: 'bookings', params: withId('bookingId'), response: checkinOut }, async (r) =>
    checkinJson(await checkIn(deps, staffOf(r), r.params.cinemaId!, { bookingId: r.params.bookingId! })),
  );
  route('POST', '/api/v1/cinemas/:cinemaId/check-in', { summary: 'Admit by reference or scanned QR text', tag: 'bookings', params: cinemaParams, body: z.object({ ref: z.string().max(200) }), response: checkinOut }, async (r) =>
    checkinJson(await checkIn(deps, staffOf(r), r.params.cinemaId!, { ref: (r.body as { ref: string }).ref })),
  );

  // Customers (masked) and conversations
  const customerList = z.object({ phone: z.string().optional(), name: z.string().optional(), limit: z.coerce.number().int().min(1).max(200).optional(), offset: z.coerce.number().int().min(0).optional() });
  route('GET', '/api/v1/cinemas/:cinemaId/customers', { summary: 'Customers, phone numbers masked (search by phone or name)', tag: 'customers', params: cinemaParams, querystring: customerList, response: list(customerOut) }, async (r) => {
    const q = r.query as z.infer<typeof customerList>;
    const byPhone = q.phone ? customerQuery(deps, q.phone) : {};
    if (q.phone && !byPhone.phoneHash) return { data: [] };
    return { data: (await listCustomers(deps.db, r.params.cinemaId!, { phoneHash: byPhone.phoneHash, name: q.name, limit: q.limit, offset: q.offset })).map(customerJson) };
  });
  route('GET', '/api/v1/cinemas/:cinemaId/customers/:customerId', { summary: 'One customer (masked)', tag: 'customers', params: withId('customerId'), response: customerOut }, async (r) => {
    const c = await getCustomer(deps.db, r.params.cinemaId!, r.params.customerId!);
    if (!c) throw notFound('customer');
    return customerJson(c);
  });
  route('GET', '/api/v1/cinemas/:cinemaId/conversations', { summary: 'Customers waiting for staff (hand-off)', tag: 'conversations', params: cinemaParams, response: list(z.object({ customer: customerOut, since: z.number() })) }, async (r) => ({
    data: (await listHandoffs(deps.db, r.params.cinemaId!)).map((h) => ({ customer: customerJson(h.customer), since: h.since })),
  }));
  route('GET', '/api/v1/cinemas/:cinemaId/conversations/:customerId', { summary: "A customer's transcript with delivery statuses", tag: 'conversations', params: withId('customerId'), response: z.object({ customer: customerOut, messages: z.array(messageOut) }) }, async (r) => {
    const c = await getCustomer(deps.db, r.params.cinemaId!, r.params.customerId!);
    if (!c) throw notFound('customer');
    return { customer: customerJson(c), messages: (await transcript(deps.db, c.cinemaId, c.id)).map(messageJson) };
  });
  route('POST', '/api/v1/cinemas/:cinemaId/conversations/:customerId/reply', { summary: 'Reply as staff (within 24 hours of the customer message)', tag: 'conversations', params: withId('customerId'), body: z.object({ text: z.string().min(1).max(4096) }), response: z.object({ queued: z.literal(true) }), status: 202 }, async (r) => {
    await sendStaffReply(deps, staffOf(r), r.params.cinemaId!, r.params.customerId!, (r.body as { text: string }).text);
    return { queued: true as const };
  });
  route('POST', '/api/v1/cinemas/:cinemaId/conversations/:customerId/hand-back', { summary: 'Hand the conversation back to the bot', tag: 'conversations', params: withId('customerId'), response: z.object({ queued: z.literal(true) }), status: 202 }, async (r) => {
    await handBackToBot(deps, staffOf(r), r.params.cinemaId!, r.params.customerId!);
    return { queued: true as const };
  });

}
