/**
 * Dev script (`npm run docs:rules`): rewrites the generated rule table of docs/rules.md from the
 * rules' own metadata (id, default severity, basis, title). test/unit/rules.test.ts fails when the
 * page and the rules disagree, so run this after adding a rule or changing a severity.
 */
import * as fs from 'node:fs';
import { allRules } from '../../server/src/services';
import { repoPath } from '../support/paths';
import { renderRuleTable, withTable } from '../support/rulesDoc';

const file = repoPath('docs', 'rules.md');
const before = fs.readFileSync(file, 'utf8');
const after = withTable(before, renderRuleTable(allRules()));
if (after !== before) fs.writeFileSync(file, after);
process.stdout.write(`docs/rules.md: ${allRules().length} rules, ${after === before ? 'unchanged' : 'table rewritten'}\n`);
