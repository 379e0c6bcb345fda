import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { signBody, verifySignature } from './signature.ts';
import { metaStringify } from './meta-json.ts';

const SECRET = 'app-secret-1';

// What a customer might type: emoji, accents, an e-mail address, a URL, Hindi and Tamil.
const payload = {
  object: 'whatsapp_business_account',
  entry: [
    {
      id: '102290129340398',
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
            contacts: [{ profile: { name: 'Zoë Anand' }, wa_id: '919800000001' }],
            messages: [
              {
                from: '919800000001',
                id: 'wamid.HBgLOTE5ODAwMDAwMDEVAgASGBQzQTg2',
                timestamp: '1764052200',
                type: 'text',
                text: { body: 'Café 🎬 2 tickets for zoe@example.com https://x.example/a — टिकट, டிக்கெட்' },
              },
            ],
          },
        },
      ],
    },
  ],
};

test('a body signed over Meta-escaped bytes verifies on the raw bytes', () => {
  const body = metaStringify(payload);
  assert.ok(body.includes('\\u0040') && body.includes('\\/') && body.includes('\\ud83c\\udfac'));
  const raw = Buffer.from(body, 'utf8');
  const header = signBody(raw, SECRET);
  assert.match(header, /^sha256=[0-9a-f]{64}$/);
  assert.equal(verifySignature(raw, header, [SECRET]), true);
});

test('re-serialising the parsed body with JSON.stringify breaks the signature', () => {
  const raw = Buffer.from(metaStringify(payload), 'utf8');
  const header = signBody(raw, SECRET);
  const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8'))), 'utf8');
  assert.deepEqual(JSON.parse(reserialised.toString('utf8')), JSON.parse(raw.toString('utf8')));
  assert.notDeepEqual(reserialised, raw);
  assert.equal(verifySignature(reserialised, header, [SECRET]), false);
});

test('a missing, wrong or malformed header fails', () => {
  const raw = Buffer.from(metaStringify(payload), 'utf8');
  const good = signBody(raw, SECRET);
  assert.equal(verifySignature(raw, undefined, [SECRET]), false);
  assert.equal(verifySignature(raw, '', [SECRET]), false);
  assert.equal(verifySignature(raw, signBody(raw, 'another-secret'), [SECRET]), false);
  assert.equal(verifySignature(Buffer.from(raw.toString('utf8').replace('2 tickets', '9 tickets')), good, [SECRET]), false);
  assert.equal(verifySignature(raw, good.slice(0, -1), [SECRET]), false);
  assert.equal(verifySignature(raw, `${good}00`, [SECRET]), false);
  assert.equal(verifySignature(raw, good.replace('sha256=', ''), [SECRET]), false);
  assert.equal(verifySignature(raw, good.replace('sha256=', 'sha512='), [SECRET]), false);
  assert.equal(verifySignature(raw, `sha256=${'z'.repeat(64)}`, [SECRET]), false);
  assert.equal(verifySignature(raw, 'sha256=', [SECRET]), false);
});

test('hex case and surrounding whitespace do not matter', () => {
  const raw = Buffer.from('{"a":1}');
  const good = signBody(raw, SECRET);
  assert.equal(verifySignature(raw, `sha256=${good.slice(7).toUpperCase()}`, [SECRET]), true);
  assert.equal(verifySignature(raw, ` ${good} `, [SECRET]), true);
});

test('the legacy sha1= header alone is refused even when it is correct', () => {
  const raw = Buffer.from(metaStringify(payload), 'utf8');
  const sha1 = `sha1=${createHmac('sha1', SECRET).update(raw).digest('hex')}`;
  assert.equal(verifySignature(raw, sha1, [SECRET]), false);
});

test('any of several secrets is accepted (rotation); none, or an empty secret, is not', () => {
  const raw = Buffer.from(metaStringify(payload), 'utf8');
  assert.equal(verifySignature(raw, signBody(raw, 'old-secret'), ['new-secret', 'old-secret']), true);
  assert.equal(verifySignature(raw, signBody(raw, 'new-secret'), ['new-secret', 'old-secret']), true);
  assert.equal(verifySignature(raw, signBody(raw, 'third'), ['new-secret', 'old-secret']), false);
  assert.equal(verifySignature(raw, signBody(raw, SECRET), []), false);
  // A body "signed" with an empty key must not pass because a secret is unset.
  assert.equal(verifySignature(raw, signBody(raw, ''), ['', SECRET]), false);
});

test('signBody accepts a string and hashes its UTF-8 bytes', () => {
  const s = metaStringify({ t: 'é' });
  assert.equal(signBody(s, SECRET), signBody(Buffer.from(s, 'utf8'), SECRET));
});
