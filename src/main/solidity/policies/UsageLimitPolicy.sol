// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {ConfigId} from "../smartsession/DataTypes.sol";
import {IPolicy, IUserOpPolicy, IActionPolicy} from "../smartsession/interfaces/IPolicy.sol";
import {PolicyResult} from "./lib/PolicyResult.sol";
import {PolicyInterfaces} from "./lib/PolicyInterfaces.sol";

/// @title UsageLimitPolicy
/// @notice Canonical Smart Sessions usage limit (userOp and action): at most `limit` successful checks.
/// @dev Init data: the first 16 bytes = `uint128 limit` (abi.encodePacked). State keyed
///      (configId, multiplexer = msg.sender, account); checks only consume the caller's own counter.
contract UsageLimitPolicy is IUserOpPolicy, IActionPolicy {
    /// @notice Init data shorter than 16 bytes.
    error InvalidInitDataLength();
    /// @notice The limit is zero.
    error InvalidLimit(uint256 limit);

    struct UsageLimitConfig {
        uint128 limit;
        uint128 used;
    }

    /// @notice (limit, used) of (configId, multiplexer, account); the canonical public getter.
    mapping(ConfigId id => mapping(address multiplexer => mapping(address account => UsageLimitConfig))) public
        usageLimitConfigs;

    /// @notice Sets `limit` and resets `used` to 0 for (configId, msg.sender, account).
    /// @param account The smart account.
    /// @param configId The config id.
    /// @param initData `abi.encodePacked(uint128 limit)`, limit != 0; bytes after 16 are ignored.
    function initializeWithMultiplexer(address account, ConfigId configId, bytes calldata initData) external {
        if (initData.length < 16) revert InvalidInitDataLength();
        uint128 limit = uint128(bytes16(initData[0:16]));
        if (limit == 0) revert InvalidLimit(limit);
        usageLimitConfigs[configId][msg.sender][account] = UsageLimitConfig({limit: limit, used: 0});
        emit IPolicy.PolicySet(configId, msg.sender, account);
    }

    /// @notice Consumes one use of `userOp.sender`'s config; 1 when `used + 1 > limit`.
    /// @param id The config id.
    /// @param userOp The user operation.
    function checkUserOpPolicy(ConfigId id, PackedUserOperation calldata userOp) external returns (uint256) {
        return _use(id, userOp.sender);
    }

    /// @notice Consumes one use of `account`'s config; 1 when `used + 1 > limit`.
    /// @param id The config id.
    /// @param account The smart account.
    /// @param target Ignored.
    /// @param value Ignored.
    /// @param data Ignored.
    function checkAction(ConfigId id, address account, address target, uint256 value, bytes calldata data)
        external
        returns (uint256)
    {
        (target, value, data);
        return _use(id, account);
    }

    /// @notice Uses consumed by (id, multiplexer, account) (canonical getter).
    /// @param id The config id.
    /// @param multiplexer The multiplexer.
    /// @param account The smart account.
    function getUsed(ConfigId id, address multiplexer, address account) external view returns (uint128 used) {
        return usageLimitConfigs[id][multiplexer][account].used;
    }

    /// @notice The configured limit of (id, multiplexer, account); 0 when not configured (canonical getter).
    /// @param id The config id.
    /// @param multiplexer The multiplexer.
    /// @param account The smart account.
    function getUsageLimit(ConfigId id, address multiplexer, address account) external view returns (uint128 limit) {
        return usageLimitConfigs[id][multiplexer][account].limit;
    }

    /// @notice ERC-165: IERC165, IPolicy, IUserOpPolicy and IActionPolicy.
    /// @param interfaceId The queried interface id.
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return PolicyInterfaces.isSupported(interfaceId, true, true, false);
    }

    function _use(ConfigId id, address account) internal returns (uint256) {
        UsageLimitConfig storage $ = usageLimitConfigs[id][msg.sender][account];
        uint128 used = $.used;
        if (used >= $.limit) return PolicyResult.FAILED; // used + 1 > limit
        $.used = used + 1;
        return PolicyResult.SUCCESS;
    }
}
