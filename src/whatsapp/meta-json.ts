/** Characters Meta writes as escapes; everything else non-ASCII too (see metaStringify). */
const ESCAPED = /[\u0080-\uffff/@<>&]/g;

function escape(ch: string): string {
  if (ch === '/') return '\\/';
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Serialises like Meta does when it signs webhooks: every non-ASCII UTF-16 unit as lowercase
 * `\uXXXX` (so an emoji becomes its surrogate pair), `/` as `\/`, and `@ < > &` as `\u0040`,
 * `\u003c`, `\u003e`, `\u0026`. `JSON.parse` of the result equals `JSON.parse(JSON.stringify(value))`.
 * Example: `metaStringify({ a: 'é/@' })` → `{"a":"\u00e9\/\u0040"}`.
 */
export function metaStringify(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('metaStringify: value has no JSON form');
  // Outside strings JSON has only ASCII punctuation, digits and literals, so escaping the
  // whole text touches string contents only.
  return json.replace(ESCAPED, escape);
}
