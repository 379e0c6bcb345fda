import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { Cinema } from '../../tenants/cinemas.ts';
import { audit } from '../audit-repo.ts';
import { MANAGERS, requireStaff } from '../auth.ts';
import { badRequest, notFound } from '../errors.ts';
import { cinemaOf, cinemaPath, sendPage, staffOf } from '../page-context.ts';
import { parseDateRange, periodOf, type DateRange } from '../analytics/date-range.ts';
import { localTime } from '../analytics/local-time.ts';
import { getExport, listExports, type ExportFile } from './export-files-repository.ts';
import { exportDir } from './export-paths.ts';
import { bookingsSheet, customersSheet, dailySummarySheet, EXPORT_KINDS, showsSheet, type ExportKind, type PhoneMode } from './export-sheets.ts';
import { renderExportsPage } from './exports-page.ts';
import type { Sheet } from './sheet.ts';
import { writeCsv } from './write-csv.ts';
import { writeXlsx } from './write-xlsx.ts';

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;
type Format = keyof typeof CONTENT_TYPES;

interface ExportQuery {
  from?: string;
  to?: string;
  reveal?: string;
  kind?: string;
  format?: string;
}

/** Only managers and the operator may ever see full numbers, and only when they ask. */
export function mayReveal(role: string, asked: unknown): boolean {
  return (role === 'manager' || role === 'operator') && (asked === '1' || asked === 'true' || asked === 'on');
}

function slug(s: string): string {
  return (
    s
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/[\s_]+/g, '-')
      .toLowerCase()
      .slice(0, 40) || 'cinema'
  );
}

function parseFile(file: string): { kind: ExportKind; format: Format } | null {
  const m = /^([a-z-]+)\.(xlsx|csv)$/.exec(file);
  if (!m || !(EXPORT_KINDS as readonly string[]).includes(m[1]!)) return null;
  return { kind: m[1] as ExportKind, format: m[2] as Format };
}

/**
 * Downloads on demand (streamed: rows go out as they are read) and the files the daily job wrote.
 * Everything is scoped to the cinema in the URL; test bookings and customers are never exported.
 */
export const exportsPlugin: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const today = (cinema: Cinema) => localTime(cinema.timezone).date(deps.clock.now());

  async function sheetsFor(cinema: Cinema, kind: ExportKind, q: ExportQuery, phones: PhoneMode): Promise<{ sheets: Sheet[]; label: string }> {
    const ref = { id: cinema.id, name: cinema.name, timezone: cinema.timezone };
    let range: DateRange | undefined;
    if (q.from || q.to || kind === 'daily-summary') {
      const parsed = parseDateRange(q, today(cinema));
      if (!parsed.ok) throw badRequest('invalid_range', 'The period is not valid.', parsed.problems);
      range = parsed.range;
    }
    const label = range ? `${range.fromDate}-to-${range.toDate}` : 'all';
    if (kind === 'daily-summary') return { sheets: [await dailySummarySheet(deps.db, ref, range!)], label };
    const o = { cinema: ref, period: range ? periodOf(range, cinema.timezone) : undefined, phones };
    const sheet = kind === 'bookings' ? bookingsSheet(deps.db, o) : kind === 'shows' ? showsSheet(deps.db, o) : customersSheet(deps.db, o);
    return { sheets: [sheet], label };
  }

  async function download(request: FastifyRequest, reply: FastifyReply, kind: ExportKind, format: Format): Promise<FastifyReply> {
    const cinema = await cinemaOf(deps, request);
    const staff = staffOf(request);
    const q = (request.query ?? {}) as ExportQuery;
    const reveal = (kind === 'bookings' || kind === 'customers') && mayReveal(staff.role, q.reveal);
    const phones: PhoneMode = reveal ? { reveal: true, key: deps.config.secretKey } : { reveal: false };
    const { sheets, label } = await sheetsFor(cinema, kind, q, phones);
    if (reveal) await audit(deps.db, deps.clock.now(), { cinemaId: cinema.id, userId: staff.userId, action: 'reveal_phone', subject: `export:${kind}.${format}` });

    const out = new PassThrough();
    const writing = format === 'xlsx' ? writeXlsx(out, sheets) : writeCsv(out, sheets[0]!);
    writing.catch((err: unknown) => {
      if (out.destroyed) {
        request.log.info({ cinemaId: cinema.id, kind }, 'export download abandoned by the client');
        return;
      }
      // Headers are gone by now: cutting the stream short is how the client learns of the failure.
      request.log.error({ err, cinemaId: cinema.id, kind }, 'export failed while streaming');
      out.destroy(err instanceof Error ? err : new Error(String(err)));
    });
    return reply
      .header('content-type', CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="${slug(cinema.name)}-${kind}-${label}.${format}"`)
      .header('cache-control', 'no-store')
      .send(out);
  }

  async function sendExportFile(request: FastifyRequest, reply: FastifyReply, id: string): Promise<FastifyReply> {
    const cinema = await cinemaOf(deps, request);
    const e = /^\d{1,15}$/.test(id) ? await getExport(deps.db, cinema.id, Number(id)) : undefined;
    if (!e || e.status !== 'ready' || !e.fileName || path.basename(e.fileName) !== e.fileName) throw notFound('export');
    const full = path.join(exportDir(deps.config.dataDir, cinema.id), e.fileName);
    let size: number;
    try {
      size = (await fs.promises.stat(full)).size;
    } catch {
      throw notFound('export file');
    }
    return reply
      .header('content-type', CONTENT_TYPES.xlsx)
      .header('content-length', size)
      .header('content-disposition', `attachment; filename="${slug(cinema.name)}-daily-${e.localDate}.xlsx"`)
      .header('cache-control', 'no-store')
      .send(fs.createReadStream(full));
  }

  const toJson = (e: ExportFile, base: string) => ({
    id: e.id,
    kind: e.kind,
    localDate: e.localDate,
    periodFrom: e.periodFrom,
    periodTo: e.periodTo,
    status: e.status,
    rowCount: e.rowCount,
    sizeBytes: e.sizeBytes,
    completedAt: e.completedAt,
    download: e.status === 'ready' ? `${base}/exports/files/${e.id}` : null,
  });

  const guard = { preHandler: requireStaff(MANAGERS) };

  app.get<{ Params: { cinemaId: string } }>('/admin/c/:cinemaId/exports', guard, async (request, reply) => {
    const cinema = await cinemaOf(deps, request);
    const staff = staffOf(request);
    const body = renderExportsPage({
      base: cinemaPath(cinema.id),
      today: today(cinema),
      canReveal: mayReveal(staff.role, '1'),
      files: await listExports(deps.db, cinema.id),
      schedule: { at: cinema.settings.dailyExportAt, timezone: cinema.timezone, canEditSettings: true },
    });
    return sendPage(request, reply, { title: 'Exports', cinema, active: 'exports', body });
  });

  app.get<{ Params: { cinemaId: string }; Querystring: ExportQuery }>('/admin/c/:cinemaId/exports/download', guard, async (request, reply) => {
    const parsed = parseFile(`${request.query.kind ?? ''}.${request.query.format ?? ''}`);
    if (!parsed) throw badRequest('invalid_export', 'Choose what to export and a format.', ['kind: bookings, shows, customers or daily-summary', 'format: xlsx or csv']);
    return download(request, reply, parsed.kind, parsed.format);
  });

  for (const prefix of ['/admin/c/:cinemaId/exports', '/api/v1/cinemas/:cinemaId/exports']) {
    app.get<{ Params: { cinemaId: string; file: string }; Querystring: ExportQuery }>(
      `${prefix}/:file`,
      { ...guard, schema: prefix.startsWith('/api') ? { tags: ['exports'], summary: 'Stream an export: bookings|shows|customers|daily-summary as .xlsx or .csv (from/to: local dates; reveal=1 for full phone numbers)' } : undefined },
      async (request, reply) => {
        const parsed = parseFile(request.params.file);
        if (!parsed) throw notFound('export');
        return download(request, reply, parsed.kind, parsed.format);
      },
    );
    app.get<{ Params: { cinemaId: string; id: string } }>(`${prefix}/files/:id`, guard, async (request, reply) => sendExportFile(request, reply, request.params.id));
  }

  app.get<{ Params: { cinemaId: string } }>(
    '/api/v1/cinemas/:cinemaId/exports',
    { ...guard, schema: { tags: ['exports'], summary: "The cinema's daily export files" } },
    async (request, reply) => {
      const cinema = await cinemaOf(deps, request);
      const base = `/api/v1/cinemas/${encodeURIComponent(cinema.id)}`;
      return reply.header('cache-control', 'no-store').send({ exports: (await listExports(deps.db, cinema.id)).map((e) => toJson(e, base)) });
    },
  );
};
