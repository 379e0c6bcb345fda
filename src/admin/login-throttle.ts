import type { DbOrTrx } from '../db/database.ts';

/**
 * Lock-out after repeated failures, kept in the database so every process behind the load
 * balancer sees the same count: per account (the e-mail typed, whether or not it exists, so the
 * lock reveals nothing) and per client address.
 */
export const LOCK_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export type LockState = { locked: false } | { locked: true; retryAfterMs: number; scope: 'account' | 'ip' };

async function failuresSince(db: DbOrTrx, column: 'email' | 'ip', value: string, since: number): Promise<number[]> {
  const lastOk = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.max('at').as('at'))
    .where(column, '=', value)
    .where('success', '=', 1)
    .executeTakeFirst();
  // A successful sign-in clears the account's count; an address's count is never cleared by success.
  const from = column === 'email' && lastOk?.at != null ? Math.max(since, Number(lastOk.at) + 1) : since;
  const rows = await db
    .selectFrom('login_attempts')
    .select('at')
    .where(column, '=', value)
    .where('success', '=', 0)
    .where('at', '>=', from)
    .orderBy('at', 'desc')
    .execute();
  return rows.map((r) => Number(r.at));
}

export async function lockState(db: DbOrTrx, now: number, email: string, ip: string): Promise<LockState> {
  const since = now - LOCK_WINDOW_MS;
  const byAccount = await failuresSince(db, 'email', email, since);
  if (byAccount.length >= MAX_FAILURES_PER_ACCOUNT) {
    return { locked: true, scope: 'account', retryAfterMs: byAccount[MAX_FAILURES_PER_ACCOUNT - 1]! + LOCK_WINDOW_MS - now };
  }
  const byIp = await failuresSince(db, 'ip', ip, since);
  if (byIp.length >= MAX_FAILURES_PER_IP) {
    return { locked: true, scope: 'ip', retryAfterMs: byIp[MAX_FAILURES_PER_IP - 1]! + LOCK_WINDOW_MS - now };
  }
  return { locked: false };
}

export async function recordAttempt(db: DbOrTrx, now: number, email: string, ip: string, success: boolean): Promise<void> {
  await db.insertInto('login_attempts').values({ email, ip, success: success ? 1 : 0, at: now }).execute();
}

/** Housekeeping: attempts older than the window no longer count. */
export async function purgeOldAttempts(db: DbOrTrx, now: number): Promise<void> {
  await db.deleteFrom('login_attempts').where('at', '<', now - 24 * 60 * 60 * 1000).execute();
}
