import type { DbOrTrx } from '../../db/database.ts';
import { decrypt, maskPhone } from '../../tenants/secrets.ts';
import { cancellationBuckets, conversations, messageCounts, salesBuckets, showsWithSales, type CinemaRef, type Period } from '../analytics/analytics-repository.ts';
import { periodOf, type DateRange } from '../analytics/date-range.ts';
import { localTime, type LocalTime } from '../analytics/local-time.ts';
import { computeCinemaAnalytics } from '../analytics/compute-analytics.ts';
import { DAILY_SUMMARY_COLUMNS, dailySummaryCells, dailySummaryRows } from './daily-summary.ts';
import { bookingPages, customerPages, showPages, type ExportScope } from './export-repository.ts';
import { sheetOf, type Cell, type Column, type Sheet } from './sheet.ts';

export const EXPORT_KINDS = ['bookings', 'shows', 'customers', 'daily-summary'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/**
 * How phone numbers appear: masked to the last four digits (the default, and always in files
 * written to disk), or revealed with the master key for a manager who asked for it.
 */
export type PhoneMode = { reveal: false } | { reveal: true; key: Buffer };

export interface SheetOptions {
  cinema: CinemaRef;
  /** [from, to) in epoch ms; absent means every row. */
  period?: { from: number; to: number };
  phones?: PhoneMode;
  pageSize?: number;
}

function phoneOf(mode: PhoneMode | undefined, last4: string | null, enc: string | null): string {
  if (mode?.reveal && enc) {
    try {
      return decrypt(mode.key, enc);
    } catch {
      // A number sealed under an older key still shows masked rather than failing the export.
    }
  }
  return maskPhone(last4);
}

function zones(): (name: string) => LocalTime {
  const cache = new Map<string, LocalTime>();
  return (name) => {
    let z = cache.get(name);
    if (!z) cache.set(name, (z = localTime(name)));
    return z;
  };
}

const wall = (tz: LocalTime, ms: number | null): number | null => (ms === null ? null : tz.wallClock(ms).getTime());

function scope(o: SheetOptions): ExportScope {
  return { cinemaId: o.cinema.id, from: o.period?.from, to: o.period?.to, pageSize: o.pageSize };
}

async function* mapPages<T>(pages: AsyncIterable<T[]>, f: (row: T) => Cell[]): AsyncGenerator<Cell[][]> {
  for await (const page of pages) yield page.map(f);
}

export const BOOKING_COLUMNS: Column[] = [
  { header: 'Reference', type: 'text', width: 12 },
  { header: 'Status', type: 'text', width: 11 },
  { header: 'Booked at', type: 'datetime', width: 17 },
  { header: 'Cancelled at', type: 'datetime', width: 17 },
  { header: 'Film', type: 'text', width: 28 },
  { header: 'Location', type: 'text', width: 20 },
  { header: 'Screen', type: 'text', width: 12 },
  { header: 'Show time', type: 'datetime', width: 17 },
  { header: 'Seats', type: 'text', width: 20 },
  { header: 'Tickets', type: 'int', width: 9 },
  { header: 'Amount (₹)', type: 'money', width: 13 },
  { header: 'Customer', type: 'text', width: 20 },
  { header: 'Phone', type: 'text', width: 16 },
];

/** Confirmed bookings (and those cancelled since) by creation time; booking times in the cinema's zone, show times in the location's. */
export function bookingsSheet(db: DbOrTrx, o: SheetOptions): Sheet {
  const cinemaTz = localTime(o.cinema.timezone);
  const zoneOf = zones();
  return {
    name: 'Bookings',
    columns: BOOKING_COLUMNS,
    pages: mapPages(bookingPages(db, scope(o)), (b) => [
      b.ref,
      b.status,
      wall(cinemaTz, b.confirmedAt ?? b.createdAt),
      wall(cinemaTz, b.cancelledAt),
      b.movieTitle,
      b.locationName,
      b.screenName,
      wall(zoneOf(b.locationTimezone), b.showStartsAt),
      b.seats.length ? b.seats.join(' ') : (b.category ?? ''),
      b.quantity,
      b.totalPaise,
      b.customerName ?? '',
      phoneOf(o.phones, b.customerLast4, b.customerWaIdEnc),
    ]),
  };
}

export const SHOW_COLUMNS: Column[] = [
  { header: 'Show time', type: 'datetime', width: 17 },
  { header: 'Film', type: 'text', width: 28 },
  { header: 'Location', type: 'text', width: 20 },
  { header: 'Screen', type: 'text', width: 12 },
  { header: 'Language', type: 'text', width: 11 },
  { header: 'Format', type: 'text', width: 9 },
  { header: 'Status', type: 'text', width: 11 },
  { header: 'Capacity', type: 'int', width: 10 },
  { header: 'Sold', type: 'int', width: 8 },
  { header: 'Available', type: 'int', width: 10 },
  { header: 'Occupancy', type: 'percent', width: 11 },
  { header: 'Revenue (₹)', type: 'money', width: 14 },
];

/** Shows by start time with occupancy (sold to real customers over sellable seats or capacity). */
export function showsSheet(db: DbOrTrx, o: SheetOptions): Sheet {
  const zoneOf = zones();
  return {
    name: 'Shows',
    columns: SHOW_COLUMNS,
    pages: mapPages(showPages(db, scope(o)), (s) => [
      wall(zoneOf(s.locationTimezone), s.startsAt),
      s.movieTitle,
      s.locationName,
      s.screenName,
      s.language,
      s.format,
      s.status,
      s.capacity,
      s.sold,
      Math.max(0, s.capacity - s.sold),
      s.capacity > 0 ? s.sold / s.capacity : null,
      s.revenuePaise,
    ]),
  };
}

export const CUSTOMER_COLUMNS: Column[] = [
  { header: 'Customer', type: 'text', width: 22 },
  { header: 'Phone', type: 'text', width: 16 },
  { header: 'Language', type: 'text', width: 10 },
  { header: 'First message', type: 'datetime', width: 17 },
  { header: 'Last message', type: 'datetime', width: 17 },
  { header: 'Bookings', type: 'int', width: 10 },
  { header: 'Tickets', type: 'int', width: 9 },
  { header: 'Spent (₹)', type: 'money', width: 13 },
  { header: 'Last booking', type: 'datetime', width: 17 },
];

/** Real customers by when they first wrote, with what they booked. */
export function customersSheet(db: DbOrTrx, o: SheetOptions): Sheet {
  const tz = localTime(o.cinema.timezone);
  return {
    name: 'Customers',
    columns: CUSTOMER_COLUMNS,
    pages: mapPages(customerPages(db, scope(o)), (c) => [
      c.name ?? '',
      phoneOf(o.phones, c.last4, c.waIdEnc),
      c.language ?? '',
      wall(tz, c.createdAt),
      wall(tz, c.lastInboundAt),
      c.bookings,
      c.tickets,
      c.spentPaise,
      wall(tz, c.lastBookingAt),
    ]),
  };
}

/** One row per local date of the range. */
export async function dailySummarySheet(db: DbOrTrx, cinema: CinemaRef, range: DateRange): Promise<Sheet> {
  const p: Period = { cinemaId: cinema.id, ...periodOf(range, cinema.timezone) };
  const rows = dailySummaryRows({
    timezone: cinema.timezone,
    ...range,
    conversations: await conversations(db, p),
    sales: await salesBuckets(db, p),
    cancellations: await cancellationBuckets(db, p),
    shows: await showsWithSales(db, p),
  });
  return sheetOf('Daily summary', DAILY_SUMMARY_COLUMNS, rows.map(dailySummaryCells));
}

export const PERIOD_SUMMARY_COLUMNS: Column[] = [
  { header: 'From', type: 'datetime', width: 17 },
  { header: 'To', type: 'datetime', width: 17 },
  { header: 'Customers', type: 'int', width: 11 },
  { header: 'Conversations', type: 'int', width: 15 },
  { header: 'Abandoned', type: 'int', width: 11 },
  { header: 'Conversion', type: 'percent', width: 12 },
  { header: 'Bookings', type: 'int', width: 10 },
  { header: 'Tickets', type: 'int', width: 9 },
  { header: 'Revenue (₹)', type: 'money', width: 14 },
  { header: 'Cancellations', type: 'int', width: 14 },
  { header: 'Shows', type: 'int', width: 8 },
  { header: 'Occupancy', type: 'percent', width: 11 },
  { header: 'Failed replies', type: 'percent', width: 14 },
];

export const FILM_COLUMNS: Column[] = [
  { header: 'Film', type: 'text', width: 28 },
  { header: 'Shows', type: 'int', width: 8 },
  { header: 'Tickets', type: 'int', width: 9 },
  { header: 'Revenue (₹)', type: 'money', width: 14 },
  { header: 'Occupancy', type: 'percent', width: 11 },
];

/** A summary of an arbitrary period (the scheduled export's 24 hours) and its films, from the analytics computation. */
export async function periodSummarySheets(db: DbOrTrx, cinema: CinemaRef, period: { from: number; to: number }): Promise<Sheet[]> {
  const tz = localTime(cinema.timezone);
  const p: Period = { cinemaId: cinema.id, ...period };
  const a = computeCinemaAnalytics({
    cinema,
    fromDate: tz.date(period.from),
    toDate: tz.date(period.to - 1),
    messages: await messageCounts(db, p),
    conversations: await conversations(db, p),
    sales: await salesBuckets(db, p),
    cancellations: (await cancellationBuckets(db, p)).reduce((t, b) => t + b.count, 0),
    shows: await showsWithSales(db, p),
  });
  const summary: Cell[] = [
    wall(tz, period.from),
    wall(tz, period.to),
    a.uniqueCustomers,
    a.conversations,
    a.abandoned,
    a.conversionRate,
    a.sales.bookings,
    a.sales.tickets,
    a.sales.revenuePaise,
    a.sales.cancellations,
    a.shows.length,
    a.occupancy,
    a.errors.outboundFailureRate,
  ];
  return [
    sheetOf('Summary', PERIOD_SUMMARY_COLUMNS, [summary]),
    sheetOf('Films', FILM_COLUMNS, a.films.map((f) => [f.title, f.shows, f.tickets, f.revenuePaise, f.occupancy])),
  ];
}
