import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { metaStringify } from './meta-json.ts';

test('escapes as Meta does: lowercase \\u for non-ASCII, surrogate pairs, \\/ and \\u0040', () => {
  assert.equal(metaStringify({ a: 'äöå' }), '{"a":"\\u00e4\\u00f6\\u00e5"}');
  assert.equal(metaStringify({ e: '🎬' }), '{"e":"\\ud83c\\udfac"}');
  assert.equal(metaStringify({ m: 'a@b.in', u: 'https://x/y' }), '{"m":"a\\u0040b.in","u":"https:\\/\\/x\\/y"}');
  assert.equal(metaStringify({ h: '<b>&</b>' }), '{"h":"\\u003cb\\u003e\\u0026\\u003c\\/b\\u003e"}');
  assert.equal(metaStringify({ t: 'நன்றி' }), '{"t":"\\u0ba8\\u0ba9\\u0bcd\\u0bb1\\u0bbf"}');
  assert.equal(metaStringify({ q: 'say "hi"\n\\' }), '{"q":"say \\"hi\\"\\n\\\\"}');
  assert.equal(metaStringify({ n: 1.5, b: true, z: null, l: [1, 'x'] }), '{"n":1.5,"b":true,"z":null,"l":[1,"x"]}');
});

test('a backslash before a slash stays a complete escape', () => {
  const v = { p: 'a\\/b' };
  assert.deepEqual(JSON.parse(metaStringify(v)), v);
});

test('a value with no JSON form is refused', () => {
  assert.throws(() => metaStringify(undefined), TypeError);
});

test('property: JSON.parse(metaStringify(v)) equals v, the text is ASCII with lowercase escapes and no bare / or @', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (v) => {
      const s = metaStringify(v);
      assert.deepEqual(JSON.parse(s), JSON.parse(JSON.stringify(v)));
      assert.match(s, /^[\x00-\x7f]*$/);
      assert.doesNotMatch(s, /\\u[0-9a-f]{0,3}[A-F]/);
      assert.doesNotMatch(s, /[@<>&]/);
      assert.doesNotMatch(s, /(?<!\\)\//);
    }),
    { numRuns: 300 },
  );
});
