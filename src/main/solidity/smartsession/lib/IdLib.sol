// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {
    Session,
    PermissionId,
    ActionId,
    ConfigId,
    UserOpPolicyId,
    ActionPolicyId,
    Erc1271PolicyId,
    VALUE_SELECTOR
} from "../DataTypes.sol";

/// @title IdLib
/// @notice The identifier derivations of Smart Sessions (spec §1.2).
library IdLib {
    /// @notice keccak256(abi.encode(sessionValidator, sessionValidatorInitData, salt)).
    function toPermissionId(Session memory session) internal pure returns (PermissionId) {
        return PermissionId.wrap(
            keccak256(abi.encode(address(session.sessionValidator), session.sessionValidatorInitData, session.salt))
        );
    }

    /// @notice keccak256(abi.encodePacked(target, selector)).
    function toActionId(address target, bytes4 selector) internal pure returns (ActionId) {
        return ActionId.wrap(keccak256(abi.encodePacked(target, selector)));
    }

    /// @notice Action id of a call: the selector is the first four bytes, or 0xFFFFFFFF for shorter calldata.
    function toActionIdOfCall(address target, bytes calldata data) internal pure returns (ActionId) {
        return toActionId(target, selectorOf(data));
    }

    /// @notice The first four bytes of `data`, or VALUE_SELECTOR when `data` is shorter.
    function selectorOf(bytes calldata data) internal pure returns (bytes4) {
        if (data.length < 4) return VALUE_SELECTOR;
        return bytes4(data[0:4]);
    }

    /// @notice The userOp policy id equals the permission id.
    function toUserOpPolicyId(PermissionId permissionId) internal pure returns (UserOpPolicyId) {
        return UserOpPolicyId.wrap(PermissionId.unwrap(permissionId));
    }

    /// @notice keccak256(abi.encodePacked(permissionId, actionId)).
    function toActionPolicyId(PermissionId permissionId, ActionId actionId) internal pure returns (ActionPolicyId) {
        return ActionPolicyId.wrap(keccak256(abi.encodePacked(permissionId, actionId)));
    }

    /// @notice keccak256(abi.encodePacked("ERC1271: ", permissionId)).
    function toErc1271PolicyId(PermissionId permissionId) internal pure returns (Erc1271PolicyId) {
        return Erc1271PolicyId.wrap(keccak256(abi.encodePacked("ERC1271: ", permissionId)));
    }

    /// @notice keccak256(abi.encodePacked(account, policyId)).
    function toConfigId(address account, bytes32 policyId) internal pure returns (ConfigId) {
        return ConfigId.wrap(keccak256(abi.encodePacked(account, policyId)));
    }

    /// @notice Config id of the userOp policies of a permission.
    function userOpConfigId(address account, PermissionId permissionId) internal pure returns (ConfigId) {
        return toConfigId(account, PermissionId.unwrap(permissionId));
    }

    /// @notice Config id of the action policies of (permission, action).
    function actionConfigId(address account, PermissionId permissionId, ActionId actionId)
        internal
        pure
        returns (ConfigId)
    {
        return toConfigId(account, ActionPolicyId.unwrap(toActionPolicyId(permissionId, actionId)));
    }

    /// @notice Config id of the ERC-1271 policies of a permission.
    function erc1271ConfigId(address account, PermissionId permissionId) internal pure returns (ConfigId) {
        return toConfigId(account, Erc1271PolicyId.unwrap(toErc1271PolicyId(permissionId)));
    }
}
