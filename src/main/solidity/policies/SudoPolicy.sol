// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {ConfigId} from "../smartsession/DataTypes.sol";
import {IPolicy, IUserOpPolicy, IActionPolicy, I1271Policy} from "../smartsession/interfaces/IPolicy.sol";
import {PolicyResult} from "./lib/PolicyResult.sol";
import {PolicyInterfaces} from "./lib/PolicyInterfaces.sol";

/// @title SudoPolicy
/// @notice Canonical Smart Sessions "sudo" policy: stateless, every check succeeds.
/// @dev Implements IUserOpPolicy, IActionPolicy and I1271Policy. Init data is ignored (by convention `0x`).
contract SudoPolicy is IUserOpPolicy, IActionPolicy, I1271Policy {
    /// @notice Records nothing; only emits `PolicySet(configId, msg.sender, account)`.
    /// @param account The smart account.
    /// @param configId The config id.
    /// @param initData Ignored.
    function initializeWithMultiplexer(address account, ConfigId configId, bytes calldata initData) external {
        initData; // unused
        emit IPolicy.PolicySet(configId, msg.sender, account);
    }

    /// @notice Always returns VALIDATION_SUCCESS (0).
    /// @param id Ignored.
    /// @param userOp Ignored.
    function checkUserOpPolicy(ConfigId id, PackedUserOperation calldata userOp) external pure returns (uint256) {
        (id, userOp);
        return PolicyResult.SUCCESS;
    }

    /// @notice Always returns VALIDATION_SUCCESS (0).
    /// @param id Ignored.
    /// @param account Ignored.
    /// @param target Ignored.
    /// @param value Ignored.
    /// @param data Ignored.
    function checkAction(ConfigId id, address account, address target, uint256 value, bytes calldata data)
        external
        pure
        returns (uint256)
    {
        (id, account, target, value, data);
        return PolicyResult.SUCCESS;
    }

    /// @notice Always returns true.
    /// @param id Ignored.
    /// @param requestSender Ignored.
    /// @param account Ignored.
    /// @param hash Ignored.
    /// @param signature Ignored.
    function check1271SignedAction(
        ConfigId id,
        address requestSender,
        address account,
        bytes32 hash,
        bytes calldata signature
    ) external pure returns (bool) {
        (id, requestSender, account, hash, signature);
        return true;
    }

    /// @notice ERC-165: IERC165, IPolicy, IUserOpPolicy, IActionPolicy and I1271Policy.
    /// @param interfaceId The queried interface id.
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return PolicyInterfaces.isSupported(interfaceId, true, true, true);
    }
}
