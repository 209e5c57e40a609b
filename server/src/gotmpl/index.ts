/**
 * Go text/template tokenizer and parser. Knows nothing of Helm. Tolerant of half-typed input:
 * `parse` returns the tree plus errors and never throws; it runs in linear time and uses an
 * explicit stack, so deep nesting and very long files are safe. Offsets are UTF-16 indices.
 */
export * from './ast';
export { reparse } from './incremental';
export { parse } from './parser';
export { actionAt, expressions, inElseBranch, nodePath, walk } from './walk';
