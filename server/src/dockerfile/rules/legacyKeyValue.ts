// Fires on `ENV key value` and `LABEL key value` without `=` (BuildKit's LegacyKeyValueFormat).
// The old form sets one variable per line and treats everything after the key as the value,
// which surprises when a second pair is added.
import type { Property } from 'dockerfile-ast';
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { replace } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/legacy-key-value',
  severity: 'warning',
  basis: 'practice',
  title: 'Legacy `key value` format',
  help: 'Write `ENV key=value` (and `LABEL key=value`); quote values that contain spaces.',
};

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const step of model.steps) {
    if (step.keyword !== 'ENV' && step.keyword !== 'LABEL') continue;
    const properties = (step.instruction as unknown as { getProperties(): Property[] }).getProperties();
    if (properties.length !== 1 || properties[0].getAssignmentOperator() !== null) continue;
    const p = properties[0];
    const valueRange = p.getValueRange();
    if (!valueRange) continue;
    const raw = model.doc.getText(valueRange);
    const value = /\s/.test(raw) && !/^["'].*["']$/s.test(raw) ? `"${raw.replace(/"/g, '\\"')}"` : raw;
    const range = { start: p.getNameRange().start, end: valueRange.end };
    out.push(
      finding(meta, p.getNameRange(), `Write "${step.keyword} ${p.getName()}=..."; the form without "=" is deprecated.`, [
        { title: `Change to ${p.getName()}=${value}`, edits: [replace(range, `${p.getName()}=${value}`)], preferred: true },
      ]),
    );
  }
  return out;
}

export const legacyKeyValue: Rule<DockerfileModel> = { meta, check };
