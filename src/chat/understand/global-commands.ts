import { foldWord, plainWords } from './fold.ts';
import { allWords } from './lang.ts';
import { COMMAND_FILLERS, COMMAND_WORDS, type GlobalCommand } from './command-words.ts';
import { editDistance } from './edit-distance.ts';

export type { GlobalCommand } from './command-words.ts';

const commandOf = new Map<string, GlobalCommand>();
for (const [cmd, words] of Object.entries(COMMAND_WORDS) as [GlobalCommand, (typeof COMMAND_WORDS)[GlobalCommand]][]) {
  for (const w of allWords(words)) commandOf.set(foldWord(w), cmd);
}
const fillers = new Set(allWords(COMMAND_FILLERS).map(foldWord));
// Typos are forgiven only on single English words of six letters or more ("cancle", "restrat"); shorter
// ones are one edit away from real words ("staff"/"stuff", "abort"/"about").
const typoTargets = [...commandOf.entries()].filter(([w]) => /^[a-z]{6,}$/.test(w));

/**
 * The conversation-wide command a message consists of, if it is essentially only that command.
 * @example parseGlobalCommand('Menu please') === 'menu'; parseGlobalCommand('cancel my booking for Retro') === undefined
 */
export function parseGlobalCommand(text: string): GlobalCommand | undefined {
  if (text.length > 200) return undefined; // a command is a few words; a long message is a request
  if (/^[\s?？¿]+$/u.test(text) && /[?？]/.test(text)) return 'help';
  const tokens = plainWords(text).split(' ').filter(Boolean);
  while (tokens.length > 1 && fillers.has(tokens[0]!)) tokens.shift();
  while (tokens.length > 1 && fillers.has(tokens[tokens.length - 1]!)) tokens.pop();
  const phrase = tokens.join(' ');
  const exact = commandOf.get(phrase);
  if (exact || tokens.length !== 1) return exact;
  if (!/^[a-z]{6,}$/.test(phrase)) return undefined;
  for (const [w, cmd] of typoTargets) if (editDistance(phrase, w, 1) <= 1) return cmd;
  return undefined;
}
