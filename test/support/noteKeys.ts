/** The headings of docs/notes-keys.md whose bullets list the keys the bundled notes cover. */
export const PRODUCED_KEYS = 'Keys the bundled notes cover';
export const CONCEPT_KEYS = 'Concept keys the bundled notes cover';

/**
 * The keys listed under `## <heading>` of docs/notes-keys.md. One bullet per key prefix: the
 * prefix in backticks, then the rest of each key, separated by commas, wrapped onto lines indented
 * by two spaces; a bullet without items is one key.
 */
export function keysUnder(markdown: string, heading: string): string[] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith(`${heading}\n`));
  if (section === undefined) throw new Error(`docs/notes-keys.md has no "## ${heading}" section`);
  return [...section.matchAll(/^- `([^`]+)`(.*(?:\n {2}.*)*)/gm)].flatMap(([, prefix, rest]) => {
    const items = rest
      .split(',')
      .map((item) => item.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    return items.length ? items.map((item) => prefix + item) : [prefix];
  });
}

/** Every key docs/notes-keys.md lists as covered (for the coverage test and script, and the bench). */
export function documentedKeys(markdown: string): string[] {
  return [...keysUnder(markdown, PRODUCED_KEYS), ...keysUnder(markdown, CONCEPT_KEYS)];
}
