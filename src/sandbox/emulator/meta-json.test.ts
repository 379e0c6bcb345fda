import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { hubSignature, metaStringify } from './meta-json.ts';

describe('metaStringify', () => {
  it('escapes non-ASCII as lowercase \\uXXXX, emoji as surrogate pairs, / as \\/ and @ as \\u0040', () => {
    assert.equal(metaStringify({ t: 'é' }), '{"t":"\\u00e9"}');
    assert.equal(metaStringify({ t: '🎟' }), '{"t":"\\ud83c\\udf9f"}');
    assert.equal(metaStringify({ t: 'வணக்கம்' }), '{"t":"\\u0bb5\\u0ba3\\u0b95\\u0bcd\\u0b95\\u0bae\\u0bcd"}');
    assert.equal(metaStringify({ url: 'https://x.in/a', mail: 'a@b.in' }), '{"url":"https:\\/\\/x.in\\/a","mail":"a\\u0040b.in"}');
  });

  it('keeps JSON escapes of control characters and quotes as JSON.stringify writes them', () => {
    assert.equal(metaStringify({ t: 'a"b\\c\n\u0001' }), '{"t":"a\\"b\\\\c\\n\\u0001"}');
  });

  it('writes lone surrogates escaped in lowercase', () => {
    assert.equal(metaStringify('\ud83c'), '"\\ud83c"');
  });

  it('always yields printable ASCII that parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const out = metaStringify(value);
        assert.match(out, /^[\x20-\x7e]*$/);
        assert.doesNotMatch(out, /[@]|(?<!\\)\//);
        assert.deepEqual(JSON.parse(out), JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('signs the exact bytes with HMAC-SHA256 of the app secret', () => {
    const raw = metaStringify({ t: 'a@b' });
    assert.equal(hubSignature(raw, 's3cret'), 'sha256=' + createHmac('sha256', 's3cret').update(raw).digest('hex'));
    assert.notEqual(hubSignature(raw, 's3cret'), hubSignature(JSON.stringify({ t: 'a@b' }), 's3cret'));
  });
});
