#!/usr/bin/env node
// Reference flow for the signer latency benchmark (docs/benchmarks.md), written only with viem and
// @rhinestone/module-sdk: per trade it builds the ERC-7579 execute callData of a USDC transfer, reads the
// SmartSession nonce from the EntryPoint, reads fees, estimates gas with the bundler using module-sdk's
// OwnableValidator mock signature, hashes (viem getUserOperationHash v0.7), signs with the session key and sends
// (eth_sendUserOperation). The clock runs from the start of the trade to the bundler's answer; every JSON-RPC
// request in that window is counted. Then it waits for the receipt (not timed) before the next trade.
//
//   node reference-trade.mjs < config.json      stdout: one JSON object {"latencyMs":[...],"rpc":[...],"methods":{...}}
import { createPublicClient, http, encodeFunctionData, encodePacked, parseAbi, serializeSignature } from 'viem';
import { getUserOperationHash, formatUserOperationRequest } from 'viem/account-abstraction';
import { sign } from 'viem/accounts';
import { encodeSmartSessionSignature, getOwnableValidatorMockSignature, SmartSessionMode } from '@rhinestone/module-sdk';

const cfg = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (d) => { text += d; });
  process.stdin.on('end', () => resolve(text));
}));

let counting = false;
let count = 0;
const methods = {};
const counter = {
  onFetchRequest: async (request) => {
    if (!counting) return;
    count++;
    const body = JSON.parse(await request.clone().text());
    for (const call of Array.isArray(body) ? body : [body]) methods[call.method] = (methods[call.method] ?? 0) + 1;
  },
};
const node = createPublicClient({ transport: http(cfg.rpcUrl, counter) });
const bundler = createPublicClient({ transport: http(cfg.bundlerUrl, counter) });

const entryPointAbi = parseAbi(['function getNonce(address sender, uint192 key) view returns (uint256)']);
const executeAbi = parseAbi(['function execute(bytes32 mode, bytes executionCalldata)']);
const erc20Abi = parseAbi(['function transfer(address to, uint256 amount) returns (bool)']);
const nonceKey = BigInt(cfg.smartSession) << 32n; // LatchkeyAccount: validator (20 bytes) ‖ 4-byte lane 0
const stub = encodeSmartSessionSignature({
  mode: SmartSessionMode.USE, permissionId: cfg.permissionId, signature: getOwnableValidatorMockSignature({ threshold: 1 }),
});

async function trade(amount) {
  const start = process.hrtime.bigint();
  const transfer = encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [cfg.recipient, amount] });
  const callData = encodeFunctionData({ abi: executeAbi, functionName: 'execute', args: [`0x${'00'.repeat(32)}`,
    encodePacked(['address', 'uint256', 'bytes'], [cfg.usdc, 0n, transfer])] });
  const [nonce, block, priority] = await Promise.all([
    node.readContract({ address: cfg.entryPoint, abi: entryPointAbi, functionName: 'getNonce', args: [cfg.account, nonceKey] }),
    node.getBlock(),
    node.request({ method: 'eth_maxPriorityFeePerGas' }).then(BigInt),
  ]);
  const maxFeePerGas = block.baseFeePerGas * 2n + priority;
  const draft = { sender: cfg.account, nonce, callData, maxFeePerGas, maxPriorityFeePerGas: priority, signature: stub,
    callGasLimit: 1_000_000n, verificationGasLimit: 3_000_000n, preVerificationGas: 150_000n };
  const est = await bundler.request({ method: 'eth_estimateUserOperationGas',
    params: [formatUserOperationRequest(draft), cfg.entryPoint] });
  const op = { ...draft, callGasLimit: BigInt(est.callGasLimit), verificationGasLimit: BigInt(est.verificationGasLimit),
    preVerificationGas: BigInt(est.preVerificationGas) };
  const hash = getUserOperationHash({ userOperation: op, entryPointAddress: cfg.entryPoint, entryPointVersion: '0.7',
    chainId: cfg.chainId });
  const sig = serializeSignature(await sign({ hash, privateKey: cfg.sessionKey }));
  op.signature = encodeSmartSessionSignature({ mode: SmartSessionMode.USE, permissionId: cfg.permissionId, signature: sig });
  const userOpHash = await bundler.request({ method: 'eth_sendUserOperation', params: [formatUserOperationRequest(op), cfg.entryPoint] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, userOpHash };
}

async function receipt(userOpHash) {
  for (let i = 0; i < 600; i++) {
    const r = await bundler.request({ method: 'eth_getUserOperationReceipt', params: [userOpHash] });
    if (r) {
      if (!r.success) throw new Error(`operation ${userOpHash} reverted`);
      return r;
    }
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`no receipt for ${userOpHash}`);
}

const latencyMs = [];
const rpc = [];
for (let i = 0; i < cfg.warmup + cfg.trades; i++) {
  const measured = i >= cfg.warmup;
  count = 0;
  counting = measured;
  const { ms, userOpHash } = await trade(BigInt(cfg.amount) + BigInt(i));
  counting = false;
  if (measured) { latencyMs.push(ms); rpc.push(count); }
  await receipt(userOpHash);
  await new Promise((res) => setTimeout(res, cfg.pauseMs));
}
process.stdout.write(JSON.stringify({ latencyMs, rpc, methods }) + '\n');
