import type { DbOrTrx } from '../db/database.ts';

/** The newest onboarding test message of a cinema and how its delivery went. */
export async function latestTestMessage(db: DbOrTrx, cinemaId: string): Promise<{ status: string; error: string | null; createdAt: number } | undefined> {
  const r = await db
    .selectFrom('outbound_messages')
    .select(['status', 'error', 'created_at'])
    .where('cinema_id', '=', cinemaId)
    .where('kind', '=', 'test')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? { status: r.status, error: r.error, createdAt: r.created_at } : undefined;
}
