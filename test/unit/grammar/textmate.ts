// Tokenizes text the way VS Code does: the TextMate engine VS Code runs (vscode-textmate on
// Oniguruma compiled to WebAssembly), our grammars registered as package.json contributes them
// (including `injectTo`), and the base grammars (YAML, Dockerfile, shell, Python) taken from VS
// Code's own built-in extensions, which @codingame/monaco-vscode-*-default-extension ship unchanged.
// Nothing here reaches the network: the WebAssembly file comes from vscode-oniguruma's package.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { repoPath } from '../../support/paths';

/** One token: its text, the 1-based line it is on, its offset in the whole text, and its scopes (outermost first). */
export interface Token {
  text: string;
  line: number;
  offset: number;
  scopes: string[];
}

interface GrammarContribution {
  scopeName: string;
  path: string;
  injectTo?: string[];
}

/** VS Code's built-in extensions whose grammars ours embed; each package keeps the extension's files in `resources/`. */
const builtInExtensions = [
  '@codingame/monaco-vscode-yaml-default-extension',
  '@codingame/monaco-vscode-docker-default-extension',
  '@codingame/monaco-vscode-shellscript-default-extension',
  '@codingame/monaco-vscode-python-default-extension',
];

function contributedGrammars(manifestFile: string, grammarFile: (contributed: string) => string): Array<GrammarContribution & { file: string }> {
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { contributes: { grammars: GrammarContribution[] } };
  return manifest.contributes.grammars.map((grammar) => ({ ...grammar, file: grammarFile(grammar.path) }));
}

/** Every grammar VS Code would know here, by scope name, and the injections per target scope. */
function grammarCatalog(): { files: Map<string, string>; injections: Map<string, string[]> } {
  const grammars = [
    ...builtInExtensions.flatMap((name) => {
      const manifest = require.resolve(`${name}/resources/package.json`);
      // The package flattens the extension's `syntaxes/` folder into `resources/`.
      return contributedGrammars(manifest, (contributed) => path.join(path.dirname(manifest), path.basename(contributed)));
    }),
    ...contributedGrammars(repoPath('package.json'), (contributed) => repoPath(contributed)),
  ];
  const files = new Map<string, string>();
  const injections = new Map<string, string[]>();
  for (const grammar of grammars) {
    // VS Code's YAML extension registers source.yaml twice (for yaml and dockercompose), with one file.
    files.set(grammar.scopeName, grammar.file);
    for (const target of grammar.injectTo ?? []) injections.set(target, [...(injections.get(target) ?? []), grammar.scopeName]);
  }
  return { files, injections };
}

let onigurumaLoaded: Promise<void> | undefined;
let registry: Promise<textmate.Registry> | undefined;

function loadOniguruma(): Promise<void> {
  onigurumaLoaded ??= oniguruma.loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')));
  return onigurumaLoaded;
}

/** Oniguruma's complaint about a regex, or undefined when it compiles. */
export async function regexError(source: string): Promise<string | undefined> {
  await loadOniguruma();
  try {
    new oniguruma.OnigScanner([source]).dispose();
    return undefined;
  } catch (error) {
    return String(error);
  }
}

function getRegistry(): Promise<textmate.Registry> {
  registry ??= (async () => {
    await loadOniguruma();
    const { files, injections } = grammarCatalog();
    return new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text) => new oniguruma.OnigString(text),
      }),
      // A scope nobody contributes (e.g. a language the shell grammar embeds) is skipped, as in VS Code.
      loadGrammar: async (scopeName) => {
        const file = files.get(scopeName);
        return file ? textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
      },
      getInjections: (scopeName) => injections.get(scopeName),
    });
  })();
  return registry;
}

/** Tokenizes `text` line by line with the grammar of `scopeName`, carrying the rule stack across lines as an editor does. */
export async function tokenize(scopeName: string, text: string): Promise<Token[]> {
  const grammar = await (await getRegistry()).loadGrammar(scopeName);
  if (!grammar) throw new Error(`no grammar for ${scopeName}`);
  const tokens: Token[] = [];
  let state = textmate.INITIAL;
  let lineOffset = 0;
  text.split('\n').forEach((lineText, index) => {
    const result = grammar.tokenizeLine(lineText, state);
    for (const token of result.tokens) {
      const end = Math.min(token.endIndex, lineText.length);
      if (end > token.startIndex)
        tokens.push({ text: lineText.slice(token.startIndex, end), line: index + 1, offset: lineOffset + token.startIndex, scopes: token.scopes });
    }
    state = result.ruleStack;
    lineOffset += lineText.length + 1;
  });
  return tokens;
}

/** A readable dump of the tokens on the lines of `tokens` that `lines` names, for assertion messages. */
export function describeLines(tokens: Token[], lines: Set<number>): string {
  return tokens
    .filter((token) => lines.has(token.line))
    .map((token) => `  ${token.line}: ${JSON.stringify(token.text)} ${token.scopes.slice(1).join(' ')}`)
    .join('\n');
}

/**
 * Checks scopes at places found by text: each `[needle, scope]` looks for `needle` after the
 * previous needle's match, and every token the needle overlaps must carry `scope` (or a scope that
 * `scope` prefixes at a dot, as a theme selector would match). A scope starting with `!` must be
 * absent instead; several scopes separated by spaces must all hold. When the needle has a part in «», only that part is checked: `«a»: 1` finds
 * `a: 1` and checks `a`. Returns the failures, each with the tokens of its line.
 */
export function scopeFailures(tokens: Token[], text: string, expectations: Array<[needle: string, scope: string]>): string[] {
  const failures: string[] = [];
  let from = 0;
  for (const [needle, expected] of expectations) {
    const plain = needle.replace(/[«»]/g, '');
    const found = text.indexOf(plain, from);
    if (found < 0) {
      failures.push(`${JSON.stringify(plain)} not found after offset ${from}`);
      continue;
    }
    from = found + plain.length;
    const marked = needle.indexOf('«');
    const start = marked < 0 ? found : found + marked;
    const end = marked < 0 ? from : found + needle.indexOf('»') - 1;
    const overlapping = tokens.filter((token) => token.offset < end && token.offset + token.text.length > start);
    for (const requirement of expected.split(' ')) {
      const absent = requirement.startsWith('!');
      const scope = absent ? requirement.slice(1) : requirement;
      const wrong = overlapping.filter((token) => token.scopes.some((s) => s === scope || s.startsWith(`${scope}.`)) === absent);
      if (wrong.length > 0)
        failures.push(`${JSON.stringify(needle)} should ${absent ? 'not ' : ''}be ${scope}, but:\n${describeLines(tokens, new Set(wrong.map((t) => t.line)))}`);
    }
  }
  return failures;
}
