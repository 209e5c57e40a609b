import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scopeFailures, tokenize } from './textmate';

// The heredoc injection (syntaxes/dockerfile-heredoc.tmLanguage.json) into VS Code's Dockerfile
// grammar, on VS Code's TextMate engine with VS Code's shell and Python grammars for the bodies.

const tag = 'entity.name.tag.heredoc.dockerfile';
const operator = 'keyword.operator.heredoc.dockerfile';
const shell = 'meta.embedded.block.shellscript';
const python = 'meta.embedded.block.python';
const file = 'string.unquoted.heredoc.dockerfile';
const instruction = 'keyword.other.special-method.dockerfile';

const samples: Array<{ name: string; text: string; expect: Array<[string, string]> }> = [
  {
    name: 'RUN <<EOF: the body is shell up to the delimiter line; Dockerfile resumes after it',
    text: `FROM alpine
RUN <<EOF
apk add --no-cache curl
echo "EOF is not the end here"
EOF
ENV A=b
`,
    expect: [
      ['RUN', instruction],
      ['<<', operator],
      ['EOF', tag],
      ['apk', `${shell} entity.name.command.shell`],
      ['"EOF is not the end here"', `${shell} string.quoted.double.shell`],
      ['«EOF»\n', `${tag} !${shell}`],
      ['ENV', `${instruction} !${shell}`],
    ],
  },
  {
    name: 'RUN python3 <<EOF: the body is Python',
    text: `RUN python3 <<PY
import os
print(os.getcwd())
PY
WORKDIR /app
`,
    expect: [
      ['PY', tag],
      ['import', `${python} keyword.control.import.python`],
      ['print', python],
      ['«PY»\n', `${tag} !${python}`],
      ['WORKDIR', instruction],
    ],
  },
  {
    name: '<<-EOF with a quoted delimiter: the closing delimiter may be indented with tabs',
    text: `RUN <<-"SCRIPT" bash
\tset -e
\techo "a" 'SCRIPT'
\tSCRIPT
USER app
`,
    expect: [
      ['<<-', operator],
      ['SCRIPT', tag],
      ['set', shell],
      ["'SCRIPT'", `${shell} string.quoted.single.shell`],
      ['\t«SCRIPT»\n', `${tag} !${shell}`],
      ['USER', instruction],
    ],
  },
  {
    name: 'a single-quoted delimiter, and RUN options before the heredoc',
    text: `RUN --mount=type=cache,target=/root/.cache <<'EOF'
pip install -r requirements.txt
EOF
`,
    expect: [
      ['EOF', tag],
      ['pip', shell],
      ['«EOF»\n', tag],
    ],
  },
  {
    name: 'COPY <<EOF /path: the body is file content',
    text: `COPY <<EOF /etc/motd
Welcome: RUN this is not an instruction
EOF
`,
    expect: [
      ['COPY', instruction],
      ['EOF', tag],
      ['Welcome: RUN this is not an instruction', `${file} !${instruction}`],
      ['«EOF»\n', tag],
    ],
  },
  {
    name: 'several heredocs on one COPY line: each body is file content, each delimiter a tag',
    text: `COPY <<EOF1 /file1 <<EOF2 /file2
hello
EOF1
world
EOF2
ENV A=b
`,
    expect: [
      ['<<', operator],
      ['EOF1', tag],
      ['<<', operator],
      ['EOF2', tag],
      ['hello', file],
      ['«EOF1»\n', `${tag} !${file}`],
      ['world', file],
      ['«EOF2»\n', `${tag} !${file}`],
      ['ENV', `${instruction} !meta.heredoc`],
    ],
  },
  {
    name: 'several heredocs on one RUN line: the bodies are shell up to the last delimiter',
    text: `RUN <<FILE1 cat > file1 && <<FILE2 cat > file2
I am
FILE1
second
FILE2
CMD ["sh"]
`,
    expect: [
      ['FILE1', tag],
      ['FILE2', tag],
      ['I am', shell],
      ['«FILE1»\n', `${tag} !${shell}`],
      ['second', shell],
      ['«FILE2»\n', `${tag} !${shell}`],
      ['CMD', `${instruction} !meta.heredoc`],
    ],
  },
  {
    name: 'no heredoc: `<<` in a string or as a shift is left to the Dockerfile grammar',
    text: `RUN echo "a << b" && echo $((1 << 2))
RUN cat <<< "here-string"
`,
    expect: [
      ['RUN', `${instruction} !meta.heredoc`],
      ['"a << b"', `!${operator} !${shell}`],
      ['1 << 2', `!${operator} !${shell}`],
      ['<<<', `!${operator}`],
      ['"here-string"', `!${shell}`],
    ],
  },
];

describe('Dockerfile heredoc injection on VS Code’s TextMate engine', () => {
  for (const sample of samples) {
    test(sample.name, async () => {
      const tokens = await tokenize('source.dockerfile', sample.text);
      assert.deepEqual(scopeFailures(tokens, sample.text, sample.expect), []);
    });
  }
});
