import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../migrate.ts';

/**
 * The cinema domain: catalogue (locations, screens and their seats, movies, special events, shows
 * and their prices) and inventory (bookings, the seats they hold, live seat claims, general
 * admission stock). Every table carries cinema_id; every query filters by it.
 *
 * Overselling is made impossible by the database itself:
 * - seat_claims has one row per (show, seat) at most (primary key); a claim is either sold or a hold
 *   with an expiry, and holds are only taken over once expired, by a conditional upsert;
 * - admission_stock keeps `taken <= capacity` as a CHECK, so a general-admission show cannot sell
 *   more tickets than its capacity whatever the application does.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const float = dialect === 'postgres' ? 'double precision' : 'real';

  await db.schema
    .createTable('locations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cinema_id', 'text', (c) => c.notNull().references('cinemas.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('latitude', float)
    .addColumn('longitude', float)
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('opening_hours_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('locations_cinema_code', ['cinema_id', 'code'])
    .execute();

  await db.schema
    .createTable('screens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cinema_id', 'text', (c) => c.notNull().references('cinemas.id'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('screens_location_name', ['location_id', 'name'])
    .execute();
  await db.schema.createIndex('screens_cinema').on('screens').columns(['cinema_id', 'location_id']).execute();

  // The layout lives here, one row per seat: gaps and aisles are the grid columns without a seat.
  // Seats leaving a layout are marked removed, never deleted, because bookings refer to them.
  await db.schema
    .createTable('seats')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cinema_id', 'text', (c) => c.notNull().references('cinemas.id'))
    .addColumn('screen_id', 'text', (c) => c.notNull().references('screens.id'))
    .addColumn('row_label', 'text', (c) => c.notNull())
    .addColumn('row_index', 'integer', (c) => c.notNull())
    .addColumn('col', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('wheelchair', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('blocked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('removed', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('seats_screen_code', ['screen_id', 'row_label', 'number'])
    .execute();

  await db.schema
    .createTable('movies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cinema_id', 'text', (c) => c.notNull().references('cinemas.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('synopsis', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('duration_minutes', 'integer', (c) => c.notNull().check(sql`duration_minutes > 0`))
    .addColumn('certificate', 'text', (c) => c.notNull())
    .addColumn('languages_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('genres_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('poster_url', 'text')
    .addColumn('trailer_url', 'text')
    .addColumn('release_date', 'text')
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('movies_cinema_code', ['cinema_id', 'code'])
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cinema_id', 'text', (c) => c.notNull().references('cinemas.id'))
    .addColumn('keyword', 'text', (c) => c.notNull())
    // Upper case without the leading '#': what look-ups compare against.
    .addColumn('keyword_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('movie_id', 'text', (c) => c.references('movies.id'))
    .addColumn('texts_json', 'text', (c) => c.notNull())
    .addColumn('max_tickets', 'integer', (c) => c.notNull().check(sql`max_tickets > 0`))
    .addColumn('seating', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('location_ids_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('events_cinema_keyword', ['cinema_id', 'keyword_key'])
    .execute();

  await db.schema
    .createTable('shows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cinema_id', 'text', (c) => c.notNull().references('cinemas.id'))
    .addColumn('movie_id', 'text', (c) => c.notNull().references('movies.id'))
    .addColumn('screen_id', 'text', (c) => c.notNull().references('screens.id'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('seating', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('event_id', 'text', (c) => c.references('events.id'))
    .addColumn('booking_opens_at', 'bigint')
    .addColumn('booking_closes_at', 'bigint')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('shows_screen_start', ['screen_id', 'starts_at'])
    .execute();
  await db.schema.createIndex('shows_location_start').on('shows').columns(['cinema_id', 'location_id', 'starts_at']).execute();
  await db.schema.createIndex('shows_movie_start').on('shows').columns(['cinema_id', 'movie_id', 'starts_at']).execute();
  await db.schema.createIndex('shows_event').on('shows').columns(['event_id']).execute();

  await db.schema
    .createTable('show_prices')
    .addColumn('cinema_id', 'text', (c) => c.notNull().references('cinemas.id'))
    .addColumn('show_id', 'text', (c) => c.notNull().references('shows.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('price_paise', 'integer', (c) => c.notNull().check(sql`price_paise >= 0`))
    .addPrimaryKeyConstraint('show_prices_pk', ['show_id', 'category'])
    .execute();

  // Status is deliberately not a CHECK list: payment states will be added without rebuilding the table.
  await db.schema
    .createTable('bookings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cinema_id', 'text', (c) => c.notNull().references('cinemas.id'))
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('show_id', 'text', (c) => c.notNull().references('shows.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('event_id', 'text', (c) => c.references('events.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('seating', 'text', (c) => c.notNull())
    .addColumn('arrangement', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('category', 'text')
    .addColumn('total_paise', 'integer', (c) => c.notNull())
    .addColumn('hold_expires_at', 'bigint', (c) => c.notNull())
    .addColumn('is_test', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('confirmed_at', 'bigint')
    .addColumn('cancelled_at', 'bigint')
    .addColumn('expired_at', 'bigint')
    .execute();
  await db.schema.createIndex('bookings_customer').on('bookings').columns(['cinema_id', 'customer_id', 'created_at']).execute();
  await db.schema.createIndex('bookings_show_status').on('bookings').columns(['show_id', 'status']).execute();
  await db.schema.createIndex('bookings_hold_expiry').on('bookings').columns(['status', 'hold_expires_at']).execute();

  // What a booking bought (kept after cancellation); the live inventory is seat_claims.
  await db.schema
    .createTable('booking_seats')
    .addColumn('cinema_id', 'text', (c) => c.notNull().references('cinemas.id'))
    .addColumn('booking_id', 'text', (c) => c.notNull().references('bookings.id'))
    .addColumn('seat_id', 'text', (c) => c.notNull().references('seats.id'))
    .addColumn('seat_code', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('price_paise', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('booking_seats_pk', ['booking_id', 'seat_id'])
    .execute();

  await db.schema
    .createTable('seat_claims')
    .addColumn('cinema_id', 'text', (c) => c.notNull().references('cinemas.id'))
    .addColumn('show_id', 'text', (c) => c.notNull().references('shows.id'))
    .addColumn('seat_id', 'text', (c) => c.notNull().references('seats.id'))
    .addColumn('booking_id', 'text', (c) => c.notNull().references('bookings.id'))
    .addColumn('sold', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'bigint')
    .addPrimaryKeyConstraint('seat_claims_one_per_seat', ['show_id', 'seat_id'])
    .addCheckConstraint('seat_claims_sold_or_expiring', sql`(sold = 1 AND expires_at IS NULL) OR (sold = 0 AND expires_at IS NOT NULL)`)
    .execute();
  await db.schema.createIndex('seat_claims_booking').on('seat_claims').columns(['booking_id']).execute();

  await db.schema
    .createTable('admission_stock')
    .addColumn('show_id', 'text', (c) => c.primaryKey().references('shows.id'))
    .addColumn('cinema_id', 'text', (c) => c.notNull().references('cinemas.id'))
    .addColumn('capacity', 'integer', (c) => c.notNull())
    // Tickets in confirmed bookings plus holds not yet released.
    .addColumn('taken', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('admission_stock_within_capacity', sql`taken >= 0 AND taken <= capacity`)
    .execute();
}
