// The coverage item in the status bar. It asks the server (designls.coverage) about the active
// editor's document and shows nothing unless the server says it is a design doc.
import * as vscode from 'vscode';
import { parseCoverage, ServerCommand, uriArgs } from './core/serverApi';
import { coverageStatus } from './core/statusText';
import { isServedDocument, message, type DesignServer } from './server';

// Diagnostics arrive in bursts while typing; one coverage request per pause is enough.
const settleMs = 300;

export class CoverageStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Bumped per request so a slow answer about an earlier editor cannot overwrite a newer one. */
  private generation = 0;

  constructor(
    private readonly server: DesignServer,
    private readonly log: vscode.LogOutputChannel,
    clickCommand: string,
  ) {
    this.item = vscode.window.createStatusBarItem('designls.coverage', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Design Doc Coverage';
    this.item.command = clickCommand;
    const isActive = (uri: vscode.Uri) =>
      vscode.window.activeTextEditor?.document.uri.toString() === uri.toString();
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some(isActive)) {
          this.schedule();
        }
      }),
      // Coverage can change with no diagnostic changing, e.g. when missing-section is off.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isActive(e.document.uri)) {
          this.schedule();
        }
      }),
      server.onDidChangeState(() => this.schedule()),
    );
    this.schedule();
  }

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), settleMs);
  }

  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !isServedDocument(doc) || !this.server.running) {
      this.item.hide();
      return;
    }
    let status;
    try {
      const result = await this.server.execute(
        ServerCommand.coverage,
        uriArgs(this.server.protocolUri(doc.uri)),
        false,
      );
      status = coverageStatus(parseCoverage(result));
    } catch (err) {
      this.log.debug(`coverage of ${doc.uri.toString()}: ${message(err)}`);
      status = undefined;
    }
    if (generation !== this.generation) {
      return;
    }
    if (!status) {
      this.item.hide();
      return;
    }
    this.item.text = status.text;
    this.item.tooltip = status.tooltip;
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
