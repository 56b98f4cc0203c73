// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ERC165Checker} from "@openzeppelin/contracts/utils/introspection/ERC165Checker.sol";
import {PolicyData, ActionData, ERC7739Context, PermissionId, ActionId, ConfigId, PolicyType} from "../DataTypes.sol";
import {IPolicy, IUserOpPolicy, IActionPolicy, I1271Policy} from "../interfaces/IPolicy.sol";
import {ISmartSession} from "../interfaces/ISmartSession.sol";
import {AssociatedSetLib} from "../utils/AssociatedSetLib.sol";
import {IdLib} from "./IdLib.sol";
import {HashLib} from "./HashLib.sol";

/// @title ConfigLib
/// @notice Enabling and disabling of policies, actions and ERC-7739 contents (spec §2.2).
library ConfigLib {
    using AssociatedSetLib for AssociatedSetLib.Set;

    /// @dev The storage of the ERC-7739 contents of every permission.
    struct ERC7739Store {
        mapping(PermissionId => mapping(bytes32 appDomainSeparator => AssociatedSetLib.Set)) contentNames;
        mapping(PermissionId => AssociatedSetLib.Set) domainSeparators;
    }

    /// @dev The storage of the actions of every permission.
    struct ActionStore {
        mapping(ActionId => mapping(PermissionId => AssociatedSetLib.Set)) policies;
        mapping(PermissionId => AssociatedSetLib.Set) enabledActionIds;
    }

    /// @notice The ERC-165 interface id a policy of `policyType` must support.
    function interfaceIdOf(PolicyType policyType) internal pure returns (bytes4) {
        if (policyType == PolicyType.USER_OP) return type(IUserOpPolicy).interfaceId;
        if (policyType == PolicyType.ACTION) return type(IActionPolicy).interfaceId;
        if (policyType == PolicyType.ERC1271) return type(I1271Policy).interfaceId;
        return 0xffffffff;
    }

    /// @notice Adds each policy to `set` and (re-)initializes it: ERC-165 check, add, initializeWithMultiplexer.
    /// @dev Re-enabling a policy overwrites its state for `configId`.
    function enablePolicies(
        AssociatedSetLib.Set storage set,
        PolicyType policyType,
        PermissionId permissionId,
        ConfigId configId,
        PolicyData[] memory policies,
        address account
    ) internal {
        bytes4 interfaceId = interfaceIdOf(policyType);
        for (uint256 i; i < policies.length; ++i) {
            address policy = policies[i].policy;
            if (!ERC165Checker.supportsERC165InterfaceUnchecked(policy, interfaceId)) {
                revert ISmartSession.UnsupportedPolicy(policy);
            }
            set.addAddress(account, policy);
            IPolicy(policy).initializeWithMultiplexer(account, configId, policies[i].initData);
            emit ISmartSession.PolicyEnabled(permissionId, policyType, policy, account);
        }
    }

    /// @notice Removes each listed policy from `set`; absent ones are skipped silently.
    function disablePolicies(
        AssociatedSetLib.Set storage set,
        PolicyType policyType,
        PermissionId permissionId,
        address[] calldata policies,
        address account
    ) internal {
        for (uint256 i; i < policies.length; ++i) {
            if (set.removeAddress(account, policies[i])) {
                emit ISmartSession.PolicyDisabled(permissionId, policyType, policies[i], account);
            }
        }
    }

    /// @notice Enables actions: checks the action id, records it and enables its policies.
    function enableActions(
        ActionStore storage store,
        PermissionId permissionId,
        ActionData[] memory actions,
        address account
    ) internal {
        for (uint256 i; i < actions.length; ++i) {
            ActionData memory action = actions[i];
            ActionId actionId = IdLib.toActionId(action.actionTarget, action.actionTargetSelector);
            if (
                action.actionTarget == address(0) || action.actionTarget == address(this)
                    || ActionId.unwrap(actionId) == bytes32(0)
            ) revert ISmartSession.InvalidActionId();
            store.enabledActionIds[permissionId].add(account, ActionId.unwrap(actionId));
            enablePolicies(
                store.policies[actionId][permissionId],
                PolicyType.ACTION,
                permissionId,
                IdLib.actionConfigId(account, permissionId, actionId),
                action.actionPolicies,
                account
            );
        }
    }

    /// @notice Removes every action id of a permission together with its policies.
    function removeAllActions(ActionStore storage store, PermissionId permissionId, address account) internal {
        AssociatedSetLib.Set storage ids = store.enabledActionIds[permissionId];
        uint256 n = ids.length(account);
        for (uint256 i; i < n; ++i) {
            store.policies[ActionId.wrap(ids.at(account, i))][permissionId].removeAll(account);
        }
        ids.removeAll(account);
    }

    /// @notice Enables ERC-7739 contents (app domain separator → content-name hashes).
    function enableContents(
        ERC7739Store storage store,
        PermissionId permissionId,
        ERC7739Context[] memory contexts,
        address account
    ) internal {
        for (uint256 i; i < contexts.length; ++i) {
            bytes32 separator = contexts[i].appDomainSeparator;
            store.domainSeparators[permissionId].add(account, separator);
            AssociatedSetLib.Set storage names = store.contentNames[permissionId][separator];
            string[] memory contentNames = contexts[i].contentNames;
            for (uint256 j; j < contentNames.length; ++j) {
                names.add(account, HashLib.hashERC7739Content(contentNames[j]));
            }
        }
    }

    /// @notice Disables ERC-7739 contents; a separator without remaining names is dropped.
    function disableContents(
        ERC7739Store storage store,
        PermissionId permissionId,
        ERC7739Context[] calldata contexts,
        address account
    ) internal {
        for (uint256 i; i < contexts.length; ++i) {
            bytes32 separator = contexts[i].appDomainSeparator;
            AssociatedSetLib.Set storage names = store.contentNames[permissionId][separator];
            string[] calldata contentNames = contexts[i].contentNames;
            for (uint256 j; j < contentNames.length; ++j) {
                names.remove(account, keccak256(bytes(contentNames[j])));
            }
            if (names.length(account) == 0) store.domainSeparators[permissionId].remove(account, separator);
        }
    }

    /// @notice Removes every ERC-7739 content of a permission.
    function removeAllContents(ERC7739Store storage store, PermissionId permissionId, address account) internal {
        AssociatedSetLib.Set storage separators = store.domainSeparators[permissionId];
        uint256 n = separators.length(account);
        for (uint256 i; i < n; ++i) {
            store.contentNames[permissionId][separators.at(account, i)].removeAll(account);
        }
        separators.removeAll(account);
    }
}
