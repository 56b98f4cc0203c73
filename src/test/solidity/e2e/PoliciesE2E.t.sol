// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {E2EBase} from "./E2EBase.sol";
import {UserOpBuilder} from "../utils/UserOpBuilder.sol";
import {UniActionStorage} from "../utils/UniActionStorage.sol";
import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {Execution} from "@openzeppelin/contracts/interfaces/draft-IERC7579.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {
    ActionConfig,
    ParamRules,
    ParamRule,
    ParamCondition,
    LimitUsage
} from "../../../main/solidity/policies/UniActionPolicy.sol";
import {ISmartSession} from "../../../main/solidity/smartsession/interfaces/ISmartSession.sol";
import "../../../main/solidity/smartsession/DataTypes.sol";

/// @dev Every policy through the real stack (EntryPoint v0.7 → LatchkeyAccount → SmartSession → policy), at least
///      one passing and one failing user operation each, with the policies' live getters checked after each step.
contract PoliciesE2E is E2EBase {
    address internal constant OTHER = address(0xBAD);

    function setUp() public override {
        super.setUp();
        _deployAccount();
    }

    /// @dev (usdc, transfer) guarded by `ps`, no userOp policies.
    function _usdcActionSession(bytes32 salt, PolicyData[] memory ps) internal view returns (Session memory s) {
        s = _ecdsaSession(sessionKey, salt);
        s.actions = _act(address(usdc), TRANSFER, ps);
    }

    /// @dev userOp policies `ups`, (usdc, transfer) guarded by Sudo.
    function _userOpSession(bytes32 salt, PolicyData[] memory ups) internal view returns (Session memory s) {
        s = _ecdsaSession(sessionKey, salt);
        s.userOpPolicies = ups;
        s.actions = _act(address(usdc), TRANSFER, _pol(address(sudo), ""));
    }

    function _use(PermissionId pid, uint256 amount) internal {
        _handle(_useOp(pid, _usdcTransfer(recipient, amount), sessionKeyPk));
    }

    /// @dev execute(single) of usdc.transfer whose call data ends with a claim of the current time (Periodic).
    function _claimedTransfer(uint256 amount) internal view returns (bytes memory) {
        bytes memory call = abi.encodePacked(abi.encodeWithSelector(TRANSFER, recipient, amount), uint48(block.timestamp));
        return UserOpBuilder.executeSingle(address(usdc), 0, call);
    }

    /// @dev execute(single) of usdc.transfer with a claim of the current time in the mode payload (RateLimit).
    function _modeClaimedTransfer(uint256 amount) internal view returns (bytes memory) {
        bytes memory exec = abi.encodePacked(address(usdc), uint256(0), abi.encodeWithSelector(TRANSFER, recipient, amount));
        return abi.encodeWithSelector(0xe9ae5c53, bytes32(uint256(uint48(block.timestamp))), exec);
    }

    // ---- Sudo ---------------------------------------------------------------------------------------------------

    function test_sudo() public {
        Session memory s = _ecdsaSession(sessionKey, "sudo");
        s.userOpPolicies = _pol(address(sudo), "");
        s.actions = _act(address(usdc), TRANSFER, _pol(address(sudo), ""));
        PermissionId pid = _enableViaOwner(s);
        _use(pid, 700e6);
        vm.assertEq(usdc.balanceOf(recipient), 700e6, "sudo lets any amount through");
        // Sudo never fails, but the session signature still must: another key → SIG_VALIDATION_FAILED (AA24)
        (, uint256 mallory) = makeKey("mallory");
        _expectFailedOp(_useOp(pid, _usdcTransfer(recipient, 1), mallory), "AA24 signature error");
        // and Sudo only covers the actions it is attached to
        _expectAA23(
            _useOp(pid, _transfer(address(dai), recipient, 1), sessionKeyPk),
            abi.encodeWithSelector(ISmartSession.NoPoliciesSet.selector, pid)
        );
    }

    // ---- UniAction: recipient == RECIPIENT, amount <= 50 per call, 80 cumulative ----------------------------------

    function test_uniAction() public {
        ActionConfig memory cfg;
        cfg.paramRules.length = 2;
        cfg.paramRules.rules[0] =
            ParamRule(ParamCondition.EQUAL, 0, false, bytes32(uint256(uint160(recipient))), LimitUsage(0, 0));
        cfg.paramRules.rules[1] =
            ParamRule(ParamCondition.LESS_THAN_OR_EQUAL, 32, true, bytes32(uint256(50e6)), LimitUsage(80e6, 0));
        PermissionId pid = _enableViaOwner(_usdcActionSession("uni", _pol(address(uniAction), abi.encode(cfg))));
        ConfigId id = _actionCfg(pid, address(usdc), TRANSFER);

        _use(pid, 30e6);
        uint256 used = UniActionStorage.ruleUsed(address(uniAction), id, address(smartSession), account, 1);
        uint256 limit = UniActionStorage.read(address(uniAction), id, address(smartSession), account).paramRules.rules[1].usage.limit;
        vm.assertEq(used, 30e6, "rule 1 used");
        vm.assertEq(limit, 80e6, "rule 1 limit");

        // wrong recipient
        _expectAA23(
            _useOp(pid, _usdcTransfer(OTHER, 1e6), sessionKeyPk), _policyViolation(pid, address(uniAction))
        );
        // above the per-call cap
        _expectAA23(
            _useOp(pid, _usdcTransfer(recipient, 50e6 + 1), sessionKeyPk), _policyViolation(pid, address(uniAction))
        );
        _use(pid, 50e6); // 80 cumulative: exactly the limit
        used = UniActionStorage.ruleUsed(address(uniAction), id, address(smartSession), account, 1);
        vm.assertEq(used, 80e6, "rule 1 used == limit");
        // over the cumulative limit
        _expectAA23(_useOp(pid, _usdcTransfer(recipient, 1), sessionKeyPk), _policyViolation(pid, address(uniAction)));
        vm.assertEq(usdc.balanceOf(recipient), 80e6, "recipient");
        vm.assertEq(usdc.balanceOf(OTHER), 0, "other");
    }

    // ---- ERC20SpendingLimit ----------------------------------------------------------------------------------------

    function test_erc20SpendingLimit() public {
        PermissionId pid = _enableViaOwner(
            _usdcActionSession("erc20", _pol(address(erc20Limit), abi.encode(_addrs(address(usdc)), _uints(25e6))))
        );
        _use(pid, 25e6);
        (uint256 limit, uint256 spent,) = erc20Limit.getPolicyData(
            _actionCfg(pid, address(usdc), TRANSFER), address(smartSession), address(usdc), account
        );
        vm.assertEq(spent, 25e6, "spent");
        vm.assertEq(limit, 25e6, "limit");
        _expectAA23(_useOp(pid, _usdcTransfer(recipient, 1), sessionKeyPk), _policyViolation(pid, address(erc20Limit)));
        vm.assertEq(usdc.balanceOf(recipient), 25e6, "recipient");
    }

    // ---- TimeFrame: validation data → EntryPoint AA22 -------------------------------------------------------------

    function test_timeFrame() public {
        uint48 until = uint48(block.timestamp + 1 hours);
        PermissionId pid = _enableViaOwner(
            _userOpSession("tf", _pol(address(timeFrame), abi.encodePacked(until, uint48(block.timestamp - 1))))
        );
        _use(pid, 1e6);
        vm.assertEq(usdc.balanceOf(recipient), 1e6, "inside the window");
        vm.warp(until); // EntryPoint v0.7: expired only when block.timestamp > validUntil
        _use(pid, 1e6);
        vm.warp(uint256(until) + 1);
        _expectFailedOp(_useOp(pid, _usdcTransfer(recipient, 1e6), sessionKeyPk), "AA22 expired or not due");

        // not yet valid: validAfter in the future
        PermissionId later = _enableViaOwner(
            _userOpSession("tf-later", _pol(address(timeFrame), abi.encodePacked(uint48(0), uint48(block.timestamp + 1 days))))
        );
        _expectFailedOp(_useOp(later, _usdcTransfer(recipient, 1e6), sessionKeyPk), "AA22 expired or not due");
        vm.warp(block.timestamp + 1 days);
        _use(later, 2e6);
        vm.assertEq(usdc.balanceOf(recipient), 4e6, "after validAfter");
    }

    /// @dev A session whose validUntil already lies in the past is rejected by the EntryPoint, not the module.
    function test_timeFrame_expiredAtEnable() public {
        PermissionId pid = _enableViaOwner(
            _userOpSession("tf-past", _pol(address(timeFrame), abi.encodePacked(uint48(block.timestamp - 1), uint48(0))))
        );
        _expectFailedOp(_useOp(pid, _usdcTransfer(recipient, 1e6), sessionKeyPk), "AA22 expired or not due");
    }

    // ---- UsageLimit (userOp policy) ---------------------------------------------------------------------------------

    function test_usageLimit() public {
        PermissionId pid =
            _enableViaOwner(_userOpSession("usage", _pol(address(usageLimit), abi.encodePacked(uint128(2)))));
        _use(pid, 1e6);
        _use(pid, 1e6);
        uint128 used = usageLimit.getUsed(_userOpCfg(pid), address(smartSession), account);
        uint128 limit = usageLimit.getUsageLimit(_userOpCfg(pid), address(smartSession), account);
        vm.assertEq(used, 2, "used");
        vm.assertEq(limit, 2, "limit");
        _expectAA23(_useOp(pid, _usdcTransfer(recipient, 1e6), sessionKeyPk), _policyViolation(pid, address(usageLimit)));
        vm.assertEq(usdc.balanceOf(recipient), 2e6, "recipient");
    }

    // ---- ValueLimit (userOp policy) on native ETH transfers --------------------------------------------------------

    function test_valueLimit() public {
        Session memory s = _ecdsaSession(sessionKey, "value");
        s.userOpPolicies = _pol(address(valueLimit), abi.encode(uint256(1 ether)));
        s.actions = _act(recipient, VALUE_SELECTOR, _pol(address(sudo), ""));
        PermissionId pid = _enableViaOwner(s);

        _handle(_useOp(pid, UserOpBuilder.executeSingle(recipient, 0.4 ether, ""), sessionKeyPk));
        Execution[] memory batch = new Execution[](2);
        batch[0] = Execution(recipient, 0.35 ether, "");
        batch[1] = Execution(recipient, 0.25 ether, "");
        _handle(_useOp(pid, UserOpBuilder.executeBatch(batch), sessionKeyPk));
        vm.assertEq(recipient.balance, 1 ether, "recipient ETH");
        uint256 used = valueLimit.getUsed(_userOpCfg(pid), address(smartSession), account);
        uint256 limit = valueLimit.getValueLimit(_userOpCfg(pid), address(smartSession), account);
        vm.assertEq(used, 1 ether, "used");
        vm.assertEq(limit, 1 ether, "limit");
        _expectAA23(
            _useOp(pid, UserOpBuilder.executeSingle(recipient, 1, ""), sessionKeyPk),
            _policyViolation(pid, address(valueLimit))
        );
    }

    // ---- PeriodicSpendingLimit: 100 USDC per day, refills --------------------------------------------------------

    function test_periodicSpendingLimit() public {
        PermissionId pid = _enableViaOwner(
            _usdcActionSession(
                "periodic", _pol(address(periodic), abi.encode(_addrs(address(usdc)), _uints(100e6), uint48(1 days)))
            )
        );
        uint256 day0 = block.timestamp - (block.timestamp % 1 days);
        ConfigId id = _actionCfg(pid, address(usdc), TRANSFER);
        _handle(_useOp(pid, _claimedTransfer(60e6), sessionKeyPk));
        _handle(_useOp(pid, _claimedTransfer(40e6), sessionKeyPk));
        (uint256 used, uint256 limit, uint48 start, uint48 period) =
            periodic.getBudget(id, address(smartSession), address(usdc), account);
        vm.assertEq(used, 100e6, "used");
        vm.assertEq(limit, 100e6, "limit");
        vm.assertEq(start, day0, "period start: the UTC day");
        vm.assertEq(period, 1 days, "period");
        _expectAA23(_useOp(pid, _claimedTransfer(1), sessionKeyPk), _policyViolation(pid, address(periodic)));
        // Without a claim the policy cannot tell the period: it refuses.
        _expectAA23(_useOp(pid, _usdcTransfer(recipient, 0), sessionKeyPk), _policyViolation(pid, address(periodic)));
        // An op claiming tomorrow is counted there, and the EntryPoint refuses it today (AA22: not due).
        bytes memory early = abi.encodePacked(abi.encodeWithSelector(TRANSFER, recipient, 1), uint48(day0 + 1 days));
        PackedUserOperation memory op = _useOp(pid, UserOpBuilder.executeSingle(address(usdc), 0, early), sessionKeyPk);
        _expectFailedOp(op, "AA22 expired or not due");

        vm.warp(day0 + 1 days + 5 hours); // next period: refilled
        (used,, start,) = periodic.getBudget(id, address(smartSession), address(usdc), account);
        vm.assertEq(used, 0, "refilled (live)");
        vm.assertEq(start, day0 + 1 days, "aligned start");
        _handle(_useOp(pid, _claimedTransfer(100e6), sessionKeyPk));
        (used,,,) = periodic.getBudget(id, address(smartSession), address(usdc), account);
        vm.assertEq(used, 100e6, "used in period 2");
        _expectAA23(_useOp(pid, _claimedTransfer(1), sessionKeyPk), _policyViolation(pid, address(periodic)));
        vm.assertEq(usdc.balanceOf(recipient), 200e6, "recipient");
    }

    // ---- RateLimit (userOp policy): 2 per hour -----------------------------------------------------------------------

    function test_rateLimit() public {
        PermissionId pid = _enableViaOwner(
            _userOpSession("rate", _pol(address(rateLimit), abi.encodePacked(uint32(2), uint48(1 hours))))
        );
        uint256 hour0 = block.timestamp - (block.timestamp % 1 hours);
        _handle(_useOp(pid, _modeClaimedTransfer(1e6), sessionKeyPk));
        _handle(_useOp(pid, _modeClaimedTransfer(1e6), sessionKeyPk));
        (uint32 usedInWindow, uint32 maxUses, uint48 windowStart, uint48 interval) =
            rateLimit.getRateLimit(_userOpCfg(pid), address(smartSession), account);
        vm.assertEq(usedInWindow, 2, "used");
        vm.assertEq(maxUses, 2, "max");
        vm.assertEq(windowStart, hour0, "window start");
        vm.assertEq(interval, 1 hours, "interval");
        _expectAA23(_useOp(pid, _modeClaimedTransfer(1e6), sessionKeyPk), _policyViolation(pid, address(rateLimit)));
        vm.warp(hour0 + 1 hours);
        _handle(_useOp(pid, _modeClaimedTransfer(1e6), sessionKeyPk));
        (usedInWindow,, windowStart,) = rateLimit.getRateLimit(_userOpCfg(pid), address(smartSession), account);
        vm.assertEq(usedInWindow, 1, "new window");
        vm.assertEq(windowStart, hour0 + 1 hours, "window start 2");
        vm.assertEq(usdc.balanceOf(recipient), 3e6, "recipient");
    }

    // ---- GasCostLimit (userOp policy): cost = gas limits × maxFeePerGas -------------------------------------------

    function test_gasCostLimit() public {
        // UserOpBuilder.build without initCode: vgl 200k + cgl 300k + pvg 50k; tip 1 gwei, maxFee 2 gwei
        uint256 cost = (200_000 + 300_000 + 50_000) * 2 gwei; // the worst case, whatever the base fee
        PermissionId pid = _enableViaOwner(_userOpSession("gas", _pol(address(gasCost), abi.encode(2 * cost))));

        vm.fee(0.5 gwei);
        _use(pid, 1e6);
        (uint256 used, uint256 limit) = gasCost.getUsage(_userOpCfg(pid), address(smartSession), account);
        vm.assertEq(used, cost, "used at low basefee: still maxFeePerGas");
        vm.assertEq(limit, 2 * cost, "limit");

        vm.fee(5 gwei);
        _use(pid, 1e6);
        (used,) = gasCost.getUsage(_userOpCfg(pid), address(smartSession), account);
        vm.assertEq(used, 2 * cost, "used == limit");

        vm.fee(0); // the base fee does not matter: the next op no longer fits
        _expectAA23(_useOp(pid, _usdcTransfer(recipient, 1e6), sessionKeyPk), _policyViolation(pid, address(gasCost)));
        vm.assertEq(usdc.balanceOf(recipient), 2e6, "recipient");
    }

    // ---- OperationDeadline (userOp policy): each operation's own deadline, from the mode payload ------------------

    /// @dev execute(single) of usdc.transfer with `until` in bytes 20..25 of the mode word and `claim` in 26..31.
    function _deadlineTransfer(uint256 amount, uint48 until, uint48 claim) internal view returns (bytes memory) {
        bytes memory exec = abi.encodePacked(address(usdc), uint256(0), abi.encodeWithSelector(TRANSFER, recipient, amount));
        return abi.encodeWithSelector(0xe9ae5c53, bytes32((uint256(until) << 48) | claim), exec);
    }

    function test_operationDeadline() public {
        PermissionId pid = _enableViaOwner(_userOpSession("deadline", _pol(address(deadline), "")));
        uint48 until = uint48(block.timestamp + 10 minutes);
        _handle(_useOp(pid, _deadlineTransfer(1e6, until, 0), sessionKeyPk));
        vm.assertEq(usdc.balanceOf(recipient), 1e6, "before its deadline");
        vm.warp(until); // EntryPoint v0.7: expired only when block.timestamp > validUntil
        _handle(_useOp(pid, _deadlineTransfer(1e6, until, 0), sessionKeyPk));
        vm.warp(uint256(until) + 1);
        _expectFailedOp(_useOp(pid, _deadlineTransfer(1e6, until, 0), sessionKeyPk), "AA22 expired or not due");
        // No deadline (0 would read as "never expires") and no execute at all are violations, not "no expiry".
        _expectAA23(_useOp(pid, _deadlineTransfer(1e6, 0, 0), sessionKeyPk), _policyViolation(pid, address(deadline)));
        vm.assertEq(usdc.balanceOf(recipient), 2e6, "recipient");
    }

    /// @dev With RateLimit beside it, both claims share the mode word and the EntryPoint gets the intersection.
    function test_operationDeadline_besideRateLimit() public {
        PolicyData[] memory ups = new PolicyData[](2);
        ups[0] = PolicyData(address(deadline), "");
        ups[1] = PolicyData(address(rateLimit), abi.encodePacked(uint32(5), uint48(1 days)));
        PermissionId pid = _enableViaOwner(_userOpSession("deadline-rate", ups));
        uint48 until = uint48(block.timestamp + 60);
        _handle(_useOp(pid, _deadlineTransfer(1e6, until, uint48(block.timestamp)), sessionKeyPk));
        (uint32 used,,,) = rateLimit.getRateLimit(_userOpCfg(pid), address(smartSession), account);
        vm.assertEq(used, 1, "the rate claim is read from its own bytes");
        vm.warp(uint256(until) + 1); // still inside the rate window, past the operation's deadline
        _expectFailedOp(_useOp(pid, _deadlineTransfer(1e6, until, uint48(block.timestamp)), sessionKeyPk),
            "AA22 expired or not due");
    }
}
