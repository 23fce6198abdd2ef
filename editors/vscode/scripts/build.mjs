// Bundles the extension and its runtime dependencies into dist/extension.js, the only code
// file the .vsix carries (package.json "files"). --production minifies and drops the source
// map; it also refuses to build from a package.json whose server settings are stale.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const production = process.argv.includes('--production');

if (production) {
  const check = spawnSync(process.execPath, ['scripts/sync-settings.mjs', '--check'], { cwd: root, stdio: 'inherit' });
  if (check.status !== 0) {
    process.exit(1);
  }
}

await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // VS Code 1.82, the oldest this extension supports (engines.vscode), runs Node 18.
  target: 'node18',
  external: ['vscode'],
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'info',
});
