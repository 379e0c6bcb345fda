import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConsent } from './consent.ts';

describe('parseConsent', () => {
  const accept = [
    'accept', 'Accept', 'I accept', 'I ACCEPT!', 'yes', 'ok', 'okay', 'agree', 'I agree', 'agreed',
    'yes I accept the terms and conditions', 'I accept the T&C', '👍', 'Accept ✅', 'no problem',
    'haan', 'haan ji', 'हाँ', 'हां', 'जी हाँ', 'स्वीकार', 'स्वीकार है', 'मैं स्वीकार करता हूँ', 'मैं स्वीकार करती हूँ', 'मंज़ूर', 'theek hai',
    'ஆம்', 'சரி', 'ஏற்கிறேன்', 'நான் ஏற்கிறேன்', 'ஒப்புக்கொள்கிறேன்', 'sari', 'aama',
  ];
  for (const input of accept) it(`${JSON.stringify(input)} → accept`, () => assert.equal(parseConsent(input), 'accept'));

  const decline = [
    'not accept', "don't accept", 'dont accept', 'do not accept', 'I do not agree', "I don't agree", 'I do NOT accept',
    'no', 'No.', 'nope', 'decline', 'I decline', 'reject', 'disagree', 'n', '👎', 'yes, I do not accept',
    'नहीं', 'नहीं, स्वीकार नहीं', 'अस्वीकार', 'मैं स्वीकार नहीं करता', 'मंजूर नहीं', 'nahi', 'na',
    'இல்லை', 'மறு', 'மறுக்கிறேன்', 'ஏற்கவில்லை', 'நான் ஏற்கவில்லை', 'ஏற்க மாட்டேன்', 'வேண்டாம்', 'illa',
  ];
  for (const input of decline) it(`${JSON.stringify(input)} → decline`, () => assert.equal(parseConsent(input), 'decline'));

  const unclear = ['', 'hello', 'what are the terms', 'ok?', 'maybe', 'yes but how many seats are left', 'retro 2 tickets', 'शर्तें क्या हैं'];
  for (const input of unclear) it(`${JSON.stringify(input)} → unclear`, () => assert.equal(parseConsent(input), 'unclear'));
});
