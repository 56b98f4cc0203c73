#!/usr/bin/env node
// Independent reference values for the forge golden tests: permission ids, per-chain session digests and the
// multichain enable digest, computed with @rhinestone/module-sdk (ids, policy init data, hashChainSessions) and
// viem (EIP-712 hashStruct). Called through vm.ffi; prints one ABI-encoded blob (0x-hex) on stdout.
//
// usage: smart-sessions-golden.mjs <smartSession address> <account address>
//
// The enable flags (permitGenericPolicy, permitAdminAccess, ignoreSecurityAttestations) are derived here from the
// actions and the mode, as the module does on chain; module-sdk defaults them to false (spec §2.3, §11.1).
import {
  getPermissionId, hashChainSessions, getSudoPolicy, getSpendingLimitsPolicy, getTimeFramePolicy,
  getUsageLimitPolicy, getValueLimitPolicy, getUniversalActionPolicy, getOwnableValidator,
} from '@rhinestone/module-sdk';
import { encodeAbiParameters, hashStruct, pad, toHex, keccak256, toBytes } from 'viem';

const [smartSession, account] = process.argv.slice(2);
if (!/^0x[0-9a-fA-F]{40}$/.test(smartSession ?? '') || !/^0x[0-9a-fA-F]{40}$/.test(account ?? '')) {
  console.error('usage: smart-sessions-golden.mjs <smartSession address> <account address>');
  process.exit(2);
}

const EIP712_TYPES = {
  PolicyData: [{ name: 'policy', type: 'address' }, { name: 'initData', type: 'bytes' }],
  ActionData: [
    { name: 'actionTargetSelector', type: 'bytes4' }, { name: 'actionTarget', type: 'address' },
    { name: 'actionPolicies', type: 'PolicyData[]' },
  ],
  ERC7739Context: [{ name: 'appDomainSeparator', type: 'bytes32' }, { name: 'contentName', type: 'string[]' }],
  ERC7739Data: [
    { name: 'allowedERC7739Content', type: 'ERC7739Context[]' }, { name: 'erc1271Policies', type: 'PolicyData[]' },
  ],
  SignedPermissions: [
    { name: 'permitGenericPolicy', type: 'bool' }, { name: 'permitAdminAccess', type: 'bool' },
    { name: 'ignoreSecurityAttestations', type: 'bool' }, { name: 'permitERC4337Paymaster', type: 'bool' },
    { name: 'userOpPolicies', type: 'PolicyData[]' }, { name: 'erc7739Policies', type: 'ERC7739Data' },
    { name: 'actions', type: 'ActionData[]' },
  ],
  SignedSession: [
    { name: 'account', type: 'address' }, { name: 'permissions', type: 'SignedPermissions' },
    { name: 'sessionValidator', type: 'address' }, { name: 'sessionValidatorInitData', type: 'bytes' },
    { name: 'salt', type: 'bytes32' }, { name: 'smartSession', type: 'address' }, { name: 'nonce', type: 'uint256' },
  ],
};

// module-sdk 0.4.0 does not re-export its ParamCondition enum from the package root; same values (spec §3.3).
const ParamCondition = { EQUAL: 0, LESS_THAN_OR_EQUAL: 4, IN_RANGE: 6 };
const FALLBACK_TARGET = '0x0000000000000000000000000000000000000001';
const policy = (p) => ({ policy: p.policy, initData: p.initData });
const rule = (condition, offset, ref, limit) => ({
  condition, offset, isLimited: limit !== undefined, ref: pad(toHex(ref), { size: 32 }),
  usage: { limit: limit ?? 0n, used: 0n },
});
const zeroRule = { condition: 0, offset: 0n, isLimited: false, ref: pad('0x0', { size: 32 }), usage: { limit: 0n, used: 0n } };
const uniAction = (valueLimitPerUse, rules) => getUniversalActionPolicy({
  valueLimitPerUse,
  paramRules: { length: BigInt(rules.length), rules: [...rules, ...Array(16 - rules.length).fill(zeroRule)] },
});

const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const ROUTER = '0xe592427a0aece4b5aa7d0e9debb28e15eb6f3d6c';
const owners = ['0x70997970c51812dc3a010c7d01b50e0d17dc79c8', '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc',
  '0x90f79bf6eb2c4f870365e785982e1f101e93b906'];

const sessions = [
  { // a USDC-transfer session: one owner, spending + usage limits, paymaster allowed
    mode: 1, nonce: 0n, chainId: 1n,
    session: {
      sessionValidator: getOwnableValidator({ threshold: 1, owners: [owners[0]] }).address,
      sessionValidatorInitData: getOwnableValidator({ threshold: 1, owners: [owners[0]] }).initData,
      salt: pad('0x0', { size: 32 }),
      userOpPolicies: [policy(getSudoPolicy())],
      erc7739Policies: { allowedERC7739Content: [], erc1271Policies: [] },
      actions: [{
        actionTargetSelector: '0xa9059cbb', actionTarget: USDC,
        actionPolicies: [policy(getSpendingLimitsPolicy([{ token: USDC, limit: 1_000_000_000n }])),
          policy(getUsageLimitPolicy({ limit: 10n }))],
      }],
      permitERC4337Paymaster: true,
    },
  },
  { // a 2-of-3 trading session with calldata rules, a generic fallback and ERC-7739 content, unsafe enable
    mode: 2, nonce: 3n, chainId: 8453n,
    session: {
      sessionValidator: getOwnableValidator({ threshold: 2, owners }).address,
      sessionValidatorInitData: getOwnableValidator({ threshold: 2, owners }).initData,
      salt: keccak256(toBytes('latchkey-golden-2')),
      userOpPolicies: [policy(getTimeFramePolicy({ validUntil: 1_900_000_000, validAfter: 1_700_000_000 })),
        policy(getValueLimitPolicy({ limit: 10n ** 18n }))],
      erc7739Policies: {
        allowedERC7739Content: [{
          appDomainSeparator: keccak256(toBytes('some app domain')),
          contentName: ['Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)'],
        }],
        erc1271Policies: [policy(getSudoPolicy())],
      },
      actions: [
        {
          actionTargetSelector: '0x414bf389', actionTarget: ROUTER,
          actionPolicies: [policy(uniAction(0n, [
            rule(ParamCondition.EQUAL, 0n, BigInt(USDC)),
            rule(ParamCondition.LESS_THAN_OR_EQUAL, 160n, 5_000_000_000n, 20_000_000_000n),
            rule(ParamCondition.IN_RANGE, 192n, (1n << 128n) | 1000n),
          ]))],
        },
        { actionTargetSelector: '0x00000001', actionTarget: FALLBACK_TARGET, actionPolicies: [policy(getSudoPolicy())] },
      ],
      permitERC4337Paymaster: false,
    },
  },
  { // admin access (the session may manage SmartSession itself) with a usage limit
    mode: 1, nonce: 1n, chainId: 10n,
    session: {
      sessionValidator: getOwnableValidator({ threshold: 1, owners: [owners[2]] }).address,
      sessionValidatorInitData: getOwnableValidator({ threshold: 1, owners: [owners[2]] }).initData,
      salt: pad('0x2a', { size: 32 }),
      userOpPolicies: [policy(getUsageLimitPolicy({ limit: 3n }))],
      erc7739Policies: { allowedERC7739Content: [], erc1271Policies: [] },
      actions: [{ actionTargetSelector: '0x00000002', actionTarget: FALLBACK_TARGET, actionPolicies: [policy(getSudoPolicy())] }],
      permitERC4337Paymaster: false,
    },
  },
];

const hasAction = (s, selector) => s.actions.some(
  (a) => a.actionTarget.toLowerCase() === FALLBACK_TARGET && a.actionTargetSelector.toLowerCase() === selector);

const signedSession = ({ session, mode, nonce }) => ({
  account,
  permissions: {
    permitGenericPolicy: hasAction(session, '0x00000001'),
    permitAdminAccess: hasAction(session, '0x00000002'),
    ignoreSecurityAttestations: mode === 2,
    permitERC4337Paymaster: session.permitERC4337Paymaster,
    userOpPolicies: session.userOpPolicies,
    erc7739Policies: session.erc7739Policies,
    actions: session.actions,
  },
  sessionValidator: session.sessionValidator,
  sessionValidatorInitData: session.sessionValidatorInitData,
  salt: session.salt,
  smartSession,
  nonce,
});

const cases = sessions.map((c) => ({
  session: c.session,
  mode: c.mode,
  nonce: c.nonce,
  chainId: c.chainId,
  permissionId: getPermissionId({ session: { ...c.session, chainId: c.chainId } }),
  sessionDigest: hashStruct({ types: EIP712_TYPES, primaryType: 'SignedSession', data: signedSession(c) }),
}));
const multichainDigest = hashChainSessions(sessions.map((c) => ({ chainId: c.chainId, session: signedSession(c) })));

const POLICY = { type: 'tuple[]', components: [{ type: 'address' }, { type: 'bytes' }] };
const SESSION = {
  type: 'tuple', components: [
    { type: 'address' }, { type: 'bytes' }, { type: 'bytes32' }, POLICY,
    { type: 'tuple', components: [{ type: 'tuple[]', components: [{ type: 'bytes32' }, { type: 'string[]' }] }, POLICY] },
    { type: 'tuple[]', components: [{ type: 'bytes4' }, { type: 'address' }, POLICY] },
    { type: 'bool' },
  ],
};
const asTuple = (s) => [s.sessionValidator, s.sessionValidatorInitData, s.salt,
  s.userOpPolicies.map((p) => [p.policy, p.initData]),
  [s.erc7739Policies.allowedERC7739Content.map((c) => [c.appDomainSeparator, c.contentName]),
    s.erc7739Policies.erc1271Policies.map((p) => [p.policy, p.initData])],
  s.actions.map((a) => [a.actionTargetSelector, a.actionTarget, a.actionPolicies.map((p) => [p.policy, p.initData])]),
  s.permitERC4337Paymaster];

process.stdout.write(encodeAbiParameters(
  [{ type: 'tuple[]', components: [SESSION, { type: 'uint8' }, { type: 'uint256' }, { type: 'uint64' }, { type: 'bytes32' }, { type: 'bytes32' }] },
    { type: 'bytes32' }],
  [cases.map((c) => [asTuple(c.session), c.mode, c.nonce, c.chainId, c.permissionId, c.sessionDigest]), multichainDigest],
));
