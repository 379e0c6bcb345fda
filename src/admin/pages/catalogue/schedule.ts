import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.ts';
import { exportCatalogueFile, formatOfFileName, importCatalogueFile, isLocalDate, localDayRange, type ImportResult } from '../../../cinema/index.ts';
import { MANAGERS, requireStaff } from '../../auth.ts';
import { badRequest } from '../../errors.ts';
import { localToday } from '../../format.ts';
import { html, type SafeHtml } from '../../layout.ts';
import { cinemaOf, cinemaPath, csrfToken, sendPage } from '../../page-context.ts';
import { readFileUpload } from '../../uploads.ts';
import { catalogueTabs } from './common.ts';

const params = z.object({ cinemaId: z.string().max(64) });
const exportQuery = z.object({ format: z.enum(['xlsx', 'csv', 'json']).default('xlsx'), from: z.string().max(10).optional() });
const CONTENT_TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' } as const;

function resultView(r: ImportResult): SafeHtml {
  if (!r.ok) {
    return html`<section class="card" data-import="failed"><h2>Nothing was imported</h2><p>Fix these ${r.errors.length} problem${r.errors.length === 1 ? '' : 's'} in the file and upload it again; the import is all or nothing.</p>
<div class="table-wrap"><table><thead><tr><th>Where</th><th>Field</th><th>Problem</th></tr></thead><tbody>${r.errors.map((e) => html`<tr class="failed"><td>${e.row ? `Row ${e.row}` : e.where}</td><td class="mono">${e.field}</td><td>${e.message}</td></tr>`)}</tbody></table></div></section>`;
  }
  const s = r.summary.shows;
  return html`<section class="card" data-import="ok"><h2>Schedule imported</h2><div class="stats"><div class="stat"><div class="label">Created</div><div class="value">${s.created}</div></div><div class="stat"><div class="label">Updated</div><div class="value">${s.updated}</div></div><div class="stat"><div class="label">Unchanged</div><div class="value">${s.unchanged}</div></div></div></section>`;
}

export function scheduleRoutes(app: FastifyInstance, deps: AppDeps): void {
  const guard = requireStaff(MANAGERS);

  async function page(request: FastifyRequest<{ Params: { cinemaId: string } }>, reply: FastifyReply, result?: ImportResult) {
    const cinema = await cinemaOf(deps, request);
    const today = localToday(deps.clock.now(), cinema.timezone);
    const csrf = csrfToken(request, reply);
    const base = cinemaPath(cinema.id, '/catalogue/schedule');
    const body = html`${catalogueTabs(cinema.id, 'schedule')}
${result ? resultView(result) : ''}
<div class="grid grid-2">
<section class="card"><h2>Export the schedule</h2><p class="muted">Excel and CSV: one show per row — location, screen, film, date, time, language, format and a price column per seat category. Edit it and import it back. The JSON file is the whole catalogue (locations, screens and seats, films, shows, events).</p>
  <form method="get" action="${base}/export" class="filters">
    <div class="field"><label for="from">Shows from</label><input id="from" name="from" type="date" value="${today}"></div>
    <div class="field"><label for="format">Format</label><select id="format" name="format"><option value="xlsx">Excel (.xlsx)</option><option value="csv">CSV</option><option value="json">Whole catalogue (.json)</option></select></div>
    <div class="field"><button class="btn btn-primary" type="submit">Download</button></div>
  </form>
</section>
<section class="card"><h2>Import a schedule</h2><p class="muted">An Excel or CSV schedule in the same columns, or a catalogue JSON file. Records are matched by their natural keys, so importing twice changes nothing. If any row is wrong, nothing is imported and every problem is listed by row.</p>
  <form method="post" action="${base}/import?_csrf=${encodeURIComponent(csrf)}" enctype="multipart/form-data">
    <div class="field"><label for="file">Schedule file</label><input id="file" name="file" type="file" required accept=".xlsx,.csv,.json"></div>
    <button class="btn btn-primary" type="submit">Import</button>
  </form>
</section>
</div>`;
    return sendPage(request, reply.code(result && !result.ok ? 400 : 200), { title: 'Catalogue', cinema, active: 'catalogue', body });
  }

  app.get('/admin/c/:cinemaId/catalogue/schedule', { preHandler: guard, schema: { params } }, (request: FastifyRequest<{ Params: { cinemaId: string } }>, reply) => page(request, reply));

  app.get(
    '/admin/c/:cinemaId/catalogue/schedule/export',
    { preHandler: guard, schema: { params, querystring: exportQuery } },
    async (request: FastifyRequest<{ Params: { cinemaId: string }; Querystring: z.infer<typeof exportQuery> }>, reply) => {
      const cinema = await cinemaOf(deps, request);
      const { format, from } = request.query;
      if (from && !isLocalDate(from)) throw badRequest('invalid_dates', 'Dates look like 2026-11-27.');
      const data = await exportCatalogueFile(deps.db, { cinemaId: cinema.id, format, from: from ? localDayRange(from, cinema.timezone).start : undefined });
      const name = `${format === 'json' ? 'catalogue' : 'schedule'}${from ? `-from-${from}` : ''}.${format}`;
      return reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store').type(CONTENT_TYPES[format]).send(Buffer.from(data));
    },
  );

  app.post('/admin/c/:cinemaId/catalogue/schedule/import', { preHandler: guard, schema: { params } }, async (request: FastifyRequest<{ Params: { cinemaId: string } }>, reply) => {
    const { file } = await readFileUpload(request);
    if (!file) throw badRequest('no_file', 'Choose a schedule file to import.');
    const format = formatOfFileName(file.filename);
    if (!format) throw badRequest('unsupported_file', 'Upload an .xlsx, .csv or .json file.');
    const result = await importCatalogueFile({ db: deps.db, clock: deps.clock }, { cinemaId: request.params.cinemaId, format, data: file.data });
    return page(request, reply, result);
  });
}
