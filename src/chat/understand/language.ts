import { fold, tokenize } from './fold.ts';
import type { Lang, Words } from './lang.ts';

/**
 * Words that suggest the language of a message typed in Latin letters. Loanwords shared by all
 * three (ticket, show, booking) are left out; greetings and everyday function words carry the signal.
 */
export const LANGUAGE_HINTS: Words = {
  en: [
    'hello', 'hi', 'hey', 'the', 'i', 'want', 'please', 'pls', 'for', 'what', 'which', 'when', 'where', 'how',
    'you', 'me', 'my', 'is', 'are', 'can', 'tomorrow', 'today', 'tonight', 'evening', 'morning', 'night',
    'thanks', 'thank', 'yes', 'good', 'need', 'some', 'any', 'with', 'and', 'of', 'to', 'at', 'in',
  ],
  hi: [
    'namaste', 'namaskar', 'namaskaar', 'pranam', 'haan', 'haanji', 'nahi', 'nahin', 'kya', 'hai', 'hain', 'mujhe',
    'chahiye', 'chaiye', 'kal', 'aaj', 'parso', 'parson', 'shaam', 'sham', 'subah', 'raat', 'dopahar', 'kripya',
    'dhanyavaad', 'dhanyawad', 'shukriya', 'bhai', 'bhaiya', 'karo', 'kijiye', 'dijiye', 'dena', 'dedo', 'wala',
    'wali', 'waala', 'aur', 'kitne', 'kitna', 'kaun', 'kahan', 'baje', 'ke', 'ki', 'ka', 'liye', 'mera', 'meri',
  ],
  ta: [
    'vanakkam', 'vannakam', 'vanakam', 'nandri', 'nanri', 'naalai', 'nalai', 'inniki', 'innaiku', 'innaikku',
    'indru', 'enna', 'venum', 'vendum', 'venam', 'vendam', 'illa', 'illai', 'aama', 'aamam', 'sari', 'seri',
    'pannunga', 'pannu', 'kudunga', 'kodunga', 'maalai', 'kaalai', 'iravu', 'mathiyam', 'madhiyam', 'enga',
    'eppo', 'evlo', 'evvalavu', 'thambi', 'anna', 'akka', 'mani', 'ku', 'ah', 'la', 'kitta',
  ],
};

const hintSets: Record<Lang, Set<string>> = {
  en: new Set(LANGUAGE_HINTS.en),
  hi: new Set(LANGUAGE_HINTS.hi),
  ta: new Set(LANGUAGE_HINTS.ta),
};

/**
 * Guesses the customer's language from the script they type in, then from romanised words.
 * @example detectLanguage('நாளை 2 டிக்கெட்') === 'ta'; detectLanguage('namaste') === 'hi'; detectLanguage('👍') === undefined
 */
export function detectLanguage(text: string): Lang | undefined {
  let devanagari = 0;
  let tamil = 0;
  let latin = 0;
  for (const ch of text.slice(0, 4000)) {
    if (/\p{Script=Devanagari}/u.test(ch) && /[\p{L}\p{M}]/u.test(ch)) devanagari++;
    else if (/\p{Script=Tamil}/u.test(ch) && /[\p{L}\p{M}]/u.test(ch)) tamil++;
    else if (/\p{Script=Latin}/u.test(ch) && /\p{L}/u.test(ch)) latin++;
  }
  // Native script outweighs Latin: titles and "ticket" are often typed in English inside a Hindi or Tamil message.
  if (devanagari > 0 || tamil > 0) return devanagari >= tamil ? (devanagari === tamil ? firstIndicScript(text) : 'hi') : 'ta';
  if (latin === 0) return undefined;
  const score: Record<Lang, number> = { en: 0, hi: 0, ta: 0 };
  for (const t of tokenize(fold(text.slice(0, 4000)))) {
    for (const lang of ['en', 'hi', 'ta'] as const) if (hintSets[lang].has(t.text)) score[lang]++;
  }
  // Ties go to the romanised language: its hint words are rarely typed by someone writing English.
  if (score.hi > 0 && score.hi >= score.en && score.hi >= score.ta) return score.ta === score.hi ? 'en' : 'hi';
  if (score.ta > 0 && score.ta >= score.en) return 'ta';
  return 'en';
}

/** Equal amounts of both Indic scripts: the first one typed wins. */
function firstIndicScript(text: string): Lang {
  const d = text.search(/\p{Script=Devanagari}/u);
  const t = text.search(/\p{Script=Tamil}/u);
  return t >= 0 && (d < 0 || t < d) ? 'ta' : 'hi';
}
