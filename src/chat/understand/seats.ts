import { fold, type Folded } from './fold.ts';

/** A customer can ask for a whole row block, but not more than a screen row holds. */
const MAX_RANGE = 60;

// Row letters (one or two, "F" or "AA"), an optional space only after a single letter ("F 7"), a seat number,
// and optionally "-F9", "-9" or "to F9" for a block in one row. Never inside a word or before a letter ("7pm").
const SEAT_RE =
  /(?<![\p{L}\p{M}\p{N}])([a-z]{1,2}|[a-z] +)0*(\d{1,3})(?: *(?:-|–|to) *(?:([a-z]{1,2}) *)?0*(\d{1,3}))?(?![\p{L}\p{M}\p{N}]|[:.]\d)/gu;

const SPACED_CODE_ENDS = /^ *(?:$|[^\p{L}\p{M}\p{N} ]|and |aur |[a-z]{1,2} ?\d)/u;

interface SeatHit {
  fs: number;
  fe: number;
  codes: string[];
}

function scanSeats(f: Folded): SeatHit[] {
  const out: SeatHit[] = [];
  for (const m of f.s.matchAll(SEAT_RE)) {
    const row = m[1]!.trim().toUpperCase();
    // "F 7" is a seat, but in "a 7 o'clock show" the "a" is an article: a spaced code must stand alone.
    if (m[1]!.endsWith(' ') && !SPACED_CODE_ENDS.test(f.s.slice(m.index! + m[0].length, m.index! + m[0].length + 8))) continue;
    const from = Number(m[2]);
    if (from === 0) continue;
    const codes = [`${row}${from}`];
    if (m[4] !== undefined) {
      const toRow = (m[3] ?? row).toUpperCase();
      const to = Number(m[4]);
      if (to === 0) continue;
      if (toRow === row && Math.abs(to - from) < MAX_RANGE) {
        const step = to >= from ? 1 : -1;
        for (let n = from + step; n !== to + step; n += step) codes.push(`${row}${n}`);
      } else {
        // Across rows or too wide to be a block: keep just the two seats named.
        codes.push(`${toRow}${to}`);
      }
    }
    out.push({ fs: m.index!, fe: m.index! + m[0].length, codes });
  }
  return out;
}

/** Spans of seat codes, so their numbers are not read as ticket counts. */
export function seatSpans(f: Folded): { fs: number; fe: number }[] {
  return scanSeats(f).map(({ fs, fe }) => ({ fs, fe }));
}

/**
 * Seat codes in the order typed, upper-cased and without repeats; a block in one row is expanded.
 * @example parseSeatCodes('f7,f8 and G2-G4') → ['F7', 'F8', 'G2', 'G3', 'G4']
 */
export function parseSeatCodes(text: string): string[] {
  const seen = new Set<string>();
  for (const hit of scanSeats(fold(text))) for (const c of hit.codes) seen.add(c);
  return [...seen];
}
