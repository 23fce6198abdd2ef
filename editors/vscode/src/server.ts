// Owns the one language client: finding the binary, starting and restarting it, feeding it
// settings, and sending it workspace/executeCommand requests on behalf of the UI.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LanguageClient,
  State,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { ServerCommandName } from './core/serverApi';
import { configurationItem, SECTION, serverKeys, serverSettings, type ServerSettings } from './core/serverConfig';
import { probeFile, resolveServer } from './core/serverPath';

/** Schemes of the Markdown documents the server is told about; others it cannot answer for. */
export const documentSchemes = ['file', 'untitled'];

export function isServedDocument(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown' && documentSchemes.includes(doc.uri.scheme);
}

/** Thrown by execute when there is no server; the user has already been told why. */
export class ServerUnavailable extends Error {
  constructor() {
    super('designls server is not running');
    this.name = 'ServerUnavailable';
  }
}

export class DesignServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private pending: Promise<boolean> | undefined;
  private toldMissing = false;
  private lastProblems = '';
  private readonly stateChanged = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.stateChanged];

  /** Fires when the server starts or stops, so views that ask it things can refresh. */
  readonly onDidChangeState = this.stateChanged.event;

  constructor(
    private readonly extensionPath: string,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => this.configurationChanged(e)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        // In restricted mode a workspace's own server.path was ignored; now it counts.
        const path = vscode.workspace.getConfiguration(SECTION).inspect('server.path');
        if (path?.workspaceValue !== undefined || path?.workspaceFolderValue !== undefined) {
          void this.restart();
        }
      }),
    );
  }

  get running(): boolean {
    return this.client?.state === State.Running;
  }

  /**
   * Starts the server unless it runs. Interactive starts come from a command the user just
   * ran and always explain a failure; the start on activation explains it once per session,
   * so that opening Markdown files without designls installed does not keep nagging.
   */
  start(interactive = false): Promise<boolean> {
    if (this.running) {
      return Promise.resolve(true);
    }
    this.pending ??= this.doStart(interactive).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  async restart(): Promise<boolean> {
    await this.stop();
    return this.start(true);
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) {
      return;
    }
    try {
      if (client.isRunning()) {
        await client.stop();
      }
    } catch (err) {
      this.log.warn(`stopping the server: ${message(err)}`);
    }
    await client.dispose();
    this.stateChanged.fire();
  }

  /**
   * Sends workspace/executeCommand. A command the user ran starts the server if needed;
   * background callers pass startIfNeeded=false so they never pop up an error.
   */
  async execute(command: ServerCommandName, args?: unknown[], startIfNeeded = true): Promise<unknown> {
    const ready = startIfNeeded ? await this.start(true) : this.running;
    if (!ready || !this.client) {
      throw new ServerUnavailable();
    }
    return this.client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  /** The URI string the server knows a document by: the same conversion didOpen used. */
  protocolUri(uri: vscode.Uri): string {
    return this.client ? this.client.code2ProtocolConverter.asUri(uri) : uri.toString();
  }

  dispose(): void {
    void this.stop();
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private async doStart(interactive: boolean): Promise<boolean> {
    // A client that failed to start or gave up after crashes is replaced, not revived:
    // the binary or its settings may have changed since.
    await this.stop();
    const folder = vscode.workspace.workspaceFolders?.[0];
    const resolution = resolveServer({
      configuredPath: vscode.workspace.getConfiguration(SECTION).get<string>('server.path'),
      workspaceFolder: folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined,
      homeDir: os.homedir(),
      env: process.env,
      platform: process.platform,
      arch: process.arch,
      extensionPath: this.extensionPath,
      probe: probeFile,
    });
    if (!resolution.ok) {
      this.log.error(resolution.message);
      for (const candidate of resolution.tried) {
        this.log.info(`  looked at ${candidate}`);
      }
      if (interactive || !this.toldMissing) {
        this.toldMissing = true;
        void this.explainMissing(resolution.message);
      }
      return false;
    }
    if (resolution.needsChmod) {
      try {
        fs.chmodSync(resolution.command, 0o755);
      } catch (err) {
        this.log.warn(`making ${resolution.command} executable: ${message(err)}`);
      }
    }
    this.log.info(`starting ${[resolution.command, ...resolution.args].join(' ')} (found via ${resolution.source})`);

    const serverOptions: ServerOptions = {
      command: resolution.command,
      args: resolution.args,
      options: folder?.uri.scheme === 'file' ? { cwd: folder.uri.fsPath } : undefined,
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSchemes.map((scheme) => ({ language: 'markdown', scheme })),
      outputChannel: this.log,
      initializationOptions: this.settingsFor(folder?.uri),
      middleware: {
        workspace: {
          configuration: (params) =>
            params.items.map((item) => {
              const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
              return configurationItem(item.section, this.settingsFor(scope));
            }),
          // The client's own notification (sent when the server registers for it) would
          // carry the raw VS Code section, defaults and client settings included; the one
          // configurationChanged sends carries exactly what workspace/configuration answers.
          didChangeConfiguration: async () => {},
        },
      },
    };
    // The id makes the client read designls.trace.server by itself.
    const client = new LanguageClient('designls', 'designls', serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState(() => this.stateChanged.fire());
    try {
      await client.start();
    } catch (err) {
      // The language client has already shown its own notification with a link to the log.
      this.log.error(`the server did not start: ${message(err)}`);
      return false;
    }
    const info = client.initializeResult?.serverInfo;
    if (info) {
      this.log.info(`connected to ${info.name} ${info.version ?? ''}`.trim());
    }
    return true;
  }

  private settingsFor(scope: vscode.Uri | undefined): ServerSettings {
    const config = vscode.workspace.getConfiguration(SECTION, scope);
    const { settings, problems } = serverSettings((key) => config.inspect(key));
    const joined = problems.join('\n');
    if (joined && joined !== this.lastProblems) {
      problems.forEach((p) => this.log.warn(p));
    }
    this.lastProblems = joined;
    return settings;
  }

  private configurationChanged(e: vscode.ConfigurationChangeEvent): void {
    if (e.affectsConfiguration(`${SECTION}.server.path`)) {
      void this.restart();
      return;
    }
    if (this.client && this.running && serverKeys.some((k) => e.affectsConfiguration(`${SECTION}.${k}`))) {
      // Servers that pull settings re-ask with workspace/configuration; the payload serves
      // the ones that read it directly.
      void this.client.sendNotification(DidChangeConfigurationNotification.type, {
        settings: { [SECTION]: this.settingsFor(vscode.workspace.workspaceFolders?.[0]?.uri) },
      });
    }
  }

  private async explainMissing(text: string): Promise<void> {
    const openSettings = 'Open Settings';
    const showLog = 'Show Log';
    const choice = await vscode.window.showErrorMessage(text, openSettings, showLog);
    if (choice === openSettings) {
      await vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.server.path`);
    } else if (choice === showLog) {
      this.log.show(true);
    }
  }
}

export function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
