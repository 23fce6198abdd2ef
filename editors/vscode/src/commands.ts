// The contributed commands. Each one is a thin request to the server plus the UI around it;
// the server decides what a design doc is, what is missing and what a template says.
import * as vscode from 'vscode';
import { ClientCommand } from './core/commandIds';
import {
  parseRenderedTemplate,
  parseScorecard,
  parseTemplates,
  ServerCommand,
  templateArgs,
  uriArgs,
} from './core/serverApi';
import type { ScorecardView } from './scorecard';
import { isServedDocument, message, ServerUnavailable, type DesignServer } from './server';

export function registerCommands(server: DesignServer, scorecards: ScorecardView): vscode.Disposable {
  const register = (id: string, run: () => Promise<void>) =>
    vscode.commands.registerCommand(id, async () => {
      try {
        await run();
      } catch (err) {
        if (!(err instanceof ServerUnavailable)) {
          void vscode.window.showErrorMessage(`designls: ${message(err)}`);
        }
      }
    });

  return vscode.Disposable.from(
    register(ClientCommand.newFromTemplate, async () => {
      const templates = parseTemplates(await server.execute(ServerCommand.listTemplates));
      if (templates.length === 0) {
        void vscode.window.showInformationMessage('The designls server offers no templates.');
        return;
      }
      const picked = await vscode.window.showQuickPick(
        templates.map((t) => ({ label: t.title, description: t.name, detail: t.description || undefined, name: t.name })),
        { title: 'New Design Doc', placeHolder: 'Choose a template', matchOnDescription: true, matchOnDetail: true },
      );
      if (!picked) {
        return;
      }
      const text = parseRenderedTemplate(await server.execute(ServerCommand.renderTemplate, templateArgs(picked.name)));
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
      await vscode.window.showTextDocument(doc);
    }),

    register(ClientCommand.insertMissingSections, async () => {
      const doc = activeMarkdown();
      if (doc) {
        // The server answers with workspace/applyEdit, which the language client applies.
        await server.execute(ServerCommand.insertMissing, uriArgs(server.protocolUri(doc.uri)));
      }
    }),

    register(ClientCommand.showScorecard, async () => {
      const doc = activeMarkdown();
      if (doc) {
        const markdown = parseScorecard(
          await server.execute(ServerCommand.scorecard, uriArgs(server.protocolUri(doc.uri))),
        );
        await scorecards.show(doc.uri, markdown);
      }
    }),

    register(ClientCommand.restartServer, async () => {
      if (await server.restart()) {
        void vscode.window.setStatusBarMessage('designls server restarted', 3000);
      }
    }),
  );
}

function activeMarkdown(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && isServedDocument(doc)) {
    return doc;
  }
  void vscode.window.showInformationMessage('Open a Markdown design doc first.');
  return undefined;
}
