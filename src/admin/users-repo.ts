import crypto from 'node:crypto';
import type { DbOrTrx } from '../db/database.ts';
import type { StaffUsersTable } from './tables.ts';

export type Role = StaffUsersTable['role'];
export const ROLES: readonly Role[] = ['operator', 'manager', 'staff'];

export interface StaffUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  cinemaId: string | null;
  disabled: boolean;
  createdAt: number;
}

function toUser(r: StaffUsersTable): StaffUser {
  return { id: r.id, email: r.email, name: r.name, role: r.role, cinemaId: r.cinema_id, disabled: r.disabled === 1, createdAt: r.created_at };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserForLogin(db: DbOrTrx, email: string): Promise<(StaffUser & { passwordHash: string }) | undefined> {
  const r = await db.selectFrom('staff_users').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
  return r ? { ...toUser(r), passwordHash: r.password_hash } : undefined;
}

export async function getUser(db: DbOrTrx, id: string): Promise<StaffUser | undefined> {
  const r = await db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toUser(r) : undefined;
}

export async function listUsers(db: DbOrTrx, cinemaId: string | null): Promise<StaffUser[]> {
  let q = db.selectFrom('staff_users').selectAll().orderBy('email');
  if (cinemaId !== null) q = q.where('cinema_id', '=', cinemaId);
  return (await q.execute()).map(toUser);
}

export interface NewUser {
  email: string;
  name?: string | null;
  passwordHash: string;
  role: Role;
  cinemaId: string | null;
}

/** Inserts a staff user; returns undefined when the e-mail is taken. */
export async function insertUser(db: DbOrTrx, now: number, u: NewUser): Promise<StaffUser | undefined> {
  const id = `usr_${crypto.randomBytes(8).toString('hex')}`;
  const res = await db
    .insertInto('staff_users')
    .values({
      id,
      email: normalizeEmail(u.email),
      name: u.name ?? null,
      password_hash: u.passwordHash,
      role: u.role,
      cinema_id: u.role === 'operator' ? null : u.cinemaId,
      disabled: 0,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .executeTakeFirst();
  if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) return undefined;
  return getUser(db, id);
}

export async function setUserPassword(db: DbOrTrx, now: number, id: string, passwordHash: string): Promise<void> {
  await db.updateTable('staff_users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', id).execute();
}

export async function setUserDisabled(db: DbOrTrx, now: number, id: string, disabled: boolean): Promise<void> {
  await db.updateTable('staff_users').set({ disabled: disabled ? 1 : 0, updated_at: now }).where('id', '=', id).execute();
}
