// Rules for what this folder may contain (see the project's common brief): no download
// addresses in the lock file, no registry hosts or machine paths in any file, and no VS Code
// dependency in the modules the unit tests load.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { root } from './root';

// Spelled in pieces so that this file does not contain what it looks for.
const forbidden = [
  ['registry', 'npmjs', 'org'].join('.'),
  ['registry', 'yarnpkg', 'com'].join('.'),
  ['npm', 'pkg', 'github', 'com'].join('.'),
  ['proxy', 'golang', 'org'].join('.'),
  ['', 'work', ''].join('/'),
  ['', 'root', ''].join('/'),
];

// Build output, installed packages and server binaries are not committed (see .gitignore).
const skipDirs = new Set(['node_modules', 'dist', 'out', 'server', '.git']);

function* files(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipDirs.has(entry.name)) {
        yield* files(full);
      }
    } else if (entry.isFile() && !entry.name.endsWith('.vsix')) {
      yield full;
    }
  }
}

test('the lock file records versions and hashes but no download addresses', () => {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  assert.equal(lock.lockfileVersion, 3);
  const withResolved = Object.entries(lock.packages as Record<string, { resolved?: string }>)
    .filter(([, meta]) => meta.resolved !== undefined)
    .map(([name]) => name);
  assert.deepEqual(withResolved, [], 'run "npm run lock" to strip them');
});

test('no file names a package registry host or a machine path', () => {
  const hits: string[] = [];
  let seen = 0;
  for (const file of files(root)) {
    seen++;
    const text = fs.readFileSync(file, 'utf8');
    for (const needle of forbidden) {
      if (text.includes(needle)) {
        hits.push(`${path.relative(root, file)}: ${needle}`);
      }
    }
  }
  assert.ok(seen > 10, `only ${seen} files scanned`);
  assert.deepEqual(hits, []);
});

test('src/core imports nothing but Node built-ins, its siblings and the settings schema', () => {
  const dir = path.join(root, 'src', 'core');
  const allowed = (spec: string) =>
    spec.startsWith('node:') || /^\.\/[\w-]+$/.test(spec) || spec === '../../settings-schema.json';
  const bad: string[] = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    for (const m of text.matchAll(/(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*|^import\s+)['"]([^'"]+)['"]/gm)) {
      if (!allowed(m[1])) {
        bad.push(`${name}: ${m[1]}`);
      }
    }
  }
  assert.deepEqual(bad, []);
});
