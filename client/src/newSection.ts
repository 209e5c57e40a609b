/**
 * The text "Add to My Notes" appends to a notes file: a heading at the level the file's sections
 * use, the key tag, and an empty line for the body, where the cursor goes. Pure (no VS Code), so
 * unit tests run it under node.
 */
export interface NewSection {
  /** What to append at the end of the file. */
  text: string;
  /** Where the cursor goes afterwards: the empty body line (0-based). */
  line: number;
}

/** The level of the file's sections: the most used heading level (a lone `#` title aside), the shallower on a tie; 2 without headings. */
export function sectionLevel(text: string): number {
  const counts = [0, 0, 0, 0, 0, 0, 0];
  let fence: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === undefined ? marker : undefined;
      continue;
    }
    const heading = fence === undefined ? /^ {0,3}(#{1,6})(\s|$)/.exec(line) : null;
    if (heading) counts[heading[1].length]++;
  }
  if (counts[1] === 1) counts[1] = 0;
  let level = 2;
  for (let l = 1; l <= 6; l++) if (counts[l] > counts[level] || (counts[l] === counts[level] && counts[l] > 0 && l < level)) level = l;
  return level;
}

export function newSection(text: string, heading: string, tag: string): NewSection {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const gap = text === '' || text.endsWith(eol + eol) ? '' : text.endsWith(eol) ? eol : eol + eol;
  const added = `${gap}${'#'.repeat(sectionLevel(text))} ${heading}${eol}<!-- keys: ${tag} -->${eol}${eol}`;
  // The appended text ends with the empty body line and the line break after it.
  return { text: added, line: (text + added).split(eol).length - 2 };
}
