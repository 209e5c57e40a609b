import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Term, termPattern } from '../../../server/src/notes/terms';

const term = (text: string, caseSensitive = false): Term => ({ text, caseSensitive, alias: false });

/** Where a pattern matches in a text, and how long each match is. */
const matches = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((m) => `${m.index}+${m[0].length}`);

describe('notes terms: patterns', () => {
  test('a term is found on token boundaries, a hyphen or dot next to it included', () => {
    const found = (text: string, t: Term) => matches(termPattern(t), text).length > 0;
    const phrase = term('helm template');
    assert.ok(found('run helm template here', phrase));
    assert.ok(found('HELM \n Template.', phrase));
    assert.ok(found('-helm template-', phrase));
    for (const text of ['xhelm template', 'x-helm template', 'helm templates', 'helm template-x', 'helm template_']) assert.ok(!found(text, phrase), text);
    assert.ok(found('FROM alpine', term('FROM', true)));
    assert.ok(!found('from alpine', term('FROM', true)));
    assert.ok(!found('--from-file', term('--from')));
    assert.ok(found('use --from=build', term('--from')));
    assert.ok(found('见镜像分层说明', term('镜像分层')));
    assert.ok(found('see spec.selector.', term('spec.selector')));
    assert.ok(!found('see podspec.selector', term('spec.selector')));
  });

  test('the pattern finds what "not after a word, then the term" finds, at the same places', () => {
    // The plain form: the look behind before the term's first character.
    const plain = (t: Term) => {
      const text = t.text.trim();
      const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
      const head = /[A-Za-z0-9_]/.test(text[0]) ? '(?<![A-Za-z0-9_]-?)' : '';
      const tail = /[A-Za-z0-9_]/.test(text.slice(-1)) ? '(?!-?[A-Za-z0-9_])' : '';
      return new RegExp(head + escaped + tail, t.caseSensitive ? 'g' : 'gi');
    };
    const terms = ['a', 'pod', 'helm template', 'x-y', 'spec.selector', '_helpers.tpl', '--from', '.Values', '{{ with', 'CMD', 'Pod 网络', ' trimmed '];
    const pieces = [
      'a',
      'A',
      'pod',
      'POD',
      'helm',
      'template',
      ' ',
      '\n',
      '-',
      '--',
      '.',
      '_',
      'x',
      'y',
      'spec',
      'selector',
      'tpl',
      '_helpers',
      'from',
      'Values',
      '{{',
      'with',
      'CMD',
      'cmd',
      '网络',
      '9',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % pieces.length;
    const texts = Array.from({ length: 3000 }, () => Array.from({ length: 3 + (next() % 9) }, () => pieces[next()]).join(''));
    let found = 0;
    for (const text of terms)
      for (const caseSensitive of [false, true]) {
        const t = term(text, caseSensitive);
        for (const sample of texts) {
          const expected = matches(plain(t), sample);
          assert.deepEqual(matches(termPattern(t), sample), expected, `${JSON.stringify(text)} in ${JSON.stringify(sample)}`);
          found += expected.length;
        }
      }
    assert.ok(found > 1000);
  });
});
