// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {E2EBase} from "./E2EBase.sol";
import {UserOpBuilder} from "../utils/UserOpBuilder.sol";
import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {Execution} from "@openzeppelin/contracts/interfaces/draft-IERC7579.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {LatchkeyAccount} from "../../../main/solidity/account/LatchkeyAccount.sol";
import {ISmartSession} from "../../../main/solidity/smartsession/interfaces/ISmartSession.sol";
import {HashLib} from "../../../main/solidity/smartsession/lib/HashLib.sol";
import "../../../main/solidity/smartsession/DataTypes.sol";

/// @dev Spec §8 lifecycle through the real stack: counterfactual account → first op deploys it AND enables a session
///      (ENABLE mode) → USE ops (single + batch) → policy rejections → owner removes the session → session dead,
///      enable signature not replayable; plus revoking a never-used enable signature.
contract LifecycleE2E is E2EBase {
    uint256 internal constant LIMIT = 100e6;
    uint128 internal constant MAX_USES = 5;
    address internal constant R2 = address(0xD00D);

    function _usdcSession(bytes32 salt) internal view returns (Session memory s) {
        s = _ecdsaSession(sessionKey, salt);
        s.userOpPolicies = _pol(address(timeFrame), abi.encodePacked(uint48(block.timestamp + 30 days), uint48(0)));
        s.actions = _act(
            address(usdc),
            TRANSFER,
            _pol2(
                address(erc20Limit),
                abi.encode(_addrs(address(usdc)), _uints(LIMIT)),
                address(usageLimit),
                abi.encodePacked(MAX_USES)
            )
        );
    }

    function _spent(PermissionId pid) internal view returns (uint256 spent) {
        uint256 approved;
        uint256 limit;
        (limit, spent, approved) =
            erc20Limit.getPolicyData(_actionCfg(pid, address(usdc), TRANSFER), address(smartSession), address(usdc), account);
        vm.assertEq(approved, 0, "approved");
        vm.assertEq(limit, LIMIT, "limit");
    }

    function _used(PermissionId pid) internal view returns (uint256) {
        uint128 used = usageLimit.getUsed(_actionCfg(pid, address(usdc), TRANSFER), address(smartSession), account);
        uint128 limit = usageLimit.getUsageLimit(_actionCfg(pid, address(usdc), TRANSFER), address(smartSession), account);
        vm.assertEq(limit, MAX_USES, "usage limit");
        return used;
    }

    function test_fullLifecycle() public {
        Session memory s = _usdcSession(keccak256("lifecycle"));
        PermissionId pid = _pid(s);

        // ---- counterfactual: nothing deployed, the owner signs the enable digest once -------------------------
        vm.assertEq(account.code.length, 0, "not deployed");
        vm.assertEq(factory.getAddress(ACCOUNT_SALT, ownerInit, SMART_SESSION_INIT), account, "predicted");
        EnableSession memory es = _signEnableHere(s);

        // ---- op 1: initCode deploys the account; ENABLE mode enables the session and spends 10 USDC -------------
        _handle(_enableOp(_initCode(), es, _usdcTransfer(recipient, 10e6), sessionKeyPk));
        vm.assertGt(account.code.length, 0, "deployed by initCode");
        vm.assertTrue(ownable.isOwner(account, owner), "owner installed");
        vm.assertTrue(
            LatchkeyAccount(payable(account)).isModuleInstalled(1, address(smartSession), ""), "SmartSession installed"
        );
        vm.assertTrue(smartSession.isPermissionEnabled(pid, account), "enabled");
        vm.assertEq(smartSession.getNonce(pid, account), 1, "enable nonce consumed");
        vm.assertEq(_nonce(address(smartSession)), uint256(UserOpBuilder.validatorNonceKey(address(smartSession))) << 64 | 1, "EP nonce");
        vm.assertEq(usdc.balanceOf(recipient), 10e6, "recipient after op 1");
        vm.assertEq(usdc.balanceOf(account), USDC_START - 10e6, "account after op 1");
        vm.assertEq(_spent(pid), 10e6, "spent after op 1");
        vm.assertEq(_used(pid), 1, "used after op 1");
        uint256 window = timeFrame.getTimeFrameConfig(_userOpCfg(pid), address(smartSession), account);
        (uint48 validUntil, uint48 validAfter) = (uint48(window >> 48), uint48(window));
        vm.assertEq(validUntil, block.timestamp + 30 days, "validUntil");
        vm.assertEq(validAfter, 0, "validAfter");

        // ---- op 2: USE mode single transfer -----------------------------------------------------------------------
        _handle(_useOp(pid, _usdcTransfer(recipient, 20e6), sessionKeyPk));
        vm.assertEq(usdc.balanceOf(recipient), 30e6, "recipient after op 2");
        vm.assertEq(_spent(pid), 30e6, "spent after op 2");
        vm.assertEq(_used(pid), 2, "used after op 2");

        // ---- op 3: USE mode batch of two transfers (each execution is checked and counted) -------------------------
        Execution[] memory batch = new Execution[](2);
        batch[0] = Execution(address(usdc), 0, abi.encodeCall(IERC20.transfer, (recipient, 5e6)));
        batch[1] = Execution(address(usdc), 0, abi.encodeCall(IERC20.transfer, (R2, 15e6)));
        _handle(_useOp(pid, UserOpBuilder.executeBatch(batch), sessionKeyPk));
        vm.assertEq(usdc.balanceOf(recipient), 35e6, "recipient after batch");
        vm.assertEq(usdc.balanceOf(R2), 15e6, "R2 after batch");
        vm.assertEq(_spent(pid), 50e6, "spent after batch");
        vm.assertEq(_used(pid), 4, "used after batch");

        // ---- over the spending limit: 50 + 51 > 100 → PolicyViolation(ERC20SpendingLimit) -------------------------
        _expectAA23(_useOp(pid, _usdcTransfer(recipient, 51e6), sessionKeyPk), _policyViolation(pid, address(erc20Limit)));
        // ---- a batch whose second execution breaks the limit is rejected as a whole -------------------------------
        batch[0] = Execution(address(usdc), 0, abi.encodeCall(IERC20.transfer, (recipient, 1e6)));
        batch[1] = Execution(address(usdc), 0, abi.encodeCall(IERC20.transfer, (R2, 50e6)));
        _expectAA23(_useOp(pid, UserOpBuilder.executeBatch(batch), sessionKeyPk), _policyViolation(pid, address(erc20Limit)));
        // ---- wrong target (DAI has no action and there is no fallback) → NoPoliciesSet ----------------------------
        _expectAA23(
            _useOp(pid, _transfer(address(dai), recipient, 1e18), sessionKeyPk),
            abi.encodeWithSelector(ISmartSession.NoPoliciesSet.selector, pid)
        );
        // ---- wrong selector on the right target (approve) → NoPoliciesSet as well ---------------------------------
        _expectAA23(
            _useOp(pid, UserOpBuilder.executeSingle(address(usdc), 0, abi.encodeCall(IERC20.approve, (recipient, 1))), sessionKeyPk),
            abi.encodeWithSelector(ISmartSession.NoPoliciesSet.selector, pid)
        );
        // ---- a foreign key cannot use the session: SIG_VALIDATION_FAILED → AA24 -----------------------------------
        (, uint256 mallory) = makeKey("mallory");
        _expectFailedOp(_useOp(pid, _usdcTransfer(recipient, 1e6), mallory), "AA24 signature error");
        // rejected ops left no trace
        vm.assertEq(_spent(pid), 50e6, "spent unchanged by rejected ops");
        vm.assertEq(_used(pid), 4, "used unchanged by rejected ops");

        // ---- op 4: exactly up to the limit (50 + 50 = 100), the 5th and last use --------------------------------
        _handle(_useOp(pid, _usdcTransfer(recipient, 50e6), sessionKeyPk));
        vm.assertEq(_spent(pid), LIMIT, "spent == limit");
        vm.assertEq(_used(pid), MAX_USES, "used == max");
        vm.assertEq(usdc.balanceOf(account), USDC_START - LIMIT, "account paid exactly the limit");
        // a 6th use (even of 0 USDC, which the spending limit allows) → PolicyViolation(UsageLimit)
        _expectAA23(_useOp(pid, _usdcTransfer(recipient, 0), sessionKeyPk), _policyViolation(pid, address(usageLimit)));

        // ---- owner removes the session (owner-signed op → SmartSession.removeSession) ----------------------------
        _handle(_ownerOp("", _callSmartSession(abi.encodeCall(ISmartSession.removeSession, (pid)))));
        vm.assertFalse(smartSession.isPermissionEnabled(pid, account), "removed");
        vm.assertEq(smartSession.getPermissionIDs(account).length, 0, "no permissions left");
        vm.assertEq(smartSession.getNonce(pid, account), 1, "enable nonce kept");

        // ---- the session is dead ----------------------------------------------------------------------------------
        _expectAA23(
            _useOp(pid, _usdcTransfer(recipient, 0), sessionKeyPk),
            abi.encodeWithSelector(ISmartSession.InvalidPermissionId.selector, pid)
        );
        // ---- and the consumed enable signature cannot re-enable it (digest was for nonce 0, now 1) -----------------
        bytes32 fresh = HashLib.sessionDigest(s, account, address(smartSession), SmartSessionMode.ENABLE, 1);
        _expectAA23(
            _enableOp("", es, _usdcTransfer(recipient, 1e6), sessionKeyPk),
            abi.encodeWithSelector(ISmartSession.HashMismatch.selector, es.hashesAndChainIds[0].sessionDigest, fresh)
        );
        vm.assertEq(usdc.balanceOf(account), USDC_START - LIMIT, "final account balance");
        vm.assertEq(usdc.balanceOf(recipient) + usdc.balanceOf(R2), LIMIT, "final recipients");
    }

    /// @dev The owner approved a session (signed its enable digest) but it was never used: an owner op calling
    ///      revokeEnableSignature kills that approval.
    function test_revokeNeverUsedEnableSignature() public {
        _deployAccount();
        Session memory s = _usdcSession(keccak256("revoked"));
        PermissionId pid = _pid(s);
        EnableSession memory es = _signEnableHere(s);

        // control: the approval is valid right now
        uint256 snap = vm.snapshotState();
        _handle(_enableOp("", es, _usdcTransfer(recipient, 1e6), sessionKeyPk));
        vm.assertTrue(smartSession.isPermissionEnabled(pid, account), "control: approval works");
        vm.assertEq(usdc.balanceOf(recipient), 1e6, "control: transfer");
        vm.revertToState(snap);
        vm.assertFalse(smartSession.isPermissionEnabled(pid, account), "reverted");

        _handle(_ownerOp("", _callSmartSession(abi.encodeCall(ISmartSession.revokeEnableSignature, (pid)))));
        vm.assertEq(smartSession.getNonce(pid, account), 1, "nonce bumped");

        bytes32 fresh = HashLib.sessionDigest(s, account, address(smartSession), SmartSessionMode.ENABLE, 1);
        _expectAA23(
            _enableOp("", es, _usdcTransfer(recipient, 1e6), sessionKeyPk),
            abi.encodeWithSelector(ISmartSession.HashMismatch.selector, es.hashesAndChainIds[0].sessionDigest, fresh)
        );
        vm.assertFalse(smartSession.isPermissionEnabled(pid, account), "never enabled");
        vm.assertEq(usdc.balanceOf(recipient), 0, "nothing moved");

        // a fresh approval over the new nonce works
        _handle(_enableOp("", _signEnableHere(s), _usdcTransfer(recipient, 1e6), sessionKeyPk));
        vm.assertTrue(smartSession.isPermissionEnabled(pid, account), "re-approved");
        vm.assertEq(smartSession.getNonce(pid, account), 2, "nonce 2");
        vm.assertEq(usdc.balanceOf(recipient), 1e6, "transfer");
    }

    /// @dev An enable signature from someone who is not an owner of the account is refused during validation.
    function test_enableSignedByNonOwnerRejected() public {
        _deployAccount();
        Session memory s = _usdcSession(keccak256("forged"));
        EnableSession memory es = _signEnableHere(s);
        (, uint256 mallory) = makeKey("mallory");
        bytes32 digest = HashLib.multichainDigest(es.hashesAndChainIds);
        es.permissionEnableSig = abi.encodePacked(address(ownable), UserOpBuilder.signRaw(mallory, digest));
        _expectAA23(
            _enableOp("", es, _usdcTransfer(recipient, 1e6), sessionKeyPk),
            abi.encodeWithSelector(ISmartSession.InvalidEnableSignature.selector, account, digest)
        );
    }
}
