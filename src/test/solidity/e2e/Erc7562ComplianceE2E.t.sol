// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {E2EBase} from "./E2EBase.sol";
import {Vm} from "../utils/Vm.sol";
import {Erc7562Rules} from "../utils/Erc7562Rules.sol";
import {UserOpBuilder} from "../utils/UserOpBuilder.sol";
import {ClockReadingPolicy} from "./fixtures/ClockReadingPolicy.sol";
import {GlobalCounterPolicy} from "./fixtures/GlobalCounterPolicy.sol";
import {IAccount, PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {
    ActionConfig, ParamRule, ParamCondition, LimitUsage
} from "../../../main/solidity/policies/UniActionPolicy.sol";
import {IUserOpPolicy, IActionPolicy} from "../../../main/solidity/smartsession/interfaces/IPolicy.sol";
import "../../../main/solidity/smartsession/DataTypes.sol";

/// @dev ERC-7562 compliance, mechanically: every policy's validation is traced opcode by opcode (forge debug trace)
///      and checked by {Erc7562Rules} — alone, and through LatchkeyAccount → SmartSession in USE and ENABLE mode,
///      one session per policy and one template-shaped session holding several. Two deliberately non-compliant
///      policies show the check fails (OP-011 clock read, STO-021 global storage).
///      Runs in its own forge invocation (pom: forge-test-erc7562): the debug trace needs `-vvv`, and a traced
///      ENABLE-mode validation needs more than the default 2^30 test gas (`--gas-limit`).
contract Erc7562ComplianceE2E is E2EBase {
    uint256 internal constant POLICIES = 10;

    ClockReadingPolicy internal clock;
    GlobalCounterPolicy internal global;

    function setUp() public override {
        super.setUp();
        _deployAccount();
        clock = new ClockReadingPolicy();
        global = new GlobalCounterPolicy();
    }

    // ---- sessions -------------------------------------------------------------------------------------------------

    /// @dev Session `i` holds policy `i` (on usdc.transfer, or as the userOp policy with a Sudo action), and the
    ///      callData that policy passes with; `name` for messages.
    function _case(uint256 i, bytes32 salt) internal view returns (Session memory s, bytes memory callData, string memory name) {
        s = _ecdsaSession(sessionKey, salt);
        s.actions = _act(address(usdc), TRANSFER, _pol(address(sudo), ""));
        callData = _usdcTransfer(recipient, 1e6);
        if (i == 0) {
            name = "Sudo";
        } else if (i == 1) {
            ActionConfig memory cfg;
            cfg.paramRules.length = 2;
            cfg.paramRules.rules[0] =
                ParamRule(ParamCondition.EQUAL, 0, false, bytes32(uint256(uint160(recipient))), LimitUsage(0, 0));
            cfg.paramRules.rules[1] =
                ParamRule(ParamCondition.LESS_THAN_OR_EQUAL, 32, true, bytes32(uint256(50e6)), LimitUsage(80e6, 0));
            s.actions = _act(address(usdc), TRANSFER, _pol(address(uniAction), abi.encode(cfg)));
            name = "UniAction";
        } else if (i == 2) {
            s.actions = _act(address(usdc), TRANSFER, _pol(address(erc20Limit), abi.encode(_addrs(address(usdc)), _uints(25e6))));
            name = "ERC20SpendingLimit";
        } else if (i == 3) {
            s.userOpPolicies = _pol(address(timeFrame), abi.encodePacked(uint48(block.timestamp + 1 days), uint48(block.timestamp - 1)));
            name = "TimeFrame";
        } else if (i == 4) {
            s.userOpPolicies = _pol(address(usageLimit), abi.encodePacked(uint128(2)));
            name = "UsageLimit";
        } else if (i == 5) {
            s.userOpPolicies = _pol(address(valueLimit), abi.encode(uint256(1 ether)));
            name = "ValueLimit";
        } else if (i == 6) {
            s.actions = _act(
                address(usdc), TRANSFER, _pol(address(periodic), abi.encode(_addrs(address(usdc)), _uints(100e6), uint48(1 days)))
            );
            callData = _claimedCall(1e6);
            name = "PeriodicSpendingLimit";
        } else if (i == 7) {
            s.userOpPolicies = _pol(address(rateLimit), abi.encodePacked(uint32(2), uint48(1 hours)));
            callData = _modeClaimed(_usdcTransfer(recipient, 1e6));
            name = "RateLimit";
        } else if (i == 8) {
            s.userOpPolicies = _pol(address(gasCost), abi.encode(uint256(1 ether)));
            name = "GasCostLimit";
        } else {
            s.userOpPolicies = _pol(address(deadline), "");
            callData = _withDeadline(_usdcTransfer(recipient, 1e6));
            name = "OperationDeadline";
        }
    }

    /// @dev usdc.transfer with the 6-byte time claim the periodic policy reads (the signer's WindowClaims).
    function _claimedCall(uint256 amount) internal view returns (bytes memory) {
        bytes memory call = abi.encodePacked(abi.encodeWithSelector(TRANSFER, recipient, amount), uint48(block.timestamp));
        return UserOpBuilder.executeSingle(address(usdc), 0, call);
    }

    /// @dev `executeCallData` with the time claim in the low 6 bytes of its mode word (RateLimit's userOp check).
    function _modeClaimed(bytes memory executeCallData) internal view returns (bytes memory out) {
        out = executeCallData;
        uint256 claim = block.timestamp;
        for (uint256 k; k < 6; ++k) {
            out[35 - k] = bytes1(uint8(claim >> (8 * k)));
        }
    }

    /// @dev `executeCallData` with a deadline 10 minutes ahead in bytes 20..25 of its mode word (OperationDeadline).
    function _withDeadline(bytes memory executeCallData) internal view returns (bytes memory out) {
        out = executeCallData;
        uint256 until = block.timestamp + 10 minutes;
        for (uint256 k; k < 6; ++k) {
            out[29 - k] = bytes1(uint8(until >> (8 * k)));
        }
    }

    /// @dev The swap template's shape: TimeFrame + UsageLimit + GasCostLimit + RateLimit on the op, UniAction +
    ///      PeriodicSpendingLimit + ERC20SpendingLimit on usdc.transfer.
    function _templateShaped(bytes32 salt) internal view returns (Session memory s, bytes memory callData) {
        s = _ecdsaSession(sessionKey, salt);
        PolicyData[] memory ups = new PolicyData[](5);
        ups[0] = PolicyData(address(timeFrame), abi.encodePacked(uint48(block.timestamp + 7 days), uint48(block.timestamp - 1)));
        ups[1] = PolicyData(address(usageLimit), abi.encodePacked(uint128(50)));
        ups[2] = PolicyData(address(gasCost), abi.encode(uint256(1 ether)));
        ups[3] = PolicyData(address(rateLimit), abi.encodePacked(uint32(5), uint48(1 hours)));
        ups[4] = PolicyData(address(deadline), "");
        s.userOpPolicies = ups;
        ActionConfig memory cfg;
        cfg.paramRules.length = 1;
        cfg.paramRules.rules[0] =
            ParamRule(ParamCondition.LESS_THAN_OR_EQUAL, 32, true, bytes32(uint256(50e6)), LimitUsage(80e6, 0));
        PolicyData[] memory ps = new PolicyData[](3);
        ps[0] = PolicyData(address(uniAction), abi.encode(cfg));
        ps[1] = PolicyData(address(periodic), abi.encode(_addrs(address(usdc)), _uints(100e6), uint48(1 days)));
        ps[2] = PolicyData(address(erc20Limit), abi.encode(_addrs(address(usdc)), _uints(25e6)));
        s.actions = _act(address(usdc), TRANSFER, ps);
        callData = _withDeadline(_modeClaimed(_claimedCall(1e6)));
    }

    // ---- tracing ----------------------------------------------------------------------------------------------------

    /// @dev account.validateUserOp as the EntryPoint calls it, traced; the validation data and the violations.
    function _validate(PackedUserOperation memory op) internal returns (uint256 vd, Erc7562Rules.Violation[] memory v) {
        bytes32 h = _hash(op);
        vm.startDebugTraceRecording();
        vm.prank(address(ep));
        vd = IAccount(account).validateUserOp(op, h, 0);
        Vm.DebugStep[] memory steps = vm.stopAndReturnDebugTraceRecording();
        v = Erc7562Rules.check(steps, account, account, address(ep));
    }

    function _assertCompliant(PackedUserOperation memory op, string memory what) internal {
        (uint256 vd, Erc7562Rules.Violation[] memory v) = _validate(op);
        vm.assertEq(vd & ((1 << 160) - 1), 0, string.concat(what, ": validation succeeds"));
        vm.assertEq(v.length, 0, string.concat(what, ": ", Erc7562Rules.describe(v)));
    }

    // ---- compliant ---------------------------------------------------------------------------------------------------

    // One trace per test: a trace is large, and memory is never freed within a test.

    function _use(uint256 i) internal {
        (Session memory s, bytes memory callData, string memory name) = _case(i, bytes32(i + 1));
        PermissionId pid = _enableViaOwner(s);
        _assertCompliant(_useOp(pid, callData, sessionKeyPk), string.concat(name, " (USE)"));
    }

    function _enable(uint256 i) internal {
        (Session memory s, bytes memory callData, string memory name) = _case(i, bytes32(i + 100));
        _assertCompliant(_enableOp("", _signEnableHere(s), callData, sessionKeyPk), string.concat(name, " (ENABLE)"));
    }

    function test_use_Sudo() public {
        _use(0);
    }

    function test_enable_Sudo() public {
        _enable(0);
    }

    function test_use_UniAction() public {
        _use(1);
    }

    function test_enable_UniAction() public {
        _enable(1);
    }

    function test_use_Erc20SpendingLimit() public {
        _use(2);
    }

    function test_enable_Erc20SpendingLimit() public {
        _enable(2);
    }

    function test_use_TimeFrame() public {
        _use(3);
    }

    function test_enable_TimeFrame() public {
        _enable(3);
    }

    function test_use_UsageLimit() public {
        _use(4);
    }

    function test_enable_UsageLimit() public {
        _enable(4);
    }

    function test_use_ValueLimit() public {
        _use(5);
    }

    function test_enable_ValueLimit() public {
        _enable(5);
    }

    function test_use_PeriodicSpendingLimit() public {
        _use(6);
    }

    function test_enable_PeriodicSpendingLimit() public {
        _enable(6);
    }

    function test_use_RateLimit() public {
        _use(7);
    }

    function test_enable_RateLimit() public {
        _enable(7);
    }

    function test_use_GasCostLimit() public {
        _use(8);
    }

    function test_enable_GasCostLimit() public {
        _enable(8);
    }

    function test_use_OperationDeadline() public {
        _use(9);
    }

    function test_enable_OperationDeadline() public {
        _enable(9);
    }

    function test_templateShapedSession_enable() public {
        (Session memory s, bytes memory callData) = _templateShaped("template");
        _assertCompliant(_enableOp("", _signEnableHere(s), callData, sessionKeyPk), "template session (ENABLE)");
    }

    function test_templateShapedSession_use() public {
        (Session memory s, bytes memory callData) = _templateShaped("template");
        // The first op enables it (four userOp and three action policies to initialise: more verification gas).
        PackedUserOperation memory enable = _sessionOp("", callData);
        enable.accountGasLimits = UserOpBuilder.packGasLimits(4_000_000, 300_000);
        enable.signature = _enableSig(_signEnableHere(s), UserOpBuilder.signRaw(sessionKeyPk, _hash(enable)));
        _handle(enable);
        _assertCompliant(_useOp(_pid(s), _withDeadline(_modeClaimed(_claimedCall(2e6))), sessionKeyPk), "template session (USE)");
    }

    function test_everyPolicy_alone() public {
        address mux = address(smartSession);
        for (uint256 i; i < POLICIES; ++i) {
            (Session memory s, bytes memory callData, string memory name) = _case(i, bytes32(i + 200));
            PolicyData memory p = s.userOpPolicies.length != 0 ? s.userOpPolicies[0] : s.actions[0].actionPolicies[0];
            ConfigId id = ConfigId.wrap(keccak256(abi.encode("alone", i)));
            vm.prank(mux);
            IActionPolicy(p.policy).initializeWithMultiplexer(account, id, p.initData);
            PackedUserOperation memory op = _sessionOp("", callData);
            vm.startDebugTraceRecording();
            vm.prank(mux);
            uint256 vd = s.userOpPolicies.length != 0
                ? IUserOpPolicy(p.policy).checkUserOpPolicy(id, op)
                : IActionPolicy(p.policy).checkAction(id, account, address(usdc), 0, _innerCall(callData));
            Vm.DebugStep[] memory steps = vm.stopAndReturnDebugTraceRecording();
            Erc7562Rules.Violation[] memory v = Erc7562Rules.check(steps, p.policy, account, address(ep));
            vm.assertEq(vd & ((1 << 160) - 1), 0, string.concat(name, " alone: passes"));
            vm.assertEq(v.length, 0, string.concat(name, " alone: ", Erc7562Rules.describe(v)));
        }
    }

    /// @dev The inner call of an execute(single) callData: bytes after target (20) and value (32).
    function _innerCall(bytes memory executeSingle) internal pure returns (bytes memory out) {
        uint256 len;
        assembly ("memory-safe") {
            len := mload(add(executeSingle, 100))
        }
        out = new bytes(len - 52);
        for (uint256 k; k < out.length; ++k) {
            out[k] = executeSingle[100 + 52 + k];
        }
    }

    // ---- the check can fail -------------------------------------------------------------------------------------

    function test_clockReadingPolicy_failsOp011() public {
        Session memory s = _ecdsaSession(sessionKey, "clock");
        s.actions = _act(address(usdc), TRANSFER, _pol(address(clock), ""));
        PermissionId pid = _enableViaOwner(s);
        (uint256 vd, Erc7562Rules.Violation[] memory v) = _validate(_useOp(pid, _usdcTransfer(recipient, 1e6), sessionKeyPk));
        vm.assertEq(vd & ((1 << 160) - 1), 0, "the op itself validates");
        vm.assertEq(v.length, 1, "exactly one violation");
        vm.assertEq(v[0].rule, "OP-011 banned opcode", "rule");
        vm.assertEq(uint256(v[0].opcode), 0x42, "TIMESTAMP");
        vm.assertEq(v[0].context, address(clock), "in the policy");
    }

    function test_clockReadingPolicy_failsInEnableModeToo() public {
        Session memory s = _ecdsaSession(sessionKey, "clock-enable");
        s.actions = _act(address(usdc), TRANSFER, _pol(address(clock), ""));
        (, Erc7562Rules.Violation[] memory v) =
            _validate(_enableOp("", _signEnableHere(s), _usdcTransfer(recipient, 1e6), sessionKeyPk));
        vm.assertEq(v.length, 1, "exactly one violation");
        vm.assertEq(uint256(v[0].opcode), 0x42, "TIMESTAMP");
        vm.assertEq(v[0].context, address(clock), "in the policy");
    }

    function test_globalCounterPolicy_failsSto021() public {
        Session memory s = _ecdsaSession(sessionKey, "global");
        s.actions = _act(address(usdc), TRANSFER, _pol(address(global), ""));
        PermissionId pid = _enableViaOwner(s);
        (, Erc7562Rules.Violation[] memory v) = _validate(_useOp(pid, _usdcTransfer(recipient, 1e6), sessionKeyPk));
        vm.assertEq(v.length, 2, "the SLOAD and the SSTORE of the counter");
        vm.assertEq(v[0].rule, "STO-021 storage not associated with the sender", "rule");
        vm.assertEq(v[0].context, address(global), "in the policy");
        vm.assertEq(v[0].slot, 0, "slot 0: checks");
        vm.assertEq(uint256(v[1].opcode), 0x55, "SSTORE");
    }
}
