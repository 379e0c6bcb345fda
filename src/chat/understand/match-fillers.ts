import type { Words } from './lang.ts';

/**
 * Words around a title or place that say nothing about which one: "tickets for the movie Retro at
 * Tirupur". They are ignored when a title is matched fuzzily (never when it is matched exactly).
 */
export const MATCH_FILLERS: Words = {
  en: [
    'the', 'a', 'an', 'for', 'to', 'of', 'in', 'at', 'on', 'movie', 'film', 'show', 'shows', 'ticket', 'tickets',
    'book', 'booking', 'please', 'pls', 'i', 'want', 'watch', 'see', 'me', 'my', 'and', 'is', 'it', 'this', 'that',
    'cinema', 'cinemas', 'theatre', 'theater', 'screen', 'near', 'branch', 'location', 'can', 'you', 'we', 'us',
    'hi', 'hello', 'need', 'get', 'any', 'seats', 'seat', 'with', 'from', 'which', 'what', 'one',
  ],
  hi: [
    'ka', 'ki', 'ke', 'ko', 'se', 'mein', 'me', 'film', 'movie', 'picture', 'ticket', 'chahiye', 'dekhna', 'dekhni',
    'hai', 'wala', 'wali', 'waala', 'mujhe', 'hume', 'book', 'karo', 'की', 'का', 'के', 'को', 'से', 'में', 'फिल्म',
    'फ़िल्म', 'मूवी', 'टिकट', 'चाहिए', 'देखना', 'देखनी', 'है', 'वाला', 'वाली', 'मुझे', 'हमें', 'बुक', 'करो', 'पिक्चर',
  ],
  ta: [
    'படம்', 'படத்துக்கு', 'படத்திற்கு', 'டிக்கெட்', 'டிக்கெட்டு', 'வேண்டும்', 'வேணும்', 'பார்க்க', 'புக்', 'பண்ணு',
    'பண்ணுங்க', 'தியேட்டர்', 'தியேட்டரில்', 'எனக்கு', 'padam', 'padathuku', 'padathukku', 'ku', 'ticket', 'venum',
    'vendum', 'paarkka', 'parka', 'theatre', 'la', 'le', 'enakku', 'pannunga', 'pannu',
  ],
};
