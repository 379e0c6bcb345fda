import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestDb, type TestDb } from '../../test/helpers/db.ts';
import { cancelBooking, confirmBooking, expireHolds, getShowAvailability, holdBestAvailable, holdGeneralAdmission, holdSeats, isDomainError } from './index.ts';
import { addCustomers, layoutOf, scenario, type Scenario } from './testing/scenario.ts';

/**
 * Any sequence of holds, confirmations, cancellations, housekeeping and clock jumps — some of them
 * at the same time — keeps the inventory sound: a seat is sold or validly held by at most one
 * booking, general admission never passes its capacity, and a sale never loses its seats.
 */

let t: TestDb;
before(async () => {
  t = await createTestDb();
});
after(async () => {
  await t.close();
});

const MIN = 60_000;
const CODES = ['A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3', 'B4'];
const CAPACITY = 5;

type Cmd =
  | { kind: 'hold'; who: number; codes: string[] }
  | { kind: 'best'; who: number; quantity: number }
  | { kind: 'ga'; who: number; quantity: number }
  | { kind: 'confirm'; pick: number }
  | { kind: 'cancel'; pick: number; staff: boolean }
  | { kind: 'expire' }
  | { kind: 'advance'; ms: number }
  | { kind: 'together'; cmds: Cmd[] };

const who = fc.integer({ min: 0, max: 3 });
const simple: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('hold' as const), who, codes: fc.uniqueArray(fc.constantFrom(...CODES), { minLength: 1, maxLength: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('best' as const), who, quantity: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('ga' as const), who, quantity: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('confirm' as const), pick: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.integer({ min: 0, max: 3 }), staff: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'expire' as const }) },
  // Jumps land exactly on, just before and just after the 10-minute expiry as well as anywhere.
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.oneof({ weight: 2, arbitrary: fc.constantFrom(10 * MIN, 10 * MIN - 1, 10 * MIN + 1, 5 * MIN) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 15 * MIN }) }) }) },
);
const command: fc.Arbitrary<Cmd> = fc.oneof({ weight: 5, arbitrary: simple }, { weight: 1, arbitrary: fc.record({ kind: fc.constant('together' as const), cmds: fc.array(simple, { minLength: 2, maxLength: 4 }) }) });

interface World {
  seated: Scenario;
  ga: Scenario;
  customers: string[];
  bookings: string[];
  /** Bookings we saw confirmed and did not cancel: they must stay confirmed with their seats. */
  sold: Set<string>;
}

const EXPECTED = new Set(['seat_unavailable', 'show_sold_out', 'not_enough_seats', 'seats_not_together', 'hold_expired', 'booking_cancelled', 'too_many_tickets']);

async function run(w: World, c: Cmd, alone = true): Promise<void> {
  const seat = { db: t.db, clock: w.seated.clock };
  const common = (s: Scenario, i: number) => ({ cinemaId: s.cinemaId, showId: s.show.id, customerId: w.customers[i]!, holdMinutes: 10 });
  // Mostly the latest bookings: that is where confirmations and cancellations meet expiry.
  const booking = (pick: number) => w.bookings[w.bookings.length - 1 - (pick % Math.max(1, w.bookings.length))];
  try {
    switch (c.kind) {
      case 'hold':
        w.bookings.push((await holdSeats(seat, { ...common(w.seated, c.who), seatCodes: c.codes })).id);
        return;
      case 'best':
        w.bookings.push((await holdBestAvailable(seat, { ...common(w.seated, c.who), quantity: c.quantity })).id);
        return;
      case 'ga':
        w.bookings.push((await holdGeneralAdmission(seat, { ...common(w.ga, c.who), quantity: c.quantity })).id);
        return;
      case 'confirm': {
        const id = booking(c.pick);
        if (!id) return;
        const before = await t.db.selectFrom('bookings').select(['status', 'hold_expires_at']).where('id', '=', id).executeTakeFirstOrThrow();
        const lapsed = before.status === 'held' && before.hold_expires_at <= w.seated.clock.now();
        const b = await confirmBooking(seat, { cinemaId: w.seated.cinemaId, bookingId: id }).catch((e) => {
          // Run alone, a lapsed hold must be refused as such; anything else is the catch below's business.
          if (alone && lapsed) assert.ok(isDomainError(e, 'hold_expired'), String(e));
          throw e;
        });
        assert.ok(!(alone && lapsed), `a lapsed hold was confirmed (${id})`);
        assert.equal(b.status, 'confirmed');
        w.sold.add(id);
        return;
      }
      case 'cancel': {
        const id = booking(c.pick);
        if (!id) return;
        const b = await cancelBooking(seat, { cinemaId: w.seated.cinemaId, bookingId: id, cutoffMinutes: c.staff ? null : 120 });
        if (b.status === 'cancelled') w.sold.delete(id);
        return;
      }
      case 'expire':
        await expireHolds(seat, { cinemaId: w.seated.cinemaId });
        return;
      case 'advance':
        w.seated.clock.advance(c.ms);
        return;
      case 'together':
        await Promise.all(c.cmds.map((x) => run(w, x, false)));
        return;
    }
  } catch (e) {
    if (!isDomainError(e) || !EXPECTED.has(e.code)) throw e;
  }
}

async function checkInvariants(w: World): Promise<void> {
  const now = w.seated.clock.now();
  const bookings = await t.db
    .selectFrom('bookings')
    .select(['id', 'show_id', 'status', 'hold_expires_at', 'quantity', 'seating'])
    .where('cinema_id', '=', w.seated.cinemaId)
    .execute();
  const live = bookings.filter((b) => b.status === 'confirmed' || (b.status === 'held' && b.hold_expires_at > now));
  const liveIds = new Set(live.map((b) => b.id));

  // Each seat at most once among bookings that are sold or validly held.
  const seats = await t.db.selectFrom('booking_seats').select(['booking_id', 'seat_id', 'seat_code']).where('cinema_id', '=', w.seated.cinemaId).execute();
  const owners = new Map<string, string[]>();
  for (const s of seats.filter((x) => liveIds.has(x.booking_id))) owners.set(s.seat_code, [...(owners.get(s.seat_code) ?? []), s.booking_id]);
  for (const [code, ids] of owners) assert.equal(ids.length, 1, `seat ${code} held or sold by ${ids.join(', ')}`);

  // Every live booking owns its claims: sold for a sale, the same expiry for a hold.
  const claims = await t.db.selectFrom('seat_claims').selectAll().where('show_id', '=', w.seated.show.id).execute();
  const claimBySeat = new Map(claims.map((c) => [c.seat_id, c]));
  for (const b of live.filter((x) => x.seating === 'assigned')) {
    for (const s of seats.filter((x) => x.booking_id === b.id)) {
      const claim = claimBySeat.get(s.seat_id);
      assert.ok(claim && claim.booking_id === b.id, `booking ${b.id} lost seat ${s.seat_code}`);
      assert.equal(claim.sold, b.status === 'confirmed' ? 1 : 0);
    }
  }

  // A sale stays a sale.
  for (const id of w.sold) assert.equal(bookings.find((b) => b.id === id)?.status, 'confirmed', `sold booking ${id} changed`);

  // Sold + validly held never exceeds what the hall holds, and availability agrees.
  const seatedTaken = live.filter((b) => b.show_id === w.seated.show.id).reduce((n, b) => n + b.quantity, 0);
  const seatedAvail = await getShowAvailability(t.db, { cinemaId: w.seated.cinemaId, showId: w.seated.show.id, now });
  assert.equal(seatedTaken + seatedAvail.available, CODES.length);
  const gaTaken = live.filter((b) => b.show_id === w.ga.show.id).reduce((n, b) => n + b.quantity, 0);
  assert.ok(gaTaken <= CAPACITY, `${gaTaken} general-admission tickets for ${CAPACITY}`);
  const gaAvail = await getShowAvailability(t.db, { cinemaId: w.ga.cinemaId, showId: w.ga.show.id, now });
  assert.equal(gaAvail.available, CAPACITY - gaTaken);
  // The stock counts every ticket not yet released: sales and holds, lapsed or not.
  const stock = await t.db.selectFrom('admission_stock').select('taken').where('show_id', '=', w.ga.show.id).executeTakeFirstOrThrow();
  const unreleased = bookings.filter((b) => b.show_id === w.ga.show.id && (b.status === 'held' || b.status === 'confirmed')).reduce((n, b) => n + b.quantity, 0);
  assert.equal(stock.taken, unreleased);
}

test('holds, sales, cancellations, expiry and clock jumps keep the inventory sound', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (cmds) => {
      const seated = await scenario(t.db, { layout: layoutOf([['Classic', 'SSSS'], ['Classic', 'SSSS']]) });
      const ga = await scenario(t.db, { cinemaId: seated.cinemaId, seating: 'general_admission', capacity: CAPACITY });
      // One clock for both shows.
      ga.clock = seated.clock;
      const w: World = { seated, ga, customers: await addCustomers(t.db, seated.cinemaId, 4), bookings: [], sold: new Set() };
      for (const c of cmds) {
        await run(w, c);
        await checkInvariants(w);
      }
    }),
    // PostgreSQL commits to disk on every step: fewer runs keep the suite quick there.
    { numRuns: t.dialect === 'postgres' ? 30 : 60 },
  );
});
