import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as services from '../../../server/src/services';
import { createFixture } from '../../support/fixture';

// A mapping with an empty key makes yaml-language-server format "Property {0} is not allowed" with
// a null argument, and @vscode/l10n throws on it (found by `npm run fuzz`). Every schema answer of
// such a document still comes back, without the exception reaching the request's guard.
const COMPOSE =
  'services:\n  web:\n    image: nginx:1.27\n    ports: ["80:http"]\n    volumes:\n      - ./html:/usr/share/nginx/html:ro\nvolumes:\n  data:\n:\n  api_key:\n    file: ./k.txt\n';

test('a Compose file with an empty key gets hover, completion and diagnostics', async () => {
  const fixture = createFixture(new Map([['compose.yaml', COMPOSE]]));
  const doc = fixture.open('compose.yaml');
  for (let offset = 0; offset <= COMPOSE.length; offset++) {
    const position = doc.positionAt(offset);
    await services.hover(fixture.ctx, doc, position);
    await services.complete(fixture.ctx, doc, position);
  }
  const diagnostics = await services.diagnose(fixture.ctx, doc);
  assert.ok(
    diagnostics.some((d) => d.code === 'compose/invalid-port'),
    'our own rules still report',
  );
});
