// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {ConfigId} from "../DataTypes.sol";

/// @title IPolicy
/// @notice Base of every Smart Sessions policy. State is keyed by (configId, multiplexer = msg.sender, account).
interface IPolicy is IERC165 {
    event PolicySet(ConfigId id, address multiplexer, address account);

    error PolicyNotInitialized(ConfigId id, address multiplexer, address account);

    /// @notice Sets (and overwrites) the policy's state for `configId` of `account` under the calling multiplexer.
    /// @param account The smart account the configuration belongs to.
    /// @param configId The config id derived by SmartSession.
    /// @param initData Policy-specific init data, in the canonical format.
    function initializeWithMultiplexer(address account, ConfigId configId, bytes calldata initData) external;
}

/// @title IUserOpPolicy
/// @notice A policy checked once per user operation. interfaceId = 0x7129edce.
interface IUserOpPolicy is IPolicy {
    /// @notice Returns 0 (success), 1 (failure) or packed validAfter/validUntil with zero low 160 bits.
    function checkUserOpPolicy(ConfigId id, PackedUserOperation calldata userOp) external returns (uint256);
}

/// @title IActionPolicy
/// @notice A policy checked once per execution (target, value, calldata). interfaceId = 0x05c00895.
interface IActionPolicy is IPolicy {
    /// @notice Returns 0 (success), 1 (failure) or packed validAfter/validUntil with zero low 160 bits.
    function checkAction(ConfigId id, address account, address target, uint256 value, bytes calldata data)
        external
        returns (uint256);
}

/// @title I1271Policy
/// @notice A policy checked for ERC-1271 session signatures. interfaceId = 0xcbf34505.
interface I1271Policy is IPolicy {
    /// @notice True when the session may sign `hash` for `requestSender` on behalf of `account`.
    function check1271SignedAction(
        ConfigId id,
        address requestSender,
        address account,
        bytes32 hash,
        bytes calldata signature
    ) external view returns (bool);
}
