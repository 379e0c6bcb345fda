import type { Writable } from 'node:stream';
import type { Cell, Column, Sheet } from './sheet.ts';
import { drained, flushed } from './stream-wait.ts';

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) gets a leading
 * apostrophe: a customer named "=HYPERLINK(...)" must stay a name when staff open the file. A plain
 * signed number such as a phone number '+919876543210' can do no harm and is left as it is.
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) && !/^[+-]\d+$/.test(s) ? `'${s}` : s;
}

function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A cell as CSV text, in the same units the spreadsheet shows. */
export function csvCell(type: Column['type'], v: Cell): string {
  if (v === null || v === undefined) return '';
  switch (type) {
    case 'money':
      return (Number(v) / 100).toFixed(2);
    case 'percent':
      return `${(Number(v) * 100).toFixed(1)}%`;
    case 'datetime': {
      const iso = new Date(Number(v)).toISOString();
      return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
    }
    case 'int':
      return String(Math.round(Number(v)));
    default:
      return quote(neutraliseFormula(String(v)));
  }
}

/**
 * Writes a sheet as CSV (UTF-8 with a byte-order mark, so spreadsheets read Hindi and Tamil names
 * correctly), page by page, waiting whenever the destination asks to. Returns the rows written.
 */
export async function writeCsv(out: Writable, sheet: Sheet): Promise<number> {
  const write = async (s: string) => {
    if (out.destroyed) throw new Error('export destination closed');
    if (!out.write(s)) await drained(out, out);
  };
  await write(`\uFEFF${sheet.columns.map((c) => quote(neutraliseFormula(c.header))).join(',')}\r\n`);
  let rows = 0;
  for await (const page of sheet.pages) {
    let chunk = '';
    for (const row of page) chunk += `${row.map((v, i) => csvCell(sheet.columns[i]!.type, v)).join(',')}\r\n`;
    rows += page.length;
    await write(chunk);
  }
  out.end();
  await flushed(out);
  return rows;
}
