import type { Words } from './lang.ts';

/** Any of these anywhere makes a reply a refusal: a "not" must never be read as consent. */
export const NEGATIONS: Words = {
  en: [
    'no', 'not', 'nope', 'nah', 'dont', 'doesnt', 'didnt', 'never', 'cannot', 'cant', 'wont', 'decline',
    'declined', 'declining', 'reject', 'rejected', 'refuse', 'refused', 'disagree', 'deny', 'denied', 'neither', 'nor',
  ],
  hi: [
    'नहीं', 'नही', 'ना', 'न', 'मत', 'अस्वीकार', 'अस्वीकृत', 'इनकार', 'इंकार', 'नामंजूर', 'असहमत', 'nahi', 'nahin',
    'nhi', 'nai', 'mat', 'nako', 'asvikar', 'aswikar', 'asweekar', 'inkar', 'inkaar', 'namanjoor', 'asahmat',
  ],
  ta: [
    'இல்லை', 'இல்ல', 'வேண்டாம்', 'வேணாம்', 'மாட்டேன்', 'மாட்டோம்', 'மறு', 'மறுக்கிறேன்', 'மறுக்கிறோம்', 'மறுப்பு',
    'ஏற்கவில்லை', 'முடியாது', 'கூடாது', 'illa', 'illai', 'ille', 'venam', 'vendam', 'vendaam', 'maatten', 'matten',
    'mudiyathu', 'mudiyadhu', 'koodathu', 'maru', 'marukkiren', 'yerkavillai', 'erkavillai',
  ],
};

/**
 * Hindi "ना"/"न" is "no" at the start of a reply but a softener at the end ("book kar do na" = "do book it"),
 * so these refuse only as the first word.
 */
export const LEADING_NEGATIONS: readonly string[] = ['ना', 'न', 'na', 'naa'];

/** Tamil attaches negation to the verb ("ஏற்கவில்லை", "ஏற்கமாட்டேன்"), so these endings count as a "not". */
export const TAMIL_NEGATIVE_PARTS: readonly string[] = ['வில்லை', 'மாட்டேன்', 'மாட்டோம்', 'வேண்டாம்', 'முடியாது', 'கூடாது', 'தில்லை', 'மறுக்', 'மறுப்'];

/** Set phrases that contain a "no" but agree ("no problem"); taken out before looking for negations. */
export const AGREEING_NEGATIONS: Words = {
  en: ['no problem', 'no problems', 'no issue', 'no issues', 'no worries', 'not a problem', 'why not', 'no prob'],
  hi: ['कोई दिक्कत नहीं', 'कोई समस्या नहीं', 'कोई प्रॉब्लम नहीं', 'koi problem nahi', 'koi dikkat nahi', 'koi baat nahi', 'no problem hai'],
  ta: ['பிரச்சனை இல்லை', 'பிரச்சினை இல்லை', 'problem illa', 'problem illai', 'prachanai illa', 'prachanai illai'],
};

/** Clear acceptance of terms and conditions. */
export const ACCEPT_WORDS: Words = {
  en: [
    'accept', 'accepted', 'i accept', 'yes', 'y', 'yeah', 'yea', 'yep', 'yup', 'yess', 'ok', 'okay', 'okk', 'k', 'kk',
    'okie', 'sure', 'agree', 'agreed', 'fine', 'alright', 'all right', 'done', 'understood', 'go ahead', 'of course',
    'absolutely', 'definitely', 'confirm', 'proceed', 'accepting',
  ],
  hi: [
    'हाँ', 'हा', 'हाँजी', 'हाँ जी', 'जी', 'जी हाँ', 'ठीक है', 'ठीक', 'सही', 'स्वीकार', 'स्वीकृत', 'मंजूर', 'सहमत', 'ओके',
    'haan', 'han', 'ha', 'haa', 'haanji', 'hanji', 'ji', 'theek hai', 'thik hai', 'theek', 'thik', 'sahi',
    'swikar', 'sweekar', 'svikar', 'svikaar', 'swikaar', 'manjoor', 'manzoor', 'sahmat',
  ],
  ta: [
    'ஆம்', 'ஆமா', 'ஆமாம்', 'சரி', 'சரிங்க', 'ஓகே', 'ஏற்கிறேன்', 'ஏற்கிறோம்', 'ஏற்றுக்கொள்கிறேன்', 'ஏற்றுக்கொள்கிறோம்',
    'ஒப்புக்கொள்கிறேன்', 'ஒப்புக்கொள்கிறோம்', 'சம்மதம்', 'ஒப்புதல்', 'aama', 'aamam', 'amam', 'sari', 'seri',
    'saringa', 'yerkiren', 'erkiren', 'etrukolgiren', 'oppukolgiren', 'sammatham', 'sammadham',
  ],
};

/** A yes to "shall I book these seats?". */
export const YES_WORDS: Words = {
  en: [
    'yes', 'y', 'yeah', 'yea', 'yep', 'yup', 'ya', 'yess', 'ok', 'okay', 'okk', 'k', 'kk', 'sure', 'confirm',
    'confirmed', 'book', 'book it', 'book now', 'go ahead', 'proceed', 'correct', 'right', 'thats right', 'done',
    'lets go', 'do it', 'absolutely', 'of course', 'perfect', 'fine', 'alright', 'great', 'pay', 'go',
  ],
  hi: [
    'हाँ', 'हा', 'जी', 'जी हाँ', 'हाँ जी', 'ठीक है', 'ठीक', 'सही', 'सही है', 'पक्का', 'पक्का करो', 'कन्फर्म', 'कन्फर्म करो',
    'बुक करो', 'बुक कर दो', 'बुक', 'कर दो', 'हो गया', 'चलेगा', 'ओके', 'haan', 'han', 'ha', 'haa', 'haanji', 'hanji',
    'ji', 'theek hai', 'thik hai', 'sahi', 'sahi hai', 'pakka', 'pakka karo', 'confirm karo', 'book karo',
    'book kar do', 'kar do', 'kardo', 'chalega',
  ],
  ta: [
    'ஆம்', 'ஆமா', 'ஆமாம்', 'சரி', 'சரிங்க', 'உறுதி', 'உறுதிசெய்', 'உறுதி செய்', 'உறுதிப்படுத்து', 'உறுதிப்படுத்துங்கள்',
    'புக் பண்ணு', 'புக் பண்ணுங்க', 'புக்', 'பண்ணுங்க', 'ஓகே', 'aama', 'aamam', 'amam', 'sari', 'seri', 'saringa',
    'uruthi', 'urudhi', 'confirm pannu', 'confirm pannunga', 'book pannu', 'book pannunga', 'pannunga', 'podu', 'podunga',
  ],
};

/** A no to a confirmation: only the negations above, plus a few polite refusals. */
export const NO_WORDS: Words = {
  en: ['n', 'not now', 'no thanks', 'wrong', 'later'],
  hi: ['रहने दो', 'rehne do', 'rehne de', 'baad mein', 'बाद में'],
  ta: ['அப்புறம்', 'appuram', 'piragu', 'பிறகு'],
};

/** Words that may stand around a yes without changing it: "yes I accept the terms", "मैं स्वीकार करता हूँ". */
export const AGREEMENT_FILLERS: Words = {
  en: [
    'i', 'we', 'the', 'these', 'this', 'that', 'all', 'terms', 'term', 'conditions', 'condition', 'tnc', 't', 'n', 'c',
    'and', 'rules', 'to', 'it', 'them', 'have', 'read', 'please', 'pls', 'plz', 'sir', 'madam', 'mam', 'maam', 'bro',
    'thanks', 'thank', 'you', 'fully', 'totally', 'booking', 'tickets', 'seats', 'now', 'oh', 'so', 'very', 'much',
  ],
  hi: [
    'मैं', 'मै', 'हम', 'करता', 'करती', 'करते', 'हूँ', 'हूं', 'हैं', 'है', 'शर्तें', 'शर्तों', 'नियम', 'को', 'सभी', 'सब',
    'जी', 'भैया', 'कृपया', 'main', 'mai', 'hum', 'karta', 'karti', 'karte', 'hu', 'hoon', 'hun', 'hai', 'h',
    'sharten', 'sharte', 'niyam', 'ko', 'sab', 'bhaiya', 'bhai', 'kripya', 'na', 'ना',
  ],
  ta: [
    'நான்', 'நாங்கள்', 'விதிமுறைகளை', 'விதிமுறைகள்', 'நிபந்தனைகளை', 'நிபந்தனைகள்', 'அனைத்தையும்', 'எல்லாம்', 'நன்றி',
    'naan', 'naanga', 'ellam', 'nandri', 'anna', 'akka', 'sir',
  ],
};

/** Emoji replies, read as words. */
export const YES_EMOJI: readonly string[] = ['👍', '✅', '👌', '✔', '☑', '🆗'];
export const NO_EMOJI: readonly string[] = ['👎', '❌', '🚫', '✖', '❎', '🙅'];
