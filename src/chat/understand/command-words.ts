import type { Words } from './lang.ts';

export type GlobalCommand = 'menu' | 'help' | 'back' | 'restart' | 'cancel' | 'stop' | 'language' | 'staff' | 'my_bookings';

/** Whole-message commands, understood at every step of the conversation. */
export const COMMAND_WORDS: Readonly<Record<GlobalCommand, Words>> = {
  menu: {
    en: ['menu', 'main menu', 'home', 'show menu', 'open menu', 'show me the menu', 'options', 'start menu', 'main options'],
    hi: ['मेनू', 'मेन्यू', 'मेनु', 'मुख्य मेनू', 'मेन मेनू', 'मेनू दिखाओ', 'menu dikhao', 'menu dikhaao', 'menu dikhaiye'],
    ta: ['மெனு', 'முதன்மை மெனு', 'மெயின் மெனு', 'மெனு காட்டு', 'menu kaattu', 'menu kaatunga'],
  },
  help: {
    en: ['help', 'help me', 'need help', 'i need help', 'how does this work', 'how to book', 'info', 'assist', 'assistance'],
    hi: ['मदद', 'सहायता', 'हेल्प', 'मदद चाहिए', 'मदद करो', 'madad', 'sahayata', 'help chahiye', 'madad chahiye', 'madad karo'],
    ta: ['உதவி', 'உதவுங்கள்', 'உதவி வேண்டும்', 'ஹெல்ப்', 'udhavi', 'uthavi', 'udavi', 'help venum', 'udhavi venum'],
  },
  back: {
    en: ['back', 'go back', 'previous', 'prev', 'return', 'undo', 'previous step', 'step back'],
    hi: ['वापस', 'पीछे', 'वापस जाओ', 'पीछे जाओ', 'wapas', 'vapas', 'waapas', 'peeche', 'piche', 'pichhe', 'wapas jao', 'peeche jao'],
    ta: ['பின்', 'பின்னால்', 'பின்செல்', 'பின் செல்', 'திரும்பு', 'முந்தைய', 'pinnal', 'pinnadi', 'thirumba', 'thirumbu', 'munthaiya'],
  },
  restart: {
    en: ['restart', 'start over', 'start again', 'reset', 'begin again', 'from the start', 'from start', 'start from beginning', 'start afresh'],
    hi: ['फिर से शुरू', 'दोबारा शुरू', 'शुरू से', 'रीस्टार्ट', 'फिर से शुरू करो', 'phir se shuru', 'fir se shuru', 'dobara shuru', 'shuru se', 'restart karo'],
    ta: ['மீண்டும் தொடங்கு', 'மறுபடியும் தொடங்கு', 'முதலிலிருந்து', 'ரீஸ்டார்ட்', 'meendum thodangu', 'marupadiyum', 'modhalla irundhu', 'restart pannu'],
  },
  cancel: {
    en: ['cancel', 'cancel it', 'cancel this', 'cancel that', 'nevermind', 'never mind', 'forget it', 'abort', 'quit', 'exit'],
    hi: ['रद्द', 'रद्द करो', 'रद्द करें', 'कैंसल', 'कैंसिल', 'कैंसल करो', 'radd', 'radd karo', 'cancel karo', 'cancel kar do', 'cancel kardo'],
    ta: ['ரத்து', 'ரத்து செய்', 'ரத்து செய்யுங்கள்', 'கேன்சல்', 'rathu', 'rattu', 'cancel pannu', 'cancel pannunga'],
  },
  stop: {
    en: ['stop', 'unsubscribe', 'stop messages', 'stop all', 'opt out', 'optout', 'stop messaging me', 'dont message me'],
    hi: ['रोको', 'बंद करो', 'मैसेज बंद करो', 'band karo', 'bandh karo', 'roko', 'message band karo', 'stop karo'],
    ta: ['நிறுத்து', 'நிறுத்துங்கள்', 'niruthu', 'nirutthu', 'niruthunga', 'stop pannu', 'stop pannunga'],
  },
  language: {
    en: ['language', 'languages', 'change language', 'lang', 'select language', 'switch language', 'choose language'],
    hi: ['भाषा', 'भाषा बदलें', 'भाषा बदलो', 'bhasha', 'bhasha badlo', 'bhasha badle', 'language badlo', 'language change karo'],
    ta: ['மொழி', 'மொழி மாற்று', 'மொழியை மாற்று', 'mozhi', 'mozhi maathu', 'mozhi maatru', 'language maathu', 'language change pannu'],
  },
  staff: {
    en: [
      'staff', 'talk to staff', 'speak to staff', 'agent', 'talk to agent', 'talk to an agent', 'human', 'talk to human',
      'talk to a human', 'speak to a human', 'real person', 'a real person', 'customer care', 'customer support', 'support',
      'call me', 'talk to someone', 'speak to someone', 'operator', 'manager', 'representative', 'live agent', 'executive',
    ],
    hi: [
      'स्टाफ', 'एजेंट', 'इंसान', 'इंसान से बात', 'स्टाफ से बात', 'किसी से बात करनी है', 'staff se baat', 'agent se baat',
      'insaan se baat', 'kisi se baat karni hai', 'staff se baat karni hai', 'manager se baat',
    ],
    ta: ['ஊழியர்', 'பணியாளர்', 'மனிதர்', 'ஊழியரிடம் பேச வேண்டும்', 'staff kitta pesanum', 'aal kitta pesanum', 'manager kitta pesanum'],
  },
  my_bookings: {
    en: ['my bookings', 'my booking', 'bookings', 'my tickets', 'my ticket', 'booking history', 'my orders', 'view bookings', 'show my bookings', 'view my bookings'],
    hi: ['मेरी बुकिंग', 'मेरी बुकिंग्स', 'मेरे टिकट', 'मेरा टिकट', 'meri booking', 'meri bookings', 'mere ticket', 'mere tickets', 'mera ticket'],
    ta: ['என் முன்பதிவுகள்', 'என் முன்பதிவு', 'என் டிக்கெட்', 'என் டிக்கெட்டுகள்', 'என் புக்கிங்', 'en booking', 'en bookings', 'en ticket', 'ennoda booking'],
  },
};

/** Politeness around a command that does not change it: "menu please", "कृपया मदद". */
export const COMMAND_FILLERS: Words = {
  en: ['please', 'pls', 'plz', 'kindly', 'sir', 'madam', 'maam', 'bro', 'thanks', 'now', 'just', 'the', 'hi', 'hello'],
  hi: ['कृपया', 'जी', 'भाई', 'भैया', 'अभी', 'kripya', 'ji', 'bhai', 'bhaiya', 'abhi'],
  ta: ['தயவுசெய்து', 'ப்ளீஸ்', 'அண்ணா', 'இப்போ', 'dhayavu seidhu', 'anna', 'ippo'],
};
