// Where the language server comes from: the designls.server.path setting, else `designls-lsp` on
// PATH, else the copy shipped inside a platform-specific .vsix. Everything the lookup needs from
// the machine is passed in, so the Windows rules can be tested on Linux and vice versa.
//
// The extension starts designls-lsp itself rather than `designls serve` (which only finds and
// runs designls-lsp): one process and one binary to find, a .vsix that ships only the server,
// and a missing server is reported here, where the user can act on it, instead of as a server
// that crashed at start. A setting that names the `designls` CLI, as it did before the server
// had its own binary, still works: that one is started as `designls serve`.
import * as fs from 'node:fs';
import * as path from 'node:path';

export type ServerSource = 'setting' | 'path' | 'bundled';

export type FileState = 'missing' | 'directory' | 'not-executable' | 'executable';

export interface ServerLookup {
  /** designls.server.path as written by the user; undefined or blank when unset. */
  configuredPath?: string;
  /** Folder that relative paths and ${workspaceFolder} refer to, when one is open. */
  workspaceFolder?: string;
  homeDir: string;
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  arch: string;
  /** Root of the installed extension (where package.json is). */
  extensionPath: string;
  probe: (file: string) => FileState;
}

export type ServerResolution =
  | {
      ok: true;
      command: string;
      /** Arguments to start it with: none for designls-lsp, `serve` for the designls CLI. */
      args: string[];
      source: ServerSource;
      /** A shipped binary whose executable bit was lost when the .vsix was unpacked. */
      needsChmod: boolean;
      tried: string[];
    }
  | { ok: false; message: string; tried: string[] };

const installHint =
  'Install it (for example `go install github.com/designls/designls/cmd/...@latest`, which installs designls ' +
  'and designls-lsp) and put it on PATH, or set "designls.server.path" to the designls-lsp binary.';

function pathApi(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** Name of the server binary on the given platform. */
export function binaryName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'designls-lsp.exe' : 'designls-lsp';
}

/**
 * Arguments for the binary the user configured: `designls serve` when it is the designls CLI
 * (which runs the designls-lsp installed beside it), none for the server itself.
 */
export function serverArgs(command: string, platform: NodeJS.Platform): string[] {
  let base = pathApi(platform).basename(command);
  if (platform === 'win32') {
    base = base.toLowerCase().replace(/\.exe$/, '');
  }
  return base === 'designls' ? ['serve'] : [];
}

/**
 * Folder, relative to the extension root, of the binary a platform-specific .vsix ships.
 * It uses Node's own platform and arch names so that the running extension can find it
 * without knowing which `vsce --target` built it.
 */
export function bundledServerDir(platform: NodeJS.Platform, arch: string): string {
  return `server/${platform}-${arch}`;
}

export function resolveServer(lookup: ServerLookup): ServerResolution {
  const configured = lookup.configuredPath?.trim();
  if (configured) {
    return resolveConfigured(configured, lookup);
  }
  const tried: string[] = [];
  const onPath = searchPath(lookup, tried);
  if (onPath) {
    return { ok: true, command: onPath, args: [], source: 'path', needsChmod: false, tried };
  }
  const p = pathApi(lookup.platform);
  const bundled = p.join(
    lookup.extensionPath,
    ...bundledServerDir(lookup.platform, lookup.arch).split('/'),
    binaryName(lookup.platform),
  );
  tried.push(bundled);
  const state = lookup.probe(bundled);
  if (state === 'executable' || state === 'not-executable') {
    return {
      ok: true,
      command: bundled,
      args: [],
      source: 'bundled',
      needsChmod: state === 'not-executable',
      tried,
    };
  }
  return {
    ok: false,
    message: `The designls language server (${binaryName(lookup.platform)}) was not found on PATH, and this build of the extension ships none for ${lookup.platform}-${lookup.arch}. ${installHint}`,
    tried,
  };
}

function resolveConfigured(configured: string, lookup: ServerLookup): ServerResolution {
  const p = pathApi(lookup.platform);
  const needsFolder = configured.includes('${workspaceFolder}');
  if (needsFolder && !lookup.workspaceFolder) {
    return {
      ok: false,
      message: `"designls.server.path" is "${configured}", which uses \${workspaceFolder}, but no folder is open. Open the folder or use an absolute path.`,
      tried: [],
    };
  }
  let expanded = configured
    .split('${workspaceFolder}')
    .join(lookup.workspaceFolder ?? '')
    .split('${userHome}')
    .join(lookup.homeDir);
  if (expanded === '~' || expanded.startsWith('~/') || (lookup.platform === 'win32' && expanded.startsWith('~\\'))) {
    expanded = lookup.homeDir + expanded.slice(1);
  }
  if (!p.isAbsolute(expanded)) {
    if (!lookup.workspaceFolder) {
      return {
        ok: false,
        message: `"designls.server.path" is the relative path "${configured}", but no folder is open to resolve it against. Use an absolute path.`,
        tried: [],
      };
    }
    expanded = p.resolve(lookup.workspaceFolder, expanded);
  }
  const file = p.normalize(expanded);
  const state = lookup.probe(file);
  switch (state) {
    case 'executable':
      return {
        ok: true,
        command: file,
        args: serverArgs(file, lookup.platform),
        source: 'setting',
        needsChmod: false,
        tried: [file],
      };
    case 'not-executable':
      return {
        ok: false,
        message: `"designls.server.path" points to ${file}, which is not executable. Run \`chmod +x ${file}\` or fix the setting.`,
        tried: [file],
      };
    case 'directory':
      return {
        ok: false,
        message: `"designls.server.path" points to the folder ${file}; it must name the designls-lsp binary itself (for example ${p.join(file, binaryName(lookup.platform))}).`,
        tried: [file],
      };
    case 'missing':
      return {
        ok: false,
        message: `"designls.server.path" points to ${file}, which does not exist. Fix the setting, or clear it to use designls-lsp from PATH.`,
        tried: [file],
      };
  }
}

function searchPath(lookup: ServerLookup, tried: string[]): string | undefined {
  const p = pathApi(lookup.platform);
  const value = envValue(lookup.env, 'PATH', lookup.platform);
  if (!value) {
    return undefined;
  }
  const name = binaryName(lookup.platform);
  for (let dir of value.split(p.delimiter)) {
    if (lookup.platform === 'win32') {
      dir = dir.replace(/^"(.*)"$/, '$1');
    }
    // An empty or relative PATH entry means "the current directory", which for an editor is
    // whatever folder happens to be open: never run a binary found that way.
    if (!dir || !p.isAbsolute(dir)) {
      continue;
    }
    const candidate = p.join(dir, name);
    tried.push(candidate);
    if (lookup.probe(candidate) === 'executable') {
      return candidate;
    }
  }
  return undefined;
}

/** Windows spells the variable Path, PATH or path; elsewhere names are case-sensitive. */
function envValue(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  platform: NodeJS.Platform,
): string | undefined {
  if (platform !== 'win32') {
    return env[name];
  }
  const key = Object.keys(env).find((k) => k.toUpperCase() === name);
  return key === undefined ? undefined : env[key];
}

/** The real probe, for the running extension. */
export function probeFile(file: string): FileState {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return 'missing';
  }
  if (stat.isDirectory()) {
    return 'directory';
  }
  if (process.platform === 'win32') {
    return 'executable';
  }
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return 'executable';
  } catch {
    return 'not-executable';
  }
}
