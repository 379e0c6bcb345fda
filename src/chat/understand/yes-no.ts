import { agreementClassifier } from './agreement.ts';
import { NO_WORDS, YES_WORDS } from './agreement-words.ts';

const classify = agreementClassifier({ positive: YES_WORDS, negativeWhole: NO_WORDS });

/**
 * A yes or no to a confirmation question; any negation is a no ("don't book").
 * @example parseYesNo('पक्का') === 'yes'; parseYesNo('வேண்டாம்') === 'no'; parseYesNo('what time?') === 'unclear'
 */
export function parseYesNo(text: string): 'yes' | 'no' | 'unclear' {
  const a = classify(text);
  return a === 'positive' ? 'yes' : a === 'negative' ? 'no' : 'unclear';
}
