// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ISessionValidator} from "./interfaces/ISessionValidator.sol";

// Struct layouts, field order and names follow the canonical Smart Sessions v1 module byte for byte:
// permission ids, ABI encodings and the EIP-712 enable digest are computed over them, so any drift
// makes our sessions incompatible with the canonical deployment on public networks.

type PermissionId is bytes32;
type ActionId is bytes32;
type ConfigId is bytes32;
type UserOpPolicyId is bytes32;
type ActionPolicyId is bytes32;
type Erc1271PolicyId is bytes32;

struct PolicyData {
    address policy;
    bytes initData;
}

/// @dev Selector before target: the canonical order, which the EIP-712 ActionData type relies on.
struct ActionData {
    bytes4 actionTargetSelector;
    address actionTarget;
    PolicyData[] actionPolicies;
}

struct ERC7739Context {
    bytes32 appDomainSeparator;
    string[] contentNames;
}

struct ERC7739Data {
    ERC7739Context[] allowedERC7739Content;
    PolicyData[] erc1271Policies;
}

struct Session {
    ISessionValidator sessionValidator;
    bytes sessionValidatorInitData;
    bytes32 salt;
    PolicyData[] userOpPolicies;
    ERC7739Data erc7739Policies;
    ActionData[] actions;
    bool permitERC4337Paymaster;
}

struct ChainDigest {
    uint64 chainId;
    bytes32 sessionDigest;
}

struct EnableSession {
    uint8 chainDigestIndex;
    ChainDigest[] hashesAndChainIds;
    Session sessionToEnable;
    bytes permissionEnableSig;
}

/// @dev Only used to define the EIP-712 types; never stored.
struct ChainSession {
    uint64 chainId;
    Session session;
}

/// @dev Only used to define the EIP-712 types; never stored.
struct MultiChainSession {
    ChainSession[] sessionsAndChainIds;
}

enum SmartSessionMode {
    USE,
    ENABLE,
    UNSAFE_ENABLE
}

enum PolicyType {
    NA,
    USER_OP,
    ACTION,
    ERC1271
}

/// @dev Target of the generic fallback action and of the admin-access action.
address constant FALLBACK_TARGET_FLAG = address(1);
/// @dev Selector of the generic fallback action: its policies run for any call without its own policies.
bytes4 constant FALLBACK_TARGET_SELECTOR_FLAG = 0x00000001;
/// @dev Selector of the admin-access action: the only way a session may call SmartSession itself.
bytes4 constant FALLBACK_TARGET_SELECTOR_FLAG_PERMITTED_TO_CALL_SMARTSESSION = 0x00000002;
/// @dev keccak256(abi.encodePacked(address(1), bytes4(0x00000001)))
ActionId constant FALLBACK_ACTIONID = ActionId.wrap(0xd884b6afa19f8ace90a388daca691e4e28f20cdac5aeefd46ad8bd1c074d28cf);
/// @dev keccak256(abi.encodePacked(address(1), bytes4(0x00000002)))
ActionId constant FALLBACK_ACTIONID_SMARTSESSION_CALL =
    ActionId.wrap(0x986126569d6396d837d7adeb3ca726199afaf83546f38726e6f331bb92d8e9d6);
/// @dev Selector used for calls whose calldata is shorter than four bytes (plain value transfers).
bytes4 constant VALUE_SELECTOR = 0xFFFFFFFF;

/// @dev ERC-7780 module type of a stateless validator; session validators must report it.
uint256 constant MODULE_TYPE_STATELESS_VALIDATOR = 7;

/// @dev View-only: the enabled ERC-7739 content-name hashes of one app domain separator.
struct ERC7739ContextHashes {
    bytes32 appDomainSeparator;
    bytes32[] contentNameHashes;
}

/// @dev ERC-7579 module type of a validator.
uint256 constant MODULE_TYPE_VALIDATOR = 1;
