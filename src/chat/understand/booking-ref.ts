import { fold } from './fold.ts';

/** The alphabet booking references are made from (as in cinema/booking-ref.ts): no 0/O or 1/I. */
export const BOOKING_REF_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

const C = `[${BOOKING_REF_ALPHABET.toLowerCase()}]`;
const SEP = ' *- *| +';
// Six characters together, or as 3+3 or 2+2+2 the way people copy them ("K7M-X2Q", "K7 MX 2Q").
const REF_RE = new RegExp(
  String.raw`(?<![\p{L}\p{M}\p{N}])(?:(${C}{6})|(${C}{3})(?:${SEP})(${C}{3})|(${C}{2})(?:${SEP})(${C}{2})(?:${SEP})(${C}{2}))(?![\p{L}\p{M}\p{N}])`,
  'gu',
);
// "sat 7pm", "fri 2nd": a group that is an hour or an ordinal means the words were never a reference.
const TIME_OR_ORDINAL = /^\d{1,2}(?:am|pm|st|nd|rd|th)$/;
const CUE_WORDS = new Set(['ref', 'id', 'pnr', 'no']);
const CUE_BEFORE = /(?<![\p{L}\p{N}])(?:ref|reference|refno|ref no|id|code|pnr|number)(?: +is)?[\s:.#-]*$|#\s*$/u;

/**
 * The booking reference in a message, canonical (upper case, no separators); letters-only candidates
 * count only after a cue ("ref", "booking id") or typed alone in capitals, because six-letter words
 * like "thanks" fit the alphabet.
 * @example findBookingRef('my ref is k7m-x2q') === 'K7MX2Q'
 */
export function findBookingRef(text: string): string | undefined {
  const f = fold(text.slice(0, 4000));
  const re = new RegExp(REF_RE.source, REF_RE.flags);
  for (let m = re.exec(f.s); m; m = re.exec(f.s)) {
    const groups = m.slice(1).filter((g): g is string => g !== undefined);
    // "ref K7M-X2Q": a cue word is not the first part of the reference; look again one place on.
    const rejected = groups.length > 1 && groups.some((g) => TIME_OR_ORDINAL.test(g) || CUE_WORDS.has(g));
    if (rejected) {
      re.lastIndex = m.index + 1;
      continue;
    }
    const code = groups.join('').toUpperCase();
    if (/\d/.test(code)) return code;
    const cued = CUE_BEFORE.test(f.s.slice(Math.max(0, m.index! - 20), m.index!));
    const alone = f.s.trim() === m[0] && text.trim().replace(/[\s-]/g, '') === code;
    if (cued || alone) return code;
  }
  return undefined;
}
