import type { Kysely } from 'kysely';
import { withAutoId, type Dialect } from '../migrate.ts';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('cinemas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('waba_id', 'text', (c) => c.notNull())
    .addColumn('phone_number_id', 'text', (c) => c.notNull().unique())
    .addColumn('display_phone_number', 'text', (c) => c.notNull())
    .addColumn('access_token_enc', 'text', (c) => c.notNull())
    .addColumn('app_secret_enc', 'text')
    .addColumn('token_status', 'text', (c) => c.notNull().defaultTo('valid'))
    .addColumn('token_error', 'text')
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('default_language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('settings_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cinema_id', 'text', (c) => c.notNull().references('cinemas.id'))
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('wa_id_enc', 'text')
    .addColumn('wa_id_hash', 'text')
    .addColumn('wa_id_last4', 'text')
    .addColumn('user_id', 'text')
    .addColumn('name', 'text')
    .addColumn('language', 'text')
    .addColumn('is_test', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_inbound_at', 'bigint')
    .addUniqueConstraint('customers_cinema_key', ['cinema_id', 'key_hash'])
    .execute();
  await db.schema.createIndex('customers_wa_id').on('customers').columns(['cinema_id', 'wa_id_hash']).execute();
  await db.schema.createIndex('customers_user_id').on('customers').columns(['cinema_id', 'user_id']).execute();

  await withAutoId(db.schema.createTable('inbound_messages'), dialect)
    .addColumn('cinema_id', 'text', (c) => c.notNull().references('cinemas.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('wamid', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed_at', 'bigint')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('inbound_pending').on('inbound_messages').columns(['status', 'customer_id', 'id']).execute();
  await db.schema.createIndex('inbound_customer').on('inbound_messages').columns(['customer_id', 'id']).execute();

  await withAutoId(db.schema.createTable('outbound_messages'), dialect)
    .addColumn('cinema_id', 'text', (c) => c.notNull().references('cinemas.id'))
    .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
    .addColumn('to_enc', 'text')
    .addColumn('inbound_id', 'bigint')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('wamid', 'text', (c) => c.unique())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('claimed_at', 'bigint')
    .addColumn('error_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outbound_due').on('outbound_messages').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('outbound_customer').on('outbound_messages').columns(['customer_id', 'id']).execute();

  await withAutoId(db.schema.createTable('message_statuses'), dialect)
    .addColumn('wamid', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('timestamp', 'bigint', (c) => c.notNull())
    .addColumn('error_code', 'integer')
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('message_statuses_once', ['wamid', 'status'])
    .execute();

  await withAutoId(db.schema.createTable('webhook_events'), dialect)
    .addColumn('cinema_id', 'text')
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('conversation_sessions')
    .addColumn('customer_id', 'text', (c) => c.primaryKey().references('customers.id'))
    .addColumn('cinema_id', 'text', (c) => c.notNull())
    .addColumn('state_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  // Dialogue timers (hold warnings, hold expiry): due timers become internal inbound events,
  // so they are processed in order with the customer's messages.
  await withAutoId(db.schema.createTable('timers'), dialect)
    .addColumn('cinema_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('fired_at', 'bigint')
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema.createIndex('timers_due').on('timers').columns(['fired_at', 'due_at']).execute();
}
