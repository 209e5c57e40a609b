import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../support/paths';

// The heredoc injection grammar: valid JSON, registered for source.dockerfile, every regex
// compiles, and the begin/end rules pick the right embedded language for typical heredocs.
// (Oniguruma is not installed; the grammar sticks to syntax JavaScript shares with it.)

interface Rule {
  begin?: string;
  end?: string;
  match?: string;
  contentName?: string;
  patterns?: Rule[];
}
const grammar = JSON.parse(fs.readFileSync(repoPath('syntaxes', 'dockerfile-heredoc.tmLanguage.json'), 'utf8')) as {
  scopeName: string;
  injectionSelector: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
};

function rules(): Array<[string, Rule]> {
  return Object.entries(grammar.repository);
}

/** The end pattern with back-references to the begin captures filled in, as TextMate does. */
function endFor(rule: Rule, begin: RegExpExecArray): RegExp {
  return new RegExp(rule.end!.replace(/\\(\d)/g, (_, n: string) => (begin[Number(n)] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
}

/** Which rule opens on `line` (first match in pattern order) and the embedded scope it gives. */
function opener(line: string): { name: string; begin: RegExpExecArray } | undefined {
  for (const { include } of grammar.patterns as Array<{ include: string }>) {
    const name = include.slice(1);
    const begin = new RegExp(grammar.repository[name].begin!).exec(line);
    if (begin) return { name, begin };
  }
  return undefined;
}

test('the grammar is registered as an injection into source.dockerfile', () => {
  const pkg = JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8'));
  const entry = pkg.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === grammar.scopeName);
  assert.ok(entry, 'package.json grammars entry');
  assert.deepEqual(entry.injectTo, ['source.dockerfile']);
  assert.ok(fs.existsSync(repoPath(entry.path)));
  assert.match(grammar.injectionSelector, /source\.dockerfile/);
});

test('every regex compiles', () => {
  for (const [name, rule] of rules()) {
    for (const key of ['begin', 'end', 'match'] as const) {
      if (rule[key] !== undefined) assert.doesNotThrow(() => new RegExp(rule[key]!), `${name}.${key}`);
    }
  }
});

test('RUN heredocs are shell, python heredocs are python, COPY heredocs are file content', () => {
  const cases: Array<[string, string, string]> = [
    ['RUN <<EOF', 'run-heredoc', 'EOF'],
    ['run <<-EOT', 'run-heredoc', 'EOT'],
    ['RUN --mount=type=cache,target=/c <<"SCRIPT"', 'run-heredoc', 'SCRIPT'],
    ["RUN bash <<'EOF' && echo done", 'run-heredoc', 'EOF'],
    ['RUN python3 <<EOF', 'python-heredoc', 'EOF'],
    ["RUN python <<-'PY'", 'python-heredoc', 'PY'],
    ['COPY <<EOF /etc/motd', 'file-heredoc', 'EOF'],
  ];
  for (const [line, expected, delimiter] of cases) {
    const found = opener(line);
    assert.equal(found?.name, expected, line);
    const end = endFor(grammar.repository[expected], found!.begin);
    assert.ok(end.test(delimiter) && end.test(`\t${delimiter}`), `${line}: ends at ${delimiter}`);
    assert.ok(!end.test(`${delimiter}X`) && !end.test(`echo ${delimiter}`), `${line}: only the delimiter line ends it`);
  }
  assert.equal(opener('RUN echo "a << b"'), undefined);
  assert.equal(grammar.repository['python-heredoc'].contentName, 'meta.embedded.block.python');
  assert.equal(grammar.repository['run-heredoc'].contentName, 'meta.embedded.block.shellscript');
});
