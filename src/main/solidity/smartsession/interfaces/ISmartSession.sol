// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IERC7579Validator} from "@openzeppelin/contracts/interfaces/draft-IERC7579.sol";
import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {
    Session,
    PolicyData,
    ActionData,
    ERC7739Data,
    ERC7739Context,
    ERC7739ContextHashes,
    PermissionId,
    ActionId,
    PolicyType,
    SmartSessionMode
} from "../DataTypes.sol";

/// @title ISmartSession
/// @notice The SmartSession v1 validator (ERC-7579 module type 1): session keys for ERC-7579 accounts, scoped by
///         user-operation, action and ERC-1271 policies. Selectors, errors and events match the canonical module
///         (erc7579/smartsessions). Every management function acts on msg.sender as the account.
interface ISmartSession is IERC7579Validator {
    // ---- errors ------------------------------------------------------------------------------------------------
    error ChainIdMismatch(uint64 providedChainId);
    error HashMismatch(bytes32 providedHash, bytes32 computedHash);
    error InvalidData();
    error InvalidMode();
    error InvalidActionId();
    error NoExecutionsInBatch();
    error InvalidTarget();
    error InvalidEnableSignature(address account, bytes32 hash);
    error InvalidISessionValidator(address sessionValidator);
    error InvalidSelfCall();
    error InvalidSession(PermissionId permissionId);
    error SmartSessionModuleAlreadyInstalled(address account);
    error InvalidPermissionId(PermissionId permissionId);
    error InvalidUserOpSender(address sender);
    error NoPoliciesSet(PermissionId permissionId);
    error PolicyViolation(PermissionId permissionId, address policy);
    error PaymasterValidationNotEnabled(PermissionId permissionId);
    error PolicyCheckReverted(bytes32 revertReason);
    error SignerNotFound(PermissionId permissionId, address account);
    error UnsupportedExecutionType();
    error UnsupportedCallType(bytes1 callType);
    error UnsupportedPolicy(address policy);
    error DecodingError();

    // ---- events ------------------------------------------------------------------------------------------------
    event NonceIterated(PermissionId permissionId, address account, uint256 newValue);
    event SessionValidatorEnabled(PermissionId permissionId, address sessionValidator, address smartAccount);
    event SessionValidatorDisabled(PermissionId permissionId, address sessionValidator, address smartAccount);
    event PolicyEnabled(PermissionId permissionId, PolicyType policyType, address policy, address smartAccount);
    event PolicyDisabled(PermissionId permissionId, PolicyType policyType, address policy, address smartAccount);
    event ActionIdDisabled(PermissionId permissionId, ActionId actionId, address smartAccount);
    event SessionCreated(PermissionId permissionId, address account);
    event SessionRemoved(PermissionId permissionId, address smartAccount);
    event PermissionIdPermit4337Paymaster(PermissionId permissionId, address smartAccount, bool enabled);

    // ---- ERC-7579 validator (redeclared so that ISmartSession.f.selector works for every function) ------------

    /// @notice ERC-4337 validation of a session user operation; msg.sender must be userOp.sender.
    function validateUserOp(PackedUserOperation calldata userOp, bytes32 userOpHash) external override returns (uint256);

    /// @notice ERC-1271 for sessions via ERC-7739 nested TypedDataSign; msg.sender is the account.
    function isValidSignatureWithSender(address sender, bytes32 hash, bytes calldata signature)
        external
        view
        override
        returns (bytes4);

    /// @notice Installs the module: data is empty or `uint8 mode (1|2) ‖ abi.encode(Session[])`.
    function onInstall(bytes calldata data) external override;

    /// @notice Uninstalls the module: removes every permission of msg.sender.
    function onUninstall(bytes calldata data) external override;

    /// @notice True for module type 1 (validator).
    function isModuleType(uint256 moduleTypeId) external view override returns (bool);

    /// @notice True if the account has at least one enabled permission.
    function isInitialized(address smartAccount) external view returns (bool);

    // ---- session management (msg.sender is the account) --------------------------------------------------------

    /// @notice Enables sessions: policies, ERC-7739 contents, actions, paymaster flag and (if unset) the validator.
    /// @param sessions The sessions to enable; must not be empty.
    /// @return permissionIds The permission id of each session, in order.
    function enableSessions(Session[] memory sessions) external returns (PermissionId[] memory permissionIds);

    /// @notice Removes a permission with all its policies, actions, contents, validator and paymaster flag.
    ///         Does not reset the enable nonce nor the policies' own state.
    /// @param permissionId The permission to remove.
    function removeSession(PermissionId permissionId) external;

    /// @notice Adds (or re-initializes) userOp policies of an enabled permission.
    /// @param permissionId The enabled permission.
    /// @param userOpPolicies The policies and their init data.
    function enableUserOpPolicies(PermissionId permissionId, PolicyData[] memory userOpPolicies) external;

    /// @notice Removes userOp policies of an enabled permission.
    /// @param permissionId The enabled permission.
    /// @param policies The policy addresses to remove.
    function disableUserOpPolicies(PermissionId permissionId, address[] calldata policies) external;

    /// @notice Adds (or re-initializes) actions and their policies for an enabled permission.
    /// @param permissionId The enabled permission.
    /// @param actionPolicies The actions.
    function enableActionPolicies(PermissionId permissionId, ActionData[] memory actionPolicies) external;

    /// @notice Removes policies of one action; the action id is dropped when none remain.
    /// @param permissionId The enabled permission.
    /// @param actionId The action.
    /// @param policies The policy addresses to remove.
    function disableActionPolicies(PermissionId permissionId, ActionId actionId, address[] calldata policies) external;

    /// @notice Removes an action id with all its policies.
    /// @param permissionId The enabled permission.
    /// @param actionId The action.
    function disableActionId(PermissionId permissionId, ActionId actionId) external;

    /// @notice Adds ERC-7739 contents and ERC-1271 policies for an enabled permission.
    /// @param permissionId The enabled permission.
    /// @param erc1271Policies The contents and policies.
    function enableERC1271Policies(PermissionId permissionId, ERC7739Data memory erc1271Policies) external;

    /// @notice Removes ERC-1271 policies and ERC-7739 contents of an enabled permission.
    /// @param permissionId The enabled permission.
    /// @param policies The policy addresses to remove.
    /// @param contexts The (appDomainSeparator, contentNames) pairs to remove.
    function disableERC1271Policies(
        PermissionId permissionId,
        address[] calldata policies,
        ERC7739Context[] calldata contexts
    ) external;

    /// @notice Sets whether user operations of the permission may use a paymaster.
    /// @param permissionId The enabled permission.
    /// @param enabled The new flag.
    function setPermit4337Paymaster(PermissionId permissionId, bool enabled) external;

    /// @notice Bumps the enable nonce of the permission, invalidating outstanding enable signatures.
    /// @param permissionId The permission.
    function revokeEnableSignature(PermissionId permissionId) external;

    // ---- views -------------------------------------------------------------------------------------------------

    /// @notice The enable nonce of (permission, account) that the next enable digest must use.
    function getNonce(PermissionId permissionId, address account) external view returns (uint256);

    /// @notice keccak256(abi.encode(sessionValidator, sessionValidatorInitData, salt)).
    function getPermissionId(Session memory session) external pure returns (PermissionId permissionId);

    /// @notice The per-chain session digest (hashStruct(SignedSession)) with the account's current nonce.
    function getSessionDigest(PermissionId permissionId, address account, Session memory data, SmartSessionMode mode)
        external
        view
        returns (bytes32);

    /// @notice True if the permission is enabled for the account.
    function isPermissionEnabled(PermissionId permissionId, address account) external view returns (bool);

    /// @notice All enabled permission ids of the account.
    function getPermissionIDs(address account) external view returns (PermissionId[] memory permissionIds);

    /// @notice The stored session validator and its config.
    function getSessionValidatorAndConfig(address account, PermissionId permissionId)
        external
        view
        returns (address sessionValidator, bytes memory sessionValidatorData);

    /// @notice True if a session validator is stored for (permission, account).
    function isISessionValidatorSet(PermissionId permissionId, address account) external view returns (bool);

    /// @notice The enabled action ids of a permission, in set order.
    function getEnabledActions(address account, PermissionId permissionId) external view returns (bytes32[] memory);

    /// @notice True if the action id is enabled for the permission.
    function isActionIdEnabled(address account, PermissionId permissionId, ActionId actionId)
        external
        view
        returns (bool);

    /// @notice The userOp policies of a permission, in set order.
    function getUserOpPolicies(address account, PermissionId permissionId) external view returns (address[] memory);

    /// @notice The policies of one action of a permission, in set order.
    function getActionPolicies(address account, PermissionId permissionId, ActionId actionId)
        external
        view
        returns (address[] memory);

    /// @notice The ERC-1271 policies of a permission, in set order.
    function getERC1271Policies(address account, PermissionId permissionId) external view returns (address[] memory);

    /// @notice True if the policy is a userOp policy of the permission.
    function isUserOpPolicyEnabled(address account, PermissionId permissionId, address policy)
        external
        view
        returns (bool);

    /// @notice True if the policy is a policy of the action of the permission.
    function isActionPolicyEnabled(address account, PermissionId permissionId, ActionId actionId, address policy)
        external
        view
        returns (bool);

    /// @notice True if the policy is an ERC-1271 policy of the permission.
    function isERC1271PolicyEnabled(address account, PermissionId permissionId, address policy)
        external
        view
        returns (bool);

    /// @notice True if `content` is an enabled ERC-7739 content name under `appDomainSeparator`.
    function isERC7739ContentEnabled(
        address account,
        PermissionId permissionId,
        bytes32 appDomainSeparator,
        string memory content
    ) external view returns (bool);

    /// @notice The enabled ERC-7739 contents (hashed names) per app domain separator.
    function getEnabledERC7739Content(address account, PermissionId permissionId)
        external
        view
        returns (ERC7739ContextHashes[] memory);

    /// @notice True if user operations of the permission may use a paymaster.
    function permitERC4337Paymaster(address account, PermissionId permissionId) external view returns (bool);
}
