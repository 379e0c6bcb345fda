import type { Words } from './lang.ts';

export type Period = 'morning' | 'afternoon' | 'evening' | 'night' | 'tonight';

/**
 * Parts of the day as minutes after the show date's midnight. A cinema's day runs until 06:00 the next
 * morning, so night is 20:00–30:00. "tonight" spans evening and night: people say it of a 7pm show too.
 */
export const PERIODS: readonly { readonly period: Period; readonly from: number; readonly to: number; readonly words: Words }[] = [
  {
    period: 'morning',
    from: 6 * 60,
    to: 12 * 60,
    words: {
      en: ['morning', 'mrng', 'morn', 'mornin', 'morning show', 'early morning'],
      hi: ['सुबह', 'सवेरे', 'सुबे', 'प्रातः', 'subah', 'subha', 'suba', 'savere', 'sawere'],
      ta: ['காலை', 'காலையில்', 'kaalai', 'kalai', 'kaalaila', 'kalaila'],
    },
  },
  {
    period: 'afternoon',
    from: 12 * 60,
    to: 16 * 60,
    words: {
      en: ['afternoon', 'aftrnoon', 'after noon', 'noon', 'midday', 'matinee', 'matinée', 'matinee show'],
      hi: ['दोपहर', 'दुपहर', 'दोपहरी', 'dopahar', 'dopehar', 'dophar', 'dupahar', 'dopaher', 'dopeher'],
      ta: ['மதியம்', 'மத்தியானம்', 'பகல்', 'madhiyam', 'mathiyam', 'mathiyanam', 'madhyanam', 'pagal'],
    },
  },
  {
    period: 'evening',
    from: 16 * 60,
    to: 20 * 60,
    words: {
      en: ['evening', 'eve', 'evng', 'evening show', 'evenin'],
      hi: ['शाम', 'सायं', 'संध्या', 'shaam', 'sham', 'shaamko', 'sandhya'],
      ta: ['மாலை', 'சாயங்காலம்', 'சாய்ங்காலம்', 'maalai', 'malai', 'saayankaalam', 'sayangalam', 'saayangaalam'],
    },
  },
  {
    period: 'night',
    from: 20 * 60,
    to: 30 * 60,
    words: {
      en: ['night', 'nite', 'late night', 'late show', 'night show', 'midnight'],
      hi: ['रात', 'रात्रि', 'रात को', 'raat', 'raath', 'ratri', 'raat ko'],
      ta: ['இரவு', 'ராத்திரி', 'ராத்திரி', 'நைட்', 'iravu', 'raathiri', 'rathiri', 'raathri'],
    },
  },
  {
    period: 'tonight',
    from: 16 * 60,
    to: 30 * 60,
    words: { en: ['tonight', 'tonite', '2nite'], hi: [], ta: [] },
  },
];

/** Words after an hour that make it a time: "7 baje", "7 बजे", "7 மணிக்கு", "7 o'clock". */
export const HOUR_MARKERS: Words = {
  en: ['oclock', 'o clock', 'hrs', 'hr', 'hours'],
  hi: ['बजे', 'बज', 'baje', 'bje', 'bajey', 'baj'],
  ta: ['மணி', 'மணிக்கு', 'mani', 'manikku', 'maniku'],
};

/** Hindi quarter words before an hour: "साढ़े सात" is 7:30, "सवा सात" 7:15, "पौने आठ" 7:45. */
export const QUARTER_PREFIXES: readonly { readonly minutes: number; readonly words: readonly string[] }[] = [
  { minutes: 30, words: ['साढ़े', 'साढे', 'saade', 'sade', 'saadhe', 'sadhe'] },
  { minutes: 15, words: ['सवा', 'sava', 'sawa'] },
  { minutes: -15, words: ['पौने', 'paune', 'pone', 'poune'] },
];

/** "at 7" makes a bare number a time. */
export const AT_WORDS: readonly string[] = ['at', 'around', 'about', 'abt', 'approx'];
