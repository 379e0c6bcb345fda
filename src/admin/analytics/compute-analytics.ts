import type { ConversationRow, MessageCounts, SalesBucketRow, ShowRow } from './analytics-repository.ts';
import { datesBetween, localTime } from './local-time.ts';

/** What the repository read for one cinema and period: the input of computeCinemaAnalytics. */
export interface CinemaAnalyticsInput {
  cinema: { id: string; name: string; timezone: string };
  /** Local dates, both included. */
  fromDate: string;
  toDate: string;
  messages: MessageCounts;
  conversations: ConversationRow[];
  sales: SalesBucketRow[];
  cancellations: number;
  shows: ShowRow[];
}

export interface FunnelStepStats {
  step: 'started' | 'show_chosen' | 'quantity_chosen' | 'confirmed';
  label: string;
  count: number;
  /** Share of started conversations that got this far (0–1; null without conversations). */
  ofStarted: number | null;
  /** Conversations lost since the previous step. */
  dropOff: number;
  /** dropOff over the previous step's count (0–1; null for the first step or an empty previous step). */
  dropOffRate: number | null;
}

export interface DayStats {
  date: string;
  bookings: number;
  tickets: number;
  revenuePaise: number;
}

export interface ShowStats {
  showId: string;
  title: string;
  locationName: string;
  screenName: string;
  startsAt: number;
  /** 'YYYY-MM-DD HH:mm' in the location's zone. */
  localStart: string;
  capacity: number;
  sold: number;
  revenuePaise: number;
  occupancy: number | null;
}

export interface FilmStats {
  title: string;
  shows: number;
  tickets: number;
  revenuePaise: number;
  occupancy: number | null;
}

export interface SlotStats {
  /** Hour of day 0–23, or weekday 0 = Monday … 6 = Sunday. */
  key: number;
  label: string;
  shows: number;
  tickets: number;
  capacity: number;
  occupancy: number | null;
}

/**
 * Sums kept alongside the averages so that cinemas can be combined exactly (an average of
 * averages would weigh a small cinema like a large one).
 */
export interface AnalyticsSums {
  bookedConversations: number;
  messagesInBookedConversations: number;
  timedConversations: number;
  conversationMs: number;
  capacity: number;
  sold: number;
}

export interface Analytics {
  fromDate: string;
  toDate: string;
  uniqueCustomers: number;
  conversations: number;
  funnel: FunnelStepStats[];
  /** Conversations that timed out without a booking. */
  abandoned: number;
  /** Started conversations that ended in a booking (0–1). */
  conversionRate: number | null;
  avgMessagesPerBooking: number | null;
  avgConversationMs: number | null;
  errors: {
    outboundTotal: number;
    outboundFailed: number;
    outboundFailureRate: number | null;
    inboundTotal: number;
    inboundFailed: number;
    inboundFailureRate: number | null;
  };
  sales: { bookings: number; tickets: number; revenuePaise: number; cancellations: number };
  byDay: DayStats[];
  /** Sold over capacity across the period's shows. */
  occupancy: number | null;
  shows: ShowStats[];
  films: FilmStats[];
  hours: SlotStats[];
  weekdays: SlotStats[];
  sums: AnalyticsSums;
}

export interface CinemaAnalytics extends Analytics {
  cinema: { id: string; name: string; timezone: string };
}

export interface OperatorAnalytics extends Analytics {
  cinemas: CinemaAnalytics[];
}

const STEP_LABELS: Record<FunnelStepStats['step'], string> = {
  started: 'Conversation started',
  show_chosen: 'Show chosen',
  quantity_chosen: 'Tickets chosen',
  confirmed: 'Booking confirmed',
};

export const WEEKDAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/**
 * The funnel from step counts. Counts are made monotone first: a conversation that confirmed has
 * necessarily chosen a show and a quantity even if an earlier step was recorded before events existed.
 */
export function funnelFrom(counts: Record<FunnelStepStats['step'], number>): FunnelStepStats[] {
  const order: FunnelStepStats['step'][] = ['started', 'show_chosen', 'quantity_chosen', 'confirmed'];
  const started = counts.started;
  let prev: number | null = null;
  return order.map((step) => {
    const count = prev === null ? counts[step] : Math.min(prev, counts[step]);
    const s: FunnelStepStats = {
      step,
      label: STEP_LABELS[step],
      count,
      ofStarted: ratio(count, started),
      dropOff: prev === null ? 0 : prev - count,
      dropOffRate: prev === null ? null : ratio(prev - count, prev),
    };
    prev = count;
    return s;
  });
}

function conversationStats(rows: ConversationRow[]) {
  const counts = { started: rows.length, show_chosen: 0, quantity_chosen: 0, confirmed: 0 };
  let abandoned = 0;
  let bookedMessages = 0;
  let timed = 0;
  let totalMs = 0;
  for (const r of rows) {
    // "Reached" is cumulative: a later step implies the earlier ones.
    if (r.confirmed || r.quantityChosen || r.showChosen) counts.show_chosen++;
    if (r.confirmed || r.quantityChosen) counts.quantity_chosen++;
    if (r.confirmed) {
      counts.confirmed++;
      bookedMessages += r.inboundMessages;
    } else if (r.abandoned) abandoned++;
    const end = Math.max(r.lastStepAt, r.lastInboundAt ?? r.startedAt);
    timed++;
    totalMs += Math.max(0, end - r.startedAt);
  }
  return { counts, abandoned, bookedMessages, timed, totalMs };
}

function slotStats(keys: number[], labels: (k: number) => string, pick: (s: ShowRow) => number, shows: ShowRow[]): SlotStats[] {
  const acc = new Map<number, { shows: number; tickets: number; capacity: number }>();
  for (const s of shows) {
    const k = pick(s);
    const a = acc.get(k) ?? { shows: 0, tickets: 0, capacity: 0 };
    a.shows++;
    a.tickets += s.sold;
    a.capacity += s.capacity;
    acc.set(k, a);
  }
  return keys.map((k) => {
    const a = acc.get(k) ?? { shows: 0, tickets: 0, capacity: 0 };
    return { key: k, label: labels(k), shows: a.shows, tickets: a.tickets, capacity: a.capacity, occupancy: ratio(a.tickets, a.capacity) };
  });
}

const hourLabel = (h: number): string => `${String(h).padStart(2, '0')}:00`;

/** Films by tickets sold (then revenue, then title), merging shows of the same title. */
function filmStats(shows: { title: string; sold: number; capacity: number; revenuePaise: number }[]): FilmStats[] {
  const acc = new Map<string, { title: string; shows: number; tickets: number; revenuePaise: number; capacity: number }>();
  for (const s of shows) {
    const key = s.title.trim().toLowerCase();
    const a = acc.get(key) ?? { title: s.title.trim(), shows: 0, tickets: 0, revenuePaise: 0, capacity: 0 };
    a.shows++;
    a.tickets += s.sold;
    a.revenuePaise += s.revenuePaise;
    a.capacity += s.capacity;
    acc.set(key, a);
  }
  return [...acc.values()]
    .map((a) => ({ title: a.title, shows: a.shows, tickets: a.tickets, revenuePaise: a.revenuePaise, occupancy: ratio(a.tickets, a.capacity) }))
    .sort((x, y) => y.tickets - x.tickets || y.revenuePaise - x.revenuePaise || x.title.localeCompare(y.title));
}

/** One cinema's numbers for a period, from what the repository read. Pure: the same input gives the same output. */
export function computeCinemaAnalytics(input: CinemaAnalyticsInput): CinemaAnalytics {
  const tz = localTime(input.cinema.timezone);
  const conv = conversationStats(input.conversations);

  const days = new Map(datesBetween(input.fromDate, input.toDate).map((d) => [d, { date: d, bookings: 0, tickets: 0, revenuePaise: 0 }]));
  for (const b of input.sales) {
    const day = days.get(tz.date(b.bucketStart));
    if (!day) continue;
    day.bookings += b.bookings;
    day.tickets += b.tickets;
    day.revenuePaise += b.revenuePaise;
  }
  const byDay = [...days.values()];

  const zones = new Map<string, ReturnType<typeof localTime>>();
  const zoneOf = (name: string) => {
    let z = zones.get(name);
    if (!z) zones.set(name, (z = localTime(name)));
    return z;
  };
  const shows: ShowStats[] = input.shows.map((s) => ({
    showId: s.showId,
    title: s.title,
    locationName: s.locationName,
    screenName: s.screenName,
    startsAt: s.startsAt,
    localStart: zoneOf(s.timezone).dateTime(s.startsAt),
    capacity: s.capacity,
    sold: s.sold,
    revenuePaise: s.revenuePaise,
    occupancy: ratio(s.sold, s.capacity),
  }));
  const capacity = input.shows.reduce((a, s) => a + s.capacity, 0);
  const sold = input.shows.reduce((a, s) => a + s.sold, 0);

  const weekdayOf = (s: ShowRow) => (zoneOf(s.timezone).wallClock(s.startsAt).getUTCDay() + 6) % 7;
  const hours = slotStats([...Array(24).keys()], hourLabel, (s) => zoneOf(s.timezone).hour(s.startsAt), input.shows).filter((h) => h.shows > 0);
  const weekdays = slotStats([0, 1, 2, 3, 4, 5, 6], (k) => WEEKDAY_LABELS[k]!, weekdayOf, input.shows);

  const m = input.messages;
  const sums: AnalyticsSums = {
    bookedConversations: conv.counts.confirmed,
    messagesInBookedConversations: conv.bookedMessages,
    timedConversations: conv.timed,
    conversationMs: conv.totalMs,
    capacity,
    sold,
  };
  return {
    cinema: input.cinema,
    fromDate: input.fromDate,
    toDate: input.toDate,
    uniqueCustomers: m.uniqueCustomers,
    conversations: conv.counts.started,
    funnel: funnelFrom(conv.counts),
    abandoned: conv.abandoned,
    conversionRate: ratio(conv.counts.confirmed, conv.counts.started),
    avgMessagesPerBooking: ratio(conv.bookedMessages, conv.counts.confirmed),
    avgConversationMs: ratio(conv.totalMs, conv.timed),
    errors: {
      outboundTotal: m.outboundTotal,
      outboundFailed: m.outboundFailed,
      outboundFailureRate: ratio(m.outboundFailed, m.outboundTotal),
      inboundTotal: m.inboundTotal,
      inboundFailed: m.inboundFailed,
      inboundFailureRate: ratio(m.inboundFailed, m.inboundTotal),
    },
    sales: {
      bookings: byDay.reduce((a, d) => a + d.bookings, 0),
      tickets: byDay.reduce((a, d) => a + d.tickets, 0),
      revenuePaise: byDay.reduce((a, d) => a + d.revenuePaise, 0),
      cancellations: input.cancellations,
    },
    byDay,
    occupancy: ratio(sold, capacity),
    shows,
    films: filmStats(input.shows),
    hours,
    weekdays,
    sums,
  };
}

/**
 * Every cinema together, for the operator. Days are matched by each cinema's local date, films by
 * title, times by local hour; rates are recomputed from the summed counts.
 */
export function combineAnalytics(fromDate: string, toDate: string, list: CinemaAnalytics[]): OperatorAnalytics {
  const add = (f: (a: CinemaAnalytics) => number) => list.reduce((t, a) => t + f(a), 0);
  const sums: AnalyticsSums = {
    bookedConversations: add((a) => a.sums.bookedConversations),
    messagesInBookedConversations: add((a) => a.sums.messagesInBookedConversations),
    timedConversations: add((a) => a.sums.timedConversations),
    conversationMs: add((a) => a.sums.conversationMs),
    capacity: add((a) => a.sums.capacity),
    sold: add((a) => a.sums.sold),
  };
  const stepCount = (i: number) => add((a) => a.funnel[i]!.count);
  const counts = { started: stepCount(0), show_chosen: stepCount(1), quantity_chosen: stepCount(2), confirmed: stepCount(3) };

  const days = new Map(datesBetween(fromDate, toDate).map((d) => [d, { date: d, bookings: 0, tickets: 0, revenuePaise: 0 }]));
  for (const a of list) {
    for (const d of a.byDay) {
      const t = days.get(d.date);
      if (!t) continue;
      t.bookings += d.bookings;
      t.tickets += d.tickets;
      t.revenuePaise += d.revenuePaise;
    }
  }

  const mergeSlots = (pick: (a: CinemaAnalytics) => SlotStats[], keepEmpty: boolean): SlotStats[] => {
    const acc = new Map<number, { label: string; shows: number; tickets: number; capacity: number }>();
    for (const a of list) {
      for (const s of pick(a)) {
        const t = acc.get(s.key) ?? { label: s.label, shows: 0, tickets: 0, capacity: 0 };
        t.shows += s.shows;
        t.tickets += s.tickets;
        t.capacity += s.capacity;
        acc.set(s.key, t);
      }
    }
    return [...acc.entries()]
      .sort((x, y) => x[0] - y[0])
      .map(([key, t]) => ({ key, label: t.label, shows: t.shows, tickets: t.tickets, capacity: t.capacity, occupancy: ratio(t.tickets, t.capacity) }))
      .filter((s) => keepEmpty || s.shows > 0);
  };

  const shows = list.flatMap((a) => a.shows).sort((x, y) => x.startsAt - y.startsAt);
  const errors = {
    outboundTotal: add((a) => a.errors.outboundTotal),
    outboundFailed: add((a) => a.errors.outboundFailed),
    inboundTotal: add((a) => a.errors.inboundTotal),
    inboundFailed: add((a) => a.errors.inboundFailed),
  };
  return {
    cinemas: list,
    fromDate,
    toDate,
    uniqueCustomers: add((a) => a.uniqueCustomers),
    conversations: counts.started,
    funnel: funnelFrom(counts),
    abandoned: add((a) => a.abandoned),
    conversionRate: ratio(counts.confirmed, counts.started),
    avgMessagesPerBooking: ratio(sums.messagesInBookedConversations, sums.bookedConversations),
    avgConversationMs: ratio(sums.conversationMs, sums.timedConversations),
    errors: {
      ...errors,
      outboundFailureRate: ratio(errors.outboundFailed, errors.outboundTotal),
      inboundFailureRate: ratio(errors.inboundFailed, errors.inboundTotal),
    },
    sales: {
      bookings: add((a) => a.sales.bookings),
      tickets: add((a) => a.sales.tickets),
      revenuePaise: add((a) => a.sales.revenuePaise),
      cancellations: add((a) => a.sales.cancellations),
    },
    byDay: [...days.values()],
    occupancy: ratio(sums.sold, sums.capacity),
    shows,
    films: filmStats(shows),
    hours: mergeSlots((a) => a.hours, false),
    weekdays: mergeSlots((a) => a.weekdays, true),
    sums,
  };
}
