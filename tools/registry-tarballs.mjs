#!/usr/bin/env node
// Fetches the pinned registry tarballs of tools/registry-tarballs.json that npm cannot install as dependencies
// (their git dependencies are unreachable here), verifies each against its pinned sha512 integrity and unpacks it
// under node_modules/.registry-tarballs/<dir>. Idempotent: a tarball whose stamp matches is left alone. The
// contents are used as shipped (compiled bytecode), never copied into the repository.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = process.cwd();
const config = JSON.parse(readFileSync(join(root, 'tools', 'registry-tarballs.json'), 'utf8'));
const base = join(root, 'node_modules', '.registry-tarballs');

function fail(message) {
  console.error('[latchkey] ' + message);
  process.exit(1);
}

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', shell: process.platform === 'win32' });
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} failed (exit ${r.status}): ${(r.stderr || '').trim()}`);
  return r.stdout;
}

for (const t of config.tarballs) {
  const dir = join(base, t.dir);
  const stamp = join(dir, '.integrity');
  if (!(existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === t.integrity)) fetch(t, dir, stamp);
  for (const e of t.extract ?? []) {
    const source = readFileSync(join(dir, 'package', e.from), 'utf8');
    const m = source.match(new RegExp(e.constant + '\\s*=\\s*hex"([0-9a-fA-F]+)"'));
    if (!m) fail(`${t.name}@${t.version}: no hex constant ${e.constant} in ${e.from}`);
    writeFileSync(join(dir, e.to), '0x' + m[1].toLowerCase() + '\n');
  }
}

function fetch(t, dir, stamp) {
  console.log(`[latchkey] fetching ${t.name}@${t.version} from the npm registry (npm pack)`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  run('npm', ['pack', `${t.name}@${t.version}`, '--pack-destination', dir, '--silent'], dir);
  const tgz = readdirSync(dir).find(f => f.endsWith('.tgz'));
  if (!tgz) fail(`npm pack of ${t.name}@${t.version} produced no tarball`);
  const got = 'sha512-' + createHash('sha512').update(readFileSync(join(dir, tgz))).digest('base64');
  if (got !== t.integrity) fail(`${t.name}@${t.version}: integrity ${got} is not the pinned ${t.integrity}; refusing to use it`);
  run('tar', ['-xzf', tgz], dir);
  rmSync(join(dir, tgz));
  writeFileSync(stamp, t.integrity + '\n');
}
