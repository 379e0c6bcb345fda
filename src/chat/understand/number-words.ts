import type { Lang } from './lang.ts';

/** Counting words up to twenty, the range a ticket count or a show hour lives in. */
export const NUMBER_WORDS: Readonly<Record<Lang, Readonly<Record<string, number>>>> = {
  en: {
    one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
    eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
    eighteen: 18, nineteen: 19, twenty: 20,
  },
  hi: {
    'एक': 1, 'दो': 2, 'तीन': 3, 'चार': 4, 'पांच': 5, 'पाँच': 5, 'छह': 6, 'छः': 6, 'छे': 6, 'छै': 6, 'सात': 7,
    'आठ': 8, 'नौ': 9, 'दस': 10, 'ग्यारह': 11, 'बारह': 12, 'तेरह': 13, 'चौदह': 14, 'पंद्रह': 15, 'पन्द्रह': 15,
    'सोलह': 16, 'सत्रह': 17, 'अठारह': 18, 'उन्नीस': 19, 'बीस': 20,
    ek: 1, do: 2, teen: 3, tin: 3, char: 4, chaar: 4, paanch: 5, panch: 5, paach: 5, chhe: 6, chhah: 6, che: 6,
    chah: 6, saat: 7, sat: 7, aath: 8, aat: 8, nau: 9, das: 10, dus: 10, gyarah: 11, gyara: 11, barah: 12,
    bara: 12, terah: 13, chaudah: 14, pandrah: 15, solah: 16, satrah: 17, atharah: 18, unnis: 19, bees: 20,
  },
  ta: {
    'ஒன்று': 1, 'ஒண்ணு': 1, 'ஒன்னு': 1, 'ஒரு': 1, 'ஒருவர்': 1, 'இரண்டு': 2, 'ரெண்டு': 2, 'இருவர்': 2,
    'மூன்று': 3, 'மூணு': 3, 'மூவர்': 3, 'நான்கு': 4, 'நாலு': 4, 'நால்வர்': 4, 'ஐந்து': 5, 'அஞ்சு': 5,
    'ஆறு': 6, 'ஏழு': 7, 'எட்டு': 8, 'ஒன்பது': 9, 'பத்து': 10, 'பதினொன்று': 11, 'பதினொண்ணு': 11,
    'பன்னிரண்டு': 12, 'பன்னெண்டு': 12, 'பதிமூன்று': 13, 'பதினான்கு': 14, 'பதினைந்து': 15, 'பதினாறு': 16,
    'பதினேழு': 17, 'பதினெட்டு': 18, 'பத்தொன்பது': 19, 'இருபது': 20,
    onnu: 1, ondru: 1, onru: 1, oru: 1, oruvar: 1, rendu: 2, irandu: 2, randu: 2, iruvar: 2, moonu: 3,
    moonru: 3, moondru: 3, munu: 3, naalu: 4, nalu: 4, naangu: 4, nangu: 4, anju: 5, ainthu: 5, aindhu: 5,
    aaru: 6, ezhu: 7, elu: 7, ettu: 8, onbadhu: 9, onbathu: 9, pathu: 10, padhu: 10, padhinonnu: 11,
    pannendu: 12, pannirandu: 12, padhimoonu: 13, padhinaalu: 14, padhinanju: 15, padhinaaru: 16,
    padhinezhu: 17, padhinettu: 18, pathonbathu: 19, irubathu: 20, irupathu: 20,
  },
};

/**
 * Romanised number words that are also everyday words in another language ("do you…", "a teen movie",
 * "sat in the car"); they count only where the message reads as a count.
 */
export const CONTEXTUAL_NUMBER_WORDS: ReadonlySet<string> = new Set(['do', 'teen', 'tin', 'char', 'das', 'dus', 'che', 'chah', 'sat', 'nau', 'bees', 'bara', 'aat', 'elu', 'oru', 'aaru']);

/** Hindi "दो"/"do" after a noun is the verb "give" ("टिकट दो" = "give tickets"), not the number two. */
export const GIVE_WORDS: ReadonlySet<string> = new Set(['दो', 'do']);
export const GIVE_HELPERS: ReadonlySet<string> = new Set(['दे', 'de', 'कर', 'kar', 'bata', 'बता', 'bhej', 'भेज', 'book', 'बुक', 'confirm']);

/** English "one" after a determiner picks a thing ("the one at 7"), it does not count. */
export const ONE_DETERMINERS: ReadonlySet<string> = new Set([
  'the', 'this', 'that', 'which', 'any', 'each', 'every', 'no', 'another', 'other', 'same', 'last', 'next',
  'first', 'earlier', 'later', 'new', 'old', 'some', 'someone', 'little', 'big', 'right', 'wrong',
]);

/** Nouns that a count is of: tickets, seats, people. */
export const QUANTITY_NOUNS: Readonly<Record<Lang, readonly string[]>> = {
  en: [
    'ticket', 'tickets', 'tkt', 'tkts', 'tix', 'tic', 'tics', 'tickts', 'seat', 'seats', 'people', 'person',
    'persons', 'pax', 'adult', 'adults', 'member', 'members', 'guys', 'friends', 'nos', 'numbers', 'heads',
  ],
  hi: [
    'टिकट', 'टिकटें', 'टिकटों', 'टिकिट', 'टिकेट', 'सीट', 'सीटें', 'सीटों', 'लोग', 'लोगों', 'जन', 'जनों', 'व्यक्ति',
    'आदमी', 'लोगो', 'log', 'logon', 'logo', 'jan', 'jano', 'bande', 'aadmi', 'admi', 'vyakti', 'ticketein',
  ],
  ta: [
    'டிக்கெட்', 'டிக்கெட்டு', 'டிக்கெட்டுகள்', 'டிக்கட்', 'டிக்கெட்ஸ்', 'சீட்', 'சீட்டு', 'இருக்கை', 'இருக்கைகள்',
    'பேர்', 'பேருக்கு', 'நபர்', 'நபர்கள்', 'ஆட்கள்', 'ஆளு', 'per', 'peru', 'perukku', 'perku', 'aalu', 'aal', 'aalukku',
  ],
};

/** Words that may sit between counts in a message that is only a count: "2 or 3", "do ya teen", "just 2". */
export const COUNT_FILLERS: ReadonlySet<string> = new Set([
  'or', 'and', 'to', 'just', 'only', 'please', 'pls', 'plz', 'maybe', 'ya', 'yaa', 'aur', 'bas', 'sirf', 'keval',
  'ji', 'या', 'और', 'बस', 'सिर्फ', 'केवल', 'जी', 'से', 'se', 'அல்லது', 'மட்டும்', 'alladhu', 'allathu', 'mattum',
  'matum',
]);
