import crypto from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A random id with a readable prefix, e.g. newId('shw') → 'shw_4k2j9x0q7m1c5t8z'. */
export function newId(prefix: string): string {
  const bytes = crypto.randomBytes(16);
  let s = '';
  for (const b of bytes) s += ALPHABET[b % 36];
  return `${prefix}_${s}`;
}
