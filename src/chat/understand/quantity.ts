import { fold, type Folded } from './fold.ts';
import { dateSpans } from './dates.ts';
import { isQuantityNoun, scanNumbers, type NumberHit } from './numbers.ts';
import { seatSpans } from './seats.ts';
import { timeSpans } from './time-of-day.ts';

export type Quantity = { kind: 'ok'; value: number } | { kind: 'ambiguous'; values: number[] } | { kind: 'none' };

// A count is at most a few digits; longer runs are phone numbers, PIN codes or amounts.
const MAX_COUNT_DIGITS = 4;
const MONEY_BEFORE = /(?:₹|rs\.?|inr|rupees?) *$/u;
const MONEY_AFTER = /^ *(?:₹|rs\b|rupees?|rupaye|रुपये|रुपए|ரூபாய்|ரூ|\/-|%)/u;

/** Marks the hits (sorted by start) that lie inside any of `spans`, in one sweep. */
function insideAny(hits: readonly NumberHit[], spans: { fs: number; fe: number }[]): boolean[] {
  spans.sort((a, b) => a.fs - b.fs);
  let k = 0;
  let reach = -1; // furthest end of the spans that start at or before the current hit
  return hits.map((h) => {
    while (k < spans.length && spans[k]!.fs <= h.fs) reach = Math.max(reach, spans[k++]!.fe);
    return reach >= h.fe;
  });
}

/** The numbers of a message that can be a ticket count, in order: no dates, hours, seats, prices or codes. */
export function countCandidates(f: Folded): NumberHit[] {
  const hits = scanNumbers(f);
  if (hits.length === 0) return [];
  const taken = [...dateSpans(f), ...timeSpans(f), ...seatSpans(f)];
  const covered = insideAny(hits, taken);
  const s = f.s;
  return hits.filter((h, i) => {
    if (covered[i]) return false;
    if (h.word) return true;
    if (h.fe - h.fs > MAX_COUNT_DIGITS) return false;
    const before = s.slice(Math.max(0, h.fs - 8), h.fs);
    const after = s.slice(h.fe, h.fe + 24);
    // Glued to a letter on the left: a seat, a booking reference or a code ("F7", "K7MX2Q").
    if (/[\p{L}\p{M}]$/u.test(before)) return false;
    // Part of a decimal, a thousands group or a list like "1,2" is never a single count.
    if (/\d[.,]$/.test(before)) return false;
    if (/^[.,]\d/.test(after)) return false;
    if (MONEY_BEFORE.test(before) || MONEY_AFTER.test(after)) return false;
    // Glued to a word on the right: only "2tickets", "3x", "2பேர்" are counts ("2nd", "3abc" are not).
    const glued = /^[\p{L}\p{M}]+/u.exec(after)?.[0];
    if (glued !== undefined && glued !== 'x' && !isQuantityNoun(glued)) return false;
    return true;
  });
}

/**
 * How many tickets the customer asked for; two different counts are ambiguous, digits are never joined.
 * @example parseQuantity('2 tickets for 3 people') → { kind: 'ambiguous', values: [2, 3] }
 */
export function parseQuantity(text: string): Quantity {
  const values: number[] = [];
  for (const h of countCandidates(fold(text))) if (!values.includes(h.value)) values.push(h.value);
  if (values.length === 0) return { kind: 'none' };
  if (values.length === 1) return { kind: 'ok', value: values[0]! };
  return { kind: 'ambiguous', values };
}
