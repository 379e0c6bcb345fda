import type { Db } from '../../db/database.ts';

/**
 * A scenario builder for analytics and export tests: a cinema with one location and screen, and
 * helpers that insert films, shows, customers, bookings and messages as plain rows, so a test
 * reads like the story it checks.
 */
export interface CinemaFixture {
  cinemaId: string;
  locationId: string;
  screenId: string;
  movie(title: string): Promise<string>;
  /** A show on the screen (`seats` sellable seats), or general admission with `capacity`. */
  show(o: { movieId: string; startsAt: number; capacity?: number }): Promise<string>;
  customer(o?: { isTest?: boolean; last4?: string; name?: string; createdAt?: number }): Promise<string>;
  booking(o: {
    showId: string;
    customerId: string;
    quantity: number;
    totalPaise: number;
    status?: 'held' | 'confirmed' | 'cancelled' | 'expired';
    createdAt: number;
    confirmedAt?: number | null;
    cancelledAt?: number | null;
    isTest?: boolean;
    seats?: string[];
  }): Promise<string>;
  inbound(o: { customerId: string; at: number; status?: 'done' | 'failed' }): Promise<void>;
  outbound(o: { customerId: string | null; at: number; status?: 'sent' | 'failed' | 'delivered' }): Promise<void>;
}

let seq = 0;
// Zero-padded so ids sort in creation order: rows made in the same millisecond come out as written.
const next = (prefix: string): string => `${prefix}_${process.pid}_${String(++seq).padStart(6, '0')}`;

export async function seedCinema(
  db: Db,
  o: { id?: string; name?: string; timezone?: string; seats?: number; settingsJson?: string; now?: number } = {},
): Promise<CinemaFixture> {
  const now = o.now ?? Date.UTC(2026, 0, 1);
  const cinemaId = o.id ?? next('cin');
  const timezone = o.timezone ?? 'Asia/Kolkata';
  await db
    .insertInto('cinemas')
    .values({
      id: cinemaId,
      name: o.name ?? 'Fixture Cinemas',
      waba_id: `waba-${cinemaId}`,
      phone_number_id: `pn-${cinemaId}`,
      display_phone_number: '+91 90000 00000',
      access_token_enc: 'sealed',
      app_secret_enc: null,
      token_status: 'valid',
      token_error: null,
      timezone,
      default_language: 'en',
      settings_json: o.settingsJson ?? '{}',
      is_demo: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const locationId = next('loc');
  await db
    .insertInto('locations')
    .values({
      id: locationId,
      cinema_id: cinemaId,
      code: locationId,
      name: 'Main Street',
      city: 'Madurai',
      address: '1 Main Street',
      latitude: null,
      longitude: null,
      timezone,
      opening_hours_json: '{}',
      phone: null,
      email: null,
      is_active: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const screenId = next('scr');
  await db.insertInto('screens').values({ id: screenId, cinema_id: cinemaId, location_id: locationId, name: 'Screen 1', is_active: 1, created_at: now, updated_at: now }).execute();
  const seatCount = o.seats ?? 10;
  const seatIds: string[] = [];
  for (let i = 1; i <= seatCount; i++) {
    const id = `${screenId}_A${i}`;
    seatIds.push(id);
    await db
      .insertInto('seats')
      .values({ id, cinema_id: cinemaId, screen_id: screenId, row_label: 'A', row_index: 0, col: i, number: i, category: 'Classic', wheelchair: 0, blocked: 0, removed: 0 })
      .execute();
  }
  // A blocked seat is never sellable, so it must not count towards capacity.
  await db
    .insertInto('seats')
    .values({ id: `${screenId}_B1`, cinema_id: cinemaId, screen_id: screenId, row_label: 'B', row_index: 1, col: 1, number: 1, category: 'Classic', wheelchair: 0, blocked: 1, removed: 0 })
    .execute();

  return {
    cinemaId,
    locationId,
    screenId,
    async movie(title) {
      const id = next('mov');
      await db
        .insertInto('movies')
        .values({
          id,
          cinema_id: cinemaId,
          code: id,
          title,
          synopsis: '',
          duration_minutes: 120,
          certificate: 'UA',
          languages_json: '["Tamil"]',
          genres_json: '[]',
          poster_url: null,
          trailer_url: null,
          release_date: null,
          is_active: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      return id;
    },
    async show({ movieId, startsAt, capacity }) {
      const id = next('shw');
      const ga = capacity !== undefined;
      await db
        .insertInto('shows')
        .values({
          id,
          cinema_id: cinemaId,
          movie_id: movieId,
          screen_id: screenId,
          location_id: locationId,
          starts_at: startsAt,
          ends_at: startsAt + 2 * 3_600_000,
          language: 'Tamil',
          format: '2D',
          seating: ga ? 'general_admission' : 'assigned',
          capacity: ga ? capacity : null,
          event_id: null,
          booking_opens_at: null,
          booking_closes_at: null,
          status: 'scheduled',
          created_at: now,
          updated_at: now,
        })
        .execute();
      return id;
    },
    async customer(c = {}) {
      const id = next('cus');
      await db
        .insertInto('customers')
        .values({
          id,
          cinema_id: cinemaId,
          key_hash: id,
          wa_id_enc: null,
          wa_id_hash: null,
          wa_id_last4: c.last4 ?? '3210',
          user_id: null,
          name: c.name ?? null,
          language: 'en',
          is_test: c.isTest ? 1 : 0,
          created_at: c.createdAt ?? now,
          last_inbound_at: null,
        })
        .execute();
      return id;
    },
    async booking(b) {
      const id = next('bkg');
      const status = b.status ?? 'confirmed';
      await db
        .insertInto('bookings')
        .values({
          id,
          cinema_id: cinemaId,
          ref: id.slice(-10).toUpperCase(),
          show_id: b.showId,
          customer_id: b.customerId,
          event_id: null,
          status,
          seating: b.seats ? 'assigned' : 'general_admission',
          arrangement: b.seats ? 'together' : 'general_admission',
          quantity: b.quantity,
          category: b.seats ? null : 'Classic',
          total_paise: b.totalPaise,
          hold_expires_at: b.createdAt + 600_000,
          is_test: b.isTest ? 1 : 0,
          created_at: b.createdAt,
          updated_at: b.createdAt,
          confirmed_at: b.confirmedAt !== undefined ? b.confirmedAt : status === 'confirmed' || status === 'cancelled' ? b.createdAt : null,
          cancelled_at: b.cancelledAt ?? null,
          expired_at: null,
        })
        .execute();
      for (const code of b.seats ?? []) {
        await db
          .insertInto('booking_seats')
          .values({ cinema_id: cinemaId, booking_id: id, seat_id: `${screenId}_${code}`, seat_code: code, category: 'Classic', price_paise: Math.round(b.totalPaise / b.seats!.length) })
          .execute();
      }
      return id;
    },
    async inbound({ customerId, at, status = 'done' }) {
      await db
        .insertInto('inbound_messages')
        .values({
          cinema_id: cinemaId,
          customer_id: customerId,
          wamid: next('wamid.in'),
          type: 'text',
          payload_json: '{}',
          sent_at: at,
          received_at: at,
          status,
          attempts: 1,
          processed_at: at,
          error: status === 'failed' ? 'boom' : null,
        })
        .execute();
    },
    async outbound({ customerId, at, status = 'sent' }) {
      await db
        .insertInto('outbound_messages')
        .values({
          cinema_id: cinemaId,
          customer_id: customerId,
          to_enc: customerId ? null : 'sealed',
          inbound_id: null,
          kind: 'reply',
          payload_json: '{}',
          status,
          wamid: null,
          attempts: 1,
          next_attempt_at: at,
          claimed_at: null,
          error_code: status === 'failed' ? 131026 : null,
          error: status === 'failed' ? 'undeliverable' : null,
          dedupe_key: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
    },
  };
}
