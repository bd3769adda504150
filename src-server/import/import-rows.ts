import { z } from 'zod';
import { ENTITIES, type EntityName } from '../../src-shared/sync/entity-registry';
import { numberColumns, rowIdOf } from '../sync/entity-rows';
import type { ImportFormat } from './import-file';
import type { RowProblem } from './import-refusal';

/**
 * Checks each row of an import file against the entity registry's columns (src-shared), before
 * anything is read from or written to the database: known columns only, each value of its
 * column's wire type, the key present and unique within the file.
 */

export const IMPORT_KINDS = ['accounts', 'contacts', 'metrics', 'surveys'] as const satisfies readonly EntityName[];
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** A row that passed: the columns it gives (typed), its number in the file and its row id. */
export interface ImportRow {
  row: number;
  rowId: string;
  values: Record<string, unknown>;
}

const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), 'no such day');

// The registry describes the columns a change carries; key columns travel as the row id, so their
// rules are here.
const KEY_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  id: z.string().min(1).max(64),
  account_id: z.string().min(1).max(64),
  key: z.string().max(64).regex(/^[a-z][a-z0-9_]*$/, 'a metric key is snake_case (login_frequency)'),
  date: calendarDay,
};

function schemaOf(entity: ImportKind, column: string): z.ZodType | undefined {
  const columns = ENTITIES[entity].columns as Readonly<Record<string, z.ZodType>>;
  return (ENTITIES[entity].key as readonly string[]).includes(column) ? KEY_SCHEMAS[column] : columns[column];
}

/** A 0/1 flag column (zod's own message for it is a bare "Invalid input"). */
const isFlag = (schema: z.ZodType): boolean => schema.safeParse(0).success && schema.safeParse(1).success && !schema.safeParse(2).success;

const NUMBER_TEXT = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A CSV cell as its column's type: empty is null where the column allows it, numbers as numbers. */
function fromCsv(entity: ImportKind, column: string, schema: z.ZodType, text: unknown): unknown {
  if (typeof text !== 'string') return text;
  if (text === '' && schema.safeParse(null).success) return null;
  if (numberColumns(entity).has(column) && NUMBER_TEXT.test(text.trim())) return Number(text.trim());
  return text;
}

export function checkImportRows(entity: ImportKind, rows: readonly unknown[], format: ImportFormat): { rows: ImportRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const passed: ImportRow[] = [];
  const firstRowOf = new Map<string, number>();
  const key = ENTITIES[entity].key as readonly string[];

  rows.forEach((raw, index) => {
    const row = index + 1;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push({ row, field: '(row)', message: 'a row is an object of column → value', value: raw });
      return;
    }
    const values: Record<string, unknown> = {};
    let bad = false;
    for (const [field, given] of Object.entries(raw)) {
      const schema = schemaOf(entity, field);
      if (!schema) {
        problems.push({ row, field, message: `not a column of ${entity}`, value: given });
        bad = true;
        continue;
      }
      const value = format === 'csv' ? fromCsv(entity, field, schema, given) : given;
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        const message = isFlag(schema) ? 'expected 0 or 1' : (parsed.error.issues[0]?.message ?? 'invalid');
        problems.push({ row, field, message, value: given });
        bad = true;
        continue;
      }
      values[field] = parsed.data;
    }
    for (const column of key) {
      if (values[column] === undefined && !bad) {
        problems.push({ row, field: column, message: 'required: it identifies the row', value: undefined });
        bad = true;
      }
    }
    if (bad) return;
    const rowId = rowIdOf(entity, values);
    const earlier = firstRowOf.get(rowId);
    if (earlier !== undefined) {
      problems.push({ row, field: key.join(', '), message: `the same row as row ${earlier}`, value: rowId });
      return;
    }
    firstRowOf.set(rowId, row);
    passed.push({ row, rowId, values });
  });
  return { rows: passed, problems };
}
