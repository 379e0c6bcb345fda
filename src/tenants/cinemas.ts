import crypto from 'node:crypto';
import type { DbOrTrx } from '../db/database.ts';
import type { CinemasTable } from '../db/tables.ts';
import { decrypt, encrypt } from './secrets.ts';
import { cinemaSettingsSchema, parseSettings, type CinemaSettings } from './settings.ts';

/** A cinema business as the application sees it; secrets stay sealed until asked for. */
export interface Cinema {
  id: string;
  name: string;
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  tokenStatus: 'valid' | 'invalid';
  tokenError: string | null;
  timezone: string;
  defaultLanguage: 'en' | 'hi' | 'ta';
  settings: CinemaSettings;
  isDemo: boolean;
  createdAt: number;
  hasOwnAppSecret: boolean;
}

function toCinema(r: CinemasTable): Cinema {
  const lang = r.default_language;
  return {
    id: r.id,
    name: r.name,
    wabaId: r.waba_id,
    phoneNumberId: r.phone_number_id,
    displayPhoneNumber: r.display_phone_number,
    tokenStatus: r.token_status,
    tokenError: r.token_error,
    timezone: r.timezone,
    defaultLanguage: lang === 'hi' || lang === 'ta' ? lang : 'en',
    settings: parseSettings(r.settings_json),
    isDemo: r.is_demo === 1,
    createdAt: r.created_at,
    hasOwnAppSecret: r.app_secret_enc !== null,
  };
}

export async function getCinema(db: DbOrTrx, id: string): Promise<Cinema | undefined> {
  const r = await db.selectFrom('cinemas').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toCinema(r) : undefined;
}

export async function getCinemaByPhoneNumberId(db: DbOrTrx, phoneNumberId: string): Promise<Cinema | undefined> {
  const r = await db.selectFrom('cinemas').selectAll().where('phone_number_id', '=', phoneNumberId).executeTakeFirst();
  return r ? toCinema(r) : undefined;
}

export async function listCinemas(db: DbOrTrx): Promise<Cinema[]> {
  const rows = await db.selectFrom('cinemas').selectAll().orderBy('created_at').execute();
  return rows.map(toCinema);
}

/** The cinema's access token, decrypted for one use. */
export async function getAccessToken(db: DbOrTrx, key: Buffer, cinemaId: string): Promise<string> {
  const r = await db.selectFrom('cinemas').select('access_token_enc').where('id', '=', cinemaId).executeTakeFirstOrThrow();
  return decrypt(key, r.access_token_enc);
}

/** App secrets that may sign webhooks for this phone number: the cinema's own, if it brought one. */
export async function getAppSecret(db: DbOrTrx, key: Buffer, cinemaId: string): Promise<string | null> {
  const r = await db.selectFrom('cinemas').select('app_secret_enc').where('id', '=', cinemaId).executeTakeFirst();
  return r?.app_secret_enc ? decrypt(key, r.app_secret_enc) : null;
}

/** Every cinema-specific app secret, for verifying a webhook before its body is trusted. */
export async function listAppSecrets(db: DbOrTrx, key: Buffer): Promise<string[]> {
  const rows = await db.selectFrom('cinemas').select('app_secret_enc').where('app_secret_enc', 'is not', null).execute();
  return rows.map((r) => decrypt(key, r.app_secret_enc!));
}

export interface NewCinema {
  name: string;
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  accessToken: string;
  appSecret?: string | null;
  timezone: string;
  defaultLanguage: 'en' | 'hi' | 'ta';
  settings?: Partial<CinemaSettings>;
  isDemo?: boolean;
}

export async function insertCinema(db: DbOrTrx, key: Buffer, now: number, c: NewCinema): Promise<Cinema> {
  const id = `cin_${crypto.randomBytes(8).toString('hex')}`;
  const settings = cinemaSettingsSchema.parse(c.settings ?? {});
  await db
    .insertInto('cinemas')
    .values({
      id,
      name: c.name,
      waba_id: c.wabaId,
      phone_number_id: c.phoneNumberId,
      display_phone_number: c.displayPhoneNumber,
      access_token_enc: encrypt(key, c.accessToken),
      app_secret_enc: c.appSecret ? encrypt(key, c.appSecret) : null,
      token_status: 'valid',
      token_error: null,
      timezone: c.timezone,
      default_language: c.defaultLanguage,
      settings_json: JSON.stringify(settings),
      is_demo: c.isDemo ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return (await getCinema(db, id))!;
}

/** Validates and stores a settings change; returns the problems when it does not validate. */
export async function updateCinemaSettings(
  db: DbOrTrx,
  now: number,
  id: string,
  patch: Partial<CinemaSettings> & { name?: string },
): Promise<{ ok: true; cinema: Cinema } | { ok: false; problems: string[] }> {
  const current = await getCinema(db, id);
  if (!current) return { ok: false, problems: ['cinema not found'] };
  const { name, ...rest } = patch;
  const parsed = cinemaSettingsSchema.safeParse({ ...current.settings, ...rest });
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  if (name !== undefined && !name.trim()) return { ok: false, problems: ['name: must not be empty'] };
  await db
    .updateTable('cinemas')
    .set({ settings_json: JSON.stringify(parsed.data), name: name?.trim() ?? current.name, updated_at: now })
    .where('id', '=', id)
    .execute();
  return { ok: true, cinema: (await getCinema(db, id))! };
}

/** Stores a new access token and marks it valid again (sends resume). */
export async function replaceToken(db: DbOrTrx, key: Buffer, now: number, id: string, accessToken: string): Promise<void> {
  await db
    .updateTable('cinemas')
    .set({ access_token_enc: encrypt(key, accessToken), token_status: 'valid', token_error: null, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Graph error 190: the token no longer works. Sends to this cinema pause until it is replaced. */
export async function markTokenInvalid(db: DbOrTrx, now: number, id: string, reason: string): Promise<void> {
  await db.updateTable('cinemas').set({ token_status: 'invalid', token_error: reason, updated_at: now }).where('id', '=', id).execute();
}
