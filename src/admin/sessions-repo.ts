import crypto from 'node:crypto';
import type { DbOrTrx } from '../db/database.ts';

/** A signed-in browser: idle sessions end after this long, and every session after SESSION_MAX_MS. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
// Writing last_seen_at on every request would turn each page view into a write; once a minute is enough.
const TOUCH_EVERY_MS = 60 * 1000;

export function hashSecret(value: string): string {
  return crypto.createHash('sha256').update(value).digest('base64url');
}

/** Creates a session and returns the cookie value (only its hash is stored). */
export async function createSession(db: DbOrTrx, now: number, userId: string): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await db
    .insertInto('staff_sessions')
    .values({ id: hashSecret(token), user_id: userId, created_at: now, last_seen_at: now, expires_at: now + SESSION_IDLE_MS })
    .execute();
  return token;
}

export interface SessionUser {
  sessionId: string;
  userId: string;
  email: string;
  role: 'operator' | 'manager' | 'staff';
  cinemaId: string | null;
}

/** The user behind a session cookie, if the session is live and the user enabled; slides the idle expiry. */
export async function resolveSession(db: DbOrTrx, now: number, token: string): Promise<SessionUser | undefined> {
  const id = hashSecret(token);
  const r = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.created_at', 's.last_seen_at', 's.expires_at', 'u.id as user_id', 'u.email', 'u.role', 'u.cinema_id', 'u.disabled'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!r || r.disabled === 1 || r.expires_at <= now || r.created_at + SESSION_MAX_MS <= now) return undefined;
  if (now - r.last_seen_at >= TOUCH_EVERY_MS) {
    await db
      .updateTable('staff_sessions')
      .set({ last_seen_at: now, expires_at: Math.min(now + SESSION_IDLE_MS, r.created_at + SESSION_MAX_MS) })
      .where('id', '=', id)
      .execute();
  }
  return { sessionId: id, userId: r.user_id, email: r.email, role: r.role, cinemaId: r.cinema_id };
}

export async function deleteSession(db: DbOrTrx, token: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('id', '=', hashSecret(token)).execute();
}

/** Ends every session of a user (password change, account disabled). */
export async function deleteUserSessions(db: DbOrTrx, userId: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('user_id', '=', userId).execute();
}

/** Housekeeping: expired sessions are already refused by resolveSession. */
export async function purgeExpiredSessions(db: DbOrTrx, now: number): Promise<void> {
  await db.deleteFrom('staff_sessions').where('expires_at', '<=', now).execute();
}
