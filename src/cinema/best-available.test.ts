import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pickBestSeats, type PickableSeat } from './best-available.ts';

/**
 * Seat maps drawn as text, front row first: a letter is a free seat of that category (c, p, r),
 * '#' a taken seat of the row's category, 'w' a free wheelchair space, '_' a gap or aisle.
 */
function hall(rows: string[]): PickableSeat[] {
  const names: Record<string, string> = { c: 'Classic', p: 'Prime', r: 'Recliner' };
  const out: PickableSeat[] = [];
  rows.forEach((line, rowIndex) => {
    const rowCategory = names[[...line].find((ch) => names[ch]) ?? 'c']!;
    [...line].forEach((ch, col) => {
      if (ch === '_') return;
      out.push({
        id: `${String.fromCharCode(65 + rowIndex)}${col}`,
        rowIndex,
        col,
        category: names[ch] ?? rowCategory,
        wheelchair: ch === 'w',
        free: ch !== '#',
      });
    });
  });
  return out;
}

const pick = (rows: string[], quantity: number, category?: string, allowScattered?: boolean) => pickBestSeats(hall(rows), { quantity, category, allowScattered });

test('empty screen: the centre of the middle row', () => {
  const r = pick(['ccccc_cccccccc_ccccc', 'ccccc_cccccccc_ccccc', 'ccccc_cccccccc_ccccc', 'ccccc_cccccccc_ccccc', 'ccccc_cccccccc_ccccc'], 2);
  assert.deepEqual(r, { ok: true, arrangement: 'together', seatIds: ['C9', 'C10'] });
  const four = pick(['cccccccccc', 'cccccccccc', 'cccccccccc'], 4);
  assert.deepEqual(four, { ok: true, arrangement: 'together', seatIds: ['B3', 'B4', 'B5', 'B6'] });
});

test('the block never spans an aisle', () => {
  // Centre seats 4–5 are split by the aisle at column 4; three together must sit on one side.
  const r = pick(['cccc_cccc'], 3);
  assert.ok(r.ok);
  const cols = r.seatIds.map((id) => Number(id.slice(1)));
  assert.ok(cols.every((c) => c < 4) || cols.every((c) => c > 4), `spans the aisle: ${r.seatIds}`);
  assert.equal(r.arrangement, 'together');
});

test('fragmented screen: the best remaining block, without stranding a single seat when avoidable', () => {
  const r = pick(['cc##cc##cc', 'c#c#cccc#c', 'cccc##cccc'], 3);
  // Row B has 4–7 free (4 together, near the centre); row C has 0–3 and 6–9.
  assert.deepEqual(r, { ok: true, arrangement: 'together', seatIds: ['B4', 'B5', 'B6'] });
  const two = pick(['c##ccc##cc'], 2);
  // Taking 3–4 would strand seat 5; 4–5 leaves 3 alone; both strand one, so the centre wins.
  assert.ok(two.ok && two.arrangement === 'together');
});

test('a request larger than any block is split over two adjacent rows, one block behind the other', () => {
  const r = pick(['###ccc####', '###cccc###', '###cccc###', 'cc######cc'], 8);
  assert.equal(r.ok && r.arrangement, 'split_rows');
  assert.ok(r.ok);
  assert.deepEqual(r.seatIds.sort(), ['B3', 'B4', 'B5', 'B6', 'C3', 'C4', 'C5', 'C6'].sort());
  // Non-adjacent rows are never paired.
  const far = pick(['ccc#######', '##########', '#######ccc'], 6);
  assert.deepEqual(far, { ok: false, reason: 'seats_not_together', available: 6 });
});

test('scattered seats only when the caller allows it, and then it says so', () => {
  const rows = ['c#c#c#c#c#', '##########', '#c#c#c#c#c'];
  assert.deepEqual(pick(rows, 4), { ok: false, reason: 'seats_not_together', available: 10 });
  const r = pick(rows, 4, undefined, true);
  assert.ok(r.ok);
  assert.equal(r.arrangement, 'scattered');
  assert.equal(r.seatIds.length, 4);
});

test('categories: only the chosen category, its own middle rows, never mixed', () => {
  const rows = ['cccccccc', 'cccccccc', 'pppppppp', 'pppppppp', 'pppppppp', 'rrrr'];
  const prime = pick(rows, 2, 'Prime');
  assert.deepEqual(prime, { ok: true, arrangement: 'together', seatIds: ['D3', 'D4'] });
  const recliner = pick(rows, 2, 'Recliner');
  assert.ok(recliner.ok && recliner.seatIds.every((id) => id.startsWith('F')));
  assert.deepEqual(pick(rows, 5, 'Recliner'), { ok: false, reason: 'not_enough_seats', available: 4 });
  // A row that changes category half-way is two blocks, not one.
  const mixed = pick(['ccccpppp'], 5);
  assert.deepEqual(mixed, { ok: false, reason: 'seats_not_together', available: 8 });
});

test('wheelchair spaces are never picked by best available', () => {
  const r = pick(['wwccww'], 2);
  assert.deepEqual(r, { ok: true, arrangement: 'together', seatIds: ['A2', 'A3'] });
  assert.deepEqual(pick(['ww##ww'], 1), { ok: false, reason: 'show_sold_out', available: 0 });
});

test('sold out and not enough seats are told apart', () => {
  assert.deepEqual(pick(['####', '####'], 1), { ok: false, reason: 'show_sold_out', available: 0 });
  assert.deepEqual(pick(['##c#', '####'], 2), { ok: false, reason: 'not_enough_seats', available: 1 });
});
