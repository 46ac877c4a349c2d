import { parse } from 'csv-parse/sync';
import { AppError } from '../../core/errors.js';

export type CsvEncoding = 'utf-8' | 'windows-1252';

export interface CsvTable {
  /** Lower-cased, trimmed header names. */
  columns: string[];
  /** Each data row with its line number in the file (header = line 1). */
  rows: { line: number; cells: Record<string, string> }[];
}

const badFile = (message: string) => new AppError(400, 'invalid_csv', message);

/** One import is one transaction: beyond this, split the file so the server stays responsive for everyone else. */
export const MAX_ROWS = 50_000;

/** Decodes strictly: a file that is not valid text in the stated encoding is refused, never guessed at. */
function decode(bytes: Buffer, encoding: CsvEncoding): string {
  if (bytes.includes(0)) throw badFile('The file contains NUL bytes: it is not a CSV text file');
  if (encoding === 'windows-1252') return new TextDecoder('windows-1252').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const line = lenient.slice(0, lenient.indexOf('\uFFFD')).split('\n').length;
    throw badFile(
      `The file is not valid UTF-8 (line ${line}); save it as "CSV UTF-8" or send it with encoding=windows-1252`,
    );
  }
}

/** French spreadsheets write semicolons; the header line tells which separator the file uses. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[0] ?? ',';
}

/** Parses a CSV upload into rows keyed by header; structural faults come back as a 400 naming the line. */
export function readCsv(bytes: Buffer, encoding: CsvEncoding = 'utf-8'): CsvTable {
  const text = decode(bytes, encoding);
  if (text.trim() === '') throw badFile('The file is empty');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw badFile(`The CSV cannot be read${line ? ` (line ${line})` : ''}: ${(error as Error).message}`);
  }
  const [header, ...data] = records;
  if (!header) throw badFile('The file has no header line');
  const columns = header.record.map((h) => h.trim().toLowerCase());
  const duplicates = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (duplicates.length > 0) throw badFile(`Column ${duplicates[0]} appears twice in the header`);
  if (data.length > MAX_ROWS) {
    throw badFile(`The file has ${data.length} rows; import at most ${MAX_ROWS} at a time (split the file)`);
  }
  const rows: CsvTable['rows'] = [];
  for (const { record, info } of data) {
    if (record.length > columns.length) {
      throw badFile(`Line ${info.lines} has ${record.length} cells but the header names ${columns.length} columns`);
    }
    rows.push({ line: info.lines, cells: Object.fromEntries(columns.map((c, i) => [c, record[i] ?? ''])) });
  }
  return { columns, rows };
}
