import { html, type SafeHtml } from '../html.ts';
import { addDays, localTime } from '../analytics/local-time.ts';
import type { ExportFile } from './export-files-repository.ts';

const KIND_LABELS: Record<string, string> = {
  bookings: 'Bookings',
  shows: 'Shows with occupancy',
  customers: 'Customers',
  'daily-summary': 'Daily summary',
};

/** '1.4 MB' */
export function fileSize(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function downloadCard(base: string, today: string, canReveal: boolean): SafeHtml {
  const quick = (['bookings', 'shows', 'customers'] as const).map(
    (k) => html`<li>${KIND_LABELS[k]}: <a href="${base}/exports/${k}.xlsx">Excel</a> · <a href="${base}/exports/${k}.csv">CSV</a></li>`,
  );
  return html`<section class="card" aria-labelledby="download-h">
  <h2 id="download-h">Download</h2>
  <form method="get" action="${base}/exports/download" class="stack">
    <div class="filters">
      <div class="field"><label for="kind">What</label><select id="kind" name="kind">${Object.entries(KIND_LABELS).map(([k, label]) => html`<option value="${k}">${label}</option>`)}</select></div>
      <div class="field"><label for="format">Format</label><select id="format" name="format"><option value="xlsx">Excel (.xlsx)</option><option value="csv">CSV</option></select></div>
      <div class="field"><label for="from">From</label><input id="from" name="from" type="date" value="${addDays(today, -29)}"></div>
      <div class="field"><label for="to">To</label><input id="to" name="to" type="date" value="${today}"></div>
    </div>
    ${
      canReveal
        ? html`<div class="checks"><label><input type="checkbox" name="reveal" value="1"> Include full phone numbers (recorded in the audit log)</label></div>`
        : ''
    }
    <div class="actions"><button class="btn btn-primary" type="submit">Download</button><small class="muted">Bookings by when they were made, shows by when they play, customers by when they first wrote. Test bookings and test customers are left out; phone numbers are masked unless you ask for them.</small></div>
  </form>
  <p class="muted">Everything, without a period:</p>
  <ul>${quick}</ul>
</section>`;
}

function statusBadge(e: ExportFile): SafeHtml {
  if (e.status === 'ready') return html`<span class="badge badge-ok">Ready</span>`;
  if (e.status === 'running') return html`<span class="badge badge-warn">Writing</span>`;
  return html`<span class="badge badge-failed" title="${e.error ?? ''}">Failed</span>`;
}

function scheduledCard(base: string, files: ExportFile[], schedule: { at: string | undefined; timezone: string; canEditSettings: boolean }): SafeHtml {
  const tz = localTime(schedule.timezone);
  const when = schedule.at
    ? html`<p>A workbook (summary, films, bookings and shows of the past 24 hours) is written every day at <strong>${schedule.at}</strong> (${schedule.timezone}).</p>`
    : html`<p class="muted">No daily export is scheduled.${schedule.canEditSettings ? html` Choose a time under <a href="${base}/settings">Settings</a>.` : ''}</p>`;
  return html`<section class="card" aria-labelledby="daily-h">
  <h2 id="daily-h">Daily exports</h2>
  ${when}
  ${
    files.length
      ? html`<div class="table-wrap"><table>
    <thead><tr><th>Date</th><th>Covers</th><th>Status</th><th class="num">Bookings</th><th class="num">Size</th><th></th></tr></thead>
    <tbody>${files.map(
      (f) => html`<tr><td>${f.localDate}</td><td>${tz.dateTime(f.periodFrom)} – ${tz.dateTime(f.periodTo)}</td><td>${statusBadge(f)}</td><td class="num">${f.rowCount ?? '—'}</td><td class="num">${fileSize(f.sizeBytes)}</td><td>${
        f.status === 'ready' ? html`<a class="btn btn-sm" href="${base}/exports/files/${f.id}">Download</a>` : ''
      }</td></tr>`,
    )}</tbody>
  </table></div>`
      : html`<p class="empty">No daily exports yet.</p>`
  }
</section>`;
}

/** The body of a cinema's exports page. */
export function renderExportsPage(o: {
  base: string;
  today: string;
  canReveal: boolean;
  files: ExportFile[];
  schedule: { at: string | undefined; timezone: string; canEditSettings: boolean };
}): SafeHtml {
  return html`${downloadCard(o.base, o.today, o.canReveal)}${scheduledCard(o.base, o.files, o.schedule)}`;
}
