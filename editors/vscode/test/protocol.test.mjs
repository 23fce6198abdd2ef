// End-to-end protocol test: starts a real server (DESIGNLS_BIN) and talks LSP to it
// over stdio the way VS Code does, with the same npm protocol library the extension bundles.
// It checks the parts of the server contract this extension depends on: a missing SLO section
// is diagnosed, the quick fix inserts it without disturbing the rest of the document (also
// with CRLF line ends, CJK and emoji before the insertion point), the fix is not offered once
// the section exists, the executeCommand surface answers in the documented shapes, and the
// server exits cleanly.
//
//   DESIGNLS_BIN=/path/to/designls-lsp npm run test:protocol
// DESIGNLS_BIN may also name the designls CLI; it is started the way the extension would start
// it (serverArgs): designls-lsp with no arguments, designls as `designls serve`.
// Without DESIGNLS_BIN the test is skipped; with DESIGNLS_E2E=1 it fails instead, so that a CI
// job meant to run it cannot pass by accident.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as lsp from 'vscode-languageserver-protocol/node.js';

const bin = process.env.DESIGNLS_BIN;
const required = process.env.DESIGNLS_E2E === '1';

// Hang guard only: a healthy server answers in milliseconds, and nothing asserts on speed.
const patience = 30_000;

// Settings sent as initializationOptions and for workspace/configuration: every .md here is
// a design doc, so the test does not depend on the server's default include globs.
const settings = { include: ['**/*.md'] };

const serverCommands = [
  'designls.insertMissing',
  'designls.scorecard',
  'designls.listTemplates',
  'designls.renderTemplate',
  'designls.coverage',
];

/**
 * A system-design doc that covers several concerns but has no SLO: no availability target,
 * no latency percentiles, no error budget. CJK and emoji come before any place a section
 * could be inserted, so a server that counts bytes or runes instead of UTF-16 code units
 * produces edits that corrupt the text.
 */
const docLines = [
  '---',
  'rubric: system-design',
  'title: "Rate limiter for the launch API 🚀"',
  '---',
  '',
  '# Rate limiter for the launch API 🚀',
  '',
  '## Problem',
  '',
  'Tenants of the launch API (发布接口) share one pool of workers. A single tenant running a',
  'batch import can take all of it, and every other tenant then waits. 👩‍💻 Support hears about',
  'it first; we want the platform to refuse the excess instead.',
  '',
  '## Goals and non-goals',
  '',
  '- Goal: per-tenant limits on requests, enforced before work is queued.',
  '- Goal: limits changeable without a deploy.',
  '- Non-goal: billing or metering of usage.',
  '',
  '## API',
  '',
  '`POST /v1/limits:check` takes `{tenant, key, cost, requestId}` and returns',
  '`{allowed, retryAfterMs}`. A repeated `requestId` returns the first answer, so retries are',
  'idempotent. Errors: 400 for a malformed body, 404 for an unknown tenant, 429 when denied.',
  '',
  '## Data model',
  '',
  '| table | key | columns |',
  '| --- | --- | --- |',
  '| `buckets` | `(tenant_id, key)` | `tokens`, `refilled_at` |',
  '| `limits` | `tenant_id` | `rate`, `burst`, `updated_at` |',
  '',
  'Buckets live in memory on the owning shard and are snapshotted every minute; limits are',
  'kept for 30 days after a tenant is deleted.',
  '',
  '## Consistency',
  '',
  'Each bucket has exactly one owner shard, so decisions for one tenant key are linearizable.',
  'Limit changes replicate asynchronously to shards and take effect within one refresh',
  'period; until then a shard applies the previous limit.',
  '',
  '## Failure handling',
  '',
  'If a shard is unreachable the front end fails open for that tenant and logs the decision.',
  'Calls to the shard time out after 20 ms and are not retried, because a late answer is',
  'worth nothing. When the queue behind the limiter is full we shed the lowest-priority',
  'tenants first.',
  '',
  '## Rollout',
  '',
  'The limiter ships dark behind the flag `ratelimit.enforce`, first logging decisions only.',
  'Enforcement then goes to 1%, 10%, 50% and 100% of tenants, one stage per day, with a kill',
  'switch that turns enforcement off in one config push.',
  '',
];

const uriOf = (file) => pathToFileURL(file).href;

/** A server process and the client side of its connection. */
class Session {
  constructor(binary, folder) {
    this.folder = folder;
    this.stderr = '';
    this.logs = [];
    this.unexpectedRequests = [];
    this.appliedEdits = [];
    this.diagnostics = new Map();
    this.waiters = new Set();
    this.exited = new Promise((resolve) => {
      const { serverArgs } = createRequire(import.meta.url)('../out/src/core/serverPath.js');
      this.proc = spawn(binary, serverArgs(binary, process.platform), { cwd: folder, stdio: ['pipe', 'pipe', 'pipe'] });
      this.proc.on('exit', (code, signal) => resolve({ code, signal }));
      this.proc.on('error', (err) => resolve({ code: null, signal: null, error: err }));
    });
    this.exited.then((how) => {
      const why = new Error(`the server ended (${JSON.stringify(how)}) while the test waited\n${this.tail()}`);
      for (const w of this.waiters) w.reject(why);
      this.waiters.clear();
    });
    // Writes to a server that has died fail with EPIPE; the exit itself is what gets reported.
    this.proc.stdin.on('error', () => {});
    this.proc.stderr.setEncoding('utf8');
    this.proc.stderr.on('data', (chunk) => {
      this.stderr += chunk;
    });

    const conn = lsp.createProtocolConnection(
      new lsp.StreamMessageReader(this.proc.stdout),
      new lsp.StreamMessageWriter(this.proc.stdin),
    );
    this.conn = conn;
    conn.onNotification(lsp.PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params);
      for (const w of [...this.waiters]) {
        if (w.uri === params.uri && w.test(params)) {
          this.waiters.delete(w);
          w.resolve(params);
        }
      }
    });
    conn.onNotification(lsp.LogMessageNotification.type, (p) => this.logs.push(p.message));
    conn.onNotification(lsp.ShowMessageNotification.type, (p) => this.logs.push(p.message));
    conn.onRequest(lsp.ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === 'designls' ? settings : null)),
    );
    conn.onRequest(lsp.WorkspaceFoldersRequest.type, () => [{ uri: uriOf(folder), name: path.basename(folder) }]);
    conn.onRequest(lsp.RegistrationRequest.type, () => null);
    conn.onRequest(lsp.UnregistrationRequest.type, () => null);
    conn.onRequest(lsp.WorkDoneProgressCreateRequest.type, () => null);
    conn.onRequest(lsp.ShowMessageRequest.type, () => null);
    conn.onRequest(lsp.ApplyWorkspaceEditRequest.type, (params) => {
      this.appliedEdits.push(params.edit);
      return { applied: true };
    });
    // Anything else a server may ask: answer null, as an editor without the feature would,
    // and remember it so a failure message can mention it.
    conn.onRequest((method) => {
      this.unexpectedRequests.push(method);
      return null;
    });
    conn.listen();
  }

  /** Resolves with the first publishDiagnostics for uri that satisfies test. */
  waitForDiagnostics(uri, test, what) {
    const now = this.diagnostics.get(uri);
    if (now && test(now)) {
      return Promise.resolve(now);
    }
    return new Promise((resolve, reject) => {
      const waiter = { uri, test, resolve, reject };
      this.waiters.add(waiter);
      const timer = setTimeout(() => {
        if (this.waiters.delete(waiter)) {
          const seen = this.diagnostics.get(uri);
          reject(
            new Error(
              `no publishDiagnostics for ${uri} ${what}; last seen: ${JSON.stringify(seen?.diagnostics ?? null, null, 1)}\n${this.tail()}`,
            ),
          );
        }
      }, patience);
      const done = () => clearTimeout(timer);
      waiter.resolve = (v) => {
        done();
        resolve(v);
      };
      waiter.reject = (e) => {
        done();
        reject(e);
      };
    });
  }

  /** Sends a request; fails with the server's stderr if the server exits before answering. */
  request(type, params) {
    const died = this.exited.then((how) => {
      throw new Error(`the server exited (${JSON.stringify(how)}) before answering ${type.method}\n${this.tail()}`);
    });
    return Promise.race([this.conn.sendRequest(type, params), died]);
  }

  notify(type, params) {
    return this.conn.sendNotification(type, params);
  }

  tail() {
    const parts = [];
    if (this.stderr) parts.push(`server stderr (last 2000 chars):\n${this.stderr.slice(-2000)}`);
    if (this.logs.length) parts.push(`server log messages:\n${this.logs.slice(-20).join('\n')}`);
    if (this.unexpectedRequests.length) parts.push(`requests answered with null: ${this.unexpectedRequests.join(', ')}`);
    return parts.join('\n');
  }

  kill() {
    this.conn.dispose();
    if (this.proc.exitCode === null && this.proc.signalCode === null) {
      this.proc.kill();
    }
  }
}

/** Start offsets (in UTF-16 code units) of each line, with LSP's line terminators. */
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') {
      i++;
      starts.push(i + 1);
    } else if (text[i] === '\n' || text[i] === '\r') {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Converts an LSP position to a string index, rejecting positions past the line's end. */
function offsetAt(text, starts, pos, what) {
  assert.ok(pos.line >= 0 && pos.line < starts.length, `${what}: line ${pos.line} is outside the document (${starts.length} lines)`);
  const start = starts[pos.line];
  const next = pos.line + 1 < starts.length ? starts[pos.line + 1] : text.length;
  const content = text.slice(start, next).replace(/\r?\n$|\r$/, '');
  assert.ok(
    pos.character >= 0 && pos.character <= content.length,
    `${what}: character ${pos.character} is past the end of line ${pos.line} (${content.length} UTF-16 units: ${JSON.stringify(content)})`,
  );
  const offset = start + pos.character;
  // A position between the two halves of a surrogate pair means UTF-16 was miscounted.
  const code = text.charCodeAt(offset);
  assert.ok(!(code >= 0xdc00 && code <= 0xdfff), `${what}: ${JSON.stringify(pos)} splits a surrogate pair`);
  return offset;
}

/** Applies LSP TextEdits to text; they must not overlap (LSP requires it). */
function applyEdits(text, edits) {
  const starts = lineStarts(text);
  const spans = edits
    .map((e, i) => ({
      start: offsetAt(text, starts, e.range.start, `edit ${i} start`),
      end: offsetAt(text, starts, e.range.end, `edit ${i} end`),
      newText: e.newText,
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 0; i < spans.length; i++) {
    assert.ok(spans[i].start <= spans[i].end, `edit range ends before it starts: ${JSON.stringify(edits[i].range)}`);
    if (i > 0) {
      assert.ok(spans[i - 1].end <= spans[i].start, 'edits overlap');
    }
  }
  let out = text;
  for (const s of spans.reverse()) {
    out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  }
  return out;
}

/** The TextEdits a WorkspaceEdit makes to uri; fails if it touches anything else. */
function textEditsFor(edit, uri) {
  assert.ok(edit && typeof edit === 'object', 'no workspace edit');
  const edits = [];
  for (const [target, list] of Object.entries(edit.changes ?? {})) {
    assert.equal(target, uri, 'the edit changes another document');
    edits.push(...list);
  }
  for (const change of edit.documentChanges ?? []) {
    assert.ok('textDocument' in change, `the edit creates, renames or deletes a file: ${JSON.stringify(change)}`);
    assert.equal(change.textDocument.uri, uri, 'the edit changes another document');
    edits.push(...change.edits);
  }
  assert.ok(edits.length > 0, `the workspace edit is empty: ${JSON.stringify(edit)}`);
  return edits;
}

const isSloMissing = (d) => d.code === 'missing-section' && d.data?.concern === 'slo';
const sloHeading = /^#{1,6}[ \t]+.*\b(SLOs?|service[- ]level|reliability)\b/im;

/** Checks that fixed is original with text inserted only: every original line kept, in order. */
function assertOnlyInserted(original, fixed, eol) {
  const before = original.split(eol);
  const afterLines = fixed.split(eol);
  let i = 0;
  for (const line of afterLines) {
    if (i < before.length && line === before[i]) i++;
  }
  assert.equal(i, before.length, `original line ${i + 1} (${JSON.stringify(before[i])}) was changed or lost`);
  if (eol === '\r\n') {
    assert.ok(!/[^\r]\n/.test(fixed), 'the fix put a bare LF into a CRLF document');
  }
}

if (!bin) {
  test(
    'the designls language server speaks the protocol this extension expects',
    {
      skip: required
        ? false
        : 'DESIGNLS_BIN is not set, so there is no server to talk to. Build one (go build -o designls-lsp ./cmd/designls-lsp) and run with DESIGNLS_BIN=path/to/designls-lsp; DESIGNLS_E2E=1 turns this skip into a failure.',
    },
    () => {
      assert.fail('DESIGNLS_E2E=1 but DESIGNLS_BIN is not set: point DESIGNLS_BIN at a designls-lsp binary');
    },
  );
} else {
  describe(`the language server (${bin})`, () => {
    let folder;
    let session;
    let init;

    before(async () => {
      assert.ok(fs.existsSync(bin), `DESIGNLS_BIN=${bin} does not exist`);
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'designls-protocol-'));
      fs.mkdirSync(path.join(folder, 'docs', 'design'), { recursive: true });
      session = new Session(bin, folder);
      init = await session.request(lsp.InitializeRequest.type, {
        processId: process.pid,
        clientInfo: { name: 'designls-protocol-test' },
        rootUri: uriOf(folder),
        workspaceFolders: [{ uri: uriOf(folder), name: path.basename(folder) }],
        initializationOptions: settings,
        capabilities: {
          general: { positionEncodings: ['utf-16'] },
          workspace: {
            configuration: true,
            applyEdit: true,
            workspaceEdit: { documentChanges: true },
            workspaceFolders: true,
            executeCommand: { dynamicRegistration: false },
          },
          textDocument: {
            synchronization: { dynamicRegistration: false },
            publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
            codeAction: {
              codeActionLiteralSupport: {
                codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'refactor.rewrite', 'source'] },
              },
              isPreferredSupport: true,
              dataSupport: true,
              resolveSupport: { properties: ['edit'] },
            },
          },
        },
      });
      session.notify(lsp.InitializedNotification.type, {});
    });

    after(() => {
      session?.kill();
      if (folder) fs.rmSync(folder, { recursive: true, force: true });
    });

    test('initialize announces sync, code actions, UTF-16 and the five commands', () => {
      const caps = init.capabilities;
      assert.ok(caps.textDocumentSync !== undefined, 'no textDocumentSync');
      assert.ok(caps.codeActionProvider, 'no codeActionProvider');
      assert.ok(caps.positionEncoding === undefined || caps.positionEncoding === 'utf-16', `positionEncoding ${caps.positionEncoding}`);
      const commands = caps.executeCommandProvider?.commands ?? [];
      for (const c of serverCommands) {
        assert.ok(commands.includes(c), `executeCommandProvider does not list ${c} (has ${JSON.stringify(commands)})`);
      }
    });

    for (const [variant, eol] of [
      ['LF', '\n'],
      ['CRLF', '\r\n'],
    ]) {
      test(`${variant}: missing SLO is diagnosed, "Insert SLO section" fixes it, and is not offered again`, async () => {
        const file = path.join(folder, 'docs', 'design', `rate-limiter-${variant.toLowerCase()}.md`);
        const uri = uriOf(file);
        const text = docLines.join(eol);
        fs.writeFileSync(file, text);
        session.notify(lsp.DidOpenTextDocumentNotification.type, {
          textDocument: { uri, languageId: 'markdown', version: 1, text },
        });

        const published = await session.waitForDiagnostics(
          uri,
          (p) => p.diagnostics.some(isSloMissing),
          'with a missing-section diagnostic whose data.concern is "slo"',
        );
        const diag = published.diagnostics.find(isSloMissing);
        offsetAt(text, lineStarts(text), diag.range.start, 'diagnostic start');
        offsetAt(text, lineStarts(text), diag.range.end, 'diagnostic end');

        const actions =
          (await session.request(lsp.CodeActionRequest.type, {
            textDocument: { uri },
            range: diag.range,
            context: { diagnostics: [diag], triggerKind: lsp.CodeActionTriggerKind.Invoked },
          })) ?? [];
        const titles = actions.map((a) => a.title);
        let fix = actions.find((a) => a.title === 'Insert SLO section');
        assert.ok(fix, `no "Insert SLO section" among ${JSON.stringify(titles)}`);
        assert.ok(typeof fix.kind === 'string' && /^quickfix(\.|$)/.test(fix.kind), `kind is ${fix.kind}, want quickfix`);
        if (!fix.edit && fix.data !== undefined && init.capabilities.codeActionProvider?.resolveProvider) {
          fix = await session.request(lsp.CodeActionResolveRequest.type, fix);
        }
        assert.ok(fix.edit, `"Insert SLO section" carries no edit: ${JSON.stringify(fix)}`);

        const fixed = applyEdits(text, textEditsFor(fix.edit, uri));
        assert.match(fixed, sloHeading, 'the fix adds no SLO heading');
        assert.ok(fixed.startsWith(`---${eol}rubric: system-design${eol}`), 'the front matter moved');
        assertOnlyInserted(text, fixed, eol);

        session.notify(lsp.DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version: 2 },
          contentChanges: [{ text: fixed }],
        });
        const after = await session.waitForDiagnostics(
          uri,
          (p) => (p.version === undefined || p.version === 2) && !p.diagnostics.some(isSloMissing),
          'without the SLO diagnostic after the fix was applied',
        );
        const starts = lineStarts(fixed);
        const whole = { start: { line: 0, character: 0 }, end: { line: starts.length - 1, character: fixed.length - starts[starts.length - 1] } };
        const again =
          (await session.request(lsp.CodeActionRequest.type, {
            textDocument: { uri },
            range: whole,
            context: { diagnostics: after.diagnostics, triggerKind: lsp.CodeActionTriggerKind.Invoked },
          })) ?? [];
        assert.ok(
          !again.some((a) => a.title === 'Insert SLO section'),
          `"Insert SLO section" still offered once the section exists: ${JSON.stringify(again.map((a) => a.title))}`,
        );
        session.notify(lsp.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      });
    }

    test('executeCommand: coverage, scorecard, insertMissing, templates answer in the shapes the extension parses', async () => {
      // The extension's own result checks, compiled by `npm test` (tsconfig.test.json).
      const require = createRequire(import.meta.url);
      const api = require('../out/src/core/serverApi.js');

      const file = path.join(folder, 'docs', 'design', 'commands.md');
      const uri = uriOf(file);
      const text = docLines.join('\n');
      fs.writeFileSync(file, text);
      session.notify(lsp.DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'markdown', version: 1, text },
      });
      await session.waitForDiagnostics(uri, (p) => p.diagnostics.some(isSloMissing), 'for the commands document');
      const run = (command, args) => session.request(lsp.ExecuteCommandRequest.type, { command, arguments: args });

      const coverage = api.parseCoverage(await run('designls.coverage', [{ uri }]));
      assert.equal(coverage.designDoc, true);
      assert.ok(coverage.missing.includes('slo'), `missing: ${coverage.missing}`);
      assert.ok(coverage.coreCovered < coverage.coreTotal, JSON.stringify(coverage));

      const scorecard = api.parseScorecard(await run('designls.scorecard', [{ uri }]));
      assert.ok(scorecard.trim().length > 0, 'empty scorecard');

      const templates = api.parseTemplates(await run('designls.listTemplates', []));
      assert.ok(templates.length > 0, 'no templates');
      const rendered = api.parseRenderedTemplate(await run('designls.renderTemplate', [{ name: templates[0].name }]));
      assert.ok(rendered.trim().length > 0, `template ${templates[0].name} renders empty`);

      session.appliedEdits.length = 0;
      await run('designls.insertMissing', [{ uri }]);
      assert.equal(session.appliedEdits.length, 1, 'insertMissing should send exactly one workspace/applyEdit: several, each computed against the original text, cannot be applied in turn');
      const fixed = applyEdits(text, textEditsFor(session.appliedEdits[0], uri));
      assert.match(fixed, sloHeading, 'insertMissing adds no SLO heading');
      assertOnlyInserted(text, fixed, '\n');
      session.notify(lsp.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    });

    test('shutdown then exit ends the process with status 0', async () => {
      await session.request(lsp.ShutdownRequest.type);
      session.notify(lsp.ExitNotification.type);
      const how = await session.exited;
      assert.deepEqual(how, { code: 0, signal: null }, session.tail());
    });
  });
}
