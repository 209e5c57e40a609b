import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMMON_RULES } from '../../server/src/common';
import { language as compose } from '../../server/src/compose';
import { language as dockerfile } from '../../server/src/dockerfile';
import { language as helm } from '../../server/src/helm';
import { language as kubernetes } from '../../server/src/kubernetes';
import { allRules, moduleFor } from '../../server/src/services';
import type { DocumentKind, LanguageModule } from '../../server/src/workspace';
import { createFixture } from '../support/fixture';

// services/route.ts: the language table decides which module serves a document kind.

const SERVED: Array<[DocumentKind, LanguageModule, string]> = [
  ['dockerfile', dockerfile, 'dockerfile'],
  ['kubernetes', kubernetes, 'kubernetes'],
  ['helm-template', helm, 'helm'],
  ['helm-chart', helm, 'helm'],
  ['helm-values', helm, 'helm'],
  ['compose', compose, 'compose'],
];

test('each kind goes to its module while its setting is on', () => {
  const { ctx } = createFixture(new Map());
  for (const [kind, module] of SERVED) assert.equal(moduleFor(ctx, kind), module, kind);
  for (const kind of ['yaml', 'other'] as const) assert.equal(moduleFor(ctx, kind), undefined, kind);
  assert.ok(moduleFor(ctx, 'notes'), 'notes files are served whatever the settings');
});

test("a language's setting turns off its kinds only", () => {
  for (const [, , setting] of SERVED) {
    const { ctx } = createFixture(new Map(), { [setting]: { enable: false } });
    for (const [kind, module, owner] of SERVED) assert.equal(moduleFor(ctx, kind), owner === setting ? undefined : module, `${setting} off: ${kind}`);
  }
});

test('allRules lists the common rules, then each language in table order', () => {
  const notes = moduleFor(createFixture(new Map()).ctx, 'notes');
  assert.deepEqual(allRules(), [...COMMON_RULES, ...dockerfile.rules, ...kubernetes.rules, ...helm.rules, ...compose.rules, ...(notes?.rules ?? [])]);
});
