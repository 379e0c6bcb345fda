import { createHmac, timingSafeEqual } from 'node:crypto';

const HEADER = /^sha256=([0-9a-f]{64})$/i;

/** The `X-Hub-Signature-256` value Meta would send for `raw`: `sha256=<hex HMAC-SHA256>`. */
export function signBody(raw: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
}

/**
 * Checks a webhook's `X-Hub-Signature-256` against the raw request bytes, in constant time.
 * Several secrets are accepted so an app secret can be rotated without dropping webhooks.
 * A missing or malformed header, or only the legacy `sha1=` one, is a failure.
 */
export function verifySignature(raw: Buffer, header: string | undefined, secrets: string[]): boolean {
  if (typeof header !== 'string') return false;
  const m = HEADER.exec(header.trim());
  if (!m) return false;
  const given = Buffer.from(m[1], 'hex');
  let ok = false;
  // Every secret is tried even after a match, so timing does not reveal which one matched.
  for (const secret of secrets) {
    if (!secret) continue;
    const expected = createHmac('sha256', secret).update(raw).digest();
    if (timingSafeEqual(expected, given)) ok = true;
  }
  return ok;
}
