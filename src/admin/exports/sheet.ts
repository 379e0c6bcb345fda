/**
 * A sheet to export, independent of the file format: typed columns and rows that arrive page by
 * page, so a writer can stream any number of rows without holding them.
 */
export type ColumnType =
  /** Plain text. */
  | 'text'
  /** A whole number. */
  | 'int'
  /** Integer paise, shown as rupees. */
  | 'money'
  /** Wall-clock epoch ms (the instant shifted by its zone's offset, see LocalTime.wallClock), shown as 'YYYY-MM-DD HH:mm'. */
  | 'datetime'
  /** 'YYYY-MM-DD' text, kept as text so no spreadsheet shifts it by a zone. */
  | 'date'
  /** A fraction 0–1, shown as a percentage. */
  | 'percent';

export interface Column {
  header: string;
  type: ColumnType;
  /** Width in characters for spreadsheets. */
  width?: number;
}

export type Cell = string | number | null;

export interface Sheet {
  name: string;
  columns: Column[];
  /** Pages of rows, each row one cell per column. */
  pages: AsyncIterable<Cell[][]>;
}

/** A one-page sheet from rows already in memory (short sheets such as a summary). */
export function sheetOf(name: string, columns: Column[], rows: Cell[][]): Sheet {
  return {
    name,
    columns,
    pages: (async function* () {
      yield rows;
    })(),
  };
}
