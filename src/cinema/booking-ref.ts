import crypto from 'node:crypto';

/** No 0/O or 1/I: a reference is read out at the counter and typed back from a screenshot. */
export const BOOKING_REF_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const BOOKING_REF_LENGTH = 6;

/** A fresh random booking reference, e.g. 'K7MX2Q' (32^6 ≈ 10^9 values; collisions are retried). */
export function generateBookingRef(): string {
  let s = '';
  for (let i = 0; i < BOOKING_REF_LENGTH; i++) s += BOOKING_REF_ALPHABET[crypto.randomInt(BOOKING_REF_ALPHABET.length)];
  return s;
}

/**
 * A reference as a customer typed it, in canonical form, or null when it cannot be one:
 * ' k7mx-2q ' → 'K7MX2Q'. Characters outside the alphabet (0, O, 1, I…) are rejected rather than
 * guessed: a wrong guess could show someone else's booking.
 */
export function normalizeBookingRef(input: string): string | null {
  const s = input.replace(/[\s-]/g, '').toUpperCase();
  if (s.length !== BOOKING_REF_LENGTH) return null;
  for (const ch of s) if (!BOOKING_REF_ALPHABET.includes(ch)) return null;
  return s;
}
