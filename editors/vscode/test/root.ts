// Tests run from out/test after compilation; the files they inspect live in the package root.
import * as path from 'node:path';

export const root = path.resolve(__dirname, '..', '..');
