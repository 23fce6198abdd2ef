import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { binaryName, bundledServerDir, probeFile, resolveServer, serverArgs, type FileState, type ServerLookup } from '../src/core/serverPath';

/** A lookup over an imaginary file system: files maps a path to its state. */
function lookup(files: Record<string, FileState>, over: Partial<ServerLookup> = {}): ServerLookup {
  return {
    homeDir: '/home/ada',
    env: { PATH: '/usr/local/bin:/usr/bin' },
    platform: 'linux',
    arch: 'x64',
    extensionPath: '/ext',
    probe: (file) => files[file] ?? 'missing',
    ...over,
  };
}

describe('resolveServer', () => {
  test('setting wins over PATH and the bundled binary', () => {
    const r = resolveServer(
      lookup(
        { '/opt/designls': 'executable', '/usr/bin/designls-lsp': 'executable', '/ext/server/linux-x64/designls-lsp': 'executable' },
        { configuredPath: '  /opt/designls ' },
      ),
    );
    // The designls CLI, as the setting named before the server had its own binary: run as `designls serve`.
    assert.deepEqual(r, { ok: true, command: '/opt/designls', args: ['serve'], source: 'setting', needsChmod: false, tried: ['/opt/designls'] });
    const lsp = resolveServer(lookup({ '/opt/designls-lsp': 'executable' }, { configuredPath: '/opt/designls-lsp' }));
    assert.deepEqual(lsp, { ok: true, command: '/opt/designls-lsp', args: [], source: 'setting', needsChmod: false, tried: ['/opt/designls-lsp'] });
  });

  test('a setting that points nowhere is an error, not a silent fall-back to PATH', () => {
    const r = resolveServer(lookup({ '/usr/bin/designls-lsp': 'executable' }, { configuredPath: '/opt/nope' }));
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.message : '', /"designls\.server\.path" points to \/opt\/nope, which does not exist/);
  });

  test('setting naming a folder or a non-executable file says how to fix it', () => {
    const dir = resolveServer(lookup({ '/opt/bin': 'directory' }, { configuredPath: '/opt/bin' }));
    assert.match(!dir.ok ? dir.message : '', /folder \/opt\/bin; it must name the designls-lsp binary itself \(for example \/opt\/bin\/designls-lsp\)/);
    const noexec = resolveServer(lookup({ '/opt/designls': 'not-executable' }, { configuredPath: '/opt/designls' }));
    assert.match(!noexec.ok ? noexec.message : '', /chmod \+x \/opt\/designls/);
  });

  test('expands ~, ${userHome} and ${workspaceFolder}; relative paths start at the folder', () => {
    const files: Record<string, FileState> = {
      '/home/ada/go/bin/designls': 'executable',
      '/src/proj/bin/designls': 'executable',
    };
    const at = (configuredPath: string) => {
      const r = resolveServer(lookup(files, { configuredPath, workspaceFolder: '/src/proj' }));
      return r.ok ? r.command : r.message;
    };
    assert.equal(at('~/go/bin/designls'), '/home/ada/go/bin/designls');
    assert.equal(at('${userHome}/go/bin/designls'), '/home/ada/go/bin/designls');
    assert.equal(at('${workspaceFolder}/bin/designls'), '/src/proj/bin/designls');
    assert.equal(at('bin/designls'), '/src/proj/bin/designls');
    assert.equal(at('./bin/../bin/designls'), '/src/proj/bin/designls');
  });

  test('relative setting or ${workspaceFolder} without an open folder is explained', () => {
    const rel = resolveServer(lookup({}, { configuredPath: 'bin/designls' }));
    assert.match(!rel.ok ? rel.message : '', /relative path "bin\/designls", but no folder is open/);
    const ws = resolveServer(lookup({}, { configuredPath: '${workspaceFolder}/designls' }));
    assert.match(!ws.ok ? ws.message : '', /uses \$\{workspaceFolder\}, but no folder is open/);
  });

  test('blank setting means unset: PATH is searched in order', () => {
    const r = resolveServer(
      lookup({ '/usr/bin/designls-lsp': 'executable', '/usr/local/bin/designls-lsp': 'not-executable' }, { configuredPath: '   ' }),
    );
    assert.deepEqual(r, {
      ok: true,
      command: '/usr/bin/designls-lsp',
      args: [],
      source: 'path',
      needsChmod: false,
      tried: ['/usr/local/bin/designls-lsp', '/usr/bin/designls-lsp'],
    });
  });

  test('empty and relative PATH entries are never searched', () => {
    const r = resolveServer(
      lookup({ 'designls-lsp': 'executable', 'bin/designls-lsp': 'executable' }, { env: { PATH: ':bin::.' } }),
    );
    assert.equal(r.ok, false);
    assert.deepEqual(r.tried, ['/ext/server/linux-x64/designls-lsp']);
  });

  test('falls back to the bundled binary, flagging a lost executable bit', () => {
    const r = resolveServer(lookup({ '/ext/server/linux-x64/designls-lsp': 'not-executable' }, { env: {} }));
    assert.deepEqual(r, {
      ok: true,
      command: '/ext/server/linux-x64/designls-lsp',
      args: [],
      source: 'bundled',
      needsChmod: true,
      tried: ['/ext/server/linux-x64/designls-lsp'],
    });
  });

  test('nothing found: actionable message listing every place looked at', () => {
    const r = resolveServer(lookup({}, { arch: 'arm64', platform: 'darwin' }));
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.match(r.message, /not found on PATH, and this build of the extension ships none for darwin-arm64/);
      assert.match(r.message, /set "designls\.server\.path"/);
    }
    assert.deepEqual(r.tried, ['/usr/local/bin/designls-lsp', '/usr/bin/designls-lsp', '/ext/server/darwin-arm64/designls-lsp']);
  });

  test('Windows: Path spelled any case, quoted entries, .exe, backslashes', () => {
    const files: Record<string, FileState> = { 'C:\\Program Files\\designls\\designls-lsp.exe': 'executable' };
    const r = resolveServer(
      lookup(files, {
        platform: 'win32',
        env: { Path: 'C:\\Windows;"C:\\Program Files\\designls"' },
        extensionPath: 'C:\\ext',
      }),
    );
    assert.deepEqual(r, {
      ok: true,
      command: 'C:\\Program Files\\designls\\designls-lsp.exe',
      args: [],
      source: 'path',
      needsChmod: false,
      tried: ['C:\\Windows\\designls-lsp.exe', 'C:\\Program Files\\designls\\designls-lsp.exe'],
    });
    const bundled = resolveServer(
      lookup({ 'C:\\ext\\server\\win32-x64\\designls-lsp.exe': 'executable' }, { platform: 'win32', env: {}, extensionPath: 'C:\\ext' }),
    );
    assert.equal(bundled.ok && bundled.command, 'C:\\ext\\server\\win32-x64\\designls-lsp.exe');
    const tilde = resolveServer(
      lookup({ 'C:\\Users\\ada\\bin\\designls.exe': 'executable' }, { platform: 'win32', homeDir: 'C:\\Users\\ada', configuredPath: '~\\bin\\designls.exe' }),
    );
    assert.equal(tilde.ok && tilde.command, 'C:\\Users\\ada\\bin\\designls.exe');
    assert.deepEqual(tilde.ok && tilde.args, ['serve']);
  });

  test('on Linux the PATH variable name is case-sensitive', () => {
    const r = resolveServer(lookup({ '/usr/bin/designls-lsp': 'executable' }, { env: { Path: '/usr/bin' } }));
    assert.equal(r.ok, false);
  });
});

test('binary names and bundled folders follow Node platform-arch names', () => {
  assert.equal(binaryName('win32'), 'designls-lsp.exe');
  assert.equal(binaryName('linux'), 'designls-lsp');
  assert.equal(bundledServerDir('linux', 'arm'), 'server/linux-arm');
  assert.equal(bundledServerDir('win32', 'arm64'), 'server/win32-arm64');
});

test('the designls CLI is started as `designls serve`, anything else as it is', () => {
  assert.deepEqual(serverArgs('/usr/bin/designls', 'linux'), ['serve']);
  assert.deepEqual(serverArgs('/usr/bin/designls-lsp', 'linux'), []);
  assert.deepEqual(serverArgs('/opt/my-designls-build', 'linux'), []);
  // Linux names are case-sensitive; Windows ones are not, and end in .exe.
  assert.deepEqual(serverArgs('/usr/bin/Designls', 'linux'), []);
  assert.deepEqual(serverArgs('C:\\Tools\\DesignLS.EXE', 'win32'), ['serve']);
  assert.deepEqual(serverArgs('C:\\Tools\\designls-lsp.exe', 'win32'), []);
});

test('probeFile tells missing, folder, plain file and executable apart', { skip: process.platform === 'win32' ? 'POSIX modes' : false }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designls-probe-'));
  try {
    const plain = path.join(dir, 'plain');
    const exe = path.join(dir, 'exe');
    fs.writeFileSync(plain, '');
    fs.writeFileSync(exe, '#!/bin/sh\n');
    fs.chmodSync(plain, 0o644);
    fs.chmodSync(exe, 0o755);
    assert.equal(probeFile(path.join(dir, 'none')), 'missing');
    assert.equal(probeFile(dir), 'directory');
    assert.equal(probeFile(exe), 'executable');
    // Even for root, access(X_OK) fails when no execute bit is set.
    assert.equal(probeFile(plain), 'not-executable');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
