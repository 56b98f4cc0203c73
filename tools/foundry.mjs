#!/usr/bin/env node
// Runs a Foundry tool (forge, anvil, cast) from the platform package npm installed, so the build needs no
// global Foundry. Usage: node tools/foundry.mjs <forge|anvil|cast> [args...]
// LATCHKEY_FORGE / LATCHKEY_ANVIL / LATCHKEY_CAST point at another binary (e.g. on a platform npm lacks).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [tool, ...args] = process.argv.slice(2);
if (!['forge', 'anvil', 'cast'].includes(tool)) {
  console.error('usage: foundry.mjs <forge|anvil|cast> [args...]');
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const override = process.env['LATCHKEY_' + tool.toUpperCase()];
const platform = { linux: 'linux', darwin: 'darwin', win32: 'win32' }[process.platform];
const arch = { x64: 'amd64', arm64: 'arm64' }[process.arch];
const exe = process.platform === 'win32' ? tool + '.exe' : tool;
const binary = override ?? join(root, 'node_modules', '@foundry-rs', `${tool}-${platform}-${arch}`, 'bin', exe);
if (!existsSync(binary)) {
  console.error(`[latchkey] no ${tool} binary for ${process.platform}/${process.arch} at ${binary}.\n`
    + `The npm registry serves ${tool} 1.7.1 for a few platforms only; install Foundry 1.7.1 yourself and set `
    + `LATCHKEY_${tool.toUpperCase()} to its ${tool} binary.`);
  process.exit(127);
}
const result = spawnSync(binary, args, { stdio: 'inherit', cwd: process.cwd() });
if (result.error) {
  console.error(`[latchkey] cannot start ${binary}: ${result.error.message}`);
  process.exit(126);
}
process.exit(result.status ?? 1);
