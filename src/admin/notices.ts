import type { CinemaSettings, Lang } from '../tenants/settings.ts';

/**
 * Customer-facing texts the dashboard sends, per language, keyed like the dialogue's catalogue so
 * a cinema can override them in settings.texts. Placeholders: {cinema} {ref} {title} {when}.
 */
const NOTICES = {
  booking_cancelled_by_cinema: {
    en: '❌ {cinema} has cancelled your booking {ref} for {title} on {when}. We are sorry for the inconvenience. Reply to this message if you need help.',
    hi: '❌ {cinema} ने {title} ({when}) के लिए आपकी बुकिंग {ref} रद्द कर दी है। असुविधा के लिए हमें खेद है। मदद चाहिए तो इस संदेश का जवाब दें।',
    ta: '❌ {cinema} {title} ({when}) படத்திற்கான உங்கள் முன்பதிவு {ref} ரத்து செய்யப்பட்டது. சிரமத்திற்கு வருந்துகிறோம். உதவி தேவைப்பட்டால் இந்தச் செய்திக்குப் பதிலளிக்கவும்.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type NoticeKey = keyof typeof NOTICES;

function pickLang(lang: string | null | undefined, fallback: string): Lang {
  const l = lang ?? fallback;
  return l === 'hi' || l === 'ta' ? l : 'en';
}

/** The notice in the customer's language (else the cinema's), with the cinema's override if it set one. */
export function renderNotice(key: NoticeKey, o: { lang: string | null | undefined; defaultLang: string; settings: CinemaSettings; vars: Record<string, string> }): string {
  const lang = pickLang(o.lang, o.defaultLang);
  const template = o.settings.texts[lang]?.[key] ?? NOTICES[key][lang];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => o.vars[name] ?? m);
}
