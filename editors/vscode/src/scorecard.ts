// Shows a scorecard as a read-only virtual Markdown document rendered in the Markdown preview.
// A virtual document, unlike an untitled one, is never dirty, so closing it asks nothing, and
// running the command again refreshes the preview that is already open.
import * as vscode from 'vscode';

const scheme = 'designls-scorecard';

export class ScorecardView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly registration: vscode.Disposable;
  readonly onDidChange = this.changed.event;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(scheme, this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  async show(source: vscode.Uri, markdown: string): Promise<void> {
    const name = source.path.split('/').pop() || 'untitled';
    // The .md ending gives the virtual document the Markdown language; the query keeps two
    // files with the same name apart.
    const uri = vscode.Uri.from({
      scheme,
      path: `/Scorecard ${name.replace(/\.(md|markdown)$/i, '')}.md`,
      query: source.toString(),
    });
    this.contents.set(uri.toString(), markdown);
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    } catch {
      // The built-in Markdown extension can be disabled; the source is still readable.
      await vscode.window.showTextDocument(doc, {
        viewColumn: vscode.ViewColumn.Beside,
        preview: true,
        preserveFocus: true,
      });
    }
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
