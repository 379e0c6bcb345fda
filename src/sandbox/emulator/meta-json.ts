import { createHmac } from 'node:crypto';

/**
 * Serialises a value the way Meta does for webhook bodies and Graph responses: JSON with every
 * non-ASCII UTF-16 unit as a lowercase `\uXXXX` escape (so an emoji becomes an escaped surrogate
 * pair), `/` as `\/` and `@` as `\u0040`. Receivers must verify signatures over these bytes, so
 * the emulator has to produce them exactly; re-serialising parsed JSON would not match.
 *
 * @example metaStringify({ body: 'a@b/ç' }) // '{"body":"a\\u0040b\\/\\u00e7"}'
 */
export function metaStringify(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('value cannot be serialised to JSON');
  // `/` and `@` can only occur inside JSON strings, so replacing them everywhere is safe; lone
  // surrogates were already escaped (lowercase) by JSON.stringify.
  return json.replace(/[\u0080-\uffff@/]/g, (ch) =>
    ch === '/' ? '\\/' : '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'),
  );
}

/** The `X-Hub-Signature-256` header value Meta sends: `sha256=` + hex HMAC-SHA256 of the raw body. */
export function hubSignature(raw: string | Buffer, appSecret: string): string {
  return 'sha256=' + createHmac('sha256', appSecret).update(raw).digest('hex');
}
