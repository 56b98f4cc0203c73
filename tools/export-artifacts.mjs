#!/usr/bin/env node
// Copies the ABI and bytecode of every contract compiled from src/main/solidity (plus the EntryPoint v0.7
// artifact the devnet deploys) into the classpath, so Java deploys exactly what forge compiled.
// Usage: node tools/export-artifacts.mjs <target dir>
import { mkdirSync, readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const [, , targetDir] = process.argv;
if (!targetDir) {
  console.error('usage: export-artifacts.mjs <target dir>');
  process.exit(2);
}
const root = process.cwd();
const outDir = join(root, 'target', 'forge', 'out');
const srcDir = join(root, 'src', 'main', 'solidity');

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

// Our own sources, by file name; forge writes out/<File.sol>/<Contract>.json.
const ourSources = new Map(walk(srcDir).filter((p) => p.endsWith('.sol'))
  .map((p) => [relative(srcDir, p).split(sep).join('/'), p]));

mkdirSync(targetDir, { recursive: true });
const index = [];
for (const file of walk(outDir).filter((p) => p.endsWith('.json'))) {
  const artifact = JSON.parse(readFileSync(file, 'utf8'));
  const sourcePath = artifact.ast?.absolutePath ?? Object.keys(artifact.metadata?.settings?.compilationTarget ?? {})[0];
  if (!sourcePath || !sourcePath.startsWith('src/main/solidity/')) continue;
  const bytecode = artifact.bytecode?.object ?? '0x';
  if (bytecode === '0x' || bytecode === '') continue; // interfaces and abstract contracts
  const name = file.split(sep).pop().replace(/\.json$/, '');
  const source = sourcePath.slice('src/main/solidity/'.length);
  if (!ourSources.has(source)) continue;
  writeFileSync(join(targetDir, name + '.json'), JSON.stringify({
    contractName: name, source, abi: artifact.abi, bytecode, deployedBytecode: artifact.deployedBytecode?.object,
    // Byte ranges of the runtime code that the constructor fills (immutables): zero in deployedBytecode, so the
    // wallet compares deployed code with these ranges masked (docs/devnet.md, "Deterministic deployment").
    immutables: Object.values(artifact.deployedBytecode?.immutableReferences ?? {}).flat()
      .map((r) => [r.start, r.length]).sort((a, b) => a[0] - b[0]),
  }));
  index.push(name);
}

const entryPoint = JSON.parse(readFileSync(join(root, 'node_modules', '@account-abstraction', 'contracts', 'artifacts', 'EntryPoint.json'), 'utf8'));
writeFileSync(join(targetDir, 'EntryPoint.json'), JSON.stringify({
  contractName: 'EntryPoint', source: '@account-abstraction/contracts@0.7.0', abi: entryPoint.abi,
  bytecode: entryPoint.bytecode, deployedBytecode: entryPoint.deployedBytecode,
}));
index.push('EntryPoint');
index.sort();
writeFileSync(join(targetDir, 'index.json'), JSON.stringify(index, null, 1) + '\n');
console.log('[latchkey] exported ' + index.length + ' contract artifacts to ' + relative(root, targetDir));
