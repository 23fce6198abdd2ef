// Removes "resolved" download addresses from package-lock.json. The project's .npmrc already
// tells npm not to write them (omit-lockfile-registry-resolved); this catches a lock written
// by an npm that ignored it. npm ci still verifies every package against its "integrity" hash.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../package-lock.json', import.meta.url));
const lock = JSON.parse(readFileSync(file, 'utf8'));
let removed = 0;
for (const meta of Object.values(lock.packages ?? {})) {
  if ('resolved' in meta) {
    delete meta.resolved;
    removed++;
  }
}
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`strip-lock: removed ${removed} resolved field(s)`);
