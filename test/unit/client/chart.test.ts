import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { findChartRoot } from '../../../client/src/chart';

// The client's one chart-root walk (Helm language id, "Show Helm Template Output"), over a set of
// existing URIs instead of VS Code's file system.
const existing = (...uris: string[]) => {
  const asked: string[] = [];
  const exists = async (uri: string) => {
    asked.push(uri);
    return uris.includes(uri);
  };
  return { exists, asked };
};

test('the nearest folder above a file that holds Chart.yaml is its chart', async () => {
  const disk = existing('file:///repo/charts/web/Chart.yaml', 'file:///repo/charts/web/charts/db/Chart.yaml');
  assert.equal(await findChartRoot('file:///repo/charts/web/templates/deploy.yaml', disk.exists), 'file:///repo/charts/web');
  assert.equal(await findChartRoot('file:///repo/charts/web/charts/db/templates/sts.yaml', disk.exists), 'file:///repo/charts/web/charts/db');
  assert.equal(await findChartRoot('file:///repo/charts/web/Chart.yaml', disk.exists), 'file:///repo/charts/web');
});

test('no chart: the walk stops at the root of the file system, or after 12 folders', async () => {
  const shallow = existing();
  assert.equal(await findChartRoot('file:///repo/templates/x.yaml', shallow.exists), undefined);
  assert.deepEqual(shallow.asked, ['file:///repo/templates/Chart.yaml', 'file:///repo/Chart.yaml', 'file:///Chart.yaml']);
  const deep = existing('file:///Chart.yaml');
  assert.equal(await findChartRoot(`file:///${'d/'.repeat(12)}x.yaml`, deep.exists), undefined);
  assert.equal(deep.asked.length, 12);
});

test('URIs with spaces and other schemes keep their form', async () => {
  const disk = existing('file:///my%20charts/web/Chart.yaml', 'vscode-remote://ssh-remote%2Bhost/srv/chart/Chart.yaml');
  assert.equal(await findChartRoot('file:///my%20charts/web/templates/a.yaml', disk.exists), 'file:///my%20charts/web');
  assert.equal(await findChartRoot('vscode-remote://ssh-remote%2Bhost/srv/chart/templates/a.yaml', disk.exists), 'vscode-remote://ssh-remote%2Bhost/srv/chart');
});
