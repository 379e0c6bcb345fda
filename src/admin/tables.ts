import type { Generated } from 'kysely';

/** Row types of the dashboard's tables. Times are epoch ms, booleans 0/1, JSON as text. */
export interface StaffUsersTable {
  id: string;
  /** Lower-cased; the login name. */
  email: string;
  name: string | null;
  /** argon2id PHC string. */
  password_hash: string;
  role: 'operator' | 'manager' | 'staff';
  /** The one cinema a manager or staff member works for; null for operators. */
  cinema_id: string | null;
  disabled: number;
  created_at: number;
  updated_at: number;
}

export interface StaffSessionsTable {
  /** SHA-256 of the cookie value: a leaked table does not yield usable cookies. */
  id: string;
  user_id: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  /** The normalised e-mail typed in, whether or not such a user exists (no account enumeration). */
  email: string;
  ip: string;
  success: number;
  at: number;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  /** SHA-256 of the token; the token itself is shown once, at creation. */
  token_hash: string;
  /** The first characters, so staff can tell tokens apart. */
  prefix: string;
  /** null: every cinema (operators only). */
  cinema_id: string | null;
  created_by: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface BookingCheckinsTable {
  booking_id: string;
  cinema_id: string;
  checked_in_at: number;
  checked_in_by: string;
  /** Later scans of the same ticket, counted so staff see a ticket being passed around. */
  repeat_scans: number;
  last_repeat_at: number | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  cinema_id: string | null;
  user_id: string;
  /** A stable action name: reveal_phone, cancel_booking, api_token_created… */
  action: string;
  subject: string | null;
  at: number;
}

export interface MediaFilesTable {
  /** Unguessable: media is served without a session (WhatsApp fetches posters by URL). */
  id: string;
  cinema_id: string;
  kind: 'logo' | 'poster';
  mime_type: string;
  size: number;
  data_b64: string;
  created_at: number;
}

export interface AdminTables {
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  login_attempts: LoginAttemptsTable;
  api_tokens: ApiTokensTable;
  booking_checkins: BookingCheckinsTable;
  audit_log: AuditLogTable;
  media_files: MediaFilesTable;
}
