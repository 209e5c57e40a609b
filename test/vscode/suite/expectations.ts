/**
 * What the extension must do in real VS Code, as data: one row per check, so integration can adjust
 * an expectation in one place. Files are relative to test/vscode/fixture/; a cursor is found by text
 * (never by line numbers): `after` puts it right after the first occurrence of the text, `on` in
 * the middle of it.
 *
 * Rows marked `foundation: true` pass on the foundation alone (client, routing, services); the
 * other rows need the language modules or the notes index. `CONTAINER_NOTES_TEST_GREP=foundation` runs only the former.
 */

export type Cursor = { after: string } | { on: string };

interface Row {
  title: string;
  file: string;
  foundation?: boolean;
}

export interface LanguageIdRow extends Row {
  languageId: string;
}

export interface HoverRow extends Row {
  cursor: Cursor;
  /** Every string must appear in the hover's Markdown. */
  contains: string[];
}

export interface CompletionRow extends Row {
  cursor: Cursor;
  /** Every label must be among the items. */
  labels: string[];
}

export interface DiagnosticRow extends Row {
  code: string;
  /** The diagnostic's range covers this text. */
  on: string;
}

export const languageIds: LanguageIdRow[] = [
  { title: 'a Dockerfile is a dockerfile', file: 'Dockerfile', languageId: 'dockerfile', foundation: true },
  { title: 'a *.Dockerfile is a dockerfile', file: 'pinned.Dockerfile', languageId: 'dockerfile', foundation: true },
  { title: 'a manifest stays yaml', file: 'k8s/deployment.yaml', languageId: 'yaml', foundation: true },
  { title: 'a chart template is helm', file: 'chart/templates/deployment.yaml', languageId: 'helm', foundation: true },
  { title: 'values.yaml stays yaml', file: 'chart/values.yaml', languageId: 'yaml', foundation: true },
  { title: 'compose.yaml is dockercompose', file: 'compose.yaml', languageId: 'dockercompose', foundation: true },
];

export const hovers: HoverRow[] = [
  {
    title: 'an ignore comment names the rule it silences and the reason',
    file: 'pinned.Dockerfile',
    cursor: { on: 'ignore=' },
    contains: ['dockerfile/latest-tag', 'Reason:** pinned'],
    foundation: true,
  },
  {
    // Needs the notes index (the notes issue); the path comes from the fixture's .vscode/settings.json.
    title: "an ignore comment shows the user's note tagged with the rule",
    file: 'pinned.Dockerfile',
    cursor: { on: 'ignore=' },
    contains: ['TEAM-NOTE: pin base images'],
  },
  { title: 'Dockerfile instruction FROM', file: 'Dockerfile', cursor: { on: 'FROM' }, contains: ['FROM'] },
  { title: 'manifest kind Deployment', file: 'k8s/deployment.yaml', cursor: { on: 'Deployment' }, contains: ['Deployment'] },
  { title: 'Helm built-in .Release.Name', file: 'chart/templates/deployment.yaml', cursor: { on: 'Release' }, contains: ['Release'] },
  { title: 'Compose service web', file: 'compose.yaml', cursor: { on: 'web' }, contains: ['**web** · service', 'Services'] },
  {
    title: 'cert-manager Certificate field from the bundled CRD catalog',
    file: 'k8s/certificate.yaml',
    cursor: { on: 'renewBefore' },
    contains: ['spec.renewBefore', 'bundled CRD catalog', '@kubernetes-models/cert-manager@'],
  },
];

export const completions: CompletionRow[] = [
  { title: 'Dockerfile instructions on an empty line', file: 'Dockerfile', cursor: { after: 'FROM ubuntu:latest\n' }, labels: ['RUN'] },
  { title: 'Deployment spec fields', file: 'k8s/incomplete.yaml', cursor: { after: 'spec:\n  ' }, labels: ['replicas'] },
  {
    title: 'Helm .Values keys from values.yaml',
    file: 'chart/templates/deployment.yaml',
    cursor: { after: '{{ .Values.' },
    labels: ['replicaCount', 'image', 'service'],
  },
];

export const diagnostics: DiagnosticRow[] = [
  { title: 'Dockerfile FROM with :latest', file: 'Dockerfile', code: 'dockerfile/latest-tag', on: 'ubuntu:latest' },
  { title: 'manifest field typo replica', file: 'k8s/typo.yaml', code: 'k8s/unknown-field', on: 'replica' },
  { title: 'Compose depends_on an undefined service', file: 'compose.yaml', code: 'compose/unknown-service', on: 'cache' },
];

/**
 * "Add to My Notes" and the notes status. The fixture's notes path is `notes/`, with one file
 * (team.md): the command writes there without asking which file.
 */
export const notes = {
  /** A hover with bundled notes and none of the user's: it ends with the add-note link. */
  linkHover: { file: 'k8s/deployment.yaml', cursor: { on: 'Deployment' } as Cursor, key: 'k8s:kind/Deployment' },
  /** What the command writes into the notes file for that cursor. */
  added: {
    notesFile: 'notes/team.md',
    heading: '## Deployment',
    tag: '<!-- keys: k8s:kind/Deployment -->',
    body: 'TEAM-NOTE: roll Deployments out one pod at a time.',
  },
  /** The status item with the fixture's notes, and after a notes path that does not exist is added. */
  status: { text: /^\$\(book\) Notes: 1 file · \d+ sections?$/, missingPath: 'no-such-notes', warningText: /^\$\(warning\) Notes: / },
};

/**
 * The UI smoke test (test/e2e/uiSmoke.mjs) does these by mouse and keyboard in the workbench, with
 * the packaged .vsix installed. `word` is text on screen to point the mouse at.
 */
export const ui = {
  ignoreHover: { file: 'pinned.Dockerfile', word: 'container-notes ignore', contains: 'pinned', foundation: true },
  hover: { file: 'Dockerfile', word: 'FROM', contains: 'FROM' },
  problem: { file: 'Dockerfile', contains: 'dockerfile/latest-tag' },
  /** Ctrl+Space on a new line typed after `afterLine`. */
  completion: { file: 'Dockerfile', afterLine: 'FROM ubuntu:latest', label: 'RUN' },
  /** A hover with a section of the user's notes and a bundled one (the screenshot of issue 11). */
  twoSections: { file: 'Dockerfile', word: 'FROM', user: 'TEAM-NOTE: base images come from', bundled: /bundled/i },
  /** The notes status bar item. */
  status: /Notes: 1 file · \d+ sections?/,
  /** Clicking the hover's "Add to my notes" link opens the notes file at a new section. */
  addNoteLink: { file: 'k8s/deployment.yaml', word: 'Deployment', link: 'Add to my notes', notesFile: 'team.md', heading: '## Deployment' },
};
