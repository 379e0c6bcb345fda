import { html, type SafeHtml } from '../html.ts';
import { formatMoney } from '../format.ts';
import type { Analytics, CinemaAnalytics, OperatorAnalytics } from './compute-analytics.ts';
import type { DateRange } from './date-range.ts';
import { addDays } from './local-time.ts';
import { barList, columnChart, funnelChart, lineChart, meter, PALETTE } from './svg-charts.ts';

/** Shows listed on the page; the shows export has them all. */
export const SHOWS_ON_PAGE = 30;

const int = (n: number): string => Math.round(n).toLocaleString('en-IN');

export function percent(x: number | null, digits = 0): string {
  return x === null ? '—' : `${(x * 100).toFixed(digits)}%`;
}

/** '4 min 05 s', '1 h 12 min'. */
export function duration(ms: number | null): string {
  if (ms === null) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** Whole rupees for axes, where paise would only add noise. */
const rupeesAxis = (paise: number): string => `₹${int(paise / 100)}`;

/** '10 Nov' from '2026-11-10'. */
function dayLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(Date.UTC(y!, m! - 1, d!));
}

function stat(label: string, value: string, hint?: string | SafeHtml): SafeHtml {
  return html`<div class="stat"><div class="label">${label}</div><div class="value">${value}</div>${hint ? html`<div class="hint">${hint}</div>` : ''}</div>`;
}

function rangeForm(action: string, range: DateRange, today: string): SafeHtml {
  const quick = [7, 30, 90].map((days) => {
    const href = `${action}?from=${addDays(today, -(days - 1))}&to=${today}`;
    return html`<a class="btn btn-ghost btn-sm" href="${href}">Last ${days} days</a>`;
  });
  return html`<form class="card filters" method="get" action="${action}" aria-label="Period">
  <div class="field"><label for="from">From</label><input id="from" name="from" type="date" value="${range.fromDate}" max="${today}" required></div>
  <div class="field"><label for="to">To</label><input id="to" name="to" type="date" value="${range.toDate}" required></div>
  <div class="field"><button class="btn btn-primary" type="submit">Show</button></div>
  <div class="field row">${quick}</div>
</form>`;
}

function headline(a: Analytics): SafeHtml {
  return html`<section class="stats" aria-label="Key figures">
  ${stat('Unique customers', int(a.uniqueCustomers), 'wrote at least once')}
  ${stat('Conversations', int(a.conversations), `${int(a.abandoned)} abandoned`)}
  ${stat('Conversion', percent(a.conversionRate, 1), 'conversations ending in a booking')}
  ${stat('Tickets sold', int(a.sales.tickets), `${int(a.sales.bookings)} bookings · ${int(a.sales.cancellations)} cancelled`)}
  ${stat('Revenue', formatMoney(a.sales.revenuePaise), 'confirmed bookings')}
  ${stat('Occupancy', percent(a.occupancy, 1), 'seats sold over seats offered')}
  ${stat('Messages per booking', a.avgMessagesPerBooking === null ? '—' : a.avgMessagesPerBooking.toFixed(1), 'customer messages in booked conversations')}
  ${stat('Conversation length', duration(a.avgConversationMs), 'average, start to last message')}
  ${stat('Failed replies', percent(a.errors.outboundFailureRate, 1), `${int(a.errors.outboundFailed)} of ${int(a.errors.outboundTotal)} outbound`)}
  ${stat('Failed processing', percent(a.errors.inboundFailureRate, 1), `${int(a.errors.inboundFailed)} of ${int(a.errors.inboundTotal)} inbound`)}
</section>`;
}

function funnelCard(a: Analytics): SafeHtml {
  return html`<section class="card" aria-labelledby="funnel-h">
  <header><h2 id="funnel-h">Booking funnel</h2><span class="muted">${int(a.abandoned)} conversations timed out without booking</span></header>
  ${funnelChart({ steps: a.funnel, ariaLabel: 'Booking funnel: conversations reaching each step' })}
  <div class="table-wrap"><table>
    <thead><tr><th>Step</th><th class="num">Conversations</th><th class="num">Of started</th><th class="num">Dropped</th><th class="num">Drop-off</th></tr></thead>
    <tbody>${a.funnel.map(
      (s) => html`<tr><td>${s.label}</td><td class="num">${int(s.count)}</td><td class="num">${percent(s.ofStarted, 1)}</td><td class="num">${s.step === 'started' ? '—' : int(s.dropOff)}</td><td class="num">${percent(s.dropOffRate, 1)}</td></tr>`,
    )}</tbody>
  </table></div>
</section>`;
}

function salesCards(a: Analytics): SafeHtml {
  const tickets = a.byDay.map((d) => ({ label: dayLabel(d.date), value: d.tickets }));
  const revenue = a.byDay.map((d) => ({ label: dayLabel(d.date), value: d.revenuePaise }));
  return html`<div class="grid grid-2">
  <section class="card" aria-labelledby="tickets-h"><h2 id="tickets-h">Tickets by day</h2>${columnChart({ data: tickets, ariaLabel: 'Tickets sold by day', format: int })}</section>
  <section class="card" aria-labelledby="revenue-h"><h2 id="revenue-h">Revenue by day</h2>${lineChart({ data: revenue, ariaLabel: 'Revenue by day', format: rupeesAxis })}</section>
</div>`;
}

function popularCards(a: Analytics): SafeHtml {
  const top = a.films.slice(0, 8);
  const films = top.map((f) => ({ label: f.title, value: f.tickets, note: `${percent(f.occupancy)} full` }));
  const hours = a.hours.map((h) => ({ label: h.label, value: h.tickets }));
  const weekdays = a.weekdays.map((w) => ({ label: w.label, value: w.tickets }));
  return html`<div class="grid grid-2">
  <section class="card" aria-labelledby="films-h"><h2 id="films-h">Popular films</h2>
    ${barList({ data: films, ariaLabel: 'Tickets sold by film', format: int })}
    ${
      top.length
        ? html`<div class="table-wrap"><table>
      <thead><tr><th>Film</th><th class="num">Shows</th><th class="num">Tickets</th><th class="num">Revenue</th><th class="num">Occupancy</th></tr></thead>
      <tbody>${top.map((f) => html`<tr><td>${f.title}</td><td class="num">${int(f.shows)}</td><td class="num">${int(f.tickets)}</td><td class="num">${formatMoney(f.revenuePaise)}</td><td class="num">${percent(f.occupancy, 1)}</td></tr>`)}</tbody>
    </table></div>`
        : ''
    }
  </section>
  <section class="card" aria-labelledby="times-h"><h2 id="times-h">Popular show times</h2>
    <h3 class="muted">By start time</h3>
    ${columnChart({ data: hours, ariaLabel: 'Tickets sold by show start hour', format: int, color: PALETTE.accent, height: 200 })}
    <h3 class="muted">By weekday</h3>
    ${columnChart({ data: weekdays, ariaLabel: 'Tickets sold by weekday', format: int, color: PALETTE.secondary, height: 170 })}
  </section>
</div>`;
}

function showsCard(a: Analytics, exportHref: string | null, cinemaNames?: Map<string, string>): SafeHtml {
  const shows = [...a.shows].sort((x, y) => y.startsAt - x.startsAt).slice(0, SHOWS_ON_PAGE);
  return html`<section class="card" aria-labelledby="shows-h">
  <header><h2 id="shows-h">Occupancy by show</h2>${
    a.shows.length > SHOWS_ON_PAGE
      ? html`<span class="muted">Latest ${SHOWS_ON_PAGE} of ${int(a.shows.length)} shows${exportHref ? html` · <a href="${exportHref}">export all</a>` : ''}</span>`
      : ''
  }</header>
  ${
    shows.length
      ? html`<div class="table-wrap"><table>
    <thead><tr><th>Show</th><th>Film</th>${cinemaNames ? html`<th>Cinema</th>` : ''}<th>Location</th><th class="num">Sold</th><th>Occupancy</th><th class="num">Revenue</th></tr></thead>
    <tbody>${shows.map(
      (s) => html`<tr><td>${s.localStart}</td><td>${s.title}</td>${cinemaNames ? html`<td>${cinemaNames.get(s.showId) ?? ''}</td>` : ''}<td>${s.locationName} · ${s.screenName}</td><td class="num">${int(s.sold)} / ${int(s.capacity)}</td><td>${meter(s.occupancy, `${percent(s.occupancy)} full`)} ${percent(s.occupancy)}</td><td class="num">${formatMoney(s.revenuePaise)}</td></tr>`,
    )}</tbody>
  </table></div>`
      : html`<p class="empty">No shows in this period.</p>`
  }
</section>`;
}

/** The body of a cinema's analytics page. */
export function renderCinemaAnalytics(a: CinemaAnalytics, o: { basePath: string; today: string }): SafeHtml {
  const range = { fromDate: a.fromDate, toDate: a.toDate };
  const exportHref = `${o.basePath}/exports`;
  return html`${rangeForm(`${o.basePath}/analytics`, range, o.today)}
${headline(a)}
${funnelCard(a)}
${salesCards(a)}
${popularCards(a)}
${showsCard(a, exportHref)}`;
}

/** The operator's page: every cinema side by side, then the combined figures. */
export function renderOperatorAnalytics(a: OperatorAnalytics, o: { today: string }): SafeHtml {
  const range = { fromDate: a.fromDate, toDate: a.toDate };
  const q = `?from=${a.fromDate}&to=${a.toDate}`;
  const cinemaOfShow = new Map(a.cinemas.flatMap((c) => c.shows.map((s) => [s.showId, c.cinema.name] as const)));
  return html`${rangeForm('/admin/analytics', range, o.today)}
${headline(a)}
<section class="card" aria-labelledby="cinemas-h">
  <h2 id="cinemas-h">Cinemas</h2>
  ${
    a.cinemas.length
      ? html`<div class="table-wrap"><table>
    <thead><tr><th>Cinema</th><th class="num">Customers</th><th class="num">Conversations</th><th class="num">Conversion</th><th class="num">Tickets</th><th class="num">Revenue</th><th>Occupancy</th><th class="num">Failed replies</th></tr></thead>
    <tbody>${a.cinemas.map(
      (c) => html`<tr><td><a href="/admin/c/${encodeURIComponent(c.cinema.id)}/analytics${q}">${c.cinema.name}</a></td><td class="num">${int(c.uniqueCustomers)}</td><td class="num">${int(c.conversations)}</td><td class="num">${percent(c.conversionRate, 1)}</td><td class="num">${int(c.sales.tickets)}</td><td class="num">${formatMoney(c.sales.revenuePaise)}</td><td>${meter(c.occupancy, `${percent(c.occupancy)} full`)} ${percent(c.occupancy)}</td><td class="num">${percent(c.errors.outboundFailureRate, 1)}</td></tr>`,
    )}</tbody>
  </table></div>`
      : html`<p class="empty">No cinemas yet.</p>`
  }
</section>
${funnelCard(a)}
${salesCards(a)}
${popularCards(a)}
${showsCard(a, null, cinemaOfShow)}`;
}
