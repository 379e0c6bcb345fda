import { agreementClassifier } from './agreement.ts';
import { ACCEPT_WORDS } from './agreement-words.ts';

const classify = agreementClassifier({ positive: ACCEPT_WORDS, negativeWhole: { en: ['n'], hi: [], ta: [] } });

/**
 * Whether the customer accepted the terms of a special event; any negation refuses, vague replies are unclear.
 * @example parseConsent('मैं स्वीकार करता हूँ') === 'accept'; parseConsent("I don't accept") === 'decline'
 */
export function parseConsent(text: string): 'accept' | 'decline' | 'unclear' {
  const a = classify(text);
  return a === 'positive' ? 'accept' : a === 'negative' ? 'decline' : 'unclear';
}
