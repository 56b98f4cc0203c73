// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {E2EBase} from "./E2EBase.sol";
import {UserOpBuilder} from "../utils/UserOpBuilder.sol";
import {ISmartSession} from "../../../main/solidity/smartsession/interfaces/ISmartSession.sol";
import {IdLib} from "../../../main/solidity/smartsession/lib/IdLib.sol";
import "../../../main/solidity/smartsession/DataTypes.sol";

/// @dev The two special actions through the real stack (spec §2.5): the generic fallback action
///      (0x..01 / 0x00000001) and admin access (0x..01 / 0x00000002, the only way a session may call SmartSession).
contract FallbackAdminE2E is E2EBase {
    function setUp() public override {
        super.setUp();
        _deployAccount();
    }

    function _fallbackUsed(PermissionId pid) internal view returns (uint256) {
        ConfigId id = IdLib.actionConfigId(account, pid, FALLBACK_ACTIONID);
        uint128 used = usageLimit.getUsed(id, address(smartSession), account);
        uint128 limit = usageLimit.getUsageLimit(id, address(smartSession), account);
        vm.assertEq(limit, 3, "fallback usage limit");
        return used;
    }

    /// @dev Fallback [UsageLimit(3)] covers every call without its own action; (USDC, transfer) has its own
    ///      ERC20SpendingLimit, which takes precedence; SmartSession itself is never reached through the fallback.
    function test_genericFallback() public {
        Session memory s = _ecdsaSession(sessionKey, "fallback");
        s.actions = new ActionData[](2);
        s.actions[0] =
            ActionData(FALLBACK_TARGET_SELECTOR_FLAG, FALLBACK_TARGET_FLAG, _pol(address(usageLimit), abi.encodePacked(uint128(3))));
        s.actions[1] = ActionData(
            TRANSFER, address(usdc), _pol(address(erc20Limit), abi.encode(_addrs(address(usdc)), _uints(10e6)))
        );
        PermissionId pid = _enableViaOwner(s);

        // DAI has no action of its own → fallback
        _handle(_useOp(pid, _transfer(address(dai), recipient, 5e18), sessionKeyPk));
        vm.assertEq(dai.balanceOf(recipient), 5e18, "DAI moved via fallback");
        vm.assertEq(_fallbackUsed(pid), 1, "fallback used 1");

        // USDC transfer uses its own action (spending limit), not the fallback counter
        _handle(_useOp(pid, _usdcTransfer(recipient, 10e6), sessionKeyPk));
        vm.assertEq(usdc.balanceOf(recipient), 10e6, "USDC");
        vm.assertEq(_fallbackUsed(pid), 1, "fallback untouched by a specific action");
        // ...and the specific action's limit is not bypassed by the permissive fallback
        _expectAA23(_useOp(pid, _usdcTransfer(recipient, 1), sessionKeyPk), _policyViolation(pid, address(erc20Limit)));

        // a plain ETH transfer (selector 0xffffffff) → fallback
        _handle(_useOp(pid, UserOpBuilder.executeSingle(recipient, 0.1 ether, ""), sessionKeyPk));
        vm.assertEq(recipient.balance, 0.1 ether, "ETH via fallback");
        vm.assertEq(_fallbackUsed(pid), 2, "fallback used 2");

        // the generic fallback does not grant access to SmartSession
        _expectAA23(
            _useOp(pid, _callSmartSession(abi.encodeCall(ISmartSession.removeSession, (pid))), sessionKeyPk),
            abi.encodeWithSelector(ISmartSession.NoPoliciesSet.selector, pid)
        );

        _handle(_useOp(pid, _transfer(address(dai), recipient, 1e18), sessionKeyPk));
        vm.assertEq(_fallbackUsed(pid), 3, "fallback used 3");
        _expectAA23(
            _useOp(pid, _transfer(address(dai), recipient, 1e18), sessionKeyPk), _policyViolation(pid, address(usageLimit))
        );
        vm.assertEq(dai.balanceOf(recipient), 6e18, "DAI total");
        vm.assertTrue(smartSession.isPermissionEnabled(pid, account), "still enabled");
    }

    /// @dev A session with admin access removes itself with a session-signed op calling SmartSession.
    function test_adminAccess_sessionRemovesItself() public {
        Session memory s = _ecdsaSession(sessionKey, "admin");
        s.actions = new ActionData[](2);
        s.actions[0] = ActionData(
            FALLBACK_TARGET_SELECTOR_FLAG_PERMITTED_TO_CALL_SMARTSESSION, FALLBACK_TARGET_FLAG, _pol(address(sudo), "")
        );
        s.actions[1] = ActionData(TRANSFER, address(usdc), _pol(address(sudo), ""));
        PermissionId pid = _enableViaOwner(s);
        // a second session that must survive
        PermissionId other = _enableViaOwner(_otherSession());

        _handle(_useOp(pid, _usdcTransfer(recipient, 3e6), sessionKeyPk));
        vm.assertEq(usdc.balanceOf(recipient), 3e6, "session works");

        // admin access covers SmartSession only: a call to DAI still has no policy
        _expectAA23(
            _useOp(pid, _transfer(address(dai), recipient, 1), sessionKeyPk),
            abi.encodeWithSelector(ISmartSession.NoPoliciesSet.selector, pid)
        );

        _handle(_useOp(pid, _callSmartSession(abi.encodeCall(ISmartSession.removeSession, (pid))), sessionKeyPk));
        vm.assertFalse(smartSession.isPermissionEnabled(pid, account), "removed by itself");
        vm.assertTrue(smartSession.isPermissionEnabled(other, account), "other session untouched");
        vm.assertEq(smartSession.getPermissionIDs(account).length, 1, "one permission left");

        _expectAA23(
            _useOp(pid, _usdcTransfer(recipient, 1e6), sessionKeyPk),
            abi.encodeWithSelector(ISmartSession.InvalidPermissionId.selector, pid)
        );
        vm.assertEq(usdc.balanceOf(recipient), 3e6, "nothing more moved");
    }

    function _otherSession() internal view returns (Session memory s) {
        s = _ecdsaSession(sessionKey, "other");
        s.actions = _act(address(usdc), TRANSFER, _pol(address(sudo), ""));
    }
}
