import type { Words } from './lang.ts';

/** Days counted from today. Hindi "कल" is both yesterday and tomorrow; when booking it is tomorrow. */
export const RELATIVE_DAYS: readonly { readonly days: number; readonly words: Words }[] = [
  {
    days: 0,
    words: {
      en: ['today', 'tonight', 'tonite', 'tday', '2day', '2nite', 'this evening', 'this morning', 'this afternoon'],
      hi: ['आज', 'aaj', 'aj', 'aaje'],
      ta: ['இன்று', 'இன்னைக்கு', 'இன்றைக்கு', 'இன்னிக்கு', 'இன்னிக்கி', 'inniki', 'innaiku', 'innaikku', 'innikku', 'indru', 'inru', 'inaiku'],
    },
  },
  {
    days: 1,
    words: {
      en: ['tomorrow', 'tmrw', 'tmr', 'tmw', 'tomo', 'tommorow', 'tommorrow', 'tomorow', 'tomarrow', 'tomm', '2moro', '2morrow', '2mrw'],
      hi: ['कल', 'kal', 'kall', 'kl'],
      ta: ['நாளை', 'நாளைக்கு', 'நாளைக்கி', 'naalai', 'nalai', 'naalaikku', 'naalaiku', 'nalaiku', 'nalaikku', 'naaliki', 'naalaikki', 'naalaki'],
    },
  },
  {
    days: 2,
    words: {
      en: ['day after tomorrow', 'day after tmrw', 'day after tmr', 'day after tomo', 'overmorrow'],
      hi: ['परसों', 'परसो', 'parso', 'parson', 'parsoon', 'parsun'],
      ta: ['நாளை மறுநாள்', 'நாளைமறுநாள்', 'நாளன்னைக்கு', 'நாளன்னிக்கு', 'naalai marunaal', 'nalai marunal', 'naalai marunal', 'naalanniku', 'nalanniku', 'naalannaikku'],
    },
  },
];

/** Weekday names, Sunday first (the index is JavaScript's getUTCDay()). Tamil names also take case endings. */
export const WEEKDAYS: readonly Words[] = [
  {
    en: ['sunday', 'sun', 'sundy'],
    hi: ['रविवार', 'इतवार', 'ravivar', 'raviwar', 'itvaar', 'itwar', 'itvar'],
    ta: ['ஞாயிறு', 'ஞாயிற்றுக்கிழமை', 'nyayiru', 'gnayiru', 'nayiru', 'nyaayiru', 'gnayiru kizhamai'],
  },
  {
    en: ['monday', 'mon', 'mondy'],
    hi: ['सोमवार', 'somvar', 'somwar', 'somvaar'],
    ta: ['திங்கள்', 'திங்கட்கிழமை', 'திங்கக்கிழமை', 'thingal', 'thinkal', 'thingakizhamai', 'thingal kizhamai'],
  },
  {
    en: ['tuesday', 'tue', 'tues', 'tuesdy'],
    hi: ['मंगलवार', 'mangalvar', 'mangalwar', 'mangalvaar'],
    ta: ['செவ்வாய்', 'செவ்வாய்க்கிழமை', 'sevvai', 'sevvaai', 'chevvai', 'sevvai kizhamai'],
  },
  {
    en: ['wednesday', 'wed', 'weds', 'wednes', 'wensday', 'wednsday'],
    hi: ['बुधवार', 'budhvar', 'budhwar', 'budhvaar'],
    ta: ['புதன்', 'புதன்கிழமை', 'budhan', 'pudhan', 'puthan', 'budhan kizhamai'],
  },
  {
    en: ['thursday', 'thu', 'thur', 'thurs', 'thrusday', 'thursdy'],
    hi: ['गुरुवार', 'बृहस्पतिवार', 'वीरवार', 'guruvar', 'guruwar', 'veervar', 'brihaspativar'],
    ta: ['வியாழன்', 'வியாழக்கிழமை', 'viyazhan', 'vyazhan', 'viyalan', 'viyazhakizhamai'],
  },
  {
    en: ['friday', 'fri', 'fryday', 'fridy'],
    hi: ['शुक्रवार', 'shukravar', 'shukrawar', 'sukravar', 'shukravaar'],
    ta: ['வெள்ளி', 'வெள்ளிக்கிழமை', 'velli', 'vellikizhamai', 'velli kizhamai'],
  },
  {
    en: ['saturday', 'sat', 'saterday', 'satarday', 'saturdy'],
    hi: ['शनिवार', 'shanivar', 'shaniwar', 'shanivaar', 'sanivar'],
    ta: ['சனி', 'சனிக்கிழமை', 'sani', 'sanikizhamai', 'sanikilamai', 'sani kizhamai'],
  },
];

/** "this saturday" and a bare "saturday" mean the coming one (today if it is Saturday). */
export const THIS_WEEKDAY: Words = {
  en: ['this', 'coming', 'upcoming', 'on', 'this coming'],
  hi: ['इस', 'ये', 'यह', 'आने वाले', 'is', 'ye', 'yeh', 'aane wale', 'isi'],
  ta: ['இந்த', 'வர்ற', 'வரும்', 'வருகிற', 'indha', 'intha', 'varra', 'varum', 'varugira'],
};

/** "next saturday" is the first Saturday after today. */
export const NEXT_WEEKDAY: Words = {
  en: ['next'],
  hi: ['अगले', 'अगला', 'अगली', 'agle', 'agla', 'agli'],
  ta: ['அடுத்த', 'adutha', 'aduththa', 'aduttha', 'aduthu'],
};

export const WEEKEND: Words = {
  en: ['weekend', 'this weekend', 'coming weekend', 'wknd'],
  hi: ['वीकेंड', 'इस वीकेंड', 'सप्ताहांत', 'is weekend', 'weekend pe'],
  ta: ['வார இறுதி', 'வார இறுதியில்', 'வீக்கெண்ட்', 'vaara iruthi', 'vara iruthi'],
};

/** Month names, January first. */
export const MONTHS: readonly Words[] = [
  { en: ['january', 'jan'], hi: ['जनवरी', 'janvari'], ta: ['ஜனவரி', 'சனவரி'] },
  { en: ['february', 'feb', 'febuary'], hi: ['फरवरी', 'फ़रवरी', 'farvari'], ta: ['பிப்ரவரி', 'பெப்ரவரி'] },
  { en: ['march', 'mar'], hi: ['मार्च'], ta: ['மார்ச்', 'மார்ச்சு'] },
  { en: ['april', 'apr'], hi: ['अप्रैल', 'अप्रेल'], ta: ['ஏப்ரல்', 'ஏப்ரல்'] },
  { en: ['may'], hi: ['मई'], ta: ['மே'] },
  { en: ['june', 'jun'], hi: ['जून'], ta: ['ஜூன்'] },
  { en: ['july', 'jul'], hi: ['जुलाई'], ta: ['ஜூலை'] },
  { en: ['august', 'aug'], hi: ['अगस्त'], ta: ['ஆகஸ்ட்', 'ஆகஸ்டு'] },
  { en: ['september', 'sep', 'sept'], hi: ['सितंबर', 'सितम्बर'], ta: ['செப்டம்பர்', 'செப்டெம்பர்'] },
  { en: ['october', 'oct'], hi: ['अक्टूबर', 'अक्तूबर'], ta: ['அக்டோபர்', 'அக்டோபர்'] },
  { en: ['november', 'nov'], hi: ['नवंबर', 'नवम्बर'], ta: ['நவம்பர்'] },
  { en: ['december', 'dec'], hi: ['दिसंबर', 'दिसम्बर'], ta: ['டிசம்பர்', 'திசம்பர்'] },
];

/** Words that mark a bare number as a day of the month: "25 tarikh", "25 तारीख", "25ஆம் தேதி". */
export const DAY_OF_MONTH_MARKERS: Words = {
  en: ['date', 'th date'],
  hi: ['तारीख', 'तारीख़', 'तारिख', 'tarikh', 'tareekh', 'tarik', 'taarikh'],
  ta: ['தேதி', 'ஆம் தேதி', 'thethi', 'thedhi', 'tethi', 'aam thethi', 'am thethi'],
};
