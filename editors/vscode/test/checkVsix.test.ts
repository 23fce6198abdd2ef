// scripts/check-vsix.mjs guards what `npm run package` ships; these zips are built in memory
// so that each rule is seen to fail, not only to pass on the real package.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { bundledServerDir } from '../src/core/serverPath';
import { root } from './root';

interface Entry {
  name: string;
  size: number;
  mode: number;
  data(): Buffer;
}
interface CheckVsix {
  readZip(buf: Buffer): Entry[];
  checkVsix(entries: Entry[]): { problems: string[]; target?: string };
  targetDirs: Record<string, string>;
}

const load = async (): Promise<CheckVsix> =>
  (await import(pathToFileURL(path.join(root, 'scripts', 'check-vsix.mjs')).href)) as CheckVsix;

interface FileSpec {
  body: string | Buffer;
  mode?: number;
  deflate?: boolean;
}

/** A minimal zip writer (no CRCs: the reader under test does not check them). */
function zip(files: Record<string, FileSpec>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, spec] of Object.entries(files)) {
    const raw = Buffer.isBuffer(spec.body) ? spec.body : Buffer.from(spec.body, 'utf8');
    const stored = spec.deflate ? deflateRawSync(raw) : raw;
    const nameBuf = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(spec.deflate ? 8 : 0, 8);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(spec.deflate ? 8 : 0, 10);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(((spec.mode ?? 0o644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, stored);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + stored.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function vsix(target: string | undefined, extra: Record<string, FileSpec> = {}): Buffer {
  const identity = `<Identity Id="designls" Version="0.0.1" Publisher="designls"${target ? ` TargetPlatform="${target}"` : ''}/>`;
  return zip({
    'extension.vsixmanifest': { body: `<PackageManifest><Metadata>${identity}</Metadata></PackageManifest>`, deflate: true },
    '[Content_Types].xml': { body: '<Types/>' },
    'extension/package.json': { body: JSON.stringify({ main: './dist/extension.js' }), deflate: true },
    'extension/readme.md': { body: '# designls 🚀 设计\n' },
    'extension/dist/extension.js': { body: 'module.exports={}', deflate: true },
    ...extra,
  });
}

const problems = async (buf: Buffer) => {
  const m = await load();
  return m.checkVsix(m.readZip(buf));
};

test('readZip lists names, sizes and modes and inflates content', async () => {
  const { readZip } = await load();
  const entries = readZip(vsix('linux-x64', { 'extension/server/linux-x64/designls-lsp': { body: 'ELF', mode: 0o755 } }));
  assert.deepEqual(
    entries.map((e) => [e.name, e.size, e.mode.toString(8)]),
    [
      ['extension.vsixmanifest', 145, '644'],
      ['[Content_Types].xml', 8, '644'],
      ['extension/package.json', 30, '644'],
      ['extension/readme.md', 23, '644'],
      ['extension/dist/extension.js', 17, '644'],
      ['extension/server/linux-x64/designls-lsp', 3, '755'],
    ],
  );
  assert.equal(entries[3].data().toString('utf8'), '# designls 🚀 设计\n');
  assert.equal(JSON.parse(entries[2].data().toString('utf8')).main, './dist/extension.js');
  assert.throws(() => readZip(Buffer.from('not a zip at all, just some text here')), /not a zip file/);
});

test('a clean universal package passes', async () => {
  assert.deepEqual(await problems(vsix(undefined)), { problems: [], target: undefined });
});

test('a platform package needs its own executable server and nothing else', async () => {
  const good = vsix('alpine-arm64', { 'extension/server/linux-arm64/designls-lsp': { body: 'ELF', mode: 0o755 } });
  assert.deepEqual(await problems(good), { problems: [], target: 'alpine-arm64' });

  const winGood = vsix('win32-x64', { 'extension/server/win32-x64/designls-lsp.exe': { body: 'MZ' } });
  assert.deepEqual((await problems(winGood)).problems, []);

  assert.deepEqual((await problems(vsix('linux-x64'))).problems, [
    'missing extension/server/linux-x64/designls-lsp: build the server into server/linux-x64/ before packaging for linux-x64',
  ]);
  const wrong = vsix('linux-armhf', {
    'extension/server/linux-arm/designls-lsp': { body: 'ELF', mode: 0o644 },
    'extension/server/darwin-arm64/designls-lsp': { body: 'Mach-O', mode: 0o755 },
  });
  assert.deepEqual((await problems(wrong)).problems, [
    'extension/server/linux-arm/designls-lsp is not executable (mode 644)',
    'extension/server/darwin-arm64/designls-lsp: a linux-armhf package may only carry extension/server/linux-arm/designls-lsp',
  ]);
  assert.deepEqual((await problems(vsix(undefined, { 'extension/server/linux-x64/designls-lsp': { body: 'x', mode: 0o755 } }))).problems, [
    'extension/server/linux-x64/designls-lsp: a universal package must not carry a server binary; build it with --target',
  ]);
});

test('bloat is named: node_modules, maps, sources, strays, missing files', async () => {
  const bloated = zip({
    'extension.vsixmanifest': { body: '<Identity/>' },
    'extension/package.json': { body: '{"main": "./dist/extension.js"}' },
    'extension/dist/extension.js.map': { body: '{}' },
    'extension/node_modules/vscode-languageclient/package.json': { body: '{}' },
    'extension/src/extension.ts': { body: '' },
    'extension/out/test/manifest.test.js': { body: '' },
  });
  assert.deepEqual((await problems(bloated)).problems, [
    'missing [Content_Types].xml',
    'missing extension/dist/extension.js',
    'missing extension/README.md',
    'extension/dist/extension.js.map: source maps are not shipped',
    'extension/node_modules/vscode-languageclient/package.json: node_modules must not be shipped; the bundle already contains the dependencies',
    'extension/src/extension.ts: TypeScript sources are not shipped',
    'extension/out/test/manifest.test.js: not part of the extension',
  ]);
});

test('every vsce target maps to the folder the extension looks in on that machine', async () => {
  const { targetDirs } = await load();
  // What process.platform and process.arch say on the machines each target is for.
  const node: Record<string, [NodeJS.Platform, string]> = {
    'win32-x64': ['win32', 'x64'],
    'win32-arm64': ['win32', 'arm64'],
    'linux-x64': ['linux', 'x64'],
    'linux-arm64': ['linux', 'arm64'],
    'linux-armhf': ['linux', 'arm'],
    'alpine-x64': ['linux', 'x64'],
    'alpine-arm64': ['linux', 'arm64'],
    'darwin-x64': ['darwin', 'x64'],
    'darwin-arm64': ['darwin', 'arm64'],
  };
  assert.deepEqual(Object.keys(targetDirs).sort(), Object.keys(node).sort());
  for (const [target, dir] of Object.entries(targetDirs)) {
    assert.equal(`server/${dir}`, bundledServerDir(...node[target]), target);
  }
});
