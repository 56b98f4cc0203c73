// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {
    Session,
    PolicyData,
    ActionData,
    ERC7739Data,
    ERC7739Context,
    PermissionId,
    ActionId,
    PolicyType,
    SmartSessionMode,
    MODULE_TYPE_STATELESS_VALIDATOR
} from "../DataTypes.sol";
import {IERC7579Module} from "@openzeppelin/contracts/interfaces/draft-IERC7579.sol";
import {ISmartSession} from "../interfaces/ISmartSession.sol";
import {AssociatedSetLib} from "../utils/AssociatedSetLib.sol";
import {AssociatedBytesLib} from "../utils/AssociatedBytesLib.sol";
import {ConfigLib} from "../lib/ConfigLib.sol";
import {IdLib} from "../lib/IdLib.sol";
import {NonceManager} from "./NonceManager.sol";

/// @title SmartSessionBase
/// @notice Storage and session management of SmartSession. All storage is ERC-4337 associated storage of the
///         account (the account address is the innermost mapping key), and every function acts on msg.sender.
abstract contract SmartSessionBase is NonceManager {
    using AssociatedSetLib for AssociatedSetLib.Set;
    using AssociatedBytesLib for AssociatedBytesLib.Bytes;
    using ConfigLib for AssociatedSetLib.Set;
    using ConfigLib for ConfigLib.ActionStore;
    using ConfigLib for ConfigLib.ERC7739Store;

    /// @dev A permission's session validator and its opaque config.
    struct SessionValidatorConf {
        address validator;
        AssociatedBytesLib.Bytes config;
    }

    AssociatedSetLib.Set internal $enabledSessions;
    mapping(PermissionId => AssociatedSetLib.Set) internal $userOpPolicies;
    mapping(PermissionId => AssociatedSetLib.Set) internal $erc1271Policies;
    ConfigLib.ActionStore internal $actions;
    ConfigLib.ERC7739Store internal $erc7739;
    mapping(PermissionId => mapping(address account => SessionValidatorConf)) internal $sessionValidators;
    mapping(PermissionId => mapping(address account => bool)) internal $permitERC4337Paymaster;

    /// @dev Management of an existing permission: it must be enabled for msg.sender.
    modifier onlyEnabledPermission(PermissionId permissionId) {
        _requireEnabled(permissionId);
        _;
    }

    /// @dev Enabling on an existing permission: checked again afterwards, so a policy's init cannot remove it.
    modifier enablesOnEnabledPermission(PermissionId permissionId) {
        _requireEnabled(permissionId);
        _;
        _requireEnabled(permissionId);
    }

    // ---- ERC-7579 lifecycle ------------------------------------------------------------------------------------

    /// @notice Installs the module for msg.sender: `data` is empty or `uint8 mode (1|2) ‖ abi.encode(Session[])`.
    /// @param data The install data.
    function onInstall(bytes calldata data) external {
        if ($enabledSessions.length(msg.sender) != 0) revert SmartSessionModuleAlreadyInstalled(msg.sender);
        if (data.length == 0) return;
        uint8 mode = uint8(data[0]);
        if (mode != uint8(SmartSessionMode.ENABLE) && mode != uint8(SmartSessionMode.UNSAFE_ENABLE)) {
            revert InvalidMode();
        }
        _enableSessions(abi.decode(data[1:], (Session[])));
    }

    /// @notice Uninstalls the module for msg.sender: removes every enabled permission.
    function onUninstall(bytes calldata) external {
        uint256 n = $enabledSessions.length(msg.sender);
        for (uint256 i; i < n; ++i) {
            // removal swaps the last element into slot 0, so always take the first
            removeSession(PermissionId.wrap($enabledSessions.at(msg.sender, 0)));
        }
    }

    /// @notice True if `smartAccount` has at least one enabled permission.
    function isInitialized(address smartAccount) external view returns (bool) {
        return $enabledSessions.length(smartAccount) != 0;
    }

    /// @notice SmartSession is a validator (type 1).
    function isModuleType(uint256 typeID) external pure returns (bool) {
        return typeID == 1;
    }

    // ---- management --------------------------------------------------------------------------------------------

    /// @inheritdoc ISmartSession
    function enableSessions(Session[] memory sessions) public returns (PermissionId[] memory permissionIds) {
        return _enableSessions(sessions);
    }

    /// @inheritdoc ISmartSession
    function removeSession(PermissionId permissionId) public {
        if (PermissionId.unwrap(permissionId) == bytes32(0)) revert InvalidSession(permissionId);
        address account = msg.sender;
        $userOpPolicies[permissionId].removeAll(account);
        $erc1271Policies[permissionId].removeAll(account);
        $actions.removeAllActions(permissionId, account);
        $erc7739.removeAllContents(permissionId, account);
        SessionValidatorConf storage conf = $sessionValidators[permissionId][account];
        address validator = conf.validator;
        if (validator != address(0)) {
            delete conf.validator;
            conf.config.clear();
            emit SessionValidatorDisabled(permissionId, validator, account);
        }
        delete $permitERC4337Paymaster[permissionId][account];
        $enabledSessions.remove(account, PermissionId.unwrap(permissionId));
        emit SessionRemoved(permissionId, account);
    }

    /// @inheritdoc ISmartSession
    function enableUserOpPolicies(PermissionId permissionId, PolicyData[] memory userOpPolicies)
        external
        enablesOnEnabledPermission(permissionId)
    {
        $userOpPolicies[permissionId].enablePolicies(
            PolicyType.USER_OP, permissionId, IdLib.userOpConfigId(msg.sender, permissionId), userOpPolicies, msg.sender
        );
    }

    /// @inheritdoc ISmartSession
    function disableUserOpPolicies(PermissionId permissionId, address[] calldata policies)
        external
        onlyEnabledPermission(permissionId)
    {
        $userOpPolicies[permissionId].disablePolicies(PolicyType.USER_OP, permissionId, policies, msg.sender);
    }

    /// @inheritdoc ISmartSession
    function enableActionPolicies(PermissionId permissionId, ActionData[] memory actionPolicies)
        external
        enablesOnEnabledPermission(permissionId)
    {
        $actions.enableActions(permissionId, actionPolicies, msg.sender);
    }

    /// @inheritdoc ISmartSession
    function disableActionPolicies(PermissionId permissionId, ActionId actionId, address[] calldata policies)
        external
        onlyEnabledPermission(permissionId)
    {
        AssociatedSetLib.Set storage set = $actions.policies[actionId][permissionId];
        set.disablePolicies(PolicyType.ACTION, permissionId, policies, msg.sender);
        if (set.length(msg.sender) == 0) {
            $actions.enabledActionIds[permissionId].remove(msg.sender, ActionId.unwrap(actionId));
            emit ActionIdDisabled(permissionId, actionId, msg.sender);
        }
    }

    /// @inheritdoc ISmartSession
    function disableActionId(PermissionId permissionId, ActionId actionId)
        external
        onlyEnabledPermission(permissionId)
    {
        $actions.policies[actionId][permissionId].removeAll(msg.sender);
        $actions.enabledActionIds[permissionId].remove(msg.sender, ActionId.unwrap(actionId));
        emit ActionIdDisabled(permissionId, actionId, msg.sender);
    }

    /// @inheritdoc ISmartSession
    function enableERC1271Policies(PermissionId permissionId, ERC7739Data memory erc1271Policies)
        external
        enablesOnEnabledPermission(permissionId)
    {
        $erc7739.enableContents(permissionId, erc1271Policies.allowedERC7739Content, msg.sender);
        $erc1271Policies[permissionId].enablePolicies(
            PolicyType.ERC1271,
            permissionId,
            IdLib.erc1271ConfigId(msg.sender, permissionId),
            erc1271Policies.erc1271Policies,
            msg.sender
        );
    }

    /// @inheritdoc ISmartSession
    function disableERC1271Policies(
        PermissionId permissionId,
        address[] calldata policies,
        ERC7739Context[] calldata contexts
    ) external onlyEnabledPermission(permissionId) {
        $erc7739.disableContents(permissionId, contexts, msg.sender);
        $erc1271Policies[permissionId].disablePolicies(PolicyType.ERC1271, permissionId, policies, msg.sender);
    }

    /// @inheritdoc ISmartSession
    function setPermit4337Paymaster(PermissionId permissionId, bool enabled)
        external
        onlyEnabledPermission(permissionId)
    {
        _setPermit4337Paymaster(permissionId, msg.sender, enabled);
    }

    // ---- internals ---------------------------------------------------------------------------------------------

    /// @dev enableSessions(): every session is enabled and SessionCreated is emitted.
    function _enableSessions(Session[] memory sessions) internal returns (PermissionId[] memory permissionIds) {
        if (sessions.length == 0) revert InvalidData();
        permissionIds = new PermissionId[](sessions.length);
        for (uint256 i; i < sessions.length; ++i) {
            PermissionId permissionId = IdLib.toPermissionId(sessions[i]);
            _enablePermission(permissionId, sessions[i], msg.sender);
            permissionIds[i] = permissionId;
            emit SessionCreated(permissionId, msg.sender);
        }
    }

    /// @dev The enable steps in order: userOp policies, ERC-7739 contents, ERC-1271 policies, actions, paymaster
    ///      flag, session validator (only if none is set), enabled-permission set.
    function _enablePermission(PermissionId permissionId, Session memory session, address account) internal {
        $userOpPolicies[permissionId].enablePolicies(
            PolicyType.USER_OP,
            permissionId,
            IdLib.userOpConfigId(account, permissionId),
            session.userOpPolicies,
            account
        );
        $erc7739.enableContents(permissionId, session.erc7739Policies.allowedERC7739Content, account);
        $erc1271Policies[permissionId].enablePolicies(
            PolicyType.ERC1271,
            permissionId,
            IdLib.erc1271ConfigId(account, permissionId),
            session.erc7739Policies.erc1271Policies,
            account
        );
        $actions.enableActions(permissionId, session.actions, account);
        _setPermit4337Paymaster(permissionId, account, session.permitERC4337Paymaster);
        if ($sessionValidators[permissionId][account].validator == address(0)) {
            _setSessionValidator(
                permissionId, account, address(session.sessionValidator), session.sessionValidatorInitData
            );
        }
        $enabledSessions.add(account, PermissionId.unwrap(permissionId));
    }

    /// @dev Stores the session validator after checking it is a stateless validator (type 7).
    function _setSessionValidator(PermissionId permissionId, address account, address validator, bytes memory config)
        internal
    {
        if (validator == address(0) || !_isStatelessValidator(validator)) revert InvalidISessionValidator(validator);
        SessionValidatorConf storage conf = $sessionValidators[permissionId][account];
        conf.validator = validator;
        conf.config.store(config);
        emit SessionValidatorEnabled(permissionId, validator, account);
    }

    /// @dev isModuleType(7) via a guarded staticcall: a revert, short return or false all count as "no".
    function _isStatelessValidator(address validator) internal view returns (bool) {
        (bool success, bytes memory ret) =
            validator.staticcall(abi.encodeCall(IERC7579Module.isModuleType, (MODULE_TYPE_STATELESS_VALIDATOR)));
        return success && ret.length >= 32 && abi.decode(ret, (uint256)) == 1;
    }

    function _setPermit4337Paymaster(PermissionId permissionId, address account, bool enabled) internal {
        $permitERC4337Paymaster[permissionId][account] = enabled;
        emit PermissionIdPermit4337Paymaster(permissionId, account, enabled);
    }

    function _requireEnabled(PermissionId permissionId) internal view {
        if (!$enabledSessions.contains(msg.sender, PermissionId.unwrap(permissionId))) {
            revert InvalidPermissionId(permissionId);
        }
    }
}
