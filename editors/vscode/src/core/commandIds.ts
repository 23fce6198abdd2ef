// IDs of the commands this extension contributes (package.json contributes.commands). They
// must differ from the server's own command names (serverApi.ts): the language client
// registers those itself, and VS Code refuses a second registration of the same ID.
export const ClientCommand = {
  newFromTemplate: 'designls.newFromTemplate',
  insertMissingSections: 'designls.insertMissingSections',
  showScorecard: 'designls.showScorecard',
  restartServer: 'designls.restartServer',
} as const;
