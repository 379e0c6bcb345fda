import { fold, foldWord, tokenize, wordsAlternation, WB, WE } from './fold.ts';
import { allWords, type Words } from './lang.ts';
import {
  AGREEING_NEGATIONS,
  AGREEMENT_FILLERS,
  LEADING_NEGATIONS,
  NEGATIONS,
  NO_EMOJI,
  TAMIL_NEGATIVE_PARTS,
  YES_EMOJI,
} from './agreement-words.ts';

export type Agreement = 'positive' | 'negative' | 'unclear';

/** A classifier for one kind of yes/no question: which words say yes, which extra words alone say no. */
export interface AgreementLexicon {
  readonly positive: Words;
  readonly negativeWhole: Words;
}

const negations = new Set(allWords(NEGATIONS).map(foldWord));
const leading = new Set(LEADING_NEGATIONS.map(foldWord));
const tamilParts = TAMIL_NEGATIVE_PARTS.map(foldWord);
const AGREEING_RE = new RegExp(`${WB}${wordsAlternation(allWords(AGREEING_NEGATIONS))}${WE}`, 'gu');
const YES_MARK = ' yes ';

function phraseRe(words: Iterable<string>): RegExp {
  return new RegExp(`${WB}${wordsAlternation(words)}${WE}`, 'gu');
}

/** Compiles a lexicon once; the returned function classifies a reply. */
export function agreementClassifier(lex: AgreementLexicon): (text: string) => Agreement {
  const positiveRe = phraseRe([...allWords(lex.positive), 'yes']);
  const fillerRe = phraseRe(allWords(AGREEMENT_FILLERS));
  const negativeWholeRe = phraseRe(allWords(lex.negativeWhole));
  return (text) => {
    const raw = text.slice(0, 2000);
    const yesEmoji = YES_EMOJI.some((e) => raw.includes(e));
    if (NO_EMOJI.some((e) => raw.includes(e))) return 'negative';
    const words = tokenize(fold(raw))
      .map((t) => t.text)
      .join(' ');
    const plain = words.replace(AGREEING_RE, YES_MARK).replace(/ +/g, ' ').trim();
    const tokens = plain.split(' ').filter(Boolean);
    if (tokens.some((t) => negations.has(t))) return 'negative';
    if (tokens.length > 0 && leading.has(tokens[0]!)) return 'negative';
    if (tokens.some((t) => /[\u0B80-\u0BFF]/.test(t) && tamilParts.some((p) => t.includes(p)))) return 'negative';
    const withoutFillers = (s: string) => s.replace(fillerRe, ' ').trim();
    if (plain.search(negativeWholeRe) >= 0 && withoutFillers(plain.replace(negativeWholeRe, ' ')) === '') {
      return 'negative';
    }
    // A question ("ok?", "yes but what are the terms?") is not an answer.
    if (/[?？]/.test(raw)) return 'unclear';
    if (!yesEmoji && plain.search(positiveRe) < 0) return 'unclear';
    return withoutFillers(plain.replace(positiveRe, ' ')) === '' ? 'positive' : 'unclear';
  };
}
