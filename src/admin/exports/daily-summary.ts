import type { ConversationRow, CountBucketRow, SalesBucketRow, ShowRow } from '../analytics/analytics-repository.ts';
import { datesBetween, localTime } from '../analytics/local-time.ts';
import type { Column } from './sheet.ts';

export interface DailySummaryRow {
  date: string;
  conversations: number;
  bookedConversations: number;
  conversion: number | null;
  bookings: number;
  tickets: number;
  revenuePaise: number;
  cancellations: number;
  shows: number;
  seatsOffered: number;
  seatsSold: number;
  occupancy: number | null;
}

export const DAILY_SUMMARY_COLUMNS: Column[] = [
  { header: 'Date', type: 'date', width: 12 },
  { header: 'Conversations', type: 'int', width: 15 },
  { header: 'Booked conversations', type: 'int', width: 21 },
  { header: 'Conversion', type: 'percent', width: 12 },
  { header: 'Bookings', type: 'int', width: 11 },
  { header: 'Tickets', type: 'int', width: 10 },
  { header: 'Revenue (₹)', type: 'money', width: 14 },
  { header: 'Cancellations', type: 'int', width: 14 },
  { header: 'Shows', type: 'int', width: 8 },
  { header: 'Seats offered', type: 'int', width: 14 },
  { header: 'Seats sold', type: 'int', width: 11 },
  { header: 'Occupancy', type: 'percent', width: 11 },
];

/**
 * One row per local date: conversations by the day they started, sales and cancellations by the
 * day they happened, shows by the day they play. Pure, like the analytics it shares its rows with.
 */
export function dailySummaryRows(input: {
  timezone: string;
  fromDate: string;
  toDate: string;
  conversations: ConversationRow[];
  sales: SalesBucketRow[];
  cancellations: CountBucketRow[];
  shows: ShowRow[];
}): DailySummaryRow[] {
  const tz = localTime(input.timezone);
  const days = new Map<string, DailySummaryRow>(
    datesBetween(input.fromDate, input.toDate).map((date) => [
      date,
      { date, conversations: 0, bookedConversations: 0, conversion: null, bookings: 0, tickets: 0, revenuePaise: 0, cancellations: 0, shows: 0, seatsOffered: 0, seatsSold: 0, occupancy: null },
    ]),
  );
  for (const c of input.conversations) {
    const d = days.get(tz.date(c.startedAt));
    if (!d) continue;
    d.conversations++;
    if (c.confirmed) d.bookedConversations++;
  }
  for (const b of input.sales) {
    const d = days.get(tz.date(b.bucketStart));
    if (!d) continue;
    d.bookings += b.bookings;
    d.tickets += b.tickets;
    d.revenuePaise += b.revenuePaise;
  }
  for (const b of input.cancellations) {
    const d = days.get(tz.date(b.bucketStart));
    if (d) d.cancellations += b.count;
  }
  for (const s of input.shows) {
    // A show belongs to the day it plays where it plays.
    const d = days.get(localTime(s.timezone).date(s.startsAt));
    if (!d) continue;
    d.shows++;
    d.seatsOffered += s.capacity;
    d.seatsSold += s.sold;
  }
  return [...days.values()].map((d) => ({
    ...d,
    conversion: d.conversations ? d.bookedConversations / d.conversations : null,
    occupancy: d.seatsOffered ? d.seatsSold / d.seatsOffered : null,
  }));
}

export function dailySummaryCells(r: DailySummaryRow): (string | number | null)[] {
  return [r.date, r.conversations, r.bookedConversations, r.conversion, r.bookings, r.tickets, r.revenuePaise, r.cancellations, r.shows, r.seatsOffered, r.seatsSold, r.occupancy];
}
