// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {Execution, IERC7579ModuleConfig} from "@openzeppelin/contracts/interfaces/draft-IERC7579.sol";
import {SmartSessionTestBase} from "./SmartSessionTestBase.sol";
import {ISmartSession} from "../../../main/solidity/smartsession/interfaces/ISmartSession.sol";
import {ExecutionLib} from "../../../main/solidity/smartsession/lib/ExecutionLib.sol";
import {IdLib} from "../../../main/solidity/smartsession/lib/IdLib.sol";
import {EncodeLib} from "../../../main/solidity/smartsession/lib/EncodeLib.sol";
import {ConfigurablePolicyFixture} from "./fixtures/PolicyFixtures.sol";
import "../../../main/solidity/smartsession/DataTypes.sol";

/// @dev USE mode: every rule and revert of spec §2.5.
contract EnforcementTest is SmartSessionTestBase {
    PermissionId internal pid;

    function setUp() public override {
        super.setUp();
        pid = _enable(_session(bytes32(0)));
    }

    function _op(bytes memory callData) internal view returns (PackedUserOperation memory) {
        return _userOp(callData, _useSig(pid));
    }

    function _enableWith(ActionData[] memory actions, bytes32 salt) internal returns (PermissionId) {
        Session memory s = _session(salt);
        s.actions = actions;
        return _enable(s);
    }

    // ---- happy path --------------------------------------------------------------------------------------------

    function test_singleExecutionPasses() public {
        vm.assertEq(_validate(_op(_transferCall())), VALID_NO_BOUNDS, "valid, no time bounds");
        vm.assertEq(policyA.actionChecks(), 1, "action policy ran once");
        vm.assertEq(policyA.lastTarget(), TARGET, "target");
        vm.assertEq(policyA.lastAccount(), address(account), "account");
        ActionId aid = IdLib.toActionId(TARGET, TRANSFER_SELECTOR);
        vm.assertEq(
            ConfigId.unwrap(policyA.lastConfigId()),
            ConfigId.unwrap(IdLib.actionConfigId(address(account), pid, aid)),
            "configId"
        );
        vm.assertEq(
            policyA.lastData(), abi.encodeWithSelector(TRANSFER_SELECTOR, address(0xCAFE), 1 ether), "call data"
        );
    }

    function test_badSessionSignatureReturnsOne() public {
        (, uint256 otherPk) = makeKey("intruder");
        PackedUserOperation memory op = _userOp(_transferCall(), EncodeLib.encodeUse(pid, _sign(otherPk, USER_OP_HASH)));
        vm.assertEq(_validate(op), 1, "SIG_VALIDATION_FAILED");
    }

    function test_signatureIsOverRawUserOpHash() public {
        PackedUserOperation memory op = _userOp(
            _transferCall(),
            EncodeLib.encodeUse(
                pid, _sign(sessionKeyPk, keccak256(abi.encodePacked("\x19Ethereum Signed Message:\n32", USER_OP_HASH)))
            )
        );
        vm.assertEq(_validate(op), 1, "personal_sign hash is not accepted by the raw-hash fixture");
    }

    function test_timeBoundsAreIntersected() public {
        Session memory s = _session(bytes32(uint256(1)));
        s.userOpPolicies = _policies(address(policyB));
        PermissionId p = _enable(s);
        policyB.setResult((uint256(100) << 208) | (uint256(5000) << 160));
        policyA.setResult((uint256(200) << 208) | (uint256(9000) << 160));
        uint256 vd = _validate(_userOp(_transferCall(), _useSig(p)));
        vm.assertEq(vd, (uint256(200) << 208) | (uint256(5000) << 160), "intersection");
    }

    // ---- reverts -----------------------------------------------------------------------------------------------

    function test_revert_invalidUserOpSender() public {
        PackedUserOperation memory op = _op(_transferCall());
        op.sender = address(0x1234);
        _validateReverts(op, abi.encodeWithSelector(ISmartSession.InvalidUserOpSender.selector, address(0x1234)));
    }

    function test_revert_invalidPermissionId() public {
        PermissionId unknown = PermissionId.wrap(keccak256("unknown"));
        PackedUserOperation memory op = _userOp(_transferCall(), _useSig(unknown));
        _validateReverts(op, abi.encodeWithSelector(ISmartSession.InvalidPermissionId.selector, unknown));
    }

    function test_revert_paymasterNotEnabled() public {
        PackedUserOperation memory op = _op(_transferCall());
        op.paymasterAndData = abi.encodePacked(address(0x9A), uint128(1), uint128(1));
        _validateReverts(op, abi.encodeWithSelector(ISmartSession.PaymasterValidationNotEnabled.selector, pid));
    }

    function test_revert_paymasterNeedsUserOpPolicy() public {
        vm.prank(address(account));
        smartSession.setPermit4337Paymaster(pid, true);
        PackedUserOperation memory op = _op(_transferCall());
        op.paymasterAndData = abi.encodePacked(address(0x9A), uint128(1), uint128(1));
        _validateReverts(op, abi.encodeWithSelector(ISmartSession.NoPoliciesSet.selector, pid));

        vm.prank(address(account));
        smartSession.enableUserOpPolicies(pid, _policies(address(policyB)));
        vm.assertEq(_validate(op), VALID_NO_BOUNDS, "paymaster with a userOp policy");
        vm.assertEq(policyB.userOpChecks(), 1, "userOp policy ran");
    }

    function test_revert_policyCheckReverted() public {
        policyA.setRevert(true, abi.encode(bytes32(uint256(0x1234)), uint256(5)));
        _validateReverts(
            _op(_transferCall()),
            abi.encodeWithSelector(ISmartSession.PolicyCheckReverted.selector, bytes32(uint256(0x1234)))
        );
        // short revert data is left-aligned and zero padded
        policyA.setRevert(true, hex"deadbeef");
        _validateReverts(
            _op(_transferCall()),
            abi.encodeWithSelector(ISmartSession.PolicyCheckReverted.selector, bytes32(bytes4(0xdeadbeef)))
        );
    }

    function test_revert_policyViolation() public {
        policyA.setResult(1);
        _validateReverts(
            _op(_transferCall()), abi.encodeWithSelector(ISmartSession.PolicyViolation.selector, pid, address(policyA))
        );
        // an aggregator address is a violation as well
        policyA.setResult(uint256(uint160(address(0xA66))));
        _validateReverts(
            _op(_transferCall()), abi.encodeWithSelector(ISmartSession.PolicyViolation.selector, pid, address(policyA))
        );
    }

    function test_revert_userOpPolicyViolation() public {
        vm.prank(address(account));
        smartSession.enableUserOpPolicies(pid, _policies(address(policyB)));
        policyB.setResult(1);
        _validateReverts(
            _op(_transferCall()), abi.encodeWithSelector(ISmartSession.PolicyViolation.selector, pid, address(policyB))
        );
    }

    function test_revert_execTypeTry() public {
        bytes memory callData =
            _execMode(bytes32(uint256(1) << 240), abi.encodePacked(TARGET, uint256(0), TRANSFER_SELECTOR));
        _validateReverts(_op(callData), abi.encodeWithSelector(ISmartSession.UnsupportedExecutionType.selector));
    }

    function test_revert_executeUserOp() public {
        bytes memory callData = abi.encodeWithSelector(bytes4(0x8dd7712f), _transferCall());
        _validateReverts(_op(callData), abi.encodeWithSelector(ISmartSession.UnsupportedExecutionType.selector));
    }

    function test_revert_unsupportedCallTypes() public {
        bytes memory exec = abi.encodePacked(TARGET, uint256(0), TRANSFER_SELECTOR);
        _validateReverts(
            _op(_execMode(bytes32(uint256(0xfe) << 248), exec)),
            abi.encodeWithSelector(ISmartSession.UnsupportedCallType.selector, bytes1(0xfe))
        );
        _validateReverts(
            _op(_execMode(bytes32(uint256(0xff) << 248), exec)),
            abi.encodeWithSelector(ISmartSession.UnsupportedCallType.selector, bytes1(0xff))
        );
    }

    function test_revert_invalidSelfCall() public {
        bytes memory inner = _transferCall();
        _validateReverts(
            _op(_execSingle(address(account), 0, inner)), abi.encodeWithSelector(ISmartSession.InvalidSelfCall.selector)
        );
    }

    function test_revert_invalidTarget() public {
        _validateReverts(
            _op(_execSingle(address(1), 0, hex"00000001")), abi.encodeWithSelector(ISmartSession.InvalidTarget.selector)
        );
    }

    function test_revert_emptyBatch() public {
        _validateReverts(
            _op(_execBatch(new Execution[](0))), abi.encodeWithSelector(ISmartSession.NoExecutionsInBatch.selector)
        );
    }

    function test_revert_malformedBatch() public {
        bytes memory callData =
            _execMode(bytes32(uint256(1) << 248), abi.encode(uint256(0x20), uint256(1), uint256(0x20)));
        _validateReverts(_op(callData), abi.encodeWithSelector(ExecutionLib.DecodingError.selector));
    }

    function test_revert_malformedSingle() public {
        _validateReverts(
            _op(_execMode(bytes32(0), abi.encodePacked(TARGET))),
            abi.encodeWithSelector(ExecutionLib.DecodingError.selector)
        );
    }

    function test_revert_malformedExecuteCallData() public {
        bytes memory callData = abi.encodePacked(bytes4(0xe9ae5c53), bytes32(0), uint256(0x40), uint256(1000));
        _validateReverts(_op(callData), abi.encodeWithSelector(ExecutionLib.DecodingError.selector));
    }

    function test_revert_noActionPolicies() public {
        _validateReverts(
            _op(_execSingle(address(0xD00D), 0, hex"12345678")),
            abi.encodeWithSelector(ISmartSession.NoPoliciesSet.selector, pid)
        );
    }

    function test_revert_signerNotFound() public {
        // a permission without validator cannot be produced through the API; clear the slot directly
        // ($sessionValidators is slot 9: conf = keccak(account ‖ keccak(pid ‖ 9)), validator at +0)
        bytes32 inner = keccak256(abi.encode(PermissionId.unwrap(pid), uint256(9)));
        bytes32 slot = keccak256(abi.encode(address(account), inner));
        vm.assertEq(address(uint160(uint256(vm.load(address(smartSession), slot)))), address(validator), "slot");
        vm.store(address(smartSession), slot, bytes32(0));
        _validateReverts(
            _op(_transferCall()), abi.encodeWithSelector(ISmartSession.SignerNotFound.selector, pid, address(account))
        );
    }

    function test_revert_modeOutOfRange() public {
        PackedUserOperation memory op = _op(_transferCall());
        op.signature[0] = 0x03;
        _validateReverts(op, abi.encodeWithSignature("Panic(uint256)", 0x21));
    }

    // ---- batches -----------------------------------------------------------------------------------------------

    function test_batchChecksEveryExecution() public {
        Execution[] memory es = new Execution[](2);
        es[0] = Execution(TARGET, 0, abi.encodeWithSelector(TRANSFER_SELECTOR, address(1), 1));
        es[1] = Execution(TARGET, 0, abi.encodeWithSelector(TRANSFER_SELECTOR, address(2), 2));
        vm.assertEq(_validate(_op(_execBatch(es))), VALID_NO_BOUNDS, "batch passes");
        vm.assertEq(policyA.actionChecks(), 2, "one check per execution");

        es[1] = Execution(address(0xD00D), 0, hex"12345678");
        _validateReverts(_op(_execBatch(es)), abi.encodeWithSelector(ISmartSession.NoPoliciesSet.selector, pid));
    }

    // ---- fallback and admin access ------------------------------------------------------------------------------

    function test_fallbackActionCoversUnknownCalls() public {
        ActionData[] memory actions = new ActionData[](2);
        actions[0] = _action(TARGET, TRANSFER_SELECTOR, address(policyA));
        actions[1] = _action(FALLBACK_TARGET_FLAG, FALLBACK_TARGET_SELECTOR_FLAG, address(policyB));
        PermissionId p = _enableWith(actions, bytes32(uint256(2)));

        vm.assertEq(_validate(_userOp(_execSingle(address(0xD00D), 3, hex"12345678"), _useSig(p))), VALID_NO_BOUNDS, "");
        vm.assertEq(policyB.actionChecks(), 1, "fallback policy ran");
        vm.assertEq(policyB.lastTarget(), address(0xD00D), "real target passed to the fallback policy");
        vm.assertEq(policyB.lastValue(), 3, "value");
        vm.assertEq(
            ConfigId.unwrap(policyB.lastConfigId()),
            ConfigId.unwrap(IdLib.actionConfigId(address(account), p, FALLBACK_ACTIONID)),
            "fallback configId"
        );

        // a call with its own policies does not use the fallback
        _validate(_userOp(_transferCall(), _useSig(p)));
        vm.assertEq(policyA.actionChecks(), 1, "specific policy ran");
        vm.assertEq(policyB.actionChecks(), 1, "fallback not used");
    }

    function test_actionWithoutPoliciesFallsBack() public {
        ActionData[] memory actions = new ActionData[](2);
        actions[0] = ActionData(TRANSFER_SELECTOR, TARGET, new PolicyData[](0));
        actions[1] = _action(FALLBACK_TARGET_FLAG, FALLBACK_TARGET_SELECTOR_FLAG, address(policyB));
        PermissionId p = _enableWith(actions, bytes32(uint256(3)));
        vm.assertTrue(
            smartSession.isActionIdEnabled(address(account), p, IdLib.toActionId(TARGET, TRANSFER_SELECTOR)), "recorded"
        );
        _validate(_userOp(_transferCall(), _useSig(p)));
        vm.assertEq(policyB.actionChecks(), 1, "fallback used for an action with 0 policies");
    }

    function test_valueTransferUsesValueSelector() public {
        ActionData[] memory actions = new ActionData[](1);
        actions[0] = _action(TARGET, VALUE_SELECTOR, address(policyB));
        PermissionId p = _enableWith(actions, bytes32(uint256(4)));
        vm.assertEq(_validate(_userOp(_execSingle(TARGET, 1 ether, hex"aabb"), _useSig(p))), VALID_NO_BOUNDS, "");
        vm.assertEq(policyB.lastValue(), 1 ether, "value");
    }

    function test_smartSessionTargetNeedsAdminAccess() public {
        bytes memory adminCall =
            _execSingle(address(smartSession), 0, abi.encodeCall(ISmartSession.revokeEnableSignature, (pid)));
        // the generic fallback does not cover SmartSession itself
        ActionData[] memory actions = new ActionData[](1);
        actions[0] = _action(FALLBACK_TARGET_FLAG, FALLBACK_TARGET_SELECTOR_FLAG, address(policyB));
        PermissionId p = _enableWith(actions, bytes32(uint256(5)));
        _validateReverts(
            _userOp(adminCall, _useSig(p)), abi.encodeWithSelector(ISmartSession.NoPoliciesSet.selector, p)
        );

        // an action targeting SmartSession directly cannot be created
        actions[0] = _action(address(smartSession), ISmartSession.revokeEnableSignature.selector, address(policyB));
        vm.expectRevert(ISmartSession.InvalidActionId.selector);
        vm.prank(address(account));
        smartSession.enableActionPolicies(p, actions);

        // the admin-access action allows it
        actions[0] = _action(
            FALLBACK_TARGET_FLAG, FALLBACK_TARGET_SELECTOR_FLAG_PERMITTED_TO_CALL_SMARTSESSION, address(policyA)
        );
        vm.prank(address(account));
        smartSession.enableActionPolicies(p, actions);
        uint256 before = policyA.actionChecks();
        vm.assertEq(_validate(_userOp(adminCall, _useSig(p))), VALID_NO_BOUNDS, "admin access");
        vm.assertEq(policyA.actionChecks(), before + 1, "admin policy ran");
        vm.assertEq(policyA.lastTarget(), address(smartSession), "target is SmartSession");
        vm.assertEq(
            ConfigId.unwrap(policyA.lastConfigId()),
            ConfigId.unwrap(IdLib.actionConfigId(address(account), p, FALLBACK_ACTIONID_SMARTSESSION_CALL)),
            "admin configId"
        );
    }

    function test_nonExecuteSelectorUsesAccountActionWithoutFallback() public {
        bytes memory callData = abi.encodeCall(IERC7579ModuleConfig.installModule, (2, address(0x5), ""));
        ActionData[] memory actions = new ActionData[](1);
        actions[0] = _action(FALLBACK_TARGET_FLAG, FALLBACK_TARGET_SELECTOR_FLAG, address(policyB));
        PermissionId p = _enableWith(actions, bytes32(uint256(6)));
        _validateReverts(_userOp(callData, _useSig(p)), abi.encodeWithSelector(ISmartSession.NoPoliciesSet.selector, p));

        actions[0] = _action(address(account), IERC7579ModuleConfig.installModule.selector, address(policyA));
        vm.prank(address(account));
        smartSession.enableActionPolicies(p, actions);
        vm.assertEq(_validate(_userOp(callData, _useSig(p))), VALID_NO_BOUNDS, "account action");
        vm.assertEq(policyA.lastTarget(), address(account), "target = account");
        vm.assertEq(policyA.lastValue(), 0, "value 0");
        vm.assertEq(policyA.lastData(), callData, "whole userOp.callData");
    }

    // ---- batch decoding through the module ---------------------------------------------------------------------

    /// @dev Reference decoder for the fuzz test below.
    function refDecode(bytes memory data) external pure returns (Execution[] memory) {
        return abi.decode(data, (Execution[]));
    }

    /// @dev Mutated batches through validateUserOp (generic fallback allows every target): the module either
    ///      accepts exactly what abi.decode decodes (non-empty) or reverts with one of the documented errors.
    function testFuzz_batchThroughModule(uint8 n, uint256 wordIndex, uint256 newValue, bool mutate) public {
        ActionData[] memory actions = new ActionData[](1);
        actions[0] = _action(FALLBACK_TARGET_FLAG, FALLBACK_TARGET_SELECTOR_FLAG, address(policyB));
        PermissionId p = _enableWith(actions, bytes32(uint256(7)));

        Execution[] memory es = new Execution[](bound(n, 0, 3));
        for (uint256 i; i < es.length; ++i) {
            es[i] = Execution(address(uint160(0x1000 + i)), i, abi.encodePacked(bytes4(0x12345678), i));
        }
        bytes memory enc = abi.encode(es);
        if (mutate) {
            uint256 idx = wordIndex % (enc.length / 32);
            if (newValue & 1 == 0) newValue %= 0x200;
            assembly ("memory-safe") {
                mstore(add(add(enc, 0x20), shl(5, idx)), newValue)
            }
        }
        PackedUserOperation memory op = _userOp(_execMode(bytes32(uint256(1) << 248), enc), _useSig(p));
        vm.prank(address(account));
        try smartSession.validateUserOp(op, USER_OP_HASH) returns (uint256 vd) {
            vm.assertEq(vd, VALID_NO_BOUNDS, "valid");
            Execution[] memory decoded = this.refDecode(enc);
            vm.assertGt(decoded.length, 0, "non-empty");
            vm.assertEq(policyB.lastTarget(), decoded[decoded.length - 1].target, "last target checked");
        } catch (bytes memory err) {
            bytes4 sel = bytes4(err);
            vm.assertTrue(
                sel == ExecutionLib.DecodingError.selector || sel == ISmartSession.NoExecutionsInBatch.selector
                    || sel == ISmartSession.InvalidTarget.selector || sel == ISmartSession.InvalidSelfCall.selector
                    || sel == ISmartSession.NoPoliciesSet.selector,
                "unexpected revert"
            );
        }
    }
}
