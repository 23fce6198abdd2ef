// Copies the server settings from settings-schema.json (their one source of truth, also read by
// a Go test that compares it with the server's own key list) into package.json, where VS Code
// needs them under contributes.configuration.properties.
//
// package.json keeps only two kinds of settings: the server's (replaced wholesale from the
// schema, so a key removed there disappears here) and the client's own, which live under
// designls.server.* and designls.trace.* and are edited in package.json directly.
//
//   node scripts/sync-settings.mjs            rewrite package.json
//   node scripts/sync-settings.mjs --check    exit 1 if package.json is stale
//   --package FILE --schema FILE               other files (used by the tests)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: opts } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    package: { type: 'string', default: `${root}package.json` },
    schema: { type: 'string', default: `${root}settings-schema.json` },
  },
});

const clientPrefixes = ['designls.server.', 'designls.trace.'];
const isClientKey = (key) => clientPrefixes.some((p) => key.startsWith(p));

const pkgText = readFileSync(opts.package, 'utf8');
const pkg = JSON.parse(pkgText);
const schema = JSON.parse(readFileSync(opts.schema, 'utf8'));

for (const key of Object.keys(schema)) {
  if (!key.startsWith('designls.') || isClientKey(key)) {
    fail(`${opts.schema}: key "${key}" must be "designls.<server key>" and not under ${clientPrefixes.join(' or ')}`);
  }
}

const configuration = pkg.contributes?.configuration;
if (!configuration || typeof configuration.properties !== 'object') {
  fail(`${opts.package}: contributes.configuration.properties is missing`);
}
const client = Object.entries(configuration.properties).filter(([key]) => isClientKey(key));
configuration.properties = { ...schema, ...Object.fromEntries(client) };

const want = JSON.stringify(pkg, null, 2) + '\n';
if (want === pkgText) {
  process.exit(0);
}
if (opts.check) {
  fail(`${opts.package}: server settings differ from ${opts.schema}; run "npm run sync-settings"`);
}
writeFileSync(opts.package, want);
console.log(`updated ${opts.package}`);

function fail(message) {
  console.error(`sync-settings: ${message}`);
  process.exit(1);
}
