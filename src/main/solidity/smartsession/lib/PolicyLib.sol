// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {IERC7579Execution, Execution} from "@openzeppelin/contracts/interfaces/draft-IERC7579.sol";
import {
    PermissionId,
    ActionId,
    ConfigId,
    FALLBACK_TARGET_FLAG,
    FALLBACK_ACTIONID,
    FALLBACK_ACTIONID_SMARTSESSION_CALL
} from "../DataTypes.sol";
import {IUserOpPolicy, IActionPolicy, I1271Policy} from "../interfaces/IPolicy.sol";
import {ISmartSession} from "../interfaces/ISmartSession.sol";
import {AssociatedSetLib} from "../utils/AssociatedSetLib.sol";
import {IdLib} from "./IdLib.sol";
import {ValidationDataLib} from "./ValidationDataLib.sol";
import {ExecutionLib} from "./ExecutionLib.sol";

/// @title PolicyLib
/// @notice Runs policies (spec §2.5): each policy is called with all gas and at most 32 bytes of its return data
///         are read (ExcessivelySafeCall style). A revert gives PolicyCheckReverted(first word of revert data); a
///         nonzero low 160 bits gives PolicyViolation; results are intersected.
library PolicyLib {
    using AssociatedSetLib for AssociatedSetLib.Set;

    /// @dev Everything an action check needs besides the policy set.
    struct ActionCall {
        address account;
        PermissionId permissionId;
        address target;
        uint256 value;
    }

    /// @notice Runs the userOp policies of a permission.
    /// @param set The permission's userOp policy set.
    /// @param account The smart account.
    /// @param permissionId The permission.
    /// @param userOp The user operation (forwarded to each policy).
    /// @param minPolicies Revert NoPoliciesSet when the set is smaller.
    /// @return vd The intersected validation data.
    function checkUserOp(
        AssociatedSetLib.Set storage set,
        address account,
        PermissionId permissionId,
        PackedUserOperation calldata userOp,
        uint256 minPolicies
    ) internal returns (uint256 vd) {
        bytes memory callData = abi.encodeCall(
            IUserOpPolicy.checkUserOpPolicy, (IdLib.userOpConfigId(account, permissionId), userOp)
        );
        return _run(set, account, permissionId, callData, minPolicies);
    }

    /// @notice Runs the policies of one action id against a call.
    function checkAction(AssociatedSetLib.Set storage set, ActionCall memory c, ActionId actionId, bytes calldata data)
        internal
        returns (uint256 vd)
    {
        bytes memory callData = abi.encodeCall(
            IActionPolicy.checkAction,
            (IdLib.actionConfigId(c.account, c.permissionId, actionId), c.account, c.target, c.value, data)
        );
        return _run(set, c.account, c.permissionId, callData, 1);
    }

    /// @notice Checks one ERC-7579 execution (target, value, data) against the action policies, with the
    ///         self-call, 0x..01 and SmartSession-target rules and the generic fallback.
    function checkSingle7579Exec(
        mapping(ActionId => mapping(PermissionId => AssociatedSetLib.Set)) storage actionPolicies,
        address account,
        PermissionId permissionId,
        address target,
        uint256 value,
        bytes calldata data
    ) internal returns (uint256) {
        bytes4 selector = IdLib.selectorOf(data);
        if (selector == IERC7579Execution.execute.selector && target == account) {
            revert ISmartSession.InvalidSelfCall();
        }
        if (target == FALLBACK_TARGET_FLAG) revert ISmartSession.InvalidTarget();
        ActionCall memory c = ActionCall(account, permissionId, target, value);
        if (target == address(this)) {
            return checkAction(
                actionPolicies[FALLBACK_ACTIONID_SMARTSESSION_CALL][permissionId],
                c,
                FALLBACK_ACTIONID_SMARTSESSION_CALL,
                data
            );
        }
        ActionId actionId = IdLib.toActionId(target, selector);
        if (actionPolicies[actionId][permissionId].length(account) == 0) actionId = FALLBACK_ACTIONID;
        return checkAction(actionPolicies[actionId][permissionId], c, actionId, data);
    }

    /// @notice Checks every execution of a strictly decoded ERC-7579 batch; an empty batch reverts.
    function checkBatch7579Exec(
        mapping(ActionId => mapping(PermissionId => AssociatedSetLib.Set)) storage actionPolicies,
        address account,
        PermissionId permissionId,
        bytes calldata executionCalldata
    ) internal returns (uint256 vd) {
        Execution[] calldata executions = ExecutionLib.decodeBatch(executionCalldata);
        if (executions.length == 0) revert ISmartSession.NoExecutionsInBatch();
        for (uint256 i; i < executions.length; ++i) {
            Execution calldata e = executions[i];
            vd = ValidationDataLib.intersect(
                vd, checkSingle7579Exec(actionPolicies, account, permissionId, e.target, e.value, e.callData)
            );
        }
    }

    /// @notice Runs the ERC-1271 policies (view): true only if every policy returns true.
    /// @dev Reverts NoPoliciesSet when the set is empty; a reverting policy counts as a failed check.
    function check1271(
        AssociatedSetLib.Set storage set,
        address account,
        PermissionId permissionId,
        address requestSender,
        bytes32 hash,
        bytes memory signature
    ) internal view returns (bool) {
        uint256 n = set.length(account);
        if (n == 0) revert ISmartSession.NoPoliciesSet(permissionId);
        bytes memory callData = abi.encodeCall(
            I1271Policy.check1271SignedAction,
            (IdLib.erc1271ConfigId(account, permissionId), requestSender, account, hash, signature)
        );
        for (uint256 i; i < n; ++i) {
            (bool success, uint256 ret) = _staticcallPolicy(set.addressAt(account, i), callData);
            if (!success || ret != 1) return false;
        }
        return true;
    }

    /// @dev Calls every policy of `set` with `callData` and intersects the results.
    function _run(
        AssociatedSetLib.Set storage set,
        address account,
        PermissionId permissionId,
        bytes memory callData,
        uint256 minPolicies
    ) private returns (uint256 vd) {
        uint256 n = set.length(account);
        if (n < minPolicies) revert ISmartSession.NoPoliciesSet(permissionId);
        for (uint256 i; i < n; ++i) {
            address policy = set.addressAt(account, i);
            (bool success, uint256 ret) = _callPolicy(policy, callData);
            if (!success) revert ISmartSession.PolicyCheckReverted(bytes32(ret));
            if (ValidationDataLib.isFailed(ret)) revert ISmartSession.PolicyViolation(permissionId, policy);
            vd = ValidationDataLib.intersect(vd, ret);
        }
    }

    /// @dev call with all gas; copies at most 32 bytes of return (or revert) data, zero-padded.
    function _callPolicy(address policy, bytes memory callData) private returns (bool success, uint256 ret) {
        assembly ("memory-safe") {
            success := call(gas(), policy, 0, add(callData, 0x20), mload(callData), 0x00, 0x00)
            let size := returndatasize()
            if gt(size, 0x20) { size := 0x20 }
            mstore(0x00, 0)
            returndatacopy(0x00, 0x00, size)
            ret := mload(0x00)
        }
    }

    /// @dev staticcall variant of `_callPolicy` for the view ERC-1271 path.
    function _staticcallPolicy(address policy, bytes memory callData) private view returns (bool success, uint256 ret) {
        assembly ("memory-safe") {
            success := staticcall(gas(), policy, add(callData, 0x20), mload(callData), 0x00, 0x00)
            let size := returndatasize()
            if gt(size, 0x20) { size := 0x20 }
            mstore(0x00, 0)
            returndatacopy(0x00, 0x00, size)
            ret := mload(0x00)
        }
    }
}
