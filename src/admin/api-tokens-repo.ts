import crypto from 'node:crypto';
import type { DbOrTrx } from '../db/database.ts';
import { hashSecret } from './sessions-repo.ts';

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  cinemaId: string | null;
  createdBy: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

const TOKEN_PREFIX = 'mq_';

/** Creates a token and returns it in clear, once; only its hash is kept. */
export async function createApiToken(
  db: DbOrTrx,
  now: number,
  t: { name: string; cinemaId: string | null; createdBy: string },
): Promise<{ token: string; apiToken: ApiToken }> {
  const token = TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
  const id = `tok_${crypto.randomBytes(8).toString('hex')}`;
  const row = {
    id,
    name: t.name,
    token_hash: hashSecret(token),
    prefix: token.slice(0, 10),
    cinema_id: t.cinemaId,
    created_by: t.createdBy,
    created_at: now,
    last_used_at: null,
    revoked_at: null,
  };
  await db.insertInto('api_tokens').values(row).execute();
  return { token, apiToken: { id, name: t.name, prefix: row.prefix, cinemaId: t.cinemaId, createdBy: t.createdBy, createdAt: now, lastUsedAt: null, revokedAt: null } };
}

/** The token behind a bearer value, if live. Marks it used (at most once a minute). */
export async function resolveApiToken(db: DbOrTrx, now: number, token: string): Promise<ApiToken | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const r = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hashSecret(token)).executeTakeFirst();
  if (!r || r.revoked_at !== null) return undefined;
  if (r.last_used_at === null || now - r.last_used_at > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', r.id).execute();
  }
  return { id: r.id, name: r.name, prefix: r.prefix, cinemaId: r.cinema_id, createdBy: r.created_by, createdAt: r.created_at, lastUsedAt: now, revokedAt: null };
}

/** Tokens of one cinema, or every token (cinemaId undefined, for operators). */
export async function listApiTokens(db: DbOrTrx, cinemaId?: string): Promise<(ApiToken & { createdByEmail: string | null })[]> {
  let q = db
    .selectFrom('api_tokens as t')
    .leftJoin('staff_users as u', 'u.id', 't.created_by')
    .select(['t.id', 't.name', 't.prefix', 't.cinema_id', 't.created_by', 't.created_at', 't.last_used_at', 't.revoked_at', 'u.email'])
    .orderBy('t.created_at', 'desc');
  if (cinemaId !== undefined) q = q.where('t.cinema_id', '=', cinemaId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    cinemaId: r.cinema_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
    createdByEmail: r.email,
  }));
}

/** Revokes a token; scoped by cinema unless the caller is an operator (cinemaId undefined). */
export async function revokeApiToken(db: DbOrTrx, now: number, id: string, cinemaId?: string): Promise<boolean> {
  let q = db.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null);
  if (cinemaId !== undefined) q = q.where('cinema_id', '=', cinemaId);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
