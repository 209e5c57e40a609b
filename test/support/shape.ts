/**
 * A small checker for the JSON reference tables: does every entry have the fields and types its
 * TypeScript interface says (and no field it does not, and no empty string)? The shape is written
 * as data typed against the interface, so adding, dropping or retyping a field in the interface
 * fails to compile until the shape follows.
 */

/** How one field is checked: a JSON type, or the allowed strings of a string union. */
type FieldShape<V> = [V] extends [string]
  ? string extends V
    ? 'string'
    : readonly V[]
  : [V] extends [number]
    ? 'number'
    : [V] extends [boolean]
      ? 'boolean'
      : never;

/** One entry per field of `T`; optional fields are wrapped in `{ optional: … }`. */
export type Shape<T> = {
  [K in keyof T]-?: undefined extends T[K] ? { optional: FieldShape<Exclude<T[K], undefined>> } : FieldShape<T[K]>;
};

type AnyField = 'string' | 'number' | 'boolean' | readonly string[];

/** Every way the entries of `table` differ from `shape`, as `[index] field: problem` lines; `[]` when they all match. */
export function shapeProblems<T>(table: unknown, shape: Shape<T>): string[] {
  if (!Array.isArray(table)) return ['the table is not a JSON array'];
  const fields = shape as Record<string, AnyField | { optional: AnyField }>;
  const problems: string[] = [];
  table.forEach((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`[${index}] is not an object`);
      return;
    }
    const record = entry as Record<string, unknown>;
    for (const key of Object.keys(record)) if (!(key in fields)) problems.push(`[${index}] ${key}: not a field of the interface`);
    for (const [key, spec] of Object.entries(fields)) {
      const optional = typeof spec === 'object' && 'optional' in spec;
      const want = optional ? spec.optional : (spec as AnyField);
      if (!(key in record)) {
        if (!optional) problems.push(`[${index}] ${key}: missing`);
        continue;
      }
      const problem = fieldProblem(record[key], want);
      if (problem) problems.push(`[${index}] ${key}: ${problem}`);
    }
  });
  return problems;
}

function fieldProblem(value: unknown, want: AnyField): string | undefined {
  if (typeof want !== 'string') {
    return typeof value === 'string' && want.includes(value) ? undefined : `${JSON.stringify(value)} is not one of ${want.join(', ')}`;
  }
  if (typeof value !== want) return `${JSON.stringify(value)} is not a ${want}`;
  if (want === 'string' && value === '') return 'empty';
  return undefined;
}
