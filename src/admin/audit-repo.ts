import type { DbOrTrx } from '../db/database.ts';

/** Records who did something sensitive (revealed a number, cancelled a booking, created a token). */
export async function audit(db: DbOrTrx, now: number, e: { cinemaId: string | null; userId: string; action: string; subject?: string | null }): Promise<void> {
  await db.insertInto('audit_log').values({ cinema_id: e.cinemaId, user_id: e.userId, action: e.action, subject: e.subject ?? null, at: now }).execute();
}

export interface AuditEntry {
  action: string;
  subject: string | null;
  at: number;
  email: string | null;
}

export async function listAudit(db: DbOrTrx, cinemaId: string, limit = 50): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('staff_users as u', 'u.id', 'a.user_id')
    .select(['a.action', 'a.subject', 'a.at', 'u.email'])
    .where('a.cinema_id', '=', cinemaId)
    .orderBy('a.at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ action: r.action, subject: r.subject, at: r.at, email: r.email }));
}
