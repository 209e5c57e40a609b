/** The keys docs/notes-keys.md lists under "Keys the bundled notes cover" (for the coverage script and the bench). */
export function documentedKeys(markdown: string): string[] {
  const part = markdown.split(/^## Keys the bundled notes cover$/m)[1] ?? '';
  const bullets = part
    .split(/^- /m)
    .slice(1)
    .map((b) =>
      b
        .replace(/\s+/g, ' ')
        .replace(/\(tag them[^)]*\)/, '')
        .trim(),
    );
  const keys: string[] = [];
  for (const bullet of bullets) {
    const prefix = /^`([^`]+)`/.exec(bullet)?.[1];
    if (!prefix) continue;
    if (!prefix.endsWith('/')) {
      keys.push(prefix);
      continue;
    }
    const rest = bullet.slice(prefix.length + 2).trim();
    const items = rest.includes('`') ? [...rest.matchAll(/`([^`]+)`/g)].map((m) => m[1]) : rest.split(rest.includes(',') ? /,\s*/ : /\s+/);
    for (const item of items.map((i) => i.trim()).filter(Boolean)) keys.push(prefix + item);
  }
  return keys;
}
