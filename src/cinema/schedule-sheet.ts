import ExcelJS from 'exceljs';
import type { ImportIssue, ShowLine } from './catalog-import.ts';
import { formatCsv, parseCsv } from './csv.ts';

/**
 * Show schedules as a spreadsheet (xlsx) or CSV — one show per row, the same columns either way
 * (docs/catalog-format.md): location, screen, movie, date, time, language, format, one
 * `price:<Category>` column per seat category in rupees, booking_opens, booking_closes, status,
 * seating, capacity. Row numbers in reports count the header as row 1.
 */

const FIXED = ['location', 'screen', 'movie', 'date', 'time', 'language', 'format'] as const;
const TRAILING = ['booking_opens', 'booking_closes', 'status', 'seating', 'capacity'] as const;
const REQUIRED = ['location', 'screen', 'movie', 'date', 'time', 'language'] as const;
const ALIASES: Record<string, string> = { film: 'movie', cinema: 'location', 'start time': 'time', 'show time': 'time', lang: 'language' };

export interface SheetReadResult {
  lines: ShowLine[];
  /** Problems found while reading cells (the import reports them with its own). */
  issues: ImportIssue[];
}

/** Reads schedule rows from a grid of cell texts (first row = header). */
export function readScheduleGrid(grid: readonly (readonly string[])[]): SheetReadResult {
  const issues: ImportIssue[] = [];
  const header = (grid[0] ?? []).map((h) => {
    // Price columns keep the category as written; the import matches it to the screen's categories.
    const price = /^price\s*[:_-]?\s*(.+)$/i.exec(h.trim());
    if (price) return `price:${price[1]!.trim()}`;
    const k = h.trim().toLowerCase().replace(/\s+/g, ' ');
    return ALIASES[k] ?? k.replace(/ /g, '_');
  });
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) {
    return { lines: [], issues: missing.map((c) => ({ where: 'row 1', row: 1, field: c, message: `the header has no '${c}' column` })) };
  }
  const priceCols = header.map((h, i) => [h, i] as const).filter(([h]) => h.startsWith('price:'));
  if (!priceCols.length) issues.push({ where: 'row 1', row: 1, field: 'price', message: "the header has no 'price:<Category>' column" });
  const col = (name: string) => header.indexOf(name);
  const lines: ShowLine[] = [];
  grid.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const where = `row ${row}`;
    if (cells.every((c) => c.trim() === '')) return;
    const get = (name: string) => (col(name) >= 0 ? (cells[col(name)] ?? '').trim() : '');
    const bad = (field: string, message: string) => issues.push({ where, row, field, message });
    for (const c of REQUIRED) if (!get(c)) bad(c, 'is empty');
    const pricesPaise: Record<string, number> = {};
    let priceCells = 0;
    for (const [h, idx] of priceCols) {
      const raw = (cells[idx] ?? '').trim();
      if (!raw) continue;
      priceCells++;
      const paise = rupeesToPaise(raw);
      if (paise === null) bad(h, `'${raw}' is not an amount in rupees like 150 or 149.50`);
      else pricesPaise[h.slice('price:'.length).trim()] = paise;
    }
    if (priceCols.length && !priceCells) bad('price', 'no price given');
    const status = get('status').toLowerCase();
    if (status && status !== 'scheduled' && status !== 'cancelled') bad('status', `'${get('status')}' is not scheduled or cancelled`);
    const seating = get('seating').toLowerCase().replace(/[\s-]+/g, '_');
    if (seating && seating !== 'assigned' && seating !== 'general_admission') bad('seating', `'${get('seating')}' is not assigned or general_admission`);
    const capacityText = get('capacity');
    const capacity = capacityText ? Number(capacityText) : null;
    if (capacityText && (!Number.isInteger(capacity) || capacity! < 1)) bad('capacity', `'${capacityText}' is not a whole number of tickets`);
    lines.push({
      where,
      row,
      reported: issues.filter((x) => x.row === row).map((x) => x.field),
      location: get('location'),
      screen: get('screen'),
      movie: get('movie'),
      date: get('date'),
      time: normalizeTime(get('time')),
      language: get('language'),
      format: get('format') || undefined,
      pricesPaise,
      seating: seating ? (seating as ShowLine['seating']) : undefined,
      capacity: capacityText ? capacity : undefined,
      bookingOpens: get('booking_opens') || null,
      bookingCloses: get('booking_closes') || null,
      status: status ? (status as ShowLine['status']) : undefined,
    });
  });
  return { lines, issues };
}

/** '9:05' → '09:05' (spreadsheets drop the leading zero); anything else is left for validation. */
function normalizeTime(t: string): string {
  const m = /^(\d{1,2}):(\d{2})(?::00)?$/.exec(t);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : t;
}

/** '150' → 15000, '149.5' → 14950, '₹ 1,200.00' → 120000; null when not an amount. Exact: no floats. */
export function rupeesToPaise(text: string): number | null {
  const s = text.replace(/[₹,\s]|^rs\.?/gi, '');
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 15000 → '150', 14950 → '149.50'. */
export function paiseToRupees(paise: number): string {
  return paise % 100 === 0 ? String(paise / 100) : `${Math.floor(paise / 100)}.${String(paise % 100).padStart(2, '0')}`;
}

/** The grid of a schedule: header and one row per show, price columns in the order given. */
export function scheduleGrid(lines: readonly ShowLine[], categories: readonly string[]): string[][] {
  const header = [...FIXED, ...categories.map((c) => `price:${c}`), ...TRAILING];
  const rows = lines.map((l) => [
    l.location,
    l.screen,
    l.movie,
    l.date,
    l.time,
    l.language,
    l.format ?? '',
    ...categories.map((c) => (l.pricesPaise[c] === undefined ? '' : paiseToRupees(l.pricesPaise[c]!))),
    l.bookingOpens ?? '',
    l.bookingCloses ?? '',
    l.status ?? 'scheduled',
    l.seating ?? 'assigned',
    l.capacity == null ? '' : String(l.capacity),
  ]);
  return [header, ...rows];
}

/** Reads the first worksheet of an .xlsx file. */
export async function readScheduleXlsx(data: Uint8Array): Promise<SheetReadResult> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return { lines: [], issues: [{ where: 'file', field: 'sheet', message: 'the workbook has no worksheet' }] };
  const header: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, c) => (header[c - 1] = cellText(cell.value, '')));
  const grid: string[][] = [header];
  for (let r = 2; r <= ws.rowCount; r++) {
    const cells: string[] = header.map(() => '');
    ws.getRow(r).eachCell({ includeEmpty: true }, (cell, c) => {
      if (c - 1 < header.length) cells[c - 1] = cellText(cell.value, header[c - 1]!.trim().toLowerCase());
    });
    grid.push(cells);
  }
  return readScheduleGrid(grid);
}

/** Reads CSV text. */
export function readScheduleCsv(text: string): SheetReadResult {
  return readScheduleGrid(parseCsv(text));
}

/** An .xlsx workbook with one 'Shows' sheet; every cell is text so nothing is reinterpreted on the way back. */
export async function writeScheduleXlsx(lines: readonly ShowLine[], categories: readonly string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Marquee';
  const ws = wb.addWorksheet('Shows', { views: [{ state: 'frozen', ySplit: 1 }] });
  const grid = scheduleGrid(lines, categories);
  for (const r of grid) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c, i) => {
    c.width = Math.min(40, Math.max(10, ...grid.map((r) => (r[i] ?? '').length + 2)));
    c.numFmt = '@';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV text of a schedule. */
export function writeScheduleCsv(lines: readonly ShowLine[], categories: readonly string[]): string {
  return formatCsv(scheduleGrid(lines, categories));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as text. Dates typed into Excel arrive as Date (or a day serial); they are read as the wall-clock values shown. */
function cellText(v: ExcelJS.CellValue, column: string): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    if (column === 'time') return `${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`;
    const date = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    return column === 'date' ? date : `${date} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`;
  }
  if (typeof v === 'number') {
    if (column === 'time' && v >= 0 && v < 1) {
      const minutes = Math.round(v * 24 * 60);
      return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
    }
    if (column === 'date' && v > 20000 && v < 80000 && Number.isInteger(v)) {
      return new Date(Date.UTC(1899, 11, 30) + v * 86_400_000).toISOString().slice(0, 10);
    }
    return String(v);
  }
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null, column);
    if ('error' in v) return '';
  }
  return String(v);
}
