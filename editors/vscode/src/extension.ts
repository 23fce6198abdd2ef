// Entry point: wires the server, the commands and the status bar together. VS Code loads this
// on the first Markdown file or the first designls command (package.json activationEvents).
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { ClientCommand } from './core/commandIds';
import { ScorecardView } from './scorecard';
import { DesignServer } from './server';
import { CoverageStatusBar } from './statusBar';

let server: DesignServer | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('designls', { log: true });
  server = new DesignServer(context.extensionPath, log);
  const scorecards = new ScorecardView();
  context.subscriptions.push(
    log,
    server,
    scorecards,
    registerCommands(server, scorecards),
    new CoverageStatusBar(server, log, ClientCommand.showScorecard),
  );
  // Activation does not wait for the server: a missing binary is reported by start itself,
  // and commands that need the server wait for the same start.
  void server.start();
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
