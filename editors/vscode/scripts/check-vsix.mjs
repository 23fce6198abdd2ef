// Lists a .vsix (a zip) and fails unless it holds exactly what the extension needs: the bundle,
// package.json, README, the licence if there is one, and, in a platform-specific .vsix, the
// server binary for that platform and no other. Anything else (node_modules, sources, maps,
// tests, a universal .vsix carrying one platform's binary) is an error.
//
//   node scripts/check-vsix.mjs [file.vsix ...]
// Without arguments it checks the .vsix files that `vsce package` names after the current
// package.json version, so a run right after `npm run package` checks what it just built.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inflateRawSync } from 'node:zlib';

/** vsce --target names -> the server/<dir> the running extension looks in (Node's platform-arch). */
export const targetDirs = {
  'win32-x64': 'win32-x64',
  'win32-arm64': 'win32-arm64',
  'linux-x64': 'linux-x64',
  'linux-arm64': 'linux-arm64',
  'linux-armhf': 'linux-arm',
  'alpine-x64': 'linux-x64',
  'alpine-arm64': 'linux-arm64',
  'darwin-x64': 'darwin-x64',
  'darwin-arm64': 'darwin-arm64',
};

// The non-server part is a bundle of a few hundred KiB; several MiB means something leaked in.
const maxExtensionBytes = 2 * 1024 * 1024;

/**
 * Reads a zip's central directory.
 * @returns {{name: string, size: number, compressedSize: number, mode: number, data: () => Buffer}[]}
 */
export function readZip(buf) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > buf.length) {
    throw new Error('not a zip file: no end of central directory record');
  }
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) {
    throw new Error('zip64 archives are not supported');
  }
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) {
      throw new Error(`bad central directory entry ${i} at byte ${at}`);
    }
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const externalAttrs = buf.readUInt32LE(at + 38);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    entries.push({
      name,
      size,
      compressedSize,
      // Unix permission bits live in the high half when the zip was made on a Unix-like system.
      mode: (externalAttrs >>> 16) & 0o7777,
      data() {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const raw = buf.subarray(start, start + compressedSize);
        if (method === 0) return raw;
        if (method === 8) return inflateRawSync(raw);
        throw new Error(`${name}: unsupported compression method ${method}`);
      },
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Checks a .vsix's entries. Returns the problems found (empty when fine) and the target
 * platform named in its manifest, if any.
 */
export function checkVsix(entries) {
  const problems = [];
  const byName = new Map(entries.map((e) => [e.name, e]));

  const manifest = byName.get('extension.vsixmanifest');
  const target = manifest ? /TargetPlatform="([^"]+)"/.exec(manifest.data().toString('utf8'))?.[1] : undefined;

  let main;
  const pkgEntry = byName.get('extension/package.json');
  if (pkgEntry) {
    try {
      main = JSON.parse(pkgEntry.data().toString('utf8')).main;
    } catch (err) {
      problems.push(`extension/package.json does not parse: ${err.message}`);
    }
  }
  const bundle = main ? `extension/${main.replace(/^\.\//, '')}` : 'extension/dist/extension.js';

  const required = ['extension.vsixmanifest', '[Content_Types].xml', 'extension/package.json', bundle];
  for (const name of required) {
    if (!byName.has(name)) problems.push(`missing ${name}`);
  }
  if (![...byName.keys()].some((n) => /^extension\/readme\.md$/i.test(n))) {
    problems.push('missing extension/README.md');
  }

  const serverDir = target ? targetDirs[target] : undefined;
  if (target && !serverDir) {
    problems.push(`unknown target platform ${target}`);
  }
  const serverBinary = serverDir
    ? `extension/server/${serverDir}/${serverDir.startsWith('win32') ? 'designls-lsp.exe' : 'designls-lsp'}`
    : undefined;

  const allowed = new Set([...required, serverBinary]);
  let extensionBytes = 0;
  for (const entry of entries) {
    const { name } = entry;
    if (name.endsWith('/')) continue;
    if (name.startsWith('extension/server/')) {
      if (name !== serverBinary) {
        problems.push(
          target
            ? `${name}: a ${target} package may only carry ${serverBinary}`
            : `${name}: a universal package must not carry a server binary; build it with --target`,
        );
      } else if (!serverDir.startsWith('win32') && (entry.mode & 0o111) === 0) {
        problems.push(`${name} is not executable (mode ${entry.mode.toString(8)})`);
      }
      continue;
    }
    extensionBytes += entry.size;
    if (allowed.has(name) || /^extension\/(readme|changelog)\.md$/i.test(name) || /^extension\/licen[cs]e(\.(md|txt))?$/i.test(name)) {
      continue;
    }
    let why = 'not part of the extension';
    if (name.includes('node_modules/')) why = 'node_modules must not be shipped; the bundle already contains the dependencies';
    else if (name.endsWith('.map')) why = 'source maps are not shipped';
    else if (/\.(ts|mts|cts)$/.test(name)) why = 'TypeScript sources are not shipped';
    problems.push(`${name}: ${why}`);
  }
  if (serverBinary && !byName.has(serverBinary)) {
    problems.push(`missing ${serverBinary}: build the server into server/${serverDir}/ before packaging for ${target}`);
  }
  if (extensionBytes > maxExtensionBytes) {
    problems.push(`extension files take ${extensionBytes} bytes unpacked, over the ${maxExtensionBytes} budget`);
  }
  return { problems, target };
}

function defaultFiles(dir) {
  const { name, version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const ours = new RegExp(`^${name}-(?:[a-z0-9]+-[a-z0-9]+-)?${version.replace(/\./g, '\\.')}\\.vsix$`);
  return readdirSync(dir)
    .filter((f) => ours.test(f))
    .map((f) => join(dir, f));
}

function main(args) {
  const dir = fileURLToPath(new URL('..', import.meta.url));
  const files = args.length > 0 ? args : defaultFiles(dir);
  if (files.length === 0) {
    console.error('check-vsix: no .vsix to check; run "npm run package" first');
    return 1;
  }
  let failed = false;
  for (const file of files) {
    const buf = readFileSync(file);
    const entries = readZip(buf);
    const { problems, target } = checkVsix(entries);
    console.log(`${basename(file)}: ${buf.length} bytes, ${entries.length} entries, target ${target ?? 'universal'}`);
    for (const e of entries) {
      console.log(`  ${String(e.size).padStart(9)}  ${e.name}`);
    }
    for (const p of problems) {
      console.error(`check-vsix: ${basename(file)}: ${p}`);
    }
    failed ||= problems.length > 0;
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
