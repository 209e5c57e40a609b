// Fires on `apk add` without `--no-cache` in a stage that ends up in the final image, unless the
// RUN removes /var/cache/apk or uses a cache mount (or --no-network: nothing is fetched). The
// package index then stays in the layer.
import type { Finding, Rule, RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';
import { hasOption, isSubcommand } from '../shell';
import { cacheKeepingRuns, missingOption } from './rule';

const meta: RuleMeta = {
  id: 'dockerfile/apk-no-cache',
  severity: 'info',
  basis: 'practice',
  title: 'apk add without --no-cache',
  help: 'Use `apk add --no-cache <packages>`; it fetches the index without storing it.',
};

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const { commands } of cacheKeepingRuns(model)) {
    if (commands.some((c) => c.words.some((w) => w.text.startsWith('/var/cache/apk')) && c.words.some((w) => w.text === 'rm'))) continue;
    for (const command of commands) {
      if (!isSubcommand(command, ['apk'], ['add']) || hasOption(command, (w) => w === '--no-cache' || w === '--no-network')) continue;
      const add = command.words.find((w) => w.text === 'add')!;
      out.push(missingOption(meta, model, command, add, '--no-cache', 'Add --no-cache so the apk index does not stay in the image.'));
    }
  }
  return out;
}

export const apkNoCache: Rule<DockerfileModel> = { meta, check };
