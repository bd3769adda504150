import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import Papa from 'papaparse';
import { ImportRefusal } from './import-refusal';

/**
 * Reads an import file into rows of field → value. JSON: an array of objects, values typed as
 * JSON types them. CSV: a header line of column names, then one row per line, every value text
 * (the validator turns numbers and empty cells into the column's type). Row numbers count data
 * rows from 1 in both, the CSV header not counted.
 */

export type ImportFormat = 'json' | 'csv';

export interface ImportFile {
  format: ImportFormat;
  rows: unknown[];
}

export function formatOf(path: string): ImportFormat {
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.csv') return 'csv';
  throw new ImportRefusal(`--file must be a .json or .csv file, not ${path}`);
}

function parseJson(text: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ImportRefusal(`the file is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed)) throw new ImportRefusal('a JSON import is an array of rows ([{...}, ...])');
  return parsed;
}

function parseCsv(text: string): unknown[] {
  const result = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' });
  const [error] = result.errors;
  if (error) {
    const where = error.row === undefined ? '' : `row ${error.row + 1}: `;
    throw new ImportRefusal(`${where}CSV: ${error.message}`);
  }
  return result.data;
}

export async function readImportFile(path: string): Promise<ImportFile> {
  const format = formatOf(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ImportRefusal(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  // A byte-order mark (spreadsheet exports) is not part of the first column's name.
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  return { format, rows: format === 'json' ? parseJson(text) : parseCsv(text) };
}
