/**
 * CSV files that open correctly in Excel as used in Belgium (fr-BE / nl-BE regional settings):
 * UTF-8 with a byte order mark (so accents and Cyrillic read right), ';' between fields (the list
 * separator there), CRLF line ends, amounts with a decimal comma and no thousands separator.
 *
 * Text cells are protected against formula injection: a cell starting with = + - @ (or a tab or a
 * carriage return) would be run as a formula by a spreadsheet, so it gets a leading apostrophe. Amounts
 * formatted here (csvAmount) are numbers we wrote ourselves and keep their minus sign.
 */
import { Money } from './money.ts';

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_LINE_END = '\r\n';

/** An amount of euros to print as a number: "-1234,50". Built with csvAmount. */
export interface CsvAmount {
  readonly kind: 'amount';
  /** Already formatted: optional minus, digits, comma, two decimals. */
  readonly text: string;
}

/** A cell: text (neutralised and quoted as needed), a whole number, an amount, or empty (null/undefined). */
export type CsvCell = string | number | CsvAmount | null | undefined;

/** An amount cell: two decimals, decimal comma, no thousands separator ("1234.5" → "1234,50"). */
export function csvAmount(value: Money | string): CsvAmount {
  const money = new Money(value);
  if (!money.isFinite()) throw new TypeError(`csvAmount: not a finite amount: ${String(value)}`);
  // toFixed rounds half-up (the Money clone's mode) and never uses exponent notation; "-0.00" becomes "0,00".
  const fixed = money.toDecimalPlaces(2).isZero() ? '0.00' : money.toFixed(2);
  return { kind: 'amount', text: fixed.replace('.', ',') };
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]/;

/** One cell as it is written in the file. */
export function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') {
    if (!Number.isSafeInteger(cell)) throw new TypeError(`csvCell: only whole numbers are written as numbers, got ${cell}`);
    return String(cell);
  }
  if (typeof cell === 'object') return cell.text;
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of cells, without its line end. */
export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(CSV_SEPARATOR);
}

/** The whole file: BOM, header, rows, every line ending in CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  let out = CSV_BOM + csvLine(header) + CSV_LINE_END;
  for (const row of rows) out += csvLine(row) + CSV_LINE_END;
  return out;
}

/** toCsv as UTF-8 bytes, ready to send. */
export function csvBuffer(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): Buffer {
  return Buffer.from(toCsv(header, rows), 'utf8');
}
