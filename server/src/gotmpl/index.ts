/**
 * Go text/template tokenizer and parser. Knows nothing of Helm. Tolerant of half-typed input:
 * returns the tree plus errors and never throws.
 * (Foundation stub: the Helm issue fills it in.)
 */
export {};
