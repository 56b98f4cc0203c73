// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {TestBase} from "../utils/TestBase.sol";
import {SmartSession} from "../../../main/solidity/smartsession/SmartSession.sol";
import {HashLib} from "../../../main/solidity/smartsession/lib/HashLib.sol";
import "../../../main/solidity/smartsession/DataTypes.sol";

/// @dev Golden checks against an independent implementation: permission ids, per-chain session digests and the
///      multichain enable digest computed by the npm module-sdk of Rhinestone + viem (src/test/resources/golden, via ffi)
///      must equal what our SmartSession computes for the same sessions.
contract ModuleSdkGoldenTest is TestBase {
    struct GoldenCase {
        Session session;
        uint8 mode;
        uint256 nonce;
        uint64 chainId;
        bytes32 permissionId;
        bytes32 sessionDigest;
    }

    SmartSession internal smartSession;
    address internal constant ACCOUNT = 0x1111111111111111111111111111111111111111;

    /// @dev The reference blob, decoded per test: legacy codegen cannot copy nested struct arrays to storage.
    bytes internal referenceBlob;

    function setUp() public {
        smartSession = new SmartSession();
        string[] memory cmd = new string[](4);
        cmd[0] = "node";
        cmd[1] = "src/test/resources/golden/smart-sessions-golden.mjs";
        cmd[2] = vm.toString(address(smartSession));
        cmd[3] = vm.toString(ACCOUNT);
        referenceBlob = vm.ffi(cmd);
    }

    function _reference() private view returns (GoldenCase[] memory cases, bytes32 multichainDigest) {
        return abi.decode(referenceBlob, (GoldenCase[], bytes32));
    }

    function test_referenceCoversAtLeastThreeSessionsAndBothEnableModes() public view {
        (GoldenCase[] memory cases,) = _reference();
        vm.assertGe(cases.length, 3, "at least three golden sessions");
        bool enable;
        bool unsafeEnable;
        for (uint256 i; i < cases.length; i++) {
            enable = enable || cases[i].mode == uint8(SmartSessionMode.ENABLE);
            unsafeEnable = unsafeEnable || cases[i].mode == uint8(SmartSessionMode.UNSAFE_ENABLE);
        }
        vm.assertTrue(enable && unsafeEnable, "both ENABLE and UNSAFE_ENABLE are covered");
    }

    function test_permissionIdsEqualModuleSdk() public view {
        (GoldenCase[] memory cases,) = _reference();
        for (uint256 i; i < cases.length; i++) {
            bytes32 ours = PermissionId.unwrap(smartSession.getPermissionId(cases[i].session));
            vm.assertEq(ours, cases[i].permissionId, string.concat("permissionId of golden session ", vm.toString(i)));
        }
    }

    function test_sessionDigestsEqualViemHashStructWithDerivedFlags() public {
        (GoldenCase[] memory cases,) = _reference();
        for (uint256 i; i < cases.length; i++) {
            GoldenCase memory c = cases[i];
            PermissionId pid = PermissionId.wrap(c.permissionId);
            // Move the account's enable nonce for this permission to the reference value, the way a wallet would
            // see it after earlier revoked approvals.
            for (uint256 n; n < c.nonce; n++) {
                vm.prank(ACCOUNT);
                smartSession.revokeEnableSignature(pid);
            }
            vm.assertEq(smartSession.getNonce(pid, ACCOUNT), c.nonce, "nonce moved to the reference value");
            bytes32 ours = smartSession.getSessionDigest(pid, ACCOUNT, c.session, SmartSessionMode(c.mode));
            vm.assertEq(ours, c.sessionDigest, string.concat("sessionDigest of golden session ", vm.toString(i)));
        }
    }

    function test_multichainDigestEqualsModuleSdkHashChainSessions() public view {
        (GoldenCase[] memory cases, bytes32 referenceMultichainDigest) = _reference();
        ChainDigest[] memory digests = new ChainDigest[](cases.length);
        for (uint256 i; i < cases.length; i++) {
            digests[i] = ChainDigest({chainId: cases[i].chainId, sessionDigest: cases[i].sessionDigest});
        }
        vm.assertEq(HashLib.multichainDigest(digests), referenceMultichainDigest, "multichain enable digest");
    }

    function test_underivedFlagsWouldChangeTheDigest() public view {
        (GoldenCase[] memory cases,) = _reference();
        // The second golden session has a generic fallback action and is UNSAFE_ENABLE. Hashed with module-sdk's
        // default flags (all false) its digest must differ, or the equality above would not prove the derivation.
        GoldenCase memory c = cases[1];
        Session memory s = c.session;
        bytes32 permissionsWithDefaultFlags = keccak256(
            abi.encode(
                HashLib.SIGNED_PERMISSIONS_TYPEHASH,
                false,
                false,
                false,
                s.permitERC4337Paymaster,
                HashLib.hashPolicyDataArray(s.userOpPolicies),
                HashLib.hashERC7739Data(s.erc7739Policies),
                HashLib.hashActionDataArray(s.actions)
            )
        );
        bytes32 digestWithDefaultFlags = keccak256(
            abi.encode(
                HashLib.SESSION_TYPEHASH,
                ACCOUNT,
                permissionsWithDefaultFlags,
                address(s.sessionValidator),
                keccak256(s.sessionValidatorInitData),
                s.salt,
                address(smartSession),
                c.nonce
            )
        );
        vm.assertNotEq(digestWithDefaultFlags, c.sessionDigest, "derived flags are part of the digest");
        vm.assertEq(
            HashLib.sessionDigest(s, ACCOUNT, address(smartSession), SmartSessionMode(c.mode), c.nonce),
            c.sessionDigest,
            "library digest with derived flags"
        );
    }
}
