// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {ConfigId} from "../smartsession/DataTypes.sol";
import {IPolicy, IUserOpPolicy} from "../smartsession/interfaces/IPolicy.sol";
import {PolicyResult} from "./lib/PolicyResult.sol";
import {PolicyInterfaces} from "./lib/PolicyInterfaces.sol";
import {WindowClaim} from "./lib/WindowClaim.sol";

/// @title OperationDeadlinePolicy (Latchkey)
/// @notice Every operation of the session carries its own deadline, and the EntryPoint refuses it after that.
/// @dev Why: a signed operation can land until its nonce is used or it expires. Without a per-operation deadline a
///      session operation lives as long as its session (days), so a wallet that was told "rejected" by a bundler must
///      hold that nonce for days before it may sign anything else in its place. The deadline is a uint48 timestamp in
///      bytes 20..25 of the ERC-7579 mode word of `execute` (the mode payload, which accounts and SmartSession
///      ignore; RateLimitPolicy's claim is bytes 26..31). It is returned as validUntil, so validation reads no clock
///      (ERC-7562 OP-011). Init data is ignored; the only state is the "configured" flag, keyed
///      (configId, multiplexer = msg.sender, account).
contract OperationDeadlinePolicy is IUserOpPolicy {
    mapping(ConfigId => mapping(address multiplexer => mapping(address account => bool))) internal $configured;

    /// @notice Marks (configId, msg.sender, account) configured. Reads no clock (it may run in validation).
    /// @param account The smart account.
    /// @param configId The config id.
    /// @param initData Ignored (the deadline is the operation's, not the session's).
    function initializeWithMultiplexer(address account, ConfigId configId, bytes calldata initData) external {
        (initData);
        $configured[configId][msg.sender][account] = true;
        emit IPolicy.PolicySet(configId, msg.sender, account);
    }

    /// @notice The deadline in the mode word of `userOp.callData` as validUntil; 1 when the callData is not
    ///         `execute` or the deadline is 0 (which would read as "no expiry").
    /// @dev Reverts `PolicyNotInitialized` for an unconfigured key.
    /// @param id The config id.
    /// @param userOp The user operation.
    function checkUserOpPolicy(ConfigId id, PackedUserOperation calldata userOp) external view returns (uint256) {
        if (!$configured[id][msg.sender][userOp.sender]) revert PolicyNotInitialized(id, msg.sender, userOp.sender);
        (bool ok, uint48 deadline) = deadlineOf(userOp.callData);
        if (!ok || deadline == 0) return PolicyResult.FAILED;
        return PolicyResult.packTimeRange(deadline, 0);
    }

    /// @notice Whether (id, multiplexer, account) is configured.
    /// @param id The config id.
    /// @param multiplexer The multiplexer.
    /// @param account The smart account.
    function isConfigured(ConfigId id, address multiplexer, address account) external view returns (bool) {
        return $configured[id][multiplexer][account];
    }

    /// @notice The deadline an `execute` callData carries; ok = false for any other callData.
    /// @param callData The user operation's callData.
    function deadlineOf(bytes calldata callData) public pure returns (bool ok, uint48 deadline) {
        if (callData.length < 36 || bytes4(callData[0:4]) != WindowClaim.EXECUTE) return (false, 0);
        return (true, uint48(bytes6(callData[24:30])));
    }

    /// @notice ERC-165: IERC165, IPolicy and IUserOpPolicy.
    /// @param interfaceId The queried interface id.
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return PolicyInterfaces.isSupported(interfaceId, true, false, false);
    }
}
