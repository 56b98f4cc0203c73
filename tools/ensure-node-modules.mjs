#!/usr/bin/env node
// Reinstalls node_modules from package-lock.json when it is missing or stale, so a fresh clone needs no
// manual npm step. Stale = the lock file changed since the last install (a hash stamp inside node_modules).
// --ignore-scripts: the Foundry binaries ship in platform packages, so no install script is needed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = process.cwd();
const lock = join(root, 'package-lock.json');
const stamp = join(root, 'node_modules', '.latchkey-lock.sha256');
const solc = join(root, 'node_modules', 'solc', 'package.json');

const want = createHash('sha256').update(readFileSync(lock)).digest('hex');
const have = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
if (have === want && existsSync(solc)) {
  process.exit(0);
}
console.log('[latchkey] node_modules missing or older than package-lock.json: running npm ci');
const result = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
  cwd: root, stdio: 'inherit', shell: process.platform === 'win32',
});
if (result.status !== 0) {
  console.error('[latchkey] npm ci failed (exit ' + result.status + '). Node 20+ and access to the npm registry are needed once.');
  process.exit(result.status ?? 1);
}
writeFileSync(stamp, want + '\n');
