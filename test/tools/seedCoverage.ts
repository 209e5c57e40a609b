/**
 * Dev script (`npm run lint:notes-coverage [-- <notes folder>]`, after `npm run build`): indexes the
 * user's real notes (default ../shared/seed-notes) and prints, for every key docs/notes-keys.md
 * says the bundled notes cover, the section a hover would show and why — or that none matches.
 * It shows how well the engine reads real notes; it is not a test (the seed may change).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NotesIndex, sourceLabel } from '../../server/src/notes';
import { documentedKeys } from '../support/noteKeys';
import { repoPath } from '../support/paths';

function main(): void {
  const folder = path.resolve(
    process.argv[2] ?? [repoPath('..', 'shared', 'seed-notes'), repoPath('..', '..', 'shared', 'seed-notes')].find((p) => fs.existsSync(p)) ?? 'seed-notes',
  );
  const index = new NotesIndex();
  for (const name of fs.readdirSync(folder).sort()) {
    const file = path.join(folder, name);
    if (fs.statSync(file).isFile()) index.setFile({ uri: `file://${file}`, text: fs.readFileSync(file, 'utf8'), origin: 'user' });
  }
  const keys = documentedKeys(fs.readFileSync(repoPath('docs', 'notes-keys.md'), 'utf8'));
  let found = 0;
  for (const key of keys) {
    const [best] = index.rank([key], { includeBundled: false, language: 'en' });
    if (best) found++;
    const where = best
      ? `${sourceLabel(best.section)}  ${best.section.headingPath.join(' › ') || '(before any heading)'}  [tier ${best.tier}, ${best.reason}: ${best.matched}]`
      : '—';
    process.stdout.write(`${key.padEnd(48)} ${where}\n`);
  }
  process.stdout.write(`\n${found} of ${keys.length} documented keys find a section in ${index.fileCount} files of ${folder}\n`);
}

main();
