// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {ConfigId} from "../smartsession/DataTypes.sol";
import {IPolicy, IUserOpPolicy, IActionPolicy} from "../smartsession/interfaces/IPolicy.sol";
import {PolicyResult} from "./lib/PolicyResult.sol";
import {PolicyInterfaces} from "./lib/PolicyInterfaces.sol";
import {FixedWindow} from "./lib/FixedWindow.sol";

/// @title RateLimitPolicy (Latchkey)
/// @notice At most `maxUses` successful checks per fixed window of `interval` seconds (userOp and action).
/// @dev Init data: `abi.encodePacked(uint32 maxUses, uint48 interval)` (10 bytes, both nonzero). Windows are
///      fixed and aligned to the init timestamp: [t0 + k·interval, t0 + (k+1)·interval). The whole state is one
///      slot keyed (configId, multiplexer = msg.sender, account); checks only consume the caller's own counter.
///      Note: reads block.timestamp during validation (ERC-7562 OP-011), see docs/policies.md.
contract RateLimitPolicy is IUserOpPolicy, IActionPolicy {
    /// @notice Init data shorter than 10 bytes.
    error InvalidInitDataLength();
    /// @notice maxUses is zero.
    error InvalidMaxUses();
    /// @notice interval is zero.
    error InvalidInterval();

    struct RateData {
        uint32 maxUses;
        uint32 used;
        uint48 interval;
        uint48 windowStart;
    }

    mapping(ConfigId => mapping(address multiplexer => mapping(address account => RateData))) internal $rate;

    /// @notice Sets (maxUses, interval), starts the first window now and resets the counter.
    /// @param account The smart account.
    /// @param configId The config id.
    /// @param initData `abi.encodePacked(uint32 maxUses, uint48 interval)`; bytes after 10 are ignored.
    function initializeWithMultiplexer(address account, ConfigId configId, bytes calldata initData) external {
        if (initData.length < 10) revert InvalidInitDataLength();
        uint32 maxUses = uint32(bytes4(initData[0:4]));
        uint48 interval = uint48(bytes6(initData[4:10]));
        if (maxUses == 0) revert InvalidMaxUses();
        if (interval == 0) revert InvalidInterval();
        $rate[configId][msg.sender][account] =
            RateData({maxUses: maxUses, used: 0, interval: interval, windowStart: uint48(block.timestamp)});
        emit IPolicy.PolicySet(configId, msg.sender, account);
    }

    /// @notice Consumes one use of the current window of `userOp.sender`; 1 when the window is exhausted.
    /// @dev Reverts `PolicyNotInitialized` for an unconfigured key.
    /// @param id The config id.
    /// @param userOp The user operation.
    function checkUserOpPolicy(ConfigId id, PackedUserOperation calldata userOp) external returns (uint256) {
        return _use(id, userOp.sender);
    }

    /// @notice Consumes one use of the current window of `account`; 1 when the window is exhausted.
    /// @dev Reverts `PolicyNotInitialized` for an unconfigured key.
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

    /// @notice Live view of (id, multiplexer, account): a window that has elapsed reads as a fresh one.
    /// @param id The config id.
    /// @param multiplexer The multiplexer.
    /// @param account The smart account.
    /// @return usedInWindow Uses consumed in the current window.
    /// @return maxUses Uses allowed per window.
    /// @return windowStart Start of the current window.
    /// @return interval Window length in seconds.
    function getRateLimit(ConfigId id, address multiplexer, address account)
        external
        view
        returns (uint32 usedInWindow, uint32 maxUses, uint48 windowStart, uint48 interval)
    {
        RateData memory d = $rate[id][multiplexer][account];
        if (d.interval == 0) return (0, 0, 0, 0);
        (uint256 start, bool rolled) = FixedWindow.current(d.windowStart, d.interval, block.timestamp);
        // casting to uint48 is safe: start <= block.timestamp < 2^48.
        // forge-lint: disable-next-line(unsafe-typecast)
        return (rolled ? 0 : d.used, d.maxUses, uint48(start), d.interval);
    }

    /// @notice ERC-165: IERC165, IPolicy, IUserOpPolicy and IActionPolicy.
    /// @param interfaceId The queried interface id.
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return PolicyInterfaces.isSupported(interfaceId, true, true, false);
    }

    function _use(ConfigId id, address account) internal returns (uint256) {
        RateData storage $ = $rate[id][msg.sender][account];
        RateData memory d = $;
        if (d.interval == 0) revert PolicyNotInitialized(id, msg.sender, account);
        (uint256 start, bool rolled) = FixedWindow.current(d.windowStart, d.interval, block.timestamp);
        uint32 used = rolled ? 0 : d.used;
        if (used >= d.maxUses) return PolicyResult.FAILED; // used + 1 > maxUses
        $.used = used + 1;
        // casting to uint48 is safe: start <= block.timestamp < 2^48.
        // forge-lint: disable-next-line(unsafe-typecast)
        if (rolled) $.windowStart = uint48(start);
        return PolicyResult.SUCCESS;
    }
}
