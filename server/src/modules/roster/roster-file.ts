import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS, ROSTER_MAX_ROWS } from '@jianghuai/shared';
import { AppException } from '../../common/errors/app-exception.js';
import { assertZipWithinLimits } from './zip-limits.js';

export type RosterColumnKey = keyof typeof ROSTER_COLUMNS;
export interface RawRosterRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  values: Record<RosterColumnKey, string>;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Reads an uploaded roster. The format is decided by the content, never by the file name: an
 * .xlsx is a zip (PK\x03\x04); anything else must be UTF-8 text without NUL bytes and is read as CSV.
 */
export async function readRosterFile(buf: Buffer): Promise<RawRosterRow[]> {
  const wb = new ExcelJS.Workbook();
  if (buf.length >= 4 && buf.subarray(0, 4).equals(ZIP_MAGIC)) {
    // a zip bomb is refused from its directory before exceljs inflates anything
    await assertZipWithinLimits(buf);
    try {
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
    } catch {
      throw new AppException('ROSTER_FILE_UNREADABLE');
    }
  } else {
    if (!isUtf8Text(buf)) throw new AppException('ROSTER_FILE_TYPE_UNSUPPORTED');
    const text = buf.toString('utf8').replace(/^\uFEFF/, '');
    try {
      // identity map: ID numbers must stay text (the default map would turn them into floats)
      await wb.csv.read(Readable.from([text]), { map: (v: unknown) => v });
    } catch {
      throw new AppException('ROSTER_FILE_UNREADABLE');
    }
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new AppException('ROSTER_FILE_EMPTY');
  const header = sheet.getRow(1);
  const colOf = new Map<RosterColumnKey, number>();
  header.eachCell((cell, col) => {
    const title = cellText(cell).replace(/\s/g, '');
    for (const [key, label] of Object.entries(ROSTER_COLUMNS) as [RosterColumnKey, string][])
      if (title === label) colOf.set(key, col);
  });
  const missing = (Object.keys(ROSTER_COLUMNS) as RosterColumnKey[]).filter((k) => !colOf.has(k));
  if (missing.length)
    throw new AppException('ROSTER_HEADER_MISSING', {
      missing: missing.map((k) => ROSTER_COLUMNS[k]),
    });
  const rows: RawRosterRow[] = [];
  const last = sheet.actualRowCount > 0 ? sheet.rowCount : 0;
  if (last - 1 > ROSTER_MAX_ROWS) throw new AppException('ROSTER_TOO_MANY_ROWS', { max: ROSTER_MAX_ROWS });
  for (let r = 2; r <= last; r++) {
    const row = sheet.getRow(r);
    const values = {} as Record<RosterColumnKey, string>;
    let any = false;
    for (const [key, col] of colOf) {
      values[key] = cellText(row.getCell(col)).trim();
      if (values[key]) any = true;
    }
    if (any) rows.push({ row: r, values });
  }
  if (!rows.length) throw new AppException('ROSTER_FILE_EMPTY');
  return rows;
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  try {
    return cell.text ?? '';
  } catch {
    return '';
  }
}

function isUtf8Text(buf: Buffer): boolean {
  if (buf.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}
