import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as services from '../../../server/src/services';
import { createFixture } from '../../support/fixture';

test('a .Values completion carries the key’s values.yaml comment and its value, as a hover on the path does', async () => {
  const fixture = createFixture(
    new Map(
      Object.entries({
        'c/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
        'c/values.yaml': 'image:\n  # -- Where the image is pulled from\n  repository: nginx\n  tag: "1.27" # pinned by CI\n',
        'c/templates/d.yaml': 'image: {{ .Values.image. }}\n',
      }),
    ),
  );
  const doc = fixture.open('c/templates/d.yaml');
  // Awaited: completion may be asynchronous.
  const { items } = await services.complete(fixture.ctx, doc, doc.positionAt(doc.getText().indexOf(' }}')));
  const docs = Object.fromEntries(items.map((i) => [i.label, typeof i.documentation === 'object' ? i.documentation.value : i.documentation]));
  assert.match(docs.repository ?? '', /\| values\.yaml \| `"nginx"` \|[\s\S]*Where the image is pulled from/);
  assert.match(docs.tag ?? '', /pinned by CI/);
  assert.equal(items.find((i) => i.label === 'repository')?.detail, '"nginx"');
});
