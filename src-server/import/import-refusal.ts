/**
 * Why an import was refused: the first bad row (its number, field and value) and how many more
 * there were. Nothing of the file is written when an import is refused.
 */
export class ImportRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefusal';
  }
}

/** A value as the refusal quotes it: JSON, cut short so one line stays one line. */
export function quoted(value: unknown): string {
  const text = value === undefined ? 'absent' : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** One problem of one row: `row 7: arr: <why> (value: "12k")`. */
export interface RowProblem {
  row: number;
  field: string;
  message: string;
  value: unknown;
}

export function describeProblem(problem: RowProblem): string {
  return `row ${problem.row}: ${problem.field}: ${problem.message} (value: ${quoted(problem.value)})`;
}

/** Throws the first problem (rows in file order), noting how many more there were. */
export function refuseIfAny(problems: readonly RowProblem[]): void {
  const [first] = problems;
  if (!first) return;
  const more = problems.length - 1;
  throw new ImportRefusal(`${describeProblem(first)}${more > 0 ? `; and ${more} more problem(s)` : ''}; nothing was imported`);
}
