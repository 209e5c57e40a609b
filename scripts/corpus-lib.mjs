// Shared by scripts/corpus-select.mjs and scripts/corpus.mjs: the sources.tsv layout and reading
// files out of the mirrors (bare git directories, no work tree).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

/** Columns of test/realworld/sources.tsv; `-` marks an empty cell. */
export const COLUMNS = ['kind', 'repository', 'commit', 'path', 'licence', 'helm', 'verdict', 'note'];

/** The mirror folder of a repository: owner/name → owner+name, as the search tool's fetch names it. */
export const mirrorName = (repository) => repository.replace('/', '+');

/** The git directory of a mirrored repository (some snapshots are clones with a .git folder). */
export function gitDirOf(repoDir) {
  for (const candidate of [join(repoDir, 'repo', '.git'), join(repoDir, 'repo'), join(repoDir, '.git'), repoDir]) {
    if (existsSync(join(candidate, 'HEAD')) && existsSync(join(candidate, 'objects'))) return candidate;
  }
  return undefined;
}

export function hasCommit(gitDir, commit) {
  try {
    execFileSync('git', ['--git-dir', gitDir, 'cat-file', '-e', `${commit}^{commit}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function readBlob(gitDir, commit, path) {
  return execFileSync('git', ['--git-dir', gitDir, 'show', `${commit}:${path}`], { maxBuffer: 64 * 1024 * 1024 });
}

/**
 * Writes the folder `path` of `commit` (its whole subtree) into `dest`. A symbolic link that points
 * out of the folder (a chart's charts/library → ../../library) is replaced by what it points to,
 * as `helm package` would copy it, so the copy stands on its own.
 */
export function extractTree(gitDir, commit, path, dest, depth = 0) {
  mkdirSync(dest, { recursive: true });
  const tar = execFileSync('git', ['--git-dir', gitDir, 'archive', '--format=tar', path === '.' ? commit : `${commit}:${path}`], {
    maxBuffer: 512 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', dest], { input: tar });
  for (const link of symbolicLinks(dest)) {
    if (existsSync(link) || depth > 3) continue;
    const inRepository = posix.normalize(posix.join(path, posix.dirname(relative(dest, link).split(sep).join('/')), readlinkSync(link)));
    if (inRepository.startsWith('..')) continue;
    const type = gitObjectType(gitDir, `${commit}:${inRepository}`);
    if (type === undefined) continue;
    rmSync(link);
    if (type === 'tree') extractTree(gitDir, commit, inRepository, link, depth + 1);
    else writeFileSync(link, readBlob(gitDir, commit, inRepository));
  }
}

function symbolicLinks(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isSymbolicLink()) return [full];
    return entry.isDirectory() ? symbolicLinks(full) : [];
  });
}

function gitObjectType(gitDir, object) {
  try {
    return execFileSync('git', ['--git-dir', gitDir, 'cat-file', '-t', object], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** The rows of a sources.tsv file (comment lines start with #). */
export function readSources(file) {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
  const header = lines.shift()?.split('\t') ?? [];
  if (header.join('\t') !== COLUMNS.join('\t')) throw new Error(`${file}: the header is not ${COLUMNS.join(' ')}`);
  return lines.map((line) => Object.fromEntries(line.split('\t').map((cell, i) => [COLUMNS[i], cell])));
}

// The GPL family is told apart by the title at the top: each of their texts names the others later on.
const LICENCES = [
  ['Apache-2.0', /Apache License[\s\S]{0,200}Version 2\.0/i],
  ['MPL-2.0', /Mozilla Public License,? (Version|v\.?) ?2\.0/i],
  ['AGPL-3.0', /^[\s\S]{0,300}GNU AFFERO GENERAL PUBLIC LICENSE/i],
  ['LGPL', /^[\s\S]{0,300}GNU LESSER GENERAL PUBLIC LICENSE/i],
  ['GPL-3.0', /^[\s\S]{0,300}GNU GENERAL PUBLIC LICENSE\s+Version 3/i],
  ['GPL-2.0', /^[\s\S]{0,300}GNU GENERAL PUBLIC LICENSE\s+Version 2/i],
  ['MIT', /Permission is hereby granted, free of charge/i],
  ['BSD-3-Clause', /Neither the name of/i],
  ['BSD-2-Clause', /Redistribution and use in source and binary forms/i],
  ['ISC', /Permission to use, copy, modify, and\/or distribute/i],
  ['CC0-1.0', /CC0 1\.0 Universal/i],
  ['Unlicense', /This is free and unencumbered software/i],
];

/** The licence of the repository's top-level LICENSE/COPYING file, by its wording; `-` if none is found. */
export function licenceOf(gitDir, commit, entries) {
  const file = entries.find((e) => /^(LICEN[CS]E|COPYING)(\.(md|txt))?$/i.test(e.path));
  if (!file) return '-';
  const text = readBlob(gitDir, commit, file.path).toString('utf8');
  return LICENCES.find(([, pattern]) => pattern.test(text))?.[0] ?? `see ${file.path}`;
}
