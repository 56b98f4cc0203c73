// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {SmartSessionTestBase} from "./SmartSessionTestBase.sol";
import {Vm} from "../utils/Vm.sol";
import {ISmartSession} from "../../../main/solidity/smartsession/interfaces/ISmartSession.sol";
import {EncodeLib} from "../../../main/solidity/smartsession/lib/EncodeLib.sol";
import {HashLib} from "../../../main/solidity/smartsession/lib/HashLib.sol";
import {IdLib} from "../../../main/solidity/smartsession/lib/IdLib.sol";
import "../../../main/solidity/smartsession/DataTypes.sol";

/// @dev ENABLE / UNSAFE_ENABLE (spec §2.2, §2.3): enable inside the first user operation.
contract EnableModeTest is SmartSessionTestBase {
    PermissionId internal pid;

    function setUp() public override {
        super.setUp();
        pid = IdLib.toPermissionId(_theSession());
        vm.chainId(100);
    }

    function _theSession() internal view returns (Session memory) {
        return _session(keccak256("enable-salt"));
    }

    /// @dev EnableSession for this chain only, signed by the account owner.
    function _enableData(SmartSessionMode mode) internal view returns (EnableSession memory es) {
        es.hashesAndChainIds = new ChainDigest[](1);
        es.hashesAndChainIds[0] = ChainDigest(
            uint64(block.chainid), smartSession.getSessionDigest(pid, address(account), _theSession(), mode)
        );
        es.sessionToEnable = _theSession();
        es.permissionEnableSig = _sign(ownerKey, HashLib.multichainDigest(es.hashesAndChainIds));
    }

    function _enableOp(SmartSessionMode mode, EnableSession memory es)
        internal
        view
        returns (PackedUserOperation memory)
    {
        return _userOp(_transferCall(), EncodeLib.encodeEnable(mode, es, _sign(sessionKeyPk, USER_OP_HASH)));
    }

    function test_enableThenEnforce() public {
        vm.assertFalse(smartSession.isPermissionEnabled(pid, address(account)), "not yet enabled");
        uint256 vd = _validate(_enableOp(SmartSessionMode.ENABLE, _enableData(SmartSessionMode.ENABLE)));
        vm.assertEq(vd, VALID_NO_BOUNDS, "valid");
        vm.assertTrue(smartSession.isPermissionEnabled(pid, address(account)), "enabled");
        vm.assertEq(smartSession.getNonce(pid, address(account)), 1, "nonce post-incremented");
        vm.assertEq(policyA.initCount(), 1, "action policy initialized");
        vm.assertEq(policyA.actionChecks(), 1, "and enforced in the same userOp");
        (address v, bytes memory cfg) = smartSession.getSessionValidatorAndConfig(address(account), pid);
        vm.assertEq(v, address(validator), "validator stored");
        vm.assertEq(cfg, abi.encode(sessionKey), "config stored");

        // afterwards the session works in USE mode
        vm.assertEq(_validate(_userOp(_transferCall(), _useSig(pid))), VALID_NO_BOUNDS, "USE after ENABLE");
    }

    function test_enableEnforcesPolicies() public {
        policyA.setResult(1);
        _validateReverts(
            _enableOp(SmartSessionMode.ENABLE, _enableData(SmartSessionMode.ENABLE)),
            abi.encodeWithSelector(ISmartSession.PolicyViolation.selector, pid, address(policyA))
        );
    }

    function test_replayFails() public {
        EnableSession memory es = _enableData(SmartSessionMode.ENABLE);
        _validate(_enableOp(SmartSessionMode.ENABLE, es));
        bytes32 fresh =
            HashLib.sessionDigest(_theSession(), address(account), address(smartSession), SmartSessionMode.ENABLE, 1);
        _validateReverts(
            _enableOp(SmartSessionMode.ENABLE, es),
            abi.encodeWithSelector(ISmartSession.HashMismatch.selector, es.hashesAndChainIds[0].sessionDigest, fresh)
        );
    }

    function test_revokeInvalidatesSignature() public {
        EnableSession memory es = _enableData(SmartSessionMode.ENABLE);
        vm.expectEmit(address(smartSession));
        emit ISmartSession.NonceIterated(pid, address(account), 1);
        vm.prank(address(account));
        smartSession.revokeEnableSignature(pid);
        vm.assertEq(smartSession.getNonce(pid, address(account)), 1, "bumped");
        bytes32 fresh =
            HashLib.sessionDigest(_theSession(), address(account), address(smartSession), SmartSessionMode.ENABLE, 1);
        _validateReverts(
            _enableOp(SmartSessionMode.ENABLE, es),
            abi.encodeWithSelector(ISmartSession.HashMismatch.selector, es.hashesAndChainIds[0].sessionDigest, fresh)
        );
        vm.assertFalse(smartSession.isPermissionEnabled(pid, address(account)), "still disabled");
    }

    function test_removeSessionKeepsNonceSoOldSignatureStaysDead() public {
        EnableSession memory es = _enableData(SmartSessionMode.ENABLE);
        _validate(_enableOp(SmartSessionMode.ENABLE, es));
        vm.prank(address(account));
        smartSession.removeSession(pid);
        vm.assertEq(smartSession.getNonce(pid, address(account)), 1, "nonce kept");
        vm.expectRevert();
        vm.prank(address(account));
        smartSession.validateUserOp(_enableOp(SmartSessionMode.ENABLE, es), USER_OP_HASH);
    }

    function test_revert_chainIdMismatch() public {
        EnableSession memory es = _enableData(SmartSessionMode.ENABLE);
        es.hashesAndChainIds[0].chainId = 999;
        _validateReverts(
            _enableOp(SmartSessionMode.ENABLE, es),
            abi.encodeWithSelector(ISmartSession.ChainIdMismatch.selector, uint64(999))
        );
    }

    function test_revert_hashMismatch() public {
        EnableSession memory es = _enableData(SmartSessionMode.ENABLE);
        bytes32 computed = es.hashesAndChainIds[0].sessionDigest;
        es.hashesAndChainIds[0].sessionDigest = keccak256("wrong");
        _validateReverts(
            _enableOp(SmartSessionMode.ENABLE, es),
            abi.encodeWithSelector(ISmartSession.HashMismatch.selector, keccak256("wrong"), computed)
        );
    }

    function test_revert_invalidEnableSignature() public {
        EnableSession memory es = _enableData(SmartSessionMode.ENABLE);
        (, uint256 otherPk) = makeKey("not-the-owner");
        bytes32 digest = HashLib.multichainDigest(es.hashesAndChainIds);
        es.permissionEnableSig = _sign(otherPk, digest);
        _validateReverts(
            _enableOp(SmartSessionMode.ENABLE, es),
            abi.encodeWithSelector(ISmartSession.InvalidEnableSignature.selector, address(account), digest)
        );
    }

    function test_revert_chainDigestIndexOutOfRange() public {
        EnableSession memory es = _enableData(SmartSessionMode.ENABLE);
        es.chainDigestIndex = 1;
        _validateReverts(_enableOp(SmartSessionMode.ENABLE, es), abi.encodeWithSignature("Panic(uint256)", 0x32));
    }

    function test_unsafeEnableDigestDiffers() public {
        bytes32 enableDigest =
            smartSession.getSessionDigest(pid, address(account), _theSession(), SmartSessionMode.ENABLE);
        bytes32 unsafeDigest =
            smartSession.getSessionDigest(pid, address(account), _theSession(), SmartSessionMode.UNSAFE_ENABLE);
        vm.assertNotEq(enableDigest, unsafeDigest, "digests differ");

        // an ENABLE signature is not accepted in UNSAFE_ENABLE mode
        _validateReverts(
            _enableOp(SmartSessionMode.UNSAFE_ENABLE, _enableData(SmartSessionMode.ENABLE)),
            abi.encodeWithSelector(ISmartSession.HashMismatch.selector, enableDigest, unsafeDigest)
        );
        // the matching UNSAFE_ENABLE signature is
        vm.assertEq(
            _validate(_enableOp(SmartSessionMode.UNSAFE_ENABLE, _enableData(SmartSessionMode.UNSAFE_ENABLE))),
            VALID_NO_BOUNDS,
            "UNSAFE_ENABLE"
        );
    }

    function test_enableModeDoesNotEmitSessionCreated() public {
        vm.recordLogs();
        _validate(_enableOp(SmartSessionMode.ENABLE, _enableData(SmartSessionMode.ENABLE)));
        bytes32 topic = keccak256("SessionCreated(bytes32,address)");
        bytes32 enabledTopic = keccak256("SessionValidatorEnabled(bytes32,address,address)");
        bool sawValidator;
        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 i; i < logs.length; ++i) {
            vm.assertNotEq(logs[i].topics[0], topic, "no SessionCreated in ENABLE mode");
            if (logs[i].topics[0] == enabledTopic) sawValidator = true;
        }
        vm.assertTrue(sawValidator, "SessionValidatorEnabled emitted");
    }

    /// @dev Sign once over two chains; chain A enables with index 0, chain B with index 1.
    function test_multichainSignOnceEnableOnTwoChains() public {
        uint64 chainA = 10;
        uint64 chainB = 8453;
        // the per-chain digest binds account, module and nonce (both 0 here), not the chain id
        bytes32 d = smartSession.getSessionDigest(pid, address(account), _theSession(), SmartSessionMode.ENABLE);
        EnableSession memory es;
        es.hashesAndChainIds = new ChainDigest[](2);
        es.hashesAndChainIds[0] = ChainDigest(chainA, d);
        es.hashesAndChainIds[1] = ChainDigest(chainB, d);
        es.sessionToEnable = _theSession();
        es.permissionEnableSig = _sign(ownerKey, HashLib.multichainDigest(es.hashesAndChainIds));

        uint256 snap = vm.snapshotState();
        vm.chainId(chainA);
        es.chainDigestIndex = 0;
        vm.assertEq(_validate(_enableOp(SmartSessionMode.ENABLE, es)), VALID_NO_BOUNDS, "chain A");
        vm.assertTrue(smartSession.isPermissionEnabled(pid, address(account)), "enabled on A");

        vm.revertToState(snap);
        vm.chainId(chainB);
        // the wrong entry for this chain is refused
        es.chainDigestIndex = 0;
        _validateReverts(
            _enableOp(SmartSessionMode.ENABLE, es),
            abi.encodeWithSelector(ISmartSession.ChainIdMismatch.selector, chainA)
        );
        es.chainDigestIndex = 1;
        vm.assertEq(_validate(_enableOp(SmartSessionMode.ENABLE, es)), VALID_NO_BOUNDS, "chain B");
        vm.assertTrue(smartSession.isPermissionEnabled(pid, address(account)), "enabled on B");
    }

    function test_reEnableReinitializesPolicies() public {
        _validate(_enableOp(SmartSessionMode.ENABLE, _enableData(SmartSessionMode.ENABLE)));
        vm.assertEq(policyA.initCount(), 1, "first init");
        _validate(_enableOp(SmartSessionMode.ENABLE, _enableData(SmartSessionMode.ENABLE)));
        vm.assertEq(policyA.initCount(), 2, "re-initialized");
        vm.assertEq(smartSession.getNonce(pid, address(account)), 2, "nonce 2");
        vm.assertEq(smartSession.getPermissionIDs(address(account)).length, 1, "one permission");
    }
}
