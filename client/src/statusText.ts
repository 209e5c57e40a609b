import type { NotesStatus } from '../../shared/protocol';

/**
 * What the notes status bar item says: "Notes: 2 files · 140 sections", with a warning when a
 * notes path is missing or unreadable (hovers then fall back to the bundled notes without a word).
 * Pure (no VS Code), so unit tests run it under node.
 */
export interface StatusView {
  text: string;
  tooltip: string;
  warning: boolean;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const MAX_PROBLEMS = 8;

export function describeStatus(status: NotesStatus | undefined): StatusView {
  if (!status) return { text: '$(book) Notes: loading…', tooltip: 'Container Notes is loading your notes.', warning: false };
  const bundled = `Bundled notes: ${count(status.bundledFiles, 'file')}.`;
  if (status.paths.length === 0) {
    return {
      text: '$(book) Notes: bundled only',
      tooltip: `No notes of your own yet: set containerNotes.notes.paths, or use "Add to My Notes" on a hover.\n${bundled}`,
      warning: false,
    };
  }
  const broken = status.paths.filter((p) => p.state === 'missing' || p.state === 'unreadable');
  const lines = [
    ...status.paths.map((p) => `${p.path}: ${p.state === 'missing' ? 'does not exist' : p.state === 'unreadable' ? 'cannot be read' : p.state}`),
    bundled,
    ...status.problems.slice(0, MAX_PROBLEMS),
    ...(status.problems.length > MAX_PROBLEMS ? [`… and ${status.problems.length - MAX_PROBLEMS} more problems in the log.`] : []),
    'Click to reload the notes, show the log or edit the notes paths.',
  ];
  return {
    text: `${broken.length ? '$(warning)' : '$(book)'} Notes: ${count(status.files, 'file')} · ${count(status.sections, 'section')}`,
    tooltip: lines.join('\n'),
    warning: broken.length > 0,
  };
}
