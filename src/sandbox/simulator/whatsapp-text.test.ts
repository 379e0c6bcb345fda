import assert from 'node:assert/strict';
import { test } from 'node:test';
// The page's own module: plain functions, no DOM needed.
import { formatWhatsAppText, plainSnippet } from './assets/whatsapp-text.js';

test('WhatsApp formatting becomes HTML', () => {
  assert.equal(formatWhatsAppText('*Booked!* ref _K7MX2Q_ ~old~ `F7`'), '<strong>Booked!</strong> ref <em>K7MX2Q</em> <s>old</s> <code>F7</code>');
  assert.equal(formatWhatsAppText('2*3*4 and snake_case_name stay as they are'), '2*3*4 and snake_case_name stay as they are');
});

test('links are clickable, and formatting marks inside them are left alone', () => {
  assert.equal(
    formatWhatsAppText('Pay at https://pay.example/a_b_c.'),
    'Pay at <a href="https://pay.example/a_b_c" target="_blank" rel="noopener noreferrer">https://pay.example/a_b_c</a>.',
  );
});

test('text is escaped: a message can never inject markup', () => {
  const html = formatWhatsAppText('<img src=x onerror=alert(1)> *"quoted"* https://x.example/?q="><script>');
  assert.ok(!html.includes('<img'));
  assert.ok(!html.includes('<script'));
  assert.ok(!/href="[^"]*"[^>]*"/.test(html.replace(/ target="_blank" rel="noopener noreferrer"/, '')), 'the link cannot break out of its attribute');
});

test('snippets are the first line without marks, shortened', () => {
  assert.equal(plainSnippet('\n*Your seats are held* 🎟\nmore'), 'Your seats are held 🎟');
  assert.equal(plainSnippet('x'.repeat(100), 10), `${'x'.repeat(9)}…`);
});
