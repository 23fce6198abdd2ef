// package.json is the extension's contract with VS Code; these tests pin it to the code.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ClientCommand } from '../src/core/commandIds';
import { ServerCommand } from '../src/core/serverApi';
import { root } from './root';

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
const pkg = read('package.json');
const schema = read('settings-schema.json');

describe('settings', () => {
  const properties: Record<string, unknown> = pkg.contributes.configuration.properties;

  test('package.json carries settings-schema.json verbatim plus the two client settings', () => {
    for (const [key, value] of Object.entries(schema)) {
      assert.deepEqual(properties[key], value, key);
    }
    const rest = Object.keys(properties).filter((k) => !(k in schema));
    assert.deepEqual(rest, ['designls.server.path', 'designls.trace.server']);
  });

  test('trace setting is named after the client id, as vscode-languageclient expects', () => {
    const trace = properties['designls.trace.server'] as { enum: string[] };
    assert.deepEqual(trace.enum, ['off', 'messages', 'verbose']);
  });

  test('a workspace cannot pick the binary while it is untrusted', () => {
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['designls.server.path']);
  });

  test('sync-settings --check passes now and fails once the schema changes', () => {
    const script = path.join(root, 'scripts', 'sync-settings.mjs');
    const ok = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'designls-sync-'));
    try {
      const stalePkg = path.join(dir, 'package.json');
      const newSchema = path.join(dir, 'settings-schema.json');
      fs.copyFileSync(path.join(root, 'package.json'), stalePkg);
      fs.writeFileSync(newSchema, JSON.stringify({ ...schema, 'designls.newKey': { type: 'string' } }));
      const args = ['--package', stalePkg, '--schema', newSchema];
      const stale = spawnSync(process.execPath, [script, '--check', ...args], { encoding: 'utf8' });
      assert.equal(stale.status, 1);
      assert.match(stale.stderr, /server settings differ .*run "npm run sync-settings"/);

      const fix = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
      assert.equal(fix.status, 0, fix.stderr);
      const fixed = JSON.parse(fs.readFileSync(stalePkg, 'utf8')).contributes.configuration;
      assert.deepEqual(fixed.properties['designls.newKey'], { type: 'string' });
      assert.ok(fixed.properties['designls.server.path'], 'client settings survive');

      const bad = path.join(dir, 'bad-schema.json');
      fs.writeFileSync(bad, JSON.stringify({ 'designls.server.port': { type: 'number' } }));
      const clash = spawnSync(process.execPath, [script, '--check', '--package', stalePkg, '--schema', bad], { encoding: 'utf8' });
      assert.equal(clash.status, 1);
      assert.match(clash.stderr, /key "designls\.server\.port" must be "designls\.<server key>" and not under designls\.server\./);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('commands', () => {
  test('contributed commands are the ones the extension registers, with the promised titles', () => {
    const titles = Object.fromEntries(
      (pkg.contributes.commands as Array<{ command: string; title: string; category: string }>).map((c) => [
        c.command,
        `${c.category}: ${c.title}`,
      ]),
    );
    assert.deepEqual(titles, {
      [ClientCommand.newFromTemplate]: 'Design Doc: New from Template…',
      [ClientCommand.insertMissingSections]: 'Design Doc: Insert Missing Sections',
      [ClientCommand.showScorecard]: 'Design Doc: Show Scorecard',
      [ClientCommand.restartServer]: 'Design Doc: Restart Server',
    });
  });

  test('no contributed command takes a name the server registers through the client', () => {
    const server = new Set<string>(Object.values(ServerCommand));
    for (const id of Object.values(ClientCommand)) {
      assert.ok(!server.has(id), id);
    }
  });

  test('palette entries refer to contributed commands', () => {
    const ids = new Set<string>(Object.values(ClientCommand));
    for (const entry of pkg.contributes.menus.commandPalette as Array<{ command: string }>) {
      assert.ok(ids.has(entry.command), entry.command);
    }
  });
});

describe('activation and packaging', () => {
  test('activates on Markdown only (contributed commands activate implicitly since VS Code 1.74)', () => {
    assert.deepEqual(pkg.activationEvents, ['onLanguage:markdown']);
    assert.ok(minVersion(pkg.engines.vscode) >= minVersion('1.74.0'));
  });

  test('the bundle is the entry point and the only code file shipped', () => {
    assert.equal(pkg.main, './dist/extension.js');
    assert.deepEqual(pkg.files.filter((f: string) => /\.(js|ts|mjs|cjs)$/.test(f)), ['dist/extension.js']);
  });

  test('engines.vscode is no older than what the API types and the language client need', () => {
    const engine = minVersion(pkg.engines.vscode);
    assert.equal(minVersion(pkg.devDependencies['@types/vscode']), engine, '@types/vscode must match engines.vscode (vsce refuses newer)');
    const client = JSON.parse(
      fs.readFileSync(path.join(root, 'node_modules', 'vscode-languageclient', 'package.json'), 'utf8'),
    );
    assert.ok(engine >= minVersion(client.engines.vscode), `vscode-languageclient needs ${client.engines.vscode}`);
  });
});

/** "^1.82.0" -> 1082000, enough to compare the plain versions used here. */
function minVersion(range: string): number {
  const m = /(\d+)\.(\d+)\.(\d+)/.exec(range);
  assert.ok(m, `no version in ${range}`);
  return Number(m[1]) * 1e6 + Number(m[2]) * 1e3 + Number(m[3]);
}
