// A recording stand-in for the parts of the `vscode` API that activation touches, so the real
// bundle (dist/extension.js) can be loaded and activated under plain Node. It is no substitute
// for an extension host: it only shows that activation wires things up and that the no-server
// path reaches the user. Anything not modelled is an inert class, enough for the language
// client's module-level code to load.
import Module from 'node:module';

export interface Shown {
  kind: 'error' | 'information';
  message: string;
  items: string[];
}

export interface StubOptions {
  /** designls.* settings by key without the prefix ("server.path"). */
  settings?: Record<string, unknown>;
  /** The button a notification "clicks", or undefined to dismiss it. */
  answer?: string;
}

export interface Recorder {
  commands: Map<string, (...args: unknown[]) => unknown>;
  shown: Shown[];
  executed: unknown[][];
  statusVisible: boolean;
  /** Resolves when the n-th notification (1-based) has been shown. */
  notification(n: number): Promise<Shown>;
  /** Resolves when a command with this id has been executed through vscode.commands. */
  executedCommand(id: string): Promise<unknown[]>;
}

class Disposable {
  constructor(private readonly onDispose?: () => void) {}
  static from(...items: Array<{ dispose(): unknown }>): Disposable {
    return new Disposable(() => items.forEach((d) => d.dispose()));
  }
  dispose(): void {
    this.onDispose?.();
  }
}

class EventEmitter<T> {
  private listeners: Array<(e: T) => void> = [];
  event = (listener: (e: T) => void) => {
    this.listeners.push(listener);
    return new Disposable(() => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    });
  };
  fire(e: T): void {
    this.listeners.forEach((l) => l(e));
  }
  dispose(): void {
    this.listeners = [];
  }
}

export function makeVscode(options: StubOptions = {}): { api: unknown; recorder: Recorder } {
  const waiters: Array<() => void> = [];
  const settle = () => waiters.splice(0).forEach((w) => w());
  const until = <T>(value: () => T | undefined): Promise<T> =>
    new Promise((resolve) => {
      const check = () => {
        const v = value();
        if (v !== undefined) resolve(v);
        else waiters.push(check);
      };
      check();
    });

  const recorder: Recorder = {
    commands: new Map(),
    shown: [],
    executed: [],
    statusVisible: false,
    notification: (n) => until(() => recorder.shown[n - 1]),
    executedCommand: (id) => until(() => recorder.executed.find((c) => c[0] === id)),
  };
  const notify = (kind: Shown['kind']) => async (message: string, ...items: string[]) => {
    recorder.shown.push({ kind, message, items });
    settle();
    return items.includes(options.answer ?? '') ? options.answer : undefined;
  };
  const noEvent = () => new Disposable();
  const log = {
    appendLine() {},
    append() {},
    trace() {},
    debug() {},
    info() {},
    warn() {},
    error() {},
    show() {},
    dispose() {},
  };
  const settings = options.settings ?? {};

  const api: Record<string, unknown> = {
    Disposable,
    EventEmitter,
    StatusBarAlignment: { Left: 1, Right: 2 },
    ViewColumn: { Beside: -2 },
    window: {
      activeTextEditor: undefined,
      createOutputChannel: () => log,
      createStatusBarItem: () => ({
        show: () => (recorder.statusVisible = true),
        hide: () => (recorder.statusVisible = false),
        dispose() {},
      }),
      showErrorMessage: notify('error'),
      showInformationMessage: notify('information'),
      setStatusBarMessage: () => new Disposable(),
      onDidChangeActiveTextEditor: noEvent,
    },
    workspace: {
      workspaceFolders: undefined,
      getConfiguration: () => ({
        get: (key: string) => settings[key],
        inspect: (key: string) => (key in settings ? { key, globalValue: settings[key] } : { key }),
      }),
      onDidChangeConfiguration: noEvent,
      onDidGrantWorkspaceTrust: noEvent,
      onDidChangeTextDocument: noEvent,
      registerTextDocumentContentProvider: () => new Disposable(),
    },
    languages: { onDidChangeDiagnostics: noEvent },
    commands: {
      registerCommand: (id: string, run: (...args: unknown[]) => unknown) => {
        if (recorder.commands.has(id)) throw new Error(`command '${id}' already exists`);
        recorder.commands.set(id, run);
        return new Disposable(() => recorder.commands.delete(id));
      },
      executeCommand: async (id: string, ...args: unknown[]) => {
        recorder.executed.push([id, ...args]);
        settle();
        return recorder.commands.get(id)?.(...args);
      },
    },
  };
  const inert = new Map<PropertyKey, unknown>();
  const proxy = new Proxy(api, {
    get(target, prop) {
      if (prop in target) return target[prop as string];
      if (!inert.has(prop)) inert.set(prop, class Inert {});
      return inert.get(prop);
    },
  });
  return { api: proxy, recorder };
}

/**
 * Loads file with `require('vscode')` answered by api, until restore is called: bundled code
 * may require it lazily, long after loading.
 */
export function loadWithVscode<T>(file: string, api: unknown): { exports: T; restore(): void } {
  const loader = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };
  const original = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? api : original.call(this, request, ...rest);
  };
  const load = Module.createRequire(__filename);
  delete load.cache[load.resolve(file)];
  return { exports: load(file) as T, restore: () => (loader._load = original) };
}
