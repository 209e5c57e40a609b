// Fires on a `${...}` that `docker compose` cannot interpolate: an empty or unclosed `${`, a name
// that does not start with a letter or "_", or a modifier other than :- - :? ? :+ + after the
// name (`${VAR:default}`, `${#VAR}` and other shell forms). Compose refuses the file ("invalid
// interpolation format"). `$$` is a literal dollar, and `$VAR` or a `$` before anything else is
// left as written, as Compose does.
import { finding, rangeOf, type Rule, type RuleMeta } from '../../common';
import type { Finding } from '../../common';
import { eachValue, type ComposeCheck } from './rule';

const meta: RuleMeta = {
  id: 'compose/invalid-interpolation',
  severity: 'error',
  basis: 'refused:compose',
  title: 'An interpolation Compose cannot read',
  help: 'Write ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?message}, ${VAR?message}, ${VAR:+other} or ${VAR+other}; write $$ for a literal dollar sign (in shell commands too).',
};

const BRACED = /^[_A-Za-z][_A-Za-z0-9]*(?:(?::?[-?+])([\s\S]*))?$/;

/** The problems in one string: the offset (in the string) and length of each bad `${...}`. */
function badInterpolations(value: string): Array<{ at: number; length: number; why: string }> {
  const bad: Array<{ at: number; length: number; why: string }> = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '$') continue;
    if (value[i + 1] === '$') {
      i++;
      continue;
    }
    if (value[i + 1] !== '{') continue;
    // The matching brace, counting nested `${` in defaults (`${A:-${B}}`).
    let depth = 0;
    let end = -1;
    for (let j = i + 2; j < value.length; j++) {
      if (value[j] === '$' && value[j + 1] === '{') {
        depth++;
        j++;
      } else if (value[j] === '}') {
        if (depth === 0) {
          end = j;
          break;
        }
        depth--;
      }
    }
    if (end < 0) {
      bad.push({ at: i, length: value.length - i, why: 'it has no closing "}"' });
      break;
    }
    const inner = value.slice(i + 2, end);
    const m = BRACED.exec(inner);
    if (!m)
      bad.push({
        at: i,
        length: end + 1 - i,
        why: inner === '' ? 'the name is empty' : 'Compose reads only a variable name, optionally followed by :-, -, :?, ?, :+ or + and a value',
      });
    else if (m[1]) bad.push(...badInterpolations(m[1]).map((b) => ({ ...b, at: b.at + i + 2 + inner.length - m[1].length })));
    i = end;
  }
  return bad;
}

export const invalidInterpolation: Rule<ComposeCheck> = {
  meta,
  check: ({ file }) => {
    const found: Finding[] = [];
    eachValue(file.root, (scalar) => {
      if (typeof scalar.value !== 'string' || !scalar.value.includes('${') || !scalar.range) return;
      const source = file.doc.getText().slice(scalar.range[0], scalar.range[1]);
      for (const b of badInterpolations(scalar.value)) {
        const written = scalar.value.slice(b.at, b.at + b.length);
        // Point at the text when it appears as written (plain and most quoted scalars); else at the whole value.
        const at = source.indexOf(written);
        const range =
          at >= 0 ? rangeOf(file.doc, scalar.range[0] + at, scalar.range[0] + at + written.length) : rangeOf(file.doc, scalar.range[0], scalar.range[1]);
        found.push(
          finding(meta, range, `Compose cannot interpolate "${written}": ${b.why}. Use \${VAR:-default} or \${VAR:?message}, or $$ for a literal "$".`),
        );
      }
    });
    return found;
  },
};
