import { escapeRegex, fold, foldWord, WE } from './fold.ts';

/**
 * The special-event keyword in a message, as the cinema wrote it: "#WRETRO", "#wretro", "# wretro" or the
 * bare word "wretro", anywhere and in any case. The earliest mention wins.
 * @example findEventKeyword('Hi! I saw #wretro on Instagram', ['#WRETRO']) === '#WRETRO'
 */
export function findEventKeyword(text: string, keywords: string[]): string | undefined {
  const f = fold(text.slice(0, 4000));
  let best: { keyword: string; at: number; len: number } | undefined;
  for (const keyword of keywords) {
    const bare = foldWord(keyword).replace(/^#+\s*/, '');
    if (bare.length === 0) continue;
    const re = new RegExp(String.raw`(?:#\s*|(?<![\p{L}\p{M}\p{N}#]))${escapeRegex(bare).replace(/ /g, ' +')}${WE}`, 'u');
    const m = re.exec(f.s);
    if (m && (!best || m.index < best.at || (m.index === best.at && bare.length > best.len))) {
      best = { keyword, at: m.index, len: bare.length };
    }
  }
  return best?.keyword;
}
