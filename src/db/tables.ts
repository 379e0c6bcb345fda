import type { Generated } from 'kysely';
import type { CinemaTables } from '../cinema/tables.ts';
import type { AdminTables } from '../admin/tables.ts';

/**
 * Row types of the core tables (tenants, messages, sessions). Times are epoch milliseconds,
 * JSON is stored as text, booleans as 0/1 — the same on SQLite and PostgreSQL.
 */
export interface CinemasTable {
  id: string;
  name: string;
  waba_id: string;
  phone_number_id: string;
  display_phone_number: string;
  /** AES-256-GCM ciphertext (see tenants/secrets.ts). */
  access_token_enc: string;
  app_secret_enc: string | null;
  token_status: 'valid' | 'invalid';
  token_error: string | null;
  timezone: string;
  default_language: string;
  /** JSON of CinemaSettings (tenants/settings.ts). */
  settings_json: string;
  is_demo: number;
  created_at: number;
  updated_at: number;
}

export interface CustomersTable {
  id: string;
  cinema_id: string;
  /** Keyed hash of (user_id ?? wa_id): the look-up key, never the number itself. */
  key_hash: string;
  wa_id_enc: string | null;
  wa_id_hash: string | null;
  /** Last four digits, for masked display. */
  wa_id_last4: string | null;
  user_id: string | null;
  name: string | null;
  language: string | null;
  is_test: number;
  created_at: number;
  last_inbound_at: number | null;
}

export interface InboundMessagesTable {
  id: Generated<number>;
  cinema_id: string;
  customer_id: string;
  wamid: string;
  type: string;
  /** The message object without the sender's phone number. */
  payload_json: string;
  /** Meta's timestamp (ms). */
  sent_at: number;
  received_at: number;
  status: 'pending' | 'done' | 'stale' | 'flood' | 'ignored' | 'failed';
  attempts: number;
  processed_at: number | null;
  error: string | null;
}

export interface OutboundMessagesTable {
  id: Generated<number>;
  cinema_id: string;
  customer_id: string | null;
  /** Encrypted recipient when it is not a customer (staff notifications). */
  to_enc: string | null;
  inbound_id: number | null;
  kind: string;
  /** The Graph API message body without `to`/`recipient` (added at send time). */
  payload_json: string;
  status: 'queued' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed' | 'unknown';
  wamid: string | null;
  attempts: number;
  next_attempt_at: number;
  claimed_at: number | null;
  error_code: number | null;
  error: string | null;
  dedupe_key: string | null;
  created_at: number;
  updated_at: number;
}

export interface MessageStatusesTable {
  id: Generated<number>;
  wamid: string;
  status: string;
  timestamp: number;
  error_code: number | null;
  received_at: number;
}

export interface WebhookEventsTable {
  id: Generated<number>;
  cinema_id: string | null;
  field: string;
  payload_json: string;
  received_at: number;
}

export interface ConversationSessionsTable {
  customer_id: string;
  cinema_id: string;
  state_json: string;
  version: number;
  updated_at: number;
}

export interface TimersTable {
  id: Generated<number>;
  cinema_id: string;
  customer_id: string;
  name: string;
  payload_json: string;
  due_at: number;
  fired_at: number | null;
  dedupe_key: string;
}

export interface CoreTables {
  timers: TimersTable;
  cinemas: CinemasTable;
  customers: CustomersTable;
  inbound_messages: InboundMessagesTable;
  outbound_messages: OutboundMessagesTable;
  message_statuses: MessageStatusesTable;
  webhook_events: WebhookEventsTable;
  conversation_sessions: ConversationSessionsTable;
}

export interface Database extends CoreTables, CinemaTables, AdminTables {}
