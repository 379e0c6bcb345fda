import type { Kysely } from 'kysely';
import { withAutoId, type Dialect } from '../migrate.ts';

/** Analytics and exports: the booking funnel's events, the scheduled export files, and indexes for their queries. */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withAutoId(db.schema.createTable('funnel_events'), dialect)
    .addColumn('cinema_id', 'text', (c) => c.notNull().references('cinemas.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('conversation_key', 'text', (c) => c.notNull())
    .addColumn('is_test', 'integer', (c) => c.notNull().defaultTo(0))
    // A conversation reaches each step once: going back and choosing another show is not a second funnel entry.
    .addUniqueConstraint('funnel_events_once', ['conversation_key', 'step'])
    .execute();
  await db.schema.createIndex('funnel_events_cinema_at').on('funnel_events').columns(['cinema_id', 'at']).execute();
  // Finding the conversation a later step belongs to: the customer's latest start.
  await db.schema.createIndex('funnel_events_customer_step').on('funnel_events').columns(['customer_id', 'step', 'at']).execute();

  await withAutoId(db.schema.createTable('exports'), dialect)
    .addColumn('cinema_id', 'text', (c) => c.notNull().references('cinemas.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('period_from', 'bigint', (c) => c.notNull())
    .addColumn('period_to', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('size_bytes', 'bigint')
    .addColumn('row_count', 'integer')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('error', 'text')
    .addColumn('claimed_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('completed_at', 'bigint')
    // One daily export per cinema per local date, however many processes run the scheduler.
    .addUniqueConstraint('exports_once', ['cinema_id', 'kind', 'local_date'])
    .execute();

  // Analytics counts messages per cinema over a time range.
  await db.schema.createIndex('inbound_cinema_received').on('inbound_messages').columns(['cinema_id', 'received_at']).execute();
  // Exports page through a cinema's bookings, shows and customers in (time, id) order; sales are summed by confirmation time.
  await db.schema.createIndex('bookings_cinema_created').on('bookings').columns(['cinema_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('bookings_cinema_confirmed').on('bookings').columns(['cinema_id', 'confirmed_at']).execute();
  await db.schema.createIndex('shows_cinema_start').on('shows').columns(['cinema_id', 'starts_at', 'id']).execute();
  await db.schema.createIndex('customers_cinema_created').on('customers').columns(['cinema_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('outbound_cinema_created').on('outbound_messages').columns(['cinema_id', 'created_at']).execute();
}
