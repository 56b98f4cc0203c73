// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {SmartSessionTestBase} from "./SmartSessionTestBase.sol";
import {Vm} from "../utils/Vm.sol";
import {ISmartSession} from "../../../main/solidity/smartsession/interfaces/ISmartSession.sol";
import {ISessionValidator} from "../../../main/solidity/smartsession/interfaces/ISessionValidator.sol";
import {IdLib} from "../../../main/solidity/smartsession/lib/IdLib.sol";
import {NoERC165PolicyFixture, UserOpOnlyPolicyFixture, ConfigurablePolicyFixture} from "./fixtures/PolicyFixtures.sol";
import {NotStatelessValidatorFixture} from "./fixtures/EcdsaSessionValidatorFixture.sol";
import "../../../main/solidity/smartsession/DataTypes.sol";

/// @dev Install / uninstall, session management and the views (spec §2.2, §2.8).
contract ManagementTest is SmartSessionTestBase {
    function _asAccount() internal {
        vm.prank(address(account));
    }

    function _addrs(address a) internal pure returns (address[] memory out) {
        out = new address[](1);
        out[0] = a;
    }

    // ---- install / uninstall -----------------------------------------------------------------------------------

    function test_installEmpty() public {
        _asAccount();
        smartSession.onInstall("");
        vm.assertFalse(smartSession.isInitialized(address(account)), "no sessions");
    }

    function test_installWithSessions() public {
        Session[] memory ss = new Session[](2);
        ss[0] = _session(bytes32(uint256(1)));
        ss[1] = _session(bytes32(uint256(2)));
        _asAccount();
        smartSession.onInstall(abi.encodePacked(uint8(1), abi.encode(ss)));
        vm.assertTrue(smartSession.isInitialized(address(account)), "initialized");
        PermissionId[] memory ids = smartSession.getPermissionIDs(address(account));
        vm.assertEq(ids.length, 2, "two permissions");
        vm.assertEq(PermissionId.unwrap(ids[0]), PermissionId.unwrap(IdLib.toPermissionId(ss[0])), "order 0");
        vm.assertEq(PermissionId.unwrap(ids[1]), PermissionId.unwrap(IdLib.toPermissionId(ss[1])), "order 1");

        // installing again while permissions remain is refused
        vm.expectRevert(
            abi.encodeWithSelector(ISmartSession.SmartSessionModuleAlreadyInstalled.selector, address(account))
        );
        _asAccount();
        smartSession.onInstall("");
    }

    function test_installUnsafeEnableModeByte() public {
        _asAccount();
        smartSession.onInstall(abi.encodePacked(uint8(2), abi.encode(_one(_session(0)))));
        vm.assertTrue(smartSession.isInitialized(address(account)), "initialized");
    }

    function test_revert_installInvalidMode() public {
        bytes memory body = abi.encode(_one(_session(0)));
        vm.expectRevert(ISmartSession.InvalidMode.selector);
        _asAccount();
        smartSession.onInstall(abi.encodePacked(uint8(0), body));
    }

    function test_uninstallRemovesEverything() public {
        PermissionId p1 = _enable(_session(bytes32(uint256(1))));
        PermissionId p2 = _enable(_session(bytes32(uint256(2))));
        _asAccount();
        smartSession.onUninstall("");
        vm.assertFalse(smartSession.isInitialized(address(account)), "not initialized");
        vm.assertFalse(smartSession.isPermissionEnabled(p1, address(account)), "p1 removed");
        vm.assertFalse(smartSession.isPermissionEnabled(p2, address(account)), "p2 removed");
        vm.assertEq(smartSession.getEnabledActions(address(account), p1).length, 0, "actions removed");
        // and it can be installed again
        _asAccount();
        smartSession.onInstall("");
    }

    // ---- enableSessions / removeSession ------------------------------------------------------------------------

    function test_enableSessions() public {
        Session memory s = _session(bytes32(uint256(9)));
        s.userOpPolicies = _policies(address(policyB));
        s.permitERC4337Paymaster = true;
        PermissionId expected = smartSession.getPermissionId(s);
        vm.expectEmit(address(smartSession));
        emit ISmartSession.SessionCreated(expected, address(account));
        PermissionId pid = _enable(s);
        vm.assertEq(PermissionId.unwrap(pid), PermissionId.unwrap(expected), "pid");
        vm.assertTrue(smartSession.isPermissionEnabled(pid, address(account)), "enabled");
        vm.assertTrue(smartSession.permitERC4337Paymaster(address(account), pid), "paymaster flag");
        vm.assertTrue(smartSession.isISessionValidatorSet(pid, address(account)), "validator set");
        address[] memory ups = smartSession.getUserOpPolicies(address(account), pid);
        vm.assertEq(ups.length, 1, "one userOp policy");
        vm.assertEq(ups[0], address(policyB), "policyB");
        vm.assertEq(
            ConfigId.unwrap(policyB.lastConfigId()),
            ConfigId.unwrap(IdLib.userOpConfigId(address(account), pid)),
            "userOp configId"
        );
        ActionId aid = IdLib.toActionId(TARGET, TRANSFER_SELECTOR);
        bytes32[] memory actions = smartSession.getEnabledActions(address(account), pid);
        vm.assertEq(actions.length, 1, "one action");
        vm.assertEq(actions[0], ActionId.unwrap(aid), "action id");
        vm.assertEq(smartSession.getActionPolicies(address(account), pid, aid)[0], address(policyA), "action policy");
        vm.assertTrue(smartSession.isActionPolicyEnabled(address(account), pid, aid, address(policyA)), "enabled");
        vm.assertEq(policyA.lastAccount(), address(account), "init account");
    }

    function test_revert_enableSessionsEmpty() public {
        vm.expectRevert(ISmartSession.InvalidData.selector);
        _asAccount();
        smartSession.enableSessions(new Session[](0));
    }

    function test_removeSession() public {
        Session memory s = _session(0);
        s.userOpPolicies = _policies(address(policyB));
        s.permitERC4337Paymaster = true;
        s.erc7739Policies.allowedERC7739Content = new ERC7739Context[](1);
        s.erc7739Policies.allowedERC7739Content[0].appDomainSeparator = keccak256("app");
        s.erc7739Policies.allowedERC7739Content[0].contentNames = new string[](1);
        s.erc7739Policies.allowedERC7739Content[0].contentNames[0] = "Mail(address to)";
        s.erc7739Policies.erc1271Policies = _policies(address(policyB));
        PermissionId pid = _enable(s);
        _asAccount();
        smartSession.revokeEnableSignature(pid);

        vm.expectEmit(address(smartSession));
        emit ISmartSession.SessionRemoved(pid, address(account));
        _asAccount();
        smartSession.removeSession(pid);

        ActionId aid = IdLib.toActionId(TARGET, TRANSFER_SELECTOR);
        vm.assertFalse(smartSession.isPermissionEnabled(pid, address(account)), "disabled");
        vm.assertEq(smartSession.getUserOpPolicies(address(account), pid).length, 0, "userOp policies");
        vm.assertEq(smartSession.getERC1271Policies(address(account), pid).length, 0, "1271 policies");
        vm.assertEq(smartSession.getEnabledActions(address(account), pid).length, 0, "actions");
        vm.assertEq(smartSession.getActionPolicies(address(account), pid, aid).length, 0, "action policies");
        vm.assertEq(smartSession.getEnabledERC7739Content(address(account), pid).length, 0, "7739 contents");
        vm.assertFalse(
            smartSession.isERC7739ContentEnabled(address(account), pid, keccak256("app"), "Mail(address to)"), "content"
        );
        vm.assertFalse(smartSession.isISessionValidatorSet(pid, address(account)), "validator");
        vm.assertFalse(smartSession.permitERC4337Paymaster(address(account), pid), "paymaster");
        vm.assertEq(smartSession.getNonce(pid, address(account)), 1, "nonce NOT reset");

        // a removed session can be enabled again from scratch
        _enable(s);
        vm.assertTrue(smartSession.isPermissionEnabled(pid, address(account)), "re-enabled");
    }

    function test_revert_removeSessionZero() public {
        vm.expectRevert(abi.encodeWithSelector(ISmartSession.InvalidSession.selector, PermissionId.wrap(0)));
        _asAccount();
        smartSession.removeSession(PermissionId.wrap(0));
    }

    // ---- policy management --------------------------------------------------------------------------------------

    function test_revert_managementNeedsEnabledPermission() public {
        PermissionId unknown = PermissionId.wrap(keccak256("unknown"));
        bytes memory err = abi.encodeWithSelector(ISmartSession.InvalidPermissionId.selector, unknown);
        vm.expectRevert(err);
        _asAccount();
        smartSession.enableUserOpPolicies(unknown, _policies(address(policyB)));
        vm.expectRevert(err);
        _asAccount();
        smartSession.disableUserOpPolicies(unknown, _addrs(address(policyB)));
        vm.expectRevert(err);
        _asAccount();
        smartSession.enableActionPolicies(unknown, new ActionData[](0));
        vm.expectRevert(err);
        _asAccount();
        smartSession.disableActionId(unknown, ActionId.wrap(0));
        vm.expectRevert(err);
        _asAccount();
        smartSession.setPermit4337Paymaster(unknown, true);
        // another account cannot manage this account's permission
        PermissionId pid = _enable(_session(0));
        vm.expectRevert(abi.encodeWithSelector(ISmartSession.InvalidPermissionId.selector, pid));
        vm.prank(address(0xBAD));
        smartSession.enableUserOpPolicies(pid, _policies(address(policyB)));
    }

    function test_userOpPoliciesEnableDisable() public {
        PermissionId pid = _enable(_session(0));
        ConfigurablePolicyFixture policyC = new ConfigurablePolicyFixture();
        PolicyData[] memory ps = new PolicyData[](2);
        ps[0] = PolicyData(address(policyB), hex"01");
        ps[1] = PolicyData(address(policyC), hex"02");
        vm.expectEmit(address(smartSession));
        emit ISmartSession.PolicyEnabled(pid, PolicyType.USER_OP, address(policyB), address(account));
        _asAccount();
        smartSession.enableUserOpPolicies(pid, ps);
        vm.assertEq(policyB.lastInitData(), hex"01", "init data");
        vm.assertTrue(smartSession.isUserOpPolicyEnabled(address(account), pid, address(policyC)), "C enabled");

        vm.expectEmit(address(smartSession));
        emit ISmartSession.PolicyDisabled(pid, PolicyType.USER_OP, address(policyB), address(account));
        _asAccount();
        smartSession.disableUserOpPolicies(pid, _addrs(address(policyB)));
        address[] memory left = smartSession.getUserOpPolicies(address(account), pid);
        vm.assertEq(left.length, 1, "one left");
        vm.assertEq(left[0], address(policyC), "swap-and-pop keeps C");
    }

    function test_actionPoliciesEnableDisable() public {
        PermissionId pid = _enable(_session(0));
        ActionId aid = IdLib.toActionId(TARGET, TRANSFER_SELECTOR);
        ActionData[] memory actions = new ActionData[](1);
        actions[0] = _action(TARGET, TRANSFER_SELECTOR, address(policyB));
        _asAccount();
        smartSession.enableActionPolicies(pid, actions);
        vm.assertEq(smartSession.getActionPolicies(address(account), pid, aid).length, 2, "A and B");
        vm.assertEq(smartSession.getEnabledActions(address(account), pid).length, 1, "same action id once");

        _asAccount();
        smartSession.disableActionPolicies(pid, aid, _addrs(address(policyA)));
        vm.assertTrue(smartSession.isActionIdEnabled(address(account), pid, aid), "still enabled (B left)");

        vm.expectEmit(address(smartSession));
        emit ISmartSession.ActionIdDisabled(pid, aid, address(account));
        _asAccount();
        smartSession.disableActionPolicies(pid, aid, _addrs(address(policyB)));
        vm.assertFalse(smartSession.isActionIdEnabled(address(account), pid, aid), "dropped when empty");

        _asAccount();
        smartSession.enableActionPolicies(pid, actions);
        _asAccount();
        smartSession.disableActionId(pid, aid);
        vm.assertFalse(smartSession.isActionIdEnabled(address(account), pid, aid), "disableActionId");
        vm.assertEq(smartSession.getActionPolicies(address(account), pid, aid).length, 0, "policies gone");
    }

    function test_erc1271PoliciesEnableDisable() public {
        PermissionId pid = _enable(_session(0));
        ERC7739Data memory d;
        d.allowedERC7739Content = new ERC7739Context[](2);
        d.allowedERC7739Content[0].appDomainSeparator = keccak256("app1");
        d.allowedERC7739Content[0].contentNames = new string[](2);
        d.allowedERC7739Content[0].contentNames[0] = "A(uint256 x)";
        d.allowedERC7739Content[0].contentNames[1] = "B(uint256 y)";
        d.allowedERC7739Content[1].appDomainSeparator = keccak256("app2");
        d.allowedERC7739Content[1].contentNames = new string[](1);
        d.allowedERC7739Content[1].contentNames[0] = "A(uint256 x)";
        d.erc1271Policies = _policies(address(policyB));
        _asAccount();
        smartSession.enableERC1271Policies(pid, d);

        vm.assertEq(
            ConfigId.unwrap(policyB.lastConfigId()),
            ConfigId.unwrap(IdLib.erc1271ConfigId(address(account), pid)),
            "1271 configId"
        );
        vm.assertTrue(smartSession.isERC1271PolicyEnabled(address(account), pid, address(policyB)), "policy");
        vm.assertTrue(
            smartSession.isERC7739ContentEnabled(address(account), pid, keccak256("app1"), "B(uint256 y)"), "B@app1"
        );
        vm.assertFalse(
            smartSession.isERC7739ContentEnabled(address(account), pid, keccak256("app2"), "B(uint256 y)"), "B@app2"
        );
        ERC7739ContextHashes[] memory ctx = smartSession.getEnabledERC7739Content(address(account), pid);
        vm.assertEq(ctx.length, 2, "two separators");
        vm.assertEq(ctx[0].appDomainSeparator, keccak256("app1"), "app1 first");
        vm.assertEq(ctx[0].contentNameHashes.length, 2, "two names");
        vm.assertEq(ctx[0].contentNameHashes[0], keccak256("A(uint256 x)"), "hashed name");

        // disable the only name of app2 and the policy
        ERC7739Context[] memory rm = new ERC7739Context[](1);
        rm[0] = d.allowedERC7739Content[1];
        _asAccount();
        smartSession.disableERC1271Policies(pid, _addrs(address(policyB)), rm);
        ctx = smartSession.getEnabledERC7739Content(address(account), pid);
        vm.assertEq(ctx.length, 1, "app2 dropped");
        vm.assertEq(smartSession.getERC1271Policies(address(account), pid).length, 0, "policy removed");
    }

    function test_setPermit4337Paymaster() public {
        PermissionId pid = _enable(_session(0));
        vm.assertFalse(smartSession.permitERC4337Paymaster(address(account), pid), "default off");
        vm.expectEmit(address(smartSession));
        emit ISmartSession.PermissionIdPermit4337Paymaster(pid, address(account), true);
        _asAccount();
        smartSession.setPermit4337Paymaster(pid, true);
        vm.assertTrue(smartSession.permitERC4337Paymaster(address(account), pid), "on");
    }

    // ---- refusals ----------------------------------------------------------------------------------------------

    function test_revert_unsupportedPolicy() public {
        NoERC165PolicyFixture noErc165 = new NoERC165PolicyFixture();
        Session memory s = _session(0);
        s.actions[0].actionPolicies[0].policy = address(noErc165);
        vm.expectRevert(abi.encodeWithSelector(ISmartSession.UnsupportedPolicy.selector, address(noErc165)));
        _asAccount();
        smartSession.enableSessions(_one(s));

        // right ERC-165, wrong policy kind
        UserOpOnlyPolicyFixture userOpOnly = new UserOpOnlyPolicyFixture();
        s.actions[0].actionPolicies[0].policy = address(userOpOnly);
        vm.expectRevert(abi.encodeWithSelector(ISmartSession.UnsupportedPolicy.selector, address(userOpOnly)));
        _asAccount();
        smartSession.enableSessions(_one(s));

        // an EOA is not a policy
        s.actions[0].actionPolicies[0].policy = address(0xE0A);
        vm.expectRevert(abi.encodeWithSelector(ISmartSession.UnsupportedPolicy.selector, address(0xE0A)));
        _asAccount();
        smartSession.enableSessions(_one(s));

        // the userOp-only policy is fine as a userOp policy
        s = _session(0);
        s.userOpPolicies = _policies(address(userOpOnly));
        _enable(s);
    }

    function test_revert_invalidSessionValidator() public {
        NotStatelessValidatorFixture notStateless = new NotStatelessValidatorFixture();
        Session memory s = _session(0);
        s.sessionValidator = ISessionValidator(address(notStateless));
        vm.expectRevert(abi.encodeWithSelector(ISmartSession.InvalidISessionValidator.selector, address(notStateless)));
        _asAccount();
        smartSession.enableSessions(_one(s));

        s.sessionValidator = ISessionValidator(address(0));
        vm.expectRevert(abi.encodeWithSelector(ISmartSession.InvalidISessionValidator.selector, address(0)));
        _asAccount();
        smartSession.enableSessions(_one(s));
    }

    function test_revert_invalidActionId() public {
        Session memory s = _session(0);
        s.actions[0].actionTarget = address(0);
        vm.expectRevert(ISmartSession.InvalidActionId.selector);
        _asAccount();
        smartSession.enableSessions(_one(s));

        s.actions[0].actionTarget = address(smartSession);
        vm.expectRevert(ISmartSession.InvalidActionId.selector);
        _asAccount();
        smartSession.enableSessions(_one(s));
    }

    function test_sessionValidatorSetOnlyOnce() public {
        Session memory s = _session(0);
        PermissionId pid = _enable(s);
        vm.recordLogs();
        _enable(s);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        bytes32 topic = keccak256("SessionValidatorEnabled(bytes32,address,address)");
        for (uint256 i; i < logs.length; ++i) {
            vm.assertNotEq(logs[i].topics[0], topic, "validator not set a second time");
        }
        vm.assertEq(policyA.initCount(), 2, "policies re-initialized");
        vm.assertTrue(smartSession.isISessionValidatorSet(pid, address(account)), "still set");
    }

    function test_longValidatorConfigRoundTrip() public {
        Session memory s = _session(0);
        bytes memory cfg = new bytes(1000);
        for (uint256 i; i < cfg.length; ++i) {
            // forge-lint: disable-next-line(unsafe-typecast)
            cfg[i] = bytes1(uint8(i * 7));
        }
        s.sessionValidatorInitData = cfg;
        PermissionId pid = _enable(s);
        (, bytes memory stored) = smartSession.getSessionValidatorAndConfig(address(account), pid);
        vm.assertEq(stored, cfg, "config stored verbatim");
    }
}
