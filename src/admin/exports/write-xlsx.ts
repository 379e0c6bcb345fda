import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell, Column, Sheet } from './sheet.ts';
import { drained, flushed, type DrainEmitter } from './stream-wait.ts';

const NUM_FMT: Partial<Record<Column['type'], string>> = {
  int: '#,##0',
  money: '#,##0.00',
  datetime: 'yyyy-mm-dd hh:mm',
  percent: '0.0%',
};

function xlsxCell(type: Column['type'], v: Cell): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  switch (type) {
    case 'money':
      return Number(v) / 100;
    case 'datetime':
      return new Date(Number(v));
    case 'int':
    case 'percent':
      return Number(v);
    default:
      return String(v);
  }
}

interface SheetBuffer extends DrainEmitter {
  writableNeedDrain?: boolean;
  _writableState?: { needDrain?: boolean };
}

/**
 * exceljs hands a sheet's XML to the zip compressor without backpressure: rows written faster than
 * they are compressed pile up in the stream between the two (an old readable-stream PassThrough,
 * hence the look at its internal state). Reached through exceljs's internals and checked by shape,
 * so another exceljs version degrades to not waiting rather than failing.
 */
function sheetBuffer(ws: unknown): SheetBuffer | undefined {
  const pipes = (ws as { stream?: { pipes?: unknown[] } }).stream?.pipes;
  const s = pipes?.[0] as Partial<SheetBuffer> | undefined;
  return s && typeof s.once === 'function' && typeof s.removeListener === 'function' ? (s as SheetBuffer) : undefined;
}

const needsDrain = (s: SheetBuffer): boolean => s.writableNeedDrain ?? s._writableState?.needDrain ?? false;

/** Waits until both the compressor and the destination have taken what was written, so memory stays flat. */
async function settle(ws: unknown, out: Writable): Promise<void> {
  if (out.destroyed) throw new Error('export destination closed');
  const buffer = sheetBuffer(ws);
  if (buffer && needsDrain(buffer)) await drained(buffer, out);
  if (out.writableNeedDrain) await drained(out, out);
}

/**
 * Writes sheets as one .xlsx workbook with exceljs's streaming writer: every row is committed as
 * soon as it is added and each page waits for the destination, so memory stays flat however many
 * rows there are. Returns the data rows written to each sheet (headers not counted).
 */
export async function writeXlsx(out: Writable, sheets: Sheet[]): Promise<number[]> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Marquee';
  const counts: number[] = [];
  for (const sheet of sheets) {
    let rows = 0;
    const ws = wb.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c, i) => ({
      header: c.header,
      key: `c${i}`,
      width: c.width ?? Math.max(10, c.header.length + 2),
      style: NUM_FMT[c.type] ? { numFmt: NUM_FMT[c.type] } : {},
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF0F3' } };
    header.commit();
    for await (const page of sheet.pages) {
      for (const r of page) ws.addRow(r.map((v, i) => xlsxCell(sheet.columns[i]!.type, v))).commit();
      rows += page.length;
      await settle(ws, out);
    }
    ws.commit();
    counts.push(rows);
  }
  // If the destination goes away while the zip is finished, stop rather than wait for it.
  await Promise.all([wb.commit(), flushed(out)]);
  return counts;
}
