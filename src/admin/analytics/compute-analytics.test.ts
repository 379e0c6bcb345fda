import { test } from 'node:test';
import assert from 'node:assert/strict';
import { combineAnalytics, computeCinemaAnalytics, funnelFrom, type CinemaAnalyticsInput } from './compute-analytics.ts';
import type { ConversationRow, ShowRow } from './analytics-repository.ts';

const IST = 'Asia/Kolkata';
// 2026-11-10 00:00 IST
const DAY1 = Date.UTC(2026, 10, 9, 18, 30);
const H = 3_600_000;
const M = 60_000;

function conv(o: Partial<ConversationRow> & { startedAt: number }): ConversationRow {
  return {
    key: `k${o.startedAt}`,
    customerId: 'c1',
    lastStepAt: o.startedAt,
    showChosen: false,
    quantityChosen: false,
    confirmed: false,
    abandoned: false,
    inboundMessages: 0,
    lastInboundAt: null,
    ...o,
  };
}

function show(o: Partial<ShowRow> & { startsAt: number }): ShowRow {
  return {
    showId: `s${o.startsAt}`,
    movieId: 'm1',
    title: 'Leo',
    locationName: 'Main',
    timezone: IST,
    screenName: 'Screen 1',
    capacity: 100,
    sold: 0,
    revenuePaise: 0,
    ...o,
  };
}

function input(o: Partial<CinemaAnalyticsInput> = {}): CinemaAnalyticsInput {
  return {
    cinema: { id: 'cin_a', name: 'Alpha', timezone: IST },
    fromDate: '2026-11-10',
    toDate: '2026-11-12',
    messages: { inboundTotal: 0, inboundFailed: 0, outboundTotal: 0, outboundFailed: 0, uniqueCustomers: 0 },
    conversations: [],
    sales: [],
    cancellations: 0,
    shows: [],
    ...o,
  };
}

test('the funnel counts conversations reaching each step, with drop-off from the step before', () => {
  const a = computeCinemaAnalytics(
    input({
      conversations: [
        conv({ startedAt: DAY1 + H, showChosen: true, quantityChosen: true, confirmed: true, inboundMessages: 6, lastStepAt: DAY1 + H + 4 * M }),
        conv({ startedAt: DAY1 + 2 * H, showChosen: true, quantityChosen: true, confirmed: true, inboundMessages: 8, lastInboundAt: DAY1 + 2 * H + 6 * M }),
        conv({ startedAt: DAY1 + 3 * H, showChosen: true, quantityChosen: true, abandoned: true, lastStepAt: DAY1 + 3 * H + 2 * M }),
        conv({ startedAt: DAY1 + 4 * H, showChosen: true }),
        conv({ startedAt: DAY1 + 5 * H, abandoned: true }),
      ],
    }),
  );
  assert.equal(a.conversations, 5);
  assert.deepEqual(
    a.funnel.map((s) => [s.step, s.count, s.dropOff]),
    [
      ['started', 5, 0],
      ['show_chosen', 4, 1],
      ['quantity_chosen', 3, 1],
      ['confirmed', 2, 1],
    ],
  );
  assert.equal(a.funnel[1]!.dropOffRate, 1 / 5);
  assert.equal(a.funnel[3]!.dropOffRate, 1 / 3);
  assert.equal(a.funnel[3]!.ofStarted, 2 / 5);
  assert.equal(a.funnel[0]!.dropOffRate, null);
  assert.equal(a.conversionRate, 2 / 5);
  assert.equal(a.abandoned, 2);
  // (6 + 8) customer messages over two bookings.
  assert.equal(a.avgMessagesPerBooking, 7);
  // Durations: 4 min (last step), 6 min (last message), 2 min, 0, 0 → 12 min over 5 conversations.
  assert.equal(a.avgConversationMs, (12 * M) / 5);
});

test('a later step implies the earlier ones, so the funnel never widens', () => {
  const a = computeCinemaAnalytics(input({ conversations: [conv({ startedAt: DAY1, confirmed: true })] }));
  assert.deepEqual(a.funnel.map((s) => s.count), [1, 1, 1, 1]);
  assert.deepEqual(funnelFrom({ started: 2, show_chosen: 3, quantity_chosen: 1, confirmed: 1 }).map((s) => s.count), [2, 2, 1, 1]);
});

test('without any activity the rates are null rather than zero or NaN', () => {
  const a = computeCinemaAnalytics(input());
  assert.equal(a.conversionRate, null);
  assert.equal(a.avgMessagesPerBooking, null);
  assert.equal(a.avgConversationMs, null);
  assert.equal(a.errors.outboundFailureRate, null);
  assert.equal(a.occupancy, null);
  assert.deepEqual(a.funnel.map((s) => s.ofStarted), [null, null, null, null]);
  assert.deepEqual(a.byDay.map((d) => d.date), ['2026-11-10', '2026-11-11', '2026-11-12']);
});

test('error rates are failures over all messages in each direction', () => {
  const a = computeCinemaAnalytics(input({ messages: { inboundTotal: 40, inboundFailed: 2, outboundTotal: 50, outboundFailed: 5, uniqueCustomers: 7 } }));
  assert.equal(a.errors.outboundFailureRate, 0.1);
  assert.equal(a.errors.inboundFailureRate, 0.05);
  assert.equal(a.uniqueCustomers, 7);
});

test('sales are assigned to the local day they happened, in the cinema zone', () => {
  const a = computeCinemaAnalytics(
    input({
      sales: [
        // 23:45 IST on the 10th is 18:15 UTC: still the 10th locally.
        { bucketStart: DAY1 + 23 * H + 45 * M, bookings: 1, tickets: 2, revenuePaise: 40_000 },
        // 00:00 IST on the 11th.
        { bucketStart: DAY1 + 24 * H, bookings: 2, tickets: 5, revenuePaise: 100_000 },
        // Outside the range (the 13th): ignored.
        { bucketStart: DAY1 + 72 * H, bookings: 9, tickets: 9, revenuePaise: 9 },
      ],
      cancellations: 3,
    }),
  );
  assert.deepEqual(
    a.byDay.map((d) => [d.date, d.bookings, d.tickets, d.revenuePaise]),
    [
      ['2026-11-10', 1, 2, 40_000],
      ['2026-11-11', 2, 5, 100_000],
      ['2026-11-12', 0, 0, 0],
    ],
  );
  assert.deepEqual(a.sales, { bookings: 3, tickets: 7, revenuePaise: 140_000, cancellations: 3 });
});

test('occupancy per show, per film and per local hour and weekday', () => {
  const a = computeCinemaAnalytics(
    input({
      shows: [
        // 10:00 IST Tuesday 10 Nov
        show({ startsAt: DAY1 + 10 * H, title: 'Leo', sold: 50, revenuePaise: 1_000_000 }),
        show({ startsAt: DAY1 + 18 * H, title: 'Leo', sold: 90, capacity: 100, revenuePaise: 1_800_000 }),
        show({ startsAt: DAY1 + 24 * H + 18 * H, title: 'Jailer', movieId: 'm2', sold: 30, capacity: 60, revenuePaise: 600_000 }),
        show({ startsAt: DAY1 + 48 * H + 10 * H, title: 'Jailer', movieId: 'm2', sold: 0, capacity: 0 }),
      ],
    }),
  );
  assert.deepEqual(a.shows.map((s) => [s.localStart, s.occupancy]), [
    ['2026-11-10 10:00', 0.5],
    ['2026-11-10 18:00', 0.9],
    ['2026-11-11 18:00', 0.5],
    ['2026-11-12 10:00', null],
  ]);
  assert.equal(a.occupancy, 170 / 260);
  assert.deepEqual(a.films.map((f) => [f.title, f.shows, f.tickets, f.occupancy]), [
    ['Leo', 2, 140, 0.7],
    ['Jailer', 2, 30, 0.5],
  ]);
  assert.deepEqual(a.hours.map((h) => [h.label, h.shows, h.tickets, h.occupancy]), [
    ['10:00', 2, 50, 0.5],
    ['18:00', 2, 120, 120 / 160],
  ]);
  assert.deepEqual(a.weekdays.map((w) => [w.label, w.shows]), [
    ['Mon', 0],
    ['Tue', 2],
    ['Wed', 1],
    ['Thu', 1],
    ['Fri', 0],
    ['Sat', 0],
    ['Sun', 0],
  ]);
});

test('the operator view sums cinemas and recomputes rates from the sums', () => {
  const a = computeCinemaAnalytics(
    input({
      conversations: [conv({ startedAt: DAY1, confirmed: true, inboundMessages: 4 }), conv({ startedAt: DAY1 + H })],
      messages: { inboundTotal: 10, inboundFailed: 1, outboundTotal: 10, outboundFailed: 0, uniqueCustomers: 2 },
      sales: [{ bucketStart: DAY1 + H, bookings: 1, tickets: 2, revenuePaise: 50_000 }],
      shows: [show({ startsAt: DAY1 + 10 * H, title: 'Leo', sold: 2, capacity: 10 })],
    }),
  );
  const b = computeCinemaAnalytics(
    input({
      cinema: { id: 'cin_b', name: 'Beta', timezone: 'Europe/London' },
      conversations: [
        conv({ startedAt: DAY1, confirmed: true, inboundMessages: 10 }),
        conv({ startedAt: DAY1 + H, confirmed: true, inboundMessages: 10 }),
        conv({ startedAt: DAY1 + 2 * H, showChosen: true, abandoned: true }),
      ],
      messages: { inboundTotal: 30, inboundFailed: 0, outboundTotal: 30, outboundFailed: 3, uniqueCustomers: 3 },
      // 12:00 UTC on the 11th: the 11th in London.
      sales: [{ bucketStart: Date.UTC(2026, 10, 11, 12), bookings: 2, tickets: 3, revenuePaise: 70_000 }],
      shows: [show({ startsAt: DAY1 + 10 * H, title: ' leo ', sold: 0, capacity: 10, timezone: 'Europe/London' })],
    }),
  );
  const all = combineAnalytics('2026-11-10', '2026-11-12', [a, b]);
  assert.equal(all.cinemas.length, 2);
  assert.equal(all.conversations, 5);
  assert.deepEqual(all.funnel.map((s) => s.count), [5, 4, 3, 3]);
  assert.equal(all.conversionRate, 3 / 5);
  assert.equal(all.avgMessagesPerBooking, 24 / 3);
  assert.equal(all.abandoned, 1);
  assert.equal(all.uniqueCustomers, 5);
  assert.equal(all.errors.outboundFailureRate, 3 / 40);
  assert.equal(all.errors.inboundFailureRate, 1 / 40);
  assert.deepEqual(all.byDay.map((d) => [d.date, d.tickets]), [
    ['2026-11-10', 2],
    ['2026-11-11', 3],
    ['2026-11-12', 0],
  ]);
  assert.deepEqual(all.sales, { bookings: 3, tickets: 5, revenuePaise: 120_000, cancellations: 0 });
  // The same title at two cinemas is one film for the operator.
  assert.deepEqual(all.films.map((f) => [f.title, f.shows, f.tickets, f.occupancy]), [['Leo', 2, 2, 0.1]]);
  assert.equal(all.occupancy, 0.1);
});
