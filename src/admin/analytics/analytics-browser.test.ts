import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { keepScreenshot, launchChromium } from '../../../test/browser/helpers.ts';
import { addUser, createAdminTestApp, TEST_PASSWORD, type AdminTestContext } from '../test-app.ts';
import { seedCinema, type CinemaFixture } from './fixtures.ts';
import { recordFunnelEvents } from './funnel-events.ts';

const D = 86_400_000;
const H = 3_600_000;

let ctx: AdminTestContext;
let cinema: CinemaFixture;
let url: string;
let browser: Browser | undefined;
let skip: string | undefined;

before(async () => {
  const launched = await launchChromium();
  if ('reason' in launched) {
    skip = launched.reason;
    return;
  }
  browser = launched.browser;
  ctx = await createAdminTestApp();
  cinema = await seedCinema(ctx.deps.db, { name: 'Regal Talkies', seats: 40 });
  const films = [await cinema.movie('Leo'), await cinema.movie('Jailer'), await cinema.movie('Ponniyin Selvan II')];
  const customer = await cinema.customer({ name: 'Ann' });
  // Two weeks of shows with a few bookings each, so every chart has something to draw.
  for (let d = 14; d >= 1; d--) {
    const day = ctx.clock.now() - d * D;
    for (const [i, hour] of [10, 14, 19].entries()) {
      const show = await cinema.show({ movieId: films[(d + i) % films.length]!, startsAt: day + hour * H });
      const at = day + i * H;
      const steps = (['started', 'show_chosen', 'quantity_chosen', 'confirmed'] as const).slice(0, 1 + ((d + i) % 4));
      await recordFunnelEvents(ctx.deps.db, steps.map((step, k) => ({ cinemaId: cinema.cinemaId, customerId: customer, step, at: at + k * 30_000, isTest: false })));
      if (steps.length === 4) {
        const q = 1 + ((d * 3 + i) % 4);
        await cinema.booking({ showId: show, customerId: customer, quantity: q, totalPaise: q * 18_000, createdAt: at + 90_000, seats: Array.from({ length: q }, (_, k) => `A${k + 1}`) });
      }
    }
  }
  url = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
});

after(async () => {
  await browser?.close();
  await ctx?.close();
});

test('the analytics page draws its charts at a readable size without overflowing', async (t) => {
  if (skip) return t.skip(skip);
  const manager = await addUser(ctx, 'manager', cinema.cinemaId);
  const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${url}/admin/login`);
  await page.fill('input[name=email]', manager.email);
  await page.fill('input[name=password]', TEST_PASSWORD);
  await Promise.all([page.waitForURL(/\/admin(\/|$)/), page.click('button[type=submit]')]);
  await page.goto(`${url}/admin/c/${cinema.cinemaId}/analytics`);

  for (const label of ['Booking funnel', 'Tickets sold by day', 'Revenue by day', 'Tickets sold by film', 'Tickets sold by show start hour', 'Tickets sold by weekday']) {
    const chart = page.locator(`svg.chart[aria-label^="${label}"]`);
    const box = await chart.boundingBox();
    assert.ok(box && box.width > 300 && box.height > 60, `${label} is drawn (${JSON.stringify(box)})`);
    assert.equal(await chart.locator('text', { hasText: 'No data for this period' }).count(), 0, `${label} has data`);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await keepScreenshot(page, 'analytics-cinema');

  // On a phone the cards stack and the charts shrink with them.
  await page.setViewportSize({ width: 390, height: 844 });
  const narrow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(narrow <= 0, `the page scrolls sideways on a phone by ${narrow}px`);
  await keepScreenshot(page, 'analytics-cinema-phone');
  await page.close();
});
