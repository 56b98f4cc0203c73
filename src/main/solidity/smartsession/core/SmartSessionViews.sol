// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {Session, PermissionId, ActionId, SmartSessionMode, ERC7739ContextHashes} from "../DataTypes.sol";
import {AssociatedSetLib} from "../utils/AssociatedSetLib.sol";
import {AssociatedBytesLib} from "../utils/AssociatedBytesLib.sol";
import {IdLib} from "../lib/IdLib.sol";
import {HashLib} from "../lib/HashLib.sol";
import {SmartSessionBase} from "./SmartSessionBase.sol";

/// @title SmartSessionViews
/// @notice Read-only access to a session's configuration, for wallets and SDKs.
abstract contract SmartSessionViews is SmartSessionBase {
    using AssociatedSetLib for AssociatedSetLib.Set;
    using AssociatedBytesLib for AssociatedBytesLib.Bytes;

    /// @notice The per-chain session digest with the account's current enable nonce.
    /// @param permissionId The permission (selects the nonce; not re-derived from `data`).
    /// @param account The smart account.
    /// @param data The session.
    /// @param mode ENABLE or UNSAFE_ENABLE.
    function getSessionDigest(PermissionId permissionId, address account, Session memory data, SmartSessionMode mode)
        external
        view
        returns (bytes32)
    {
        return HashLib.sessionDigest(data, account, address(this), mode, $signerNonce[permissionId][account]);
    }

    /// @notice keccak256(abi.encode(sessionValidator, sessionValidatorInitData, salt)).
    function getPermissionId(Session memory session) external pure returns (PermissionId) {
        return IdLib.toPermissionId(session);
    }

    /// @notice True if the permission is enabled for `account`.
    function isPermissionEnabled(PermissionId permissionId, address account) external view returns (bool) {
        return $enabledSessions.contains(account, PermissionId.unwrap(permissionId));
    }

    /// @notice All enabled permissions of `account`.
    function getPermissionIDs(address account) external view returns (PermissionId[] memory permissionIds) {
        bytes32[] memory raw = $enabledSessions.values(account);
        assembly ("memory-safe") {
            permissionIds := raw
        }
    }

    /// @notice The stored session validator and config.
    function getSessionValidatorAndConfig(address account, PermissionId permissionId)
        external
        view
        returns (address sessionValidator, bytes memory sessionValidatorData)
    {
        SessionValidatorConf storage conf = $sessionValidators[permissionId][account];
        sessionValidator = conf.validator;
        sessionValidatorData = conf.config.load();
    }

    /// @notice True if a session validator is stored.
    function isISessionValidatorSet(PermissionId permissionId, address account) external view returns (bool) {
        return $sessionValidators[permissionId][account].validator != address(0);
    }

    /// @notice The enabled action ids of a permission.
    function getEnabledActions(address account, PermissionId permissionId) external view returns (bytes32[] memory) {
        return $actions.enabledActionIds[permissionId].values(account);
    }

    /// @notice True if the action id is enabled.
    function isActionIdEnabled(address account, PermissionId permissionId, ActionId actionId)
        external
        view
        returns (bool)
    {
        return $actions.enabledActionIds[permissionId].contains(account, ActionId.unwrap(actionId));
    }

    /// @notice The userOp policies of a permission.
    function getUserOpPolicies(address account, PermissionId permissionId) external view returns (address[] memory) {
        return $userOpPolicies[permissionId].addressValues(account);
    }

    /// @notice The policies of an action of a permission.
    function getActionPolicies(address account, PermissionId permissionId, ActionId actionId)
        external
        view
        returns (address[] memory)
    {
        return $actions.policies[actionId][permissionId].addressValues(account);
    }

    /// @notice The ERC-1271 policies of a permission.
    function getERC1271Policies(address account, PermissionId permissionId) external view returns (address[] memory) {
        return $erc1271Policies[permissionId].addressValues(account);
    }

    /// @notice True if `policy` is a userOp policy of the permission.
    function isUserOpPolicyEnabled(address account, PermissionId permissionId, address policy)
        external
        view
        returns (bool)
    {
        return $userOpPolicies[permissionId].containsAddress(account, policy);
    }

    /// @notice True if `policy` is a policy of the action.
    function isActionPolicyEnabled(address account, PermissionId permissionId, ActionId actionId, address policy)
        external
        view
        returns (bool)
    {
        return $actions.policies[actionId][permissionId].containsAddress(account, policy);
    }

    /// @notice True if `policy` is an ERC-1271 policy of the permission.
    function isERC1271PolicyEnabled(address account, PermissionId permissionId, address policy)
        external
        view
        returns (bool)
    {
        return $erc1271Policies[permissionId].containsAddress(account, policy);
    }

    /// @notice True if `content` (the full contents description) is enabled under `appDomainSeparator`.
    function isERC7739ContentEnabled(
        address account,
        PermissionId permissionId,
        bytes32 appDomainSeparator,
        string memory content
    ) external view returns (bool) {
        return $erc7739.contentNames[permissionId][appDomainSeparator].contains(
            account, HashLib.hashERC7739Content(content)
        );
    }

    /// @notice The enabled ERC-7739 content-name hashes grouped by app domain separator.
    function getEnabledERC7739Content(address account, PermissionId permissionId)
        external
        view
        returns (ERC7739ContextHashes[] memory contexts)
    {
        bytes32[] memory separators = $erc7739.domainSeparators[permissionId].values(account);
        contexts = new ERC7739ContextHashes[](separators.length);
        for (uint256 i; i < separators.length; ++i) {
            contexts[i].appDomainSeparator = separators[i];
            contexts[i].contentNameHashes = $erc7739.contentNames[permissionId][separators[i]].values(account);
        }
    }

    /// @notice True if user operations of the permission may use a paymaster.
    function permitERC4337Paymaster(address account, PermissionId permissionId) external view returns (bool) {
        return $permitERC4337Paymaster[permissionId][account];
    }
}
