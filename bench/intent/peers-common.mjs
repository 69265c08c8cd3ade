// Helpers shared by the peer adapters: importing a peer package with a clear error when it is
// not installed, and reading an installed package's version.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchError } from '../sentiment/lib.mjs';

export const INTENT_DIR = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(INTENT_DIR, 'package.json'));

/** Loads a peer package installed in bench/intent/node_modules. */
export async function importPeer(name) {
  try {
    return await import(name);
  } catch (err) {
    if (err && (err.code === 'ERR_MODULE_NOT_FOUND' || err.code === 'MODULE_NOT_FOUND')) {
      throw new BenchError(`peer package ${JSON.stringify(name)} is not installed; run: npm ci --prefix ${INTENT_DIR}`);
    }
    throw err;
  }
}

/** The installed version of a package (from its package.json), or null. */
export function peerVersion(name) {
  try {
    return JSON.parse(readFileSync(join(INTENT_DIR, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

export { require };
