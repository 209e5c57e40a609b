import { listedForm, type NoteKeyForm } from '../workspace';

/**
 * The notes keys Compose hovers produce (see keys.ts): a service, the file, and any field path with
 * the names a user picks written `*` (`compose:field/services.*.ports`).
 */
export function noteKeys(): NoteKeyForm[] {
  return [
    listedForm('compose:service', 'Compose service', [{ path: '', matches: 'hovers on a service and on every field inside one, after their own key' }]),
    listedForm('compose:file', 'Compose file', [
      { path: '', matches: 'hovers on the top-level sections of a Compose file and their fields, after their own key' },
    ]),
    {
      form: 'compose:field/',
      title: 'Compose field',
      open: true,
      complete: () => [],
      describe: (path) =>
        path ? `hovers on \`${path.replace(/\*/g, '<name>')}\` in Compose files (and on the fields under it, after their own key)` : undefined,
      closest: () => undefined,
    },
  ];
}
