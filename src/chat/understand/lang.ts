/** The languages Marquee speaks with moviegoers. */
export type Lang = 'en' | 'hi' | 'ta';

/** A word list per language; Hindi and Tamil lists hold native script and common romanised spellings. */
export type Words = Readonly<Record<Lang, readonly string[]>>;

export function allWords(words: Words): string[] {
  return [...words.en, ...words.hi, ...words.ta];
}
