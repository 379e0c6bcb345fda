import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barList, columnChart, funnelChart, lineChart, meter, niceAxis } from './svg-charts.ts';

test('axes end on a round number in at most five steps', () => {
  assert.deepEqual(niceAxis(250), { max: 250, steps: 5 });
  assert.deepEqual(niceAxis(275), { max: 300, steps: 3 });
  assert.deepEqual(niceAxis(2), { max: 2, steps: 2 });
  assert.deepEqual(niceAxis(7), { max: 8, steps: 4 });
  assert.deepEqual(niceAxis(1_234_500), { max: 1_250_000, steps: 5 });
  assert.deepEqual(niceAxis(0.42), { max: 0.5, steps: 5 });
  assert.deepEqual(niceAxis(0), { max: 1, steps: 1 });
});

test('bars carry their values as titles and their labels escaped', () => {
  const svg = columnChart({ data: [{ label: '<b>Mon</b>', value: 3 }, { label: 'Tue', value: 5 }], ariaLabel: 'Tickets & more', format: String }).value;
  assert.match(svg, /^<svg class="chart"[^>]*role="img" aria-label="Tickets &amp; more"/);
  assert.equal((svg.match(/<rect /g) ?? []).length, 2);
  assert.match(svg, /<title>&lt;b&gt;Mon&lt;\/b&gt;: 3<\/title>/);
  assert.doesNotMatch(svg, /<b>/);
});

test('charts without data say so instead of drawing empty axes', () => {
  for (const svg of [
    columnChart({ data: [{ label: 'a', value: 0 }], ariaLabel: 'x', format: String }),
    lineChart({ data: [], ariaLabel: 'x', format: String }),
    barList({ data: [], ariaLabel: 'x', format: String }),
    funnelChart({ steps: [{ label: 'Started', count: 0, dropOff: 0, dropOffRate: null }], ariaLabel: 'x' }),
  ]) {
    assert.match(svg.value, /No data for this period/);
  }
});

test('the funnel shows each step with its share and the loss before it', () => {
  const svg = funnelChart({
    ariaLabel: 'Funnel',
    steps: [
      { label: 'Started', count: 200, dropOff: 0, dropOffRate: null },
      { label: 'Show chosen', count: 150, dropOff: 50, dropOffRate: 0.25 },
    ],
  }).value;
  assert.match(svg, /<title>Show chosen: 150 \(75% of started\)<\/title>/);
  assert.match(svg, /▼ 50 dropped \(25%\)/);
});

test('a line chart draws one point per day and a meter clamps its fraction', () => {
  const svg = lineChart({ data: [1, 4, 2].map((v, i) => ({ label: `d${i}`, value: v })), ariaLabel: 'Revenue', format: String }).value;
  assert.equal((svg.match(/<circle /g) ?? []).length, 3);
  assert.match(meter(1.7, 'full').value, /width="100"/);
  assert.match(meter(null, 'none').value, /—/);
});
