import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../test/helpers/db.ts';
import {
  cancelBooking,
  confirmBooking,
  createEvent,
  expireHolds,
  getBookingByRef,
  getShowAvailability,
  holdBestAvailable,
  holdGeneralAdmission,
  holdSeats,
  isDomainError,
  updateShow,
  type CinemaErrorCode,
} from './index.ts';
import { addCustomers, layoutOf, scenario, seatIdsByCode, T0, type Scenario } from './testing/scenario.ts';

const MIN = 60_000;
let t: TestDb;
before(async () => {
  t = await createTestDb();
});
after(async () => {
  await t.close();
});

const rejects = (code: CinemaErrorCode) => (e: unknown) => {
  assert.ok(isDomainError(e), `expected DomainError ${code}, got ${String(e)}`);
  assert.equal(e.code, code, e.message);
  return true;
};

async function setup(o: Parameters<typeof scenario>[1] = {}): Promise<Scenario & { alice: string; bob: string; deps: { db: TestDb['db']; clock: Scenario['clock'] } }> {
  const s = await scenario(t.db, o);
  const [alice, bob] = await addCustomers(t.db, s.cinemaId, 2);
  return { ...s, alice: alice!, bob: bob!, deps: { db: t.db, clock: s.clock } };
}

const available = async (s: Scenario) =>
  (await getShowAvailability(s.db, { cinemaId: s.cinemaId, showId: s.show.id, now: s.clock.now() })).rows
    .flatMap((r) => r.cells)
    .filter((c) => c?.state === 'available')
    .map((c) => c!.code);

describe('holding chosen seats', () => {
  test('a hold takes the seats for holdMinutes at the show price, and nobody else can have them', async () => {
    const s = await setup();
    const b = await holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.alice, seatCodes: ['E10', 'e 11'], holdMinutes: 10 });
    assert.equal(b.status, 'held');
    assert.equal(b.arrangement, 'chosen');
    assert.deepEqual(
      b.seats.map((x) => [x.code, x.category, x.pricePaise]),
      [
        ['E10', 'Prime', 20000],
        ['E11', 'Prime', 20000],
      ],
    );
    assert.equal(b.totalPaise, 40000);
    assert.equal(b.holdExpiresAt, T0 + 10 * MIN);
    assert.match(b.ref, /^[2-9A-HJ-NP-Z]{6}$/);
    assert.ok(!(await available(s)).includes('E10'));
    await assert.rejects(
      holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.bob, seatCodes: ['E9', 'E10'], holdMinutes: 10 }),
      (e) => rejects('seat_unavailable')(e) && assert.deepEqual((e as { details: unknown }).details, { seats: ['E10'] }) === undefined,
    );
    // All or nothing: E9 was not held either.
    assert.ok((await available(s)).includes('E9'));
  });

  test('an expired hold never blocks: at its expiry instant the seats are free again', async () => {
    const s = await setup();
    const held = await holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.alice, seatCodes: ['A1'], holdMinutes: 10 });
    s.clock.set(held.holdExpiresAt - 1);
    await assert.rejects(holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.bob, seatCodes: ['A1'], holdMinutes: 10 }), rejects('seat_unavailable'));
    s.clock.set(held.holdExpiresAt);
    assert.ok((await available(s)).includes('A1'));
    const bobs = await holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.bob, seatCodes: ['A1'], holdMinutes: 10 });
    assert.equal(bobs.status, 'held');
    // Alice's hold lapsed and Bob has the seat: her confirmation fails, his succeeds.
    await assert.rejects(confirmBooking(s.deps, { cinemaId: s.cinemaId, bookingId: held.id }), rejects('hold_expired'));
    assert.equal((await confirmBooking(s.deps, { cinemaId: s.cinemaId, bookingId: bobs.id })).status, 'confirmed');
    const alices = await getBookingByRef(t.db, { cinemaId: s.cinemaId, ref: held.ref, now: s.clock.now() });
    assert.equal(alices?.status, 'expired');
  });

  test('confirming re-checks the hold: a lapsed hold fails even when nobody took the seats', async () => {
    const s = await setup();
    const held = await holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.alice, seatCodes: ['B5', 'B6'], holdMinutes: 5 });
    s.clock.advance(5 * MIN);
    await assert.rejects(confirmBooking(s.deps, { cinemaId: s.cinemaId, bookingId: held.id }), rejects('hold_expired'));
    s.clock.set(T0);
    const again = await holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.alice, seatCodes: ['B7'], holdMinutes: 5 });
    s.clock.advance(5 * MIN - 1);
    const confirmed = await confirmBooking(s.deps, { cinemaId: s.cinemaId, bookingId: again.id });
    assert.equal(confirmed.status, 'confirmed');
    // Retrying a confirmation is harmless.
    assert.equal((await confirmBooking(s.deps, { cinemaId: s.cinemaId, bookingId: again.id })).status, 'confirmed');
    // A sale never lapses, however far the clock moves.
    s.clock.advance(365 * 24 * 60 * MIN);
    await assert.rejects(holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.bob, seatCodes: ['B7'], holdMinutes: 5 }), rejects('show_not_bookable'));
    s.clock.set(T0 + 6 * MIN);
    await assert.rejects(holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.bob, seatCodes: ['B7'], holdMinutes: 5 }), rejects('seat_unavailable'));
  });

  test('seats are checked: unknown, blocked, wheelchair spaces on request, one customer only', async () => {
    const s = await setup({ layout: layoutOf([['Classic', 'WSSSSX']]) });
    await assert.rejects(holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.alice, seatCodes: ['Z9'], holdMinutes: 10 }), rejects('seat_not_found'));
    await assert.rejects(holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.alice, seatCodes: ['A6'], holdMinutes: 10 }), rejects('seat_unavailable'));
    await assert.rejects(holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.alice, seatCodes: ['A2', 'A2'], holdMinutes: 10 }), rejects('invalid_input'));
    const wheelchair = await holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.alice, seatCodes: ['A1'], holdMinutes: 10 });
    assert.deepEqual(
      wheelchair.seats.map((x) => x.code),
      ['A1'],
    );
    const ids = await seatIdsByCode(s);
    const byId = await holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.bob, seatIds: [ids.get('A3')!], holdMinutes: 10 });
    assert.deepEqual(
      byId.seats.map((x) => x.code),
      ['A3'],
    );
    await assert.rejects(confirmBooking(s.deps, { cinemaId: s.cinemaId, bookingId: byId.id, customerId: s.alice }), rejects('booking_not_found'));
  });

  test('the ticket limit is the cinema’s, and an event’s own limit applies on top', async () => {
    const s = await setup();
    const codes = ['C1', 'C2', 'C3', 'C4', 'C5'];
    await assert.rejects(
      holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.alice, seatCodes: codes, holdMinutes: 10, maxTickets: 4 }),
      (e) => rejects('too_many_tickets')(e) && (e as { details: { max: number } }).details.max === 4,
    );
    const event = await createEvent(s.deps, {
      cinemaId: s.cinemaId,
      keyword: '#PREMIERE',
      name: 'Premiere',
      texts: { en: { title: 'Premiere', description: 'Opening night', terms: '' } },
      maxTicketsPerBooking: 2,
      seating: 'assigned',
      showIds: [s.show.id],
    });
    await assert.rejects(holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.alice, seatCodes: ['C1'], holdMinutes: 10 }), rejects('event_required'));
    await assert.rejects(
      holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.alice, seatCodes: ['C1', 'C2', 'C3'], holdMinutes: 10, eventId: event.id }),
      rejects('too_many_tickets'),
    );
    const ok = await holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.alice, seatCodes: ['C1', 'C2'], holdMinutes: 10, eventId: event.id });
    assert.equal(ok.eventId, event.id);
  });

  test('a show is bookable only while scheduled and inside its booking window', async () => {
    const s = await setup();
    const hold = (customerId: string, code: string) => holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId, seatCodes: [code], holdMinutes: 10 });
    await updateShow(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, patch: { bookingOpensAt: T0 + 60 * MIN } });
    await assert.rejects(hold(s.alice, 'A1'), (e) => rejects('show_not_bookable')(e) && (e as { details: { reason: string } }).details.reason === 'not_open_yet');
    s.clock.set(T0 + 60 * MIN);
    const held = await hold(s.alice, 'A1');
    s.clock.set(s.show.startsAt);
    await assert.rejects(hold(s.bob, 'A2'), (e) => rejects('show_not_bookable')(e) && (e as { details: { reason: string } }).details.reason === 'closed');
    s.clock.set(T0 + 61 * MIN);
    await updateShow(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, patch: { status: 'cancelled' } });
    await assert.rejects(hold(s.bob, 'A2'), rejects('show_not_bookable'));
    // A hold on a show cancelled meanwhile cannot be turned into a sale.
    await assert.rejects(confirmBooking(s.deps, { cinemaId: s.cinemaId, bookingId: held.id }), rejects('show_not_bookable'));
  });
});

describe('cancelling', () => {
  test('releases the seats at once; a confirmed booking only until the cut-off unless staff lift it', async () => {
    const s = await setup();
    const held = await holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.alice, seatCodes: ['D4'], holdMinutes: 10 });
    const cancelled = await cancelBooking(s.deps, { cinemaId: s.cinemaId, bookingId: held.id, cutoffMinutes: 120 });
    assert.equal(cancelled.status, 'cancelled');
    assert.ok((await available(s)).includes('D4'));
    await assert.rejects(confirmBooking(s.deps, { cinemaId: s.cinemaId, bookingId: held.id }), rejects('booking_cancelled'));

    const sold = await confirmBooking(s.deps, {
      cinemaId: s.cinemaId,
      bookingId: (await holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.alice, seatCodes: ['D5'], holdMinutes: 10 })).id,
    });
    s.clock.set(s.show.startsAt - 120 * MIN + 1);
    await assert.rejects(
      cancelBooking(s.deps, { cinemaId: s.cinemaId, bookingId: sold.id, customerId: s.alice, cutoffMinutes: 120 }),
      (e) => rejects('cancel_too_late')(e) && (e as { details: { cutoffAt: number } }).details.cutoffAt === s.show.startsAt - 120 * MIN,
    );
    const byStaff = await cancelBooking(s.deps, { cinemaId: s.cinemaId, bookingId: sold.id, cutoffMinutes: null });
    assert.equal(byStaff.status, 'cancelled');
    assert.ok((await available(s)).includes('D5'));
    // Cancelling twice is harmless.
    assert.equal((await cancelBooking(s.deps, { cinemaId: s.cinemaId, bookingId: sold.id, cutoffMinutes: null })).status, 'cancelled');
  });

  test('a confirmed booking can be cancelled right up to the cut-off', async () => {
    const s = await setup();
    const b = await holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.alice, seatCodes: ['J8'], holdMinutes: 10 });
    await confirmBooking(s.deps, { cinemaId: s.cinemaId, bookingId: b.id });
    s.clock.set(s.show.startsAt - 120 * MIN);
    assert.equal((await cancelBooking(s.deps, { cinemaId: s.cinemaId, bookingId: b.id, customerId: s.alice, cutoffMinutes: 120 })).status, 'cancelled');
  });
});

describe('general admission', () => {
  test('tickets up to the capacity; expired holds and cancellations give tickets back', async () => {
    const s = await setup({ seating: 'general_admission', capacity: 5 });
    const ga = (customerId: string, quantity: number) => holdGeneralAdmission(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId, quantity, holdMinutes: 10 });
    const a = await ga(s.alice, 3);
    assert.equal(a.arrangement, 'general_admission');
    assert.equal(a.category, 'General');
    assert.equal(a.totalPaise, 60000);
    await assert.rejects(ga(s.bob, 3), (e) => rejects('not_enough_seats')(e) && (e as { details: { available: number } }).details.available === 2);
    const b = await ga(s.bob, 2);
    await assert.rejects(ga(s.bob, 1), rejects('show_sold_out'));
    await confirmBooking(s.deps, { cinemaId: s.cinemaId, bookingId: b.id });
    s.clock.advance(10 * MIN);
    // Alice's three lapsed: they are free again, without housekeeping having run.
    assert.equal((await getShowAvailability(t.db, { cinemaId: s.cinemaId, showId: s.show.id, now: s.clock.now() })).available, 3);
    const c = await ga(s.bob, 3);
    await assert.rejects(confirmBooking(s.deps, { cinemaId: s.cinemaId, bookingId: a.id }), rejects('hold_expired'));
    await cancelBooking(s.deps, { cinemaId: s.cinemaId, bookingId: c.id, cutoffMinutes: null });
    assert.equal((await getShowAvailability(t.db, { cinemaId: s.cinemaId, showId: s.show.id, now: s.clock.now() })).available, 3);
    const stock = await t.db.selectFrom('admission_stock').selectAll().where('show_id', '=', s.show.id).executeTakeFirstOrThrow();
    assert.deepEqual([stock.capacity, stock.taken], [5, 2]);
  });

  test('seats and general admission are not confused', async () => {
    const seated = await setup();
    await assert.rejects(
      holdGeneralAdmission(seated.deps, { cinemaId: seated.cinemaId, showId: seated.show.id, customerId: seated.alice, quantity: 1, holdMinutes: 10 }),
      rejects('show_not_bookable'),
    );
    const ga = await setup({ seating: 'general_admission', capacity: 5 });
    await assert.rejects(holdBestAvailable(ga.deps, { cinemaId: ga.cinemaId, showId: ga.show.id, customerId: ga.alice, quantity: 1, holdMinutes: 10 }), rejects('show_not_bookable'));
  });
});

describe('best available', () => {
  test('holds the best block and says how the seats sit', async () => {
    const s = await setup();
    const b = await holdBestAvailable(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.alice, quantity: 3, category: 'Prime', holdMinutes: 10 });
    assert.equal(b.arrangement, 'together');
    assert.deepEqual(
      b.seats.map((x) => x.code),
      ['G10', 'G11', 'G9'].sort((x, y) => x.localeCompare(y, 'en', { numeric: true })),
    );
    await assert.rejects(
      holdBestAvailable(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.alice, quantity: 2, category: 'Balcony', holdMinutes: 10 }),
      rejects('category_not_found'),
    );
  });
});

describe('housekeeping', () => {
  test('expireHolds marks lapsed holds expired and clears their claims; sales are untouched', async () => {
    const s = await setup({ seating: undefined });
    const lapsing = await holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.alice, seatCodes: ['A1', 'A2'], holdMinutes: 10 });
    const sold = await confirmBooking(s.deps, {
      cinemaId: s.cinemaId,
      bookingId: (await holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.bob, seatCodes: ['A3'], holdMinutes: 10 })).id,
    });
    s.clock.advance(10 * MIN);
    const { expired } = await expireHolds(s.deps, { cinemaId: s.cinemaId });
    assert.equal(expired, 1);
    const row = await t.db.selectFrom('bookings').select(['status', 'expired_at']).where('id', '=', lapsing.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'expired', expired_at: s.clock.now() });
    const claims = await t.db.selectFrom('seat_claims').select(['booking_id', 'sold']).where('show_id', '=', s.show.id).execute();
    assert.deepEqual(claims, [{ booking_id: sold.id, sold: 1 }]);
    assert.equal((await expireHolds(s.deps, { cinemaId: s.cinemaId })).expired, 0);
  });
});

describe('inside the caller’s transaction', () => {
  test('a refused hold leaves nothing behind and the caller can still commit', async () => {
    const s = await setup();
    const first = await holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.alice, seatCodes: ['F1'], holdMinutes: 10 });
    const before = await t.db.selectFrom('bookings').select((eb) => eb.fn.countAll<number>().as('n')).where('show_id', '=', s.show.id).executeTakeFirstOrThrow();
    const result = await t.db.transaction().execute(async (trx) => {
      const deps = { db: trx, clock: s.clock };
      const refused = await holdSeats(deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.bob, seatCodes: ['F2', 'F1'], holdMinutes: 10 }).catch((e) => e);
      assert.ok(isDomainError(refused, 'seat_unavailable'));
      // The transaction is still usable: the next command in the same turn succeeds.
      return holdSeats(deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.bob, seatCodes: ['F3'], holdMinutes: 10 });
    });
    const after = await t.db.selectFrom('bookings').select((eb) => eb.fn.countAll<number>().as('n')).where('show_id', '=', s.show.id).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n) + 1);
    assert.ok((await available(s)).includes('F2'));
    assert.ok(!(await available(s)).includes('F3'));
    assert.notEqual(result.id, first.id);
  });
});

describe('booking references', () => {
  test('a reference already in use is skipped and another drawn', async () => {
    const s = await setup();
    const refs = ['KKKKKK', 'KKKKKK', 'MMMMMM'];
    const deps = { ...s.deps, newRef: () => refs.shift()! };
    const a = await holdSeats(deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.alice, seatCodes: ['H1'], holdMinutes: 10 });
    const b = await holdSeats(deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.bob, seatCodes: ['H2'], holdMinutes: 10 });
    assert.deepEqual([a.ref, b.ref], ['KKKKKK', 'MMMMMM']);
    assert.equal((await getBookingByRef(t.db, { cinemaId: s.cinemaId, ref: 'mmm-mmm', now: s.clock.now() }))?.id, b.id);
  });
});

describe('tenant isolation', () => {
  test("another cinema cannot see, hold, confirm or cancel this cinema's shows and bookings", async () => {
    const s = await setup();
    const other = await setup();
    const b = await holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.alice, seatCodes: ['A1'], holdMinutes: 10 });
    await assert.rejects(holdSeats(other.deps, { cinemaId: other.cinemaId, showId: s.show.id, customerId: other.alice, seatCodes: ['A2'], holdMinutes: 10 }), rejects('show_not_found'));
    await assert.rejects(confirmBooking(other.deps, { cinemaId: other.cinemaId, bookingId: b.id }), rejects('booking_not_found'));
    await assert.rejects(cancelBooking(other.deps, { cinemaId: other.cinemaId, bookingId: b.id, cutoffMinutes: null }), rejects('booking_not_found'));
    assert.equal(await getBookingByRef(t.db, { cinemaId: other.cinemaId, ref: b.ref, now: T0 }), null);
  });
});

describe('the database itself forbids a double sale', () => {
  test('a second claim on a seat of a show violates the key, whatever the application does', async () => {
    const s = await setup();
    const held = await holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.alice, seatCodes: ['B2'], holdMinutes: 10 });
    await confirmBooking(s.deps, { cinemaId: s.cinemaId, bookingId: held.id });
    const other = await holdSeats(s.deps, { cinemaId: s.cinemaId, showId: s.show.id, customerId: s.bob, seatCodes: ['B3'], holdMinutes: 10 });
    const seatId = held.seats[0]!.seatId;
    await assert.rejects(
      t.db.insertInto('seat_claims').values({ cinema_id: s.cinemaId, show_id: s.show.id, seat_id: seatId, booking_id: other.id, sold: 1, expires_at: null }).execute(),
      /UNIQUE|unique|duplicate|PRIMARY/i,
    );
    await assert.rejects(
      t.db.insertInto('seat_claims').values({ cinema_id: s.cinemaId, show_id: s.show.id, seat_id: seatId, booking_id: other.id, sold: 0, expires_at: T0 + 1 }).execute(),
      /UNIQUE|unique|duplicate|PRIMARY/i,
    );
    // A sold claim cannot carry an expiry, nor a hold lack one.
    await assert.rejects(sql`UPDATE seat_claims SET expires_at = ${T0} WHERE seat_id = ${seatId} AND show_id = ${s.show.id}`.execute(t.db), /CHECK|check/);
    // Two bookings cannot share a reference.
    await assert.rejects(sql`UPDATE bookings SET ref = ${held.ref} WHERE id = ${other.id}`.execute(t.db), /UNIQUE|unique|duplicate/i);
  });

  test('general admission stock cannot exceed its capacity', async () => {
    const s = await setup({ seating: 'general_admission', capacity: 3 });
    await assert.rejects(sql`UPDATE admission_stock SET taken = 4 WHERE show_id = ${s.show.id}`.execute(t.db), /CHECK|check/);
    await assert.rejects(sql`UPDATE admission_stock SET taken = -1 WHERE show_id = ${s.show.id}`.execute(t.db), /CHECK|check/);
    await sql`UPDATE admission_stock SET taken = 3 WHERE show_id = ${s.show.id}`.execute(t.db);
  });
});
