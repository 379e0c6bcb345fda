import crypto from 'node:crypto';

/**
 * AES-256-GCM for secrets at rest (access tokens, app secrets, phone numbers).
 * Format: `v1.<iv b64url>.<tag b64url>.<ciphertext b64url>`.
 */
export function encrypt(key: Buffer, plaintext: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

export function decrypt(key: Buffer, sealed: string): string {
  const [v, iv, tag, ct] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('not a sealed secret');
  const d = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  d.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
}

/** A keyed hash (HMAC-SHA256 under a key derived from the master key) for looking up phone numbers. */
export function lookupHash(key: Buffer, value: string): string {
  let k = lookupKeys.get(key);
  if (!k) lookupKeys.set(key, (k = crypto.createHmac('sha256', key).update('marquee-lookup-v1').digest()));
  return crypto.createHmac('sha256', k).update(value).digest('base64url');
}
const lookupKeys = new WeakMap<Buffer, Buffer>();

/** `+91•••••••3210`: enough for staff to recognise a number, useless to anyone else. */
export function maskPhone(last4: string | null | undefined): string {
  return last4 ? `•••• ${last4}` : '—';
}
