import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDomainError } from './domain-error.ts';
import { layoutProblems, layoutRow, layoutToSeats, normalizeSeatCode, seatsToLayout } from './seat-layout.ts';

test('a pattern row numbers seats left to right across aisles, with wheelchair and blocked seats', () => {
  const row = layoutRow('A', 'Classic', 'WSS_SX');
  assert.deepEqual(row.cells, [
    { number: 1, category: 'Classic', wheelchair: true },
    { number: 2, category: 'Classic' },
    { number: 3, category: 'Classic' },
    null,
    { number: 4, category: 'Classic' },
    { number: 5, category: 'Classic', blocked: true },
  ]);
});

test('layout → seats → layout keeps gaps, aisles and flags', () => {
  const layout = { rows: [layoutRow('A', 'Classic', '_SS_SS'), layoutRow('B', 'Prime', 'WSSSSX')] };
  const seats = layoutToSeats(layout);
  assert.equal(seats.length, 10);
  assert.deepEqual(
    seats.filter((s) => s.rowLabel === 'A').map((s) => s.col),
    [1, 2, 4, 5],
  );
  assert.deepEqual(seatsToLayout(seats), layout);
});

test('bad layouts are refused with every problem named', () => {
  assert.deepEqual(layoutProblems({ rows: [layoutRow('A', 'Classic', 'SS'), layoutRow('a', 'Classic', 'SS')] }), ['rows.1.label: row a appears twice']);
  assert.deepEqual(layoutProblems({ rows: [{ label: 'A', cells: [null, null] }] }), ['rows: the layout has no seats']);
  assert.match(layoutProblems({ rows: [{ label: 'A1', cells: [{ number: 1, category: 'C' }] }] })[0]!, /rows\.0\.label/);
  const twice = layoutProblems({ rows: [{ label: 'A', cells: [{ number: 1, category: 'C' }, { number: 1, category: 'C' }] }] });
  assert.deepEqual(twice, ['rows.0.cells.1: seat A1 appears twice']);
  assert.throws(() => layoutToSeats({ rows: [] }), (e) => isDomainError(e, 'invalid_input'));
});

test('seat codes are read as customers type them', () => {
  assert.equal(normalizeSeatCode(' f 12 '), 'F12');
  assert.equal(normalizeSeatCode('F-07'), 'F7');
  assert.equal(normalizeSeatCode('aa3'), 'AA3');
  assert.equal(normalizeSeatCode('12'), null);
  assert.equal(normalizeSeatCode('F'), null);
});
