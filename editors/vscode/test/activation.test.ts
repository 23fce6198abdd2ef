// Activates the real bundle (dist/extension.js, built by `npm test`) against the recording
// stand-in of the vscode API, on a machine where no designls can be found.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { ClientCommand } from '../src/core/commandIds';
import { root } from './root';
import { loadWithVscode, makeVscode } from './vscodeStub';

interface Extension {
  activate(context: { subscriptions: Array<{ dispose(): unknown }>; extensionPath: string }): void;
  deactivate(): Promise<void>;
}

// Hang guard for the tests that wait for a notification; nothing here asserts on speed.
const guard = { timeout: 20_000 };

const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'designls-activation-'));
const savedPath = process.env.PATH;
const { api, recorder } = makeVscode({ answer: 'Open Settings' });
const context = { subscriptions: [] as Array<{ dispose(): unknown }>, extensionPath: empty };
let restore = () => {};
let ext: Extension;

before(() => {
  // Nothing on PATH and nothing shipped: the extension must say so, once.
  process.env.PATH = empty;
  const loaded = loadWithVscode<Extension>(path.join(root, 'dist', 'extension.js'), api);
  restore = loaded.restore;
  ext = loaded.exports;
  ext.activate(context);
});

after(async () => {
  await ext.deactivate();
  context.subscriptions.forEach((d) => d.dispose());
  restore();
  process.env.PATH = savedPath;
  fs.rmSync(empty, { recursive: true, force: true });
});

test('activation registers exactly the contributed commands', () => {
  assert.deepEqual([...recorder.commands.keys()].sort(), Object.values(ClientCommand).sort());
});

test('no server: one error that names the setting, and its button opens the setting', guard, async () => {
  const shown = await recorder.notification(1);
  assert.equal(shown.kind, 'error');
  assert.match(shown.message, /not found on PATH, and this build of the extension ships none for/);
  assert.match(shown.message, /set "designls\.server\.path"/);
  assert.deepEqual(shown.items, ['Open Settings', 'Show Log']);
  const opened = await recorder.executedCommand('workbench.action.openSettings');
  assert.deepEqual(opened, ['workbench.action.openSettings', 'designls.server.path']);
  assert.equal(recorder.statusVisible, false);
});

test('commands that need a document say so when there is none', guard, async () => {
  await recorder.notification(1);
  const before = recorder.shown.length;
  await recorder.commands.get(ClientCommand.showScorecard)?.();
  assert.deepEqual(recorder.shown.slice(before), [
    { kind: 'information', message: 'Open a Markdown design doc first.', items: [] },
  ]);
});

test('a command that needs the server explains its absence again', guard, async () => {
  await recorder.notification(1);
  const before = recorder.shown.length;
  await recorder.commands.get(ClientCommand.newFromTemplate)?.();
  const again = recorder.shown.slice(before);
  assert.equal(again.length, 1, JSON.stringify(again));
  assert.equal(again[0].kind, 'error');
  assert.match(again[0].message, /not found on PATH/);
});
