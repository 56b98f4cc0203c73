#!/usr/bin/env node
// Reference values for the Java Smart Sessions SDK differential tests, computed only with @rhinestone/module-sdk,
// viem and solady: every session is rebuilt here from its typed description (module-sdk policy builders and
// getOwnableValidator), so the Java mapping and encodings are checked, not echoed.
//
//   node reference.mjs            stdin: {"cases":[...]}      stdout: {"results":[...]}
//   node reference.mjs flz-lines  stdin: one 0x-hex per line  stdout: flzCompress of each, one per line
//
// Enable flags are derived from the actions and the mode, as SmartSession does on chain (spec §2.3, §11.1).
import {
  getPermissionId, hashChainSessions, encodeSmartSessionSignature, getSudoPolicy, getSpendingLimitsPolicy,
  getTimeFramePolicy, getUsageLimitPolicy, getValueLimitPolicy, getUniversalActionPolicy, getOwnableValidator,
  getOwnableValidatorMockSignature,
} from '@rhinestone/module-sdk';
import { encodeAbiParameters, encodePacked, hashStruct, pad, toHex, concat } from 'viem';
import { getUserOperationHash } from 'viem/account-abstraction';
import { LibZip } from 'solady';
import { createInterface } from 'node:readline';

const FALLBACK_TARGET = '0x0000000000000000000000000000000000000001';
const CONDITIONS = { equal: 0, greaterThan: 1, lessThan: 2, greaterThanOrEqual: 3, lessThanOrEqual: 4, notEqual: 5, inRange: 6 };
const EIP712_TYPES = {
  PolicyData: [{ name: 'policy', type: 'address' }, { name: 'initData', type: 'bytes' }],
  ActionData: [{ name: 'actionTargetSelector', type: 'bytes4' }, { name: 'actionTarget', type: 'address' },
    { name: 'actionPolicies', type: 'PolicyData[]' }],
  ERC7739Context: [{ name: 'appDomainSeparator', type: 'bytes32' }, { name: 'contentName', type: 'string[]' }],
  ERC7739Data: [{ name: 'allowedERC7739Content', type: 'ERC7739Context[]' }, { name: 'erc1271Policies', type: 'PolicyData[]' }],
  SignedPermissions: [{ name: 'permitGenericPolicy', type: 'bool' }, { name: 'permitAdminAccess', type: 'bool' },
    { name: 'ignoreSecurityAttestations', type: 'bool' }, { name: 'permitERC4337Paymaster', type: 'bool' },
    { name: 'userOpPolicies', type: 'PolicyData[]' }, { name: 'erc7739Policies', type: 'ERC7739Data' },
    { name: 'actions', type: 'ActionData[]' }],
  SignedSession: [{ name: 'account', type: 'address' }, { name: 'permissions', type: 'SignedPermissions' },
    { name: 'sessionValidator', type: 'address' }, { name: 'sessionValidatorInitData', type: 'bytes' },
    { name: 'salt', type: 'bytes32' }, { name: 'smartSession', type: 'address' }, { name: 'nonce', type: 'uint256' }],
};
const POLICY = { type: 'tuple[]', components: [{ type: 'address' }, { type: 'bytes' }] };
const SESSION = { type: 'tuple', components: [{ type: 'address' }, { type: 'bytes' }, { type: 'bytes32' }, POLICY,
  { type: 'tuple', components: [{ type: 'tuple[]', components: [{ type: 'bytes32' }, { type: 'string[]' }] }, POLICY] },
  { type: 'tuple[]', components: [{ type: 'bytes4' }, { type: 'address' }, POLICY] }, { type: 'bool' }] };

const zeroRule = { condition: 0, offset: 0n, isLimited: false, ref: pad('0x0', { size: 32 }), usage: { limit: 0n, used: 0n } };
const ref = (v) => (v.startsWith('0x') ? pad(v, { size: 32 }) : toHex(BigInt(v), { size: 32 }));

function policyData(p, ours) {
  const pd = (x) => ({ policy: x.policy, initData: x.initData });
  switch (p.type) {
    case 'sudo': return pd(getSudoPolicy());
    case 'universal-action': {
      const rules = p.rules.map((r) => ({
        condition: CONDITIONS[r.condition], offset: BigInt(r.calldataOffset), isLimited: r.usageLimit !== undefined,
        ref: ref(r.referenceValue), usage: { limit: r.usageLimit !== undefined ? BigInt(r.usageLimit) : 0n, used: 0n },
      }));
      return pd(getUniversalActionPolicy({
        valueLimitPerUse: BigInt(p.valueLimitPerUse ?? '0'),
        paramRules: { length: BigInt(rules.length), rules: [...rules, ...Array(16 - rules.length).fill(zeroRule)] },
      }));
    }
    case 'spending-limits':
      return pd(getSpendingLimitsPolicy(p.limits.map((l) => ({ token: l.token, limit: BigInt(l.amount) }))));
    case 'time-frame': return pd(getTimeFramePolicy({ validUntil: Number(p.validUntil), validAfter: Number(p.validAfter) }));
    case 'usage-limit': return pd(getUsageLimitPolicy({ limit: BigInt(p.limit) }));
    case 'value-limit': return pd(getValueLimitPolicy({ limit: BigInt(p.limit) }));
    case 'periodic-spending-limit': return { policy: ours['periodic-spending-limit'], initData: encodeAbiParameters(
      [{ type: 'address[]' }, { type: 'uint256[]' }, { type: 'uint48' }],
      [p.limits.map((l) => l.token), p.limits.map((l) => BigInt(l.amount)), Number(p.period)]) };
    case 'rate-limit': return { policy: ours['rate-limit'],
      initData: encodePacked(['uint32', 'uint48'], [Number(p.maxUses), Number(p.interval)]) };
    case 'gas-cost-limit': return { policy: ours['gas-cost-limit'],
      initData: encodeAbiParameters([{ type: 'uint256' }], [BigInt(p.costLimit)]) };
    case 'operation-deadline': return { policy: ours['operation-deadline'], initData: '0x' };
    case 'custom': return { policy: p.address, initData: p.initData };
    default: throw new Error(`unknown policy type ${p.type}`);
  }
}

function buildSession(c) {
  const w = c.session;
  const validator = getOwnableValidator({ threshold: w.owners.threshold, owners: w.owners.accounts });
  const ps = (list) => list.map((p) => policyData(p, c.ourPolicies));
  return {
    sessionValidator: validator.address,
    sessionValidatorInitData: validator.initData,
    salt: w.salt,
    userOpPolicies: ps(w.policies),
    erc7739Policies: w.signing
      ? { allowedERC7739Content: w.signing.allowedContent.map((a) => ({ appDomainSeparator: a.domainSeparator, contentName: a.contentName })),
        erc1271Policies: ps(w.signing.policies) }
      : { allowedERC7739Content: [], erc1271Policies: [] },
    actions: w.actions.map((a) => ({ actionTargetSelector: a.selector, actionTarget: a.target, actionPolicies: ps(a.policies) })),
    permitERC4337Paymaster: w.permitERC4337Paymaster,
    chainId: BigInt(c.chains[0].chainId),
  };
}

const asTuple = (s) => [s.sessionValidator, s.sessionValidatorInitData, s.salt,
  s.userOpPolicies.map((p) => [p.policy, p.initData]),
  [s.erc7739Policies.allowedERC7739Content.map((x) => [x.appDomainSeparator, x.contentName]),
    s.erc7739Policies.erc1271Policies.map((p) => [p.policy, p.initData])],
  s.actions.map((a) => [a.actionTargetSelector, a.actionTarget, a.actionPolicies.map((p) => [p.policy, p.initData])]),
  s.permitERC4337Paymaster];

const hasAction = (s, selector) => s.actions.some((a) => a.actionTarget.toLowerCase() === FALLBACK_TARGET
  && a.actionTargetSelector.toLowerCase() === selector);

function signedSession(session, c, nonce) {
  return {
    account: c.account,
    permissions: {
      permitGenericPolicy: hasAction(session, '0x00000001'),
      permitAdminAccess: hasAction(session, '0x00000002'),
      ignoreSecurityAttestations: c.mode === 'unsafe-enable',
      permitERC4337Paymaster: session.permitERC4337Paymaster,
      userOpPolicies: session.userOpPolicies, erc7739Policies: session.erc7739Policies, actions: session.actions,
    },
    sessionValidator: session.sessionValidator, sessionValidatorInitData: session.sessionValidatorInitData,
    salt: session.salt, smartSession: c.smartSession, nonce: BigInt(nonce),
  };
}

function userOp(u) {
  const q = (x) => (x === undefined || x === null ? undefined : BigInt(x));
  return {
    sender: u.sender, nonce: q(u.nonce), factory: u.factory ?? undefined, factoryData: u.factoryData ?? undefined,
    callData: u.callData, callGasLimit: q(u.callGasLimit), verificationGasLimit: q(u.verificationGasLimit),
    preVerificationGas: q(u.preVerificationGas), maxFeePerGas: q(u.maxFeePerGas), maxPriorityFeePerGas: q(u.maxPriorityFeePerGas),
    paymaster: u.paymaster ?? undefined, paymasterVerificationGasLimit: q(u.paymasterVerificationGasLimit),
    paymasterPostOpGasLimit: q(u.paymasterPostOpGasLimit), paymasterData: u.paymasterData ?? undefined, signature: u.signature,
  };
}

function run(c) {
  const session = buildSession(c);
  const permissionId = getPermissionId({ session });
  const chainDigests = c.chains.map((ch) => ({
    chainId: BigInt(ch.chainId),
    sessionDigest: hashStruct({ types: EIP712_TYPES, primaryType: 'SignedSession', data: signedSession(session, c, ch.nonce) }),
  }));
  const enableHash = hashChainSessions(c.chains.map((ch) => ({ chainId: BigInt(ch.chainId), session: signedSession(session, c, ch.nonce) })));
  const useSignature = encodeSmartSessionSignature({ mode: '0x00', permissionId, signature: c.sessionSignature });
  const enableSignature = encodeSmartSessionSignature({
    mode: c.mode === 'unsafe-enable' ? '0x02' : '0x01', permissionId, signature: c.sessionSignature,
    enableSessionData: {
      enableSession: { chainDigestIndex: c.enableIndex, hashesAndChainIds: chainDigests, sessionToEnable: session,
        permissionEnableSig: c.ownerSignature },
      validator: c.ownerValidator, accountType: c.accountType,
    },
  });
  return {
    permissionId,
    sessionAbi: encodeAbiParameters([SESSION], [asTuple(session)]),
    policyInitData: [...session.userOpPolicies, ...session.erc7739Policies.erc1271Policies,
      ...session.actions.flatMap((a) => a.actionPolicies)].map((p) => ({ policy: p.policy.toLowerCase(), initData: p.initData })),
    chainDigests: chainDigests.map((d) => ({ chainId: d.chainId.toString(), sessionDigest: d.sessionDigest })),
    enableHash, useSignature, enableSignature,
    mockSignature: getOwnableValidatorMockSignature({ threshold: c.session.owners.threshold }),
    enablePayload: LibZip.flzDecompress(`0x${enableSignature.slice(4)}`),
    userOpHash: getUserOperationHash({ userOperation: userOp(c.userOp), entryPointAddress: c.entryPoint,
      entryPointVersion: '0.7', chainId: Number(c.userOpChainId) }),
  };
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

if (process.argv[2] === 'flz-lines') {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) process.stdout.write(`${LibZip.flzCompress(line.trim())}\n`);
} else {
  const input = JSON.parse(await readStdin());
  const results = input.cases.map((c, i) => {
    try { return run(c); } catch (e) { return { error: `case ${i}: ${e.message}` }; }
  });
  process.stdout.write(JSON.stringify({ results }));
}
