import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * A validator for the official SARIF 2.1.0 JSON schema (sarif-2.1.0-rtm.5, draft-04), as shipped
 * in the @microsoft/jest-sarif package, so the check runs offline.
 */
export function sarifValidator() {
  const schemaFile = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
  // The schema's `language` pattern has a stray `]` that only parses without the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
}
