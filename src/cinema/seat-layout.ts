import { z } from 'zod';
import { DomainError } from './domain-error.ts';
import type { LayoutCell, LayoutRow, SeatLayout } from './types.ts';

/** A seat as stored: its place in the grid and its attributes. */
export interface SeatSpec {
  rowLabel: string;
  rowIndex: number;
  col: number;
  number: number;
  category: string;
  wheelchair: boolean;
  blocked: boolean;
}

export const MAX_ROWS = 60;
export const MAX_ROW_CELLS = 120;

const seatSchema = z.object({
  number: z.number().int().min(1).max(999),
  category: z.string().trim().min(1).max(40),
  wheelchair: z.boolean().optional(),
  blocked: z.boolean().optional(),
});

export const seatLayoutSchema = z.object({
  rows: z
    .array(
      z.object({
        // Letters only, so that a seat code ('AA12') always splits into row and number.
        label: z.string().trim().regex(/^[A-Za-z]{1,3}$/, 'one to three letters'),
        cells: z.array(seatSchema.nullable()).max(MAX_ROW_CELLS),
      }),
    )
    .min(1)
    .max(MAX_ROWS),
});

/**
 * Checks a layout beyond its shape: row labels unique, seat numbers unique within a row, at least
 * one seat. Returns the problems as 'path: message' strings (empty when valid).
 */
export function layoutProblems(layout: SeatLayout): string[] {
  const parsed = seatLayoutSchema.safeParse(layout);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.') || 'layout'}: ${i.message}`);
  const problems: string[] = [];
  const labels = new Set<string>();
  let seats = 0;
  parsed.data.rows.forEach((row, r) => {
    const key = row.label.toUpperCase();
    if (labels.has(key)) problems.push(`rows.${r}.label: row ${row.label} appears twice`);
    labels.add(key);
    const numbers = new Set<number>();
    row.cells.forEach((cell, c) => {
      if (!cell) return;
      seats++;
      if (numbers.has(cell.number)) problems.push(`rows.${r}.cells.${c}: seat ${row.label}${cell.number} appears twice`);
      numbers.add(cell.number);
    });
  });
  if (seats === 0) problems.push('rows: the layout has no seats');
  return problems;
}

/** The layout as a list of seats, or a DomainError('invalid_input') naming what is wrong. */
export function layoutToSeats(layout: SeatLayout): SeatSpec[] {
  const problems = layoutProblems(layout);
  if (problems.length) throw new DomainError('invalid_input', `invalid seat layout: ${problems.join('; ')}`, { fields: problems });
  const out: SeatSpec[] = [];
  layout.rows.forEach((row, rowIndex) => {
    row.cells.forEach((cell, col) => {
      if (!cell) return;
      out.push({
        rowLabel: row.label.trim().toUpperCase(),
        rowIndex,
        col,
        number: cell.number,
        category: cell.category.trim(),
        wheelchair: cell.wheelchair === true,
        blocked: cell.blocked === true,
      });
    });
  });
  return out;
}

/** Rebuilds the grid from stored seats: rows in order, gaps where a column has no seat. */
export function seatsToLayout(seats: readonly SeatSpec[]): SeatLayout {
  const byRow = new Map<number, SeatSpec[]>();
  for (const s of seats) {
    const list = byRow.get(s.rowIndex) ?? [];
    list.push(s);
    byRow.set(s.rowIndex, list);
  }
  const rows: LayoutRow[] = [...byRow.keys()]
    .sort((a, b) => a - b)
    .map((rowIndex) => {
      const list = byRow.get(rowIndex)!;
      const width = Math.max(...list.map((s) => s.col)) + 1;
      const cells: LayoutCell[] = Array.from({ length: width }, () => null);
      for (const s of list) {
        const cell: LayoutCell = { number: s.number, category: s.category };
        if (s.wheelchair) cell.wheelchair = true;
        if (s.blocked) cell.blocked = true;
        cells[s.col] = cell;
      }
      return { label: list[0]!.rowLabel, cells };
    });
  return { rows };
}

/** 'F12' for row F, seat 12. */
export function seatCode(rowLabel: string, number: number): string {
  return `${rowLabel}${number}`;
}

/** Normalises a seat code as typed: ' f 12 ' → 'F12'; null when it is not a row label and number. */
export function normalizeSeatCode(input: string): string | null {
  const m = /^([A-Za-z]{1,3})-?0*(\d{1,3})$/.exec(input.replace(/\s+/g, ''));
  return m ? `${m[1]!.toUpperCase()}${Number(m[2])}` : null;
}

/**
 * One row from a pattern, for writing layouts by hand: `S` a seat, `W` a wheelchair space, `X` a
 * seat blocked by staff, `_` or space a gap or aisle. Seats are numbered left to right from 1.
 * layoutRow('A', 'Classic', 'SSSS_SSSS') → 8 seats A1–A8 with an aisle after A4.
 */
export function layoutRow(label: string, category: string, pattern: string): LayoutRow {
  let n = 0;
  const cells: LayoutCell[] = [...pattern].map((ch) => {
    if (ch === '_' || ch === ' ') return null;
    if (!'SWX'.includes(ch)) throw new RangeError(`unknown layout character '${ch}' in row ${label}`);
    n++;
    const cell: LayoutSeat = { number: n, category };
    if (ch === 'W') cell.wheelchair = true;
    if (ch === 'X') cell.blocked = true;
    return cell;
  });
  return { label, cells };
}

type LayoutSeat = Exclude<LayoutCell, null>;
