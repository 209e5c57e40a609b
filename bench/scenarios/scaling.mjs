// Scaling (issue 13 item 4): each input family an adversarial run found super-linear
// (test/repro/slow-*.repro.json, generators in test/support/slowInputs.ts), built at about 10 KB,
// 100 KB and 1 MB and opened in a fresh in-process workspace. For each size: the slowest single
// request (diagnostics, then hover, completion, folding and symbols at the reproducer's positions)
// and their total. Linear means 10× the input costs at most 12× the time; no request may take
// more than 1 s. In process, so the figures are the analysis and not the transfer of a 1 MB text.
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const title = 'Scaling: time per input size for each family once found super-linear (in process)';

const require = createRequire(import.meta.url);
const SIZES = [10 * 1024, 100 * 1024, 1024 * 1024];

export async function run(bench) {
  const { SLOW_INPUTS, slowInputFiles } = require(join(bench.ROOT, 'out/test/support/slowInputs.js'));
  const { createFixture } = require(join(bench.ROOT, 'out/test/support/fixture.js'));
  const services = require(join(bench.ROOT, 'out/server/src/services/index.js'));
  const rows = [];
  for (const input of SLOW_INPUTS) {
    // The generators repeat one shape: the size per repeat is the same at every n.
    const perRepeat = input.text(10_000).length / 10_000;
    const measured = [];
    for (const size of SIZES) {
      const n = Math.max(1, Math.floor(size / perRepeat));
      const fixture = createFixture(slowInputFiles(input, n));
      const doc = fixture.open(input.place);
      const requests = [() => services.diagnose(fixture.ctx, doc)];
      for (const { position } of input.requests) {
        requests.push(
          () => services.hover(fixture.ctx, doc, position),
          () => services.complete(fixture.ctx, doc, position),
        );
      }
      requests.push(
        () => services.folding(fixture.ctx, doc),
        () => services.symbols(fixture.ctx, doc),
      );
      let slowest = 0;
      let total = 0;
      for (const request of requests) {
        const ms = await bench.time(request);
        slowest = Math.max(slowest, ms);
        total += ms;
      }
      measured.push({ size: doc.getText().length, total });
      const previous = measured[measured.length - 2];
      const growth = previous ? `${(total / previous.total).toFixed(1)}× time for ${(measured.at(-1).size / previous.size).toFixed(1)}× input` : '';
      rows.push({
        measure: `${input.name} (${input.generator}), ${Math.round(doc.getText().length / 1024)} KB: all requests${growth ? `, ${growth}` : ''}`,
        value: total,
        target: previous ? '≤ 12× per 10×' : '',
      });
      rows.push({ measure: `${input.name}, ${Math.round(doc.getText().length / 1024)} KB: slowest request`, value: slowest, target: '≤ 1000 ms' });
    }
  }
  return rows;
}
