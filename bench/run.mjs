// `npm run bench [-- name-filter]`: runs bench/scenarios/*.mjs against the built server and prints
// one table per scenario. Needs `npm run build` first. Timings belong here, never in tests.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as bench from './lib.mjs';

const filter = process.argv[2];
const dir = join(bench.ROOT, 'bench', 'scenarios');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs') && (!filter || f.includes(filter)))
  .sort();
console.log(`bench: node ${process.version}, ${files.length} scenario(s)`);
let failed = 0;
for (const file of files) {
  const scenario = await import(pathToFileURL(join(dir, file)).toString());
  try {
    bench.printTable(scenario.title ?? file, await scenario.run(bench));
  } catch (error) {
    failed++;
    console.error(`bench ${file} failed: ${error.stack ?? error}`);
  }
}
process.exit(failed ? 1 : 0);
