/**
 * Choosing the best free seats for a quantity — pure, so it can be tested on any seat map.
 *
 * Best means: side by side in one row, in the asked category, as near the centre line of the
 * screen as possible, preferring the middle rows of that category. When no row has enough seats
 * together, the seats are split across two adjacent rows, one block behind the other. Seats are
 * scattered only when the caller allows it, and the result always says which arrangement it is.
 * Wheelchair spaces are never picked here: they are booked by choosing them.
 */

export interface PickableSeat {
  id: string;
  rowIndex: number;
  col: number;
  category: string;
  wheelchair: boolean;
  /** Not blocked, not removed, no live claim. */
  free: boolean;
}

export interface PickRequest {
  quantity: number;
  /** Omitted: any category, but one category per booking. */
  category?: string;
  allowScattered?: boolean;
}

export type PickResult =
  | { ok: true; arrangement: 'together' | 'split_rows' | 'scattered'; seatIds: string[] }
  | { ok: false; reason: 'show_sold_out' | 'not_enough_seats' | 'seats_not_together'; available: number };

/** Cost of one row away from the middle row, in seat widths. */
const ROW_WEIGHT = 1;
/** Cost of leaving a single seat stranded next to the block: nobody can book it with a friend. */
const ORPHAN_PENALTY = 1.5;
/** Cost per seat width that the two blocks of a split are offset from each other. */
const SPLIT_OFFSET_WEIGHT = 1;

interface Block {
  row: number;
  category: string;
  seats: PickableSeat[];
  score: number;
  centre: number;
}

/** Picks the best seats, or says why it cannot. */
export function pickBestSeats(all: readonly PickableSeat[], req: PickRequest): PickResult {
  const n = req.quantity;
  const inCategory = all.filter((s) => req.category === undefined || s.category === req.category);
  const candidates = inCategory.filter((s) => s.free && !s.wheelchair);
  if (candidates.length === 0) return { ok: false, reason: 'show_sold_out', available: 0 };
  if (candidates.length < n) return { ok: false, reason: 'not_enough_seats', available: candidates.length };

  const cols = all.map((s) => s.col);
  const centreX = (Math.min(...cols) + Math.max(...cols)) / 2;
  const middleRow = middleRowsByCategory(inCategory);
  const runs = freeRuns(candidates);

  const together = bestBlock(runs, n, centreX, middleRow);
  if (together) return { ok: true, arrangement: 'together', seatIds: together.seats.map((s) => s.id) };

  const split = bestSplit(runs, n, centreX, middleRow);
  if (split) return { ok: true, arrangement: 'split_rows', seatIds: split.flatMap((b) => b.seats.map((s) => s.id)) };

  if (!req.allowScattered) return { ok: false, reason: 'seats_not_together', available: candidates.length };
  const scattered = [...candidates]
    .map((s) => ({ s, score: seatScore(s, centreX, middleRow) }))
    .sort((a, b) => a.score - b.score || a.s.rowIndex - b.s.rowIndex || a.s.col - b.s.col)
    .slice(0, n)
    .map((x) => x.s.id);
  return { ok: true, arrangement: 'scattered', seatIds: scattered };
}

/** The middle row of each category's band of rows (categories usually run front to back). */
function middleRowsByCategory(seats: readonly PickableSeat[]): Map<string, number> {
  const range = new Map<string, [number, number]>();
  for (const s of seats) {
    const r = range.get(s.category);
    range.set(s.category, r ? [Math.min(r[0], s.rowIndex), Math.max(r[1], s.rowIndex)] : [s.rowIndex, s.rowIndex]);
  }
  return new Map([...range].map(([c, [lo, hi]]) => [c, (lo + hi) / 2]));
}

function seatScore(s: PickableSeat, centreX: number, middleRow: Map<string, number>): number {
  return Math.abs(s.col - centreX) + ROW_WEIGHT * Math.abs(s.rowIndex - (middleRow.get(s.category) ?? s.rowIndex));
}

/** Maximal runs of free seats side by side (consecutive columns, one category) in each row. */
function freeRuns(candidates: readonly PickableSeat[]): PickableSeat[][] {
  const sorted = [...candidates].sort((a, b) => a.rowIndex - b.rowIndex || a.col - b.col);
  const runs: PickableSeat[][] = [];
  let run: PickableSeat[] = [];
  for (const s of sorted) {
    const last = run[run.length - 1];
    if (last && last.rowIndex === s.rowIndex && last.col + 1 === s.col && last.category === s.category) run.push(s);
    else {
      if (run.length) runs.push(run);
      run = [s];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

/** Every block of `size` seats inside the runs, scored. */
function blocks(runs: readonly PickableSeat[][], size: number, centreX: number, middleRow: Map<string, number>): Block[] {
  const out: Block[] = [];
  for (const run of runs) {
    for (let start = 0; start + size <= run.length; start++) {
      const seats = run.slice(start, start + size);
      const first = seats[0]!;
      const centre = (first.col + seats[seats.length - 1]!.col) / 2;
      const leftOver = start;
      const rightOver = run.length - start - size;
      const orphans = (leftOver === 1 ? 1 : 0) + (rightOver === 1 ? 1 : 0);
      const rowDistance = Math.abs(first.rowIndex - (middleRow.get(first.category) ?? first.rowIndex));
      out.push({
        row: first.rowIndex,
        category: first.category,
        seats,
        centre,
        score: Math.abs(centre - centreX) + ROW_WEIGHT * rowDistance + ORPHAN_PENALTY * orphans,
      });
    }
  }
  return out;
}

function better(a: Block, b: Block): boolean {
  // Ties go to the row further back, then the left-most block, so the choice is deterministic.
  return a.score < b.score || (a.score === b.score && (a.row > b.row || (a.row === b.row && a.centre < b.centre)));
}

function bestBlock(runs: readonly PickableSeat[][], n: number, centreX: number, middleRow: Map<string, number>): Block | null {
  let best: Block | null = null;
  for (const b of blocks(runs, n, centreX, middleRow)) if (!best || better(b, best)) best = b;
  return best;
}

/** Two blocks in adjacent rows of one category, sizes as even as possible, one behind the other. */
function bestSplit(runs: readonly PickableSeat[][], n: number, centreX: number, middleRow: Map<string, number>): [Block, Block] | null {
  if (n < 2) return null;
  let best: { pair: [Block, Block]; cost: number } | null = null;
  const bySize = new Map<number, Map<number, Block[]>>();
  const blocksOf = (size: number, row: number): Block[] => {
    let rows = bySize.get(size);
    if (!rows) {
      rows = new Map();
      for (const b of blocks(runs, size, centreX, middleRow)) {
        const list = rows.get(b.row) ?? [];
        list.push(b);
        rows.set(b.row, list);
      }
      bySize.set(size, rows);
    }
    return rows.get(row) ?? [];
  };
  const rowsWithSeats = [...new Set(runs.map((r) => r[0]!.rowIndex))].sort((a, b) => a - b);
  for (const row of rowsWithSeats) {
    if (!rowsWithSeats.includes(row + 1)) continue;
    for (let a = 1; a < n; a++) {
      const b = n - a;
      // An uneven split costs a little: 3 + 3 reads better than 5 + 1.
      const imbalance = Math.abs(a - b) / 2;
      for (const front of blocksOf(a, row)) {
        for (const back of blocksOf(b, row + 1)) {
          if (front.category !== back.category) continue;
          const cost = (front.score * a + back.score * b) / n + SPLIT_OFFSET_WEIGHT * Math.abs(front.centre - back.centre) + imbalance;
          if (!best || cost < best.cost) best = { pair: [front, back], cost };
        }
      }
    }
  }
  return best ? best.pair : null;
}
