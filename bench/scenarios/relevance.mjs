// Relevance: the labelled hover suite (test/relevance) run through the services layer as a default
// user sees it. Top-1 on-topic, the share of shown note sections that are off topic, and the hover
// size in display lines, overall, per language and per notes set. The user's real seed notes take
// part when present ($CONTAINER_NOTES_SEED_NOTES or ../shared/seed-notes). Details (worst cases,
// unlabelled sections): `npm run relevance`.
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const title = 'Relevance: labelled hovers over user notes in three styles and the bundled notes';

const require = createRequire(import.meta.url);

export async function run({ ROOT }) {
  const { breakdown, runSuite } = require(join(ROOT, 'out/test/relevance/measure.js'));
  const suite = await runSuite();
  const rows = [
    {
      measure: `hovers (${suite.cases.length} cases over ${suite.sets.map((s) => s.name).join(', ')})`,
      value: suite.measurements.length,
      unit: '',
    },
  ];
  const percent = (part, whole) => (whole ? (100 * part) / whole : NaN);
  for (const { group, figures } of breakdown(suite)) {
    rows.push(
      { measure: `${group}: first section on-topic`, value: percent(figures.top1OnTopic, figures.top1Counted), unit: '%', target: '≥ 90 %' },
      { measure: `${group}: shown sections off-topic`, value: percent(figures.offTopicSections, figures.shownSections), unit: '%', target: '≤ 5 %' },
      { measure: `${group}: hover size, median`, value: figures.medianLines, unit: 'lines', target: '≤ 25' },
      { measure: `${group}: hover size, p90`, value: figures.p90Lines, unit: 'lines', target: '≤ 40' },
    );
  }
  return rows;
}
