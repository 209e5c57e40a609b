import type { Finding } from '../common';
import type { DockerfileModel } from './model';

/**
 * The `# check=skip=...` parser directive turns BuildKit build checks off. Our rules that match a
 * BuildKit check honour it too, so a check the project skipped on purpose is not reported twice
 * (once by the builder's configuration, once by us).
 */

/** BuildKit check name → the ids of our rules that report the same thing. */
const BUILDKIT_CHECKS: Readonly<Record<string, readonly string[]>> = {
  StageNameCasing: ['dockerfile/stage-name-casing'],
  FromAsCasing: ['dockerfile/from-as-casing'],
  NoEmptyContinuation: ['dockerfile/empty-continuation'],
  ConsistentInstructionCasing: ['dockerfile/consistent-casing'],
  ReservedStageName: ['dockerfile/reserved-stage-name'],
  DuplicateStageName: ['dockerfile/duplicate-stage-name'],
  JSONArgsRecommended: ['dockerfile/shell-form-cmd'],
  MaintainerDeprecated: ['dockerfile/maintainer-deprecated'],
  UndefinedArgInFrom: ['dockerfile/undefined-variable'],
  UndefinedVar: ['dockerfile/undefined-variable'],
  WorkdirRelativePath: ['dockerfile/relative-workdir'],
  MultipleInstructionsDisallowed: ['dockerfile/multiple-cmd', 'dockerfile/multiple-entrypoint', 'dockerfile/multiple-healthcheck'],
  LegacyKeyValueFormat: ['dockerfile/legacy-key-value'],
  RedundantTargetPlatform: ['dockerfile/redundant-target-platform'],
  SecretsUsedInArgOrEnv: ['dockerfile/secret-in-env'],
  InvalidDefaultArgInFrom: ['dockerfile/arg-without-default-in-from'],
};

/** Rule ids the file's `# check=skip=` directive turns off (`skip=all`: every mapped rule). */
export function skippedRules(model: DockerfileModel): Set<string> {
  const skipped = new Set<string>();
  for (const directive of model.directives) {
    if (directive.getName().toLowerCase() !== 'check') continue;
    for (const part of directive.getValue().split(';')) {
      const [key, value = ''] = part.split('=', 2).map((s) => s.trim());
      if (key !== 'skip') continue;
      for (const name of value.split(',').map((s) => s.trim())) {
        const ids = name === 'all' ? Object.values(BUILDKIT_CHECKS).flat() : (BUILDKIT_CHECKS[name] ?? []);
        for (const id of ids) skipped.add(id);
      }
    }
  }
  return skipped;
}

/** Findings without those of rules the check directive skips. */
export function withoutSkipped(model: DockerfileModel, findings: Finding[]): Finding[] {
  const skipped = skippedRules(model);
  return skipped.size ? findings.filter((f) => !skipped.has(f.rule)) : findings;
}
