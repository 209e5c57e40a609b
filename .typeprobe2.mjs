import { createRequire } from 'node:module';
import { CHART, helmTemplate, positionOf } from './bench/fixtures.mjs';
const require = createRequire(import.meta.url);
const { createFixture } = require('./out/test/support/fixture.js');
const services = require('./out/server/src/services/index.js');
const { TextDocument } = require('vscode-languageserver-textdocument');
function repeatTo(lines, make) {
  const docs = [];
  let count = 0;
  for (let i = 0; count < lines; i++) {
    const doc = make(i).replace(/\n$/, '');
    docs.push(doc);
    count += doc.split('\n').length + 1;
  }
  return docs.join('\n---\n') + '\n';
}
const text = repeatTo(2000, helmTemplate);
const files = new Map(Object.entries(CHART).map(([k, v]) => [`chart/${k}`, v]));
files.set('chart/templates/big.yaml', text);
const fixture = createFixture(files);
let doc = fixture.open('chart/templates/big.yaml');
const typed = text.indexOf('" . }}-35') + 9;
const hoverAt = positionOf(text, '.Values.replicaCount', 10),
  completeAt = positionOf(text, '.Values.image.pullPolicy', 8);
await services.diagnose(fixture.ctx, doc);
const h = [],
  c = [];
for (let v = 2; v < 2 + (+process.argv[2] || 400); v++) {
  const t = v % 2 ? text.slice(0, typed) + String(v % 10) + text.slice(typed) : text;
  TextDocument.update(doc, [{ text: t }], v);
  fixture.ctx.workspace.openDocument?.(doc);
  const s = performance.now();
  if (v % 2 === 0) await services.hover(fixture.ctx, doc, hoverAt);
  else await services.complete(fixture.ctx, doc, completeAt);
  const took = performance.now() - s;
  (v % 2 === 0 ? h : c).push(took);
  if (process.env.MARK && took > 8) console.log('SLOW', took.toFixed(1));
}
const q = (a, p) => a.sort((x, y) => x - y)[Math.floor(a.length * p)].toFixed(2);
console.log('hover med', q(h, 0.5), 'p95', q(h, 0.95), 'complete med', q(c, 0.5), 'p95', q(c, 0.95));
