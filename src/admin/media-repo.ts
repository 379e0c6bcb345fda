import crypto from 'node:crypto';
import type { DbOrTrx } from '../db/database.ts';

/** Stores an uploaded image in the database (shared by every process) and returns its public path. */
export async function saveMedia(db: DbOrTrx, now: number, m: { cinemaId: string; kind: 'logo' | 'poster'; mimeType: string; data: Buffer }): Promise<string> {
  const ext = m.mimeType === 'image/png' ? 'png' : 'jpg';
  const id = `${crypto.randomBytes(16).toString('base64url')}.${ext}`;
  await db
    .insertInto('media_files')
    .values({ id, cinema_id: m.cinemaId, kind: m.kind, mime_type: m.mimeType, size: m.data.length, data_b64: m.data.toString('base64'), created_at: now })
    .execute();
  return `/media/${id}`;
}

export async function loadMedia(db: DbOrTrx, id: string): Promise<{ mimeType: string; data: Buffer } | undefined> {
  const r = await db.selectFrom('media_files').select(['mime_type', 'data_b64']).where('id', '=', id).executeTakeFirst();
  return r ? { mimeType: r.mime_type, data: Buffer.from(r.data_b64, 'base64') } : undefined;
}
