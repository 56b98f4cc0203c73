// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {ConfigId} from "../smartsession/DataTypes.sol";
import {IPolicy, IUserOpPolicy, IActionPolicy} from "../smartsession/interfaces/IPolicy.sol";
import {PolicyResult} from "./lib/PolicyResult.sol";
import {PolicyInterfaces} from "./lib/PolicyInterfaces.sol";
import {WindowClaim} from "./lib/WindowClaim.sol";

/// @title RateLimitPolicy (Latchkey)
/// @notice At most `maxUses` successful checks per fixed window of `interval` seconds (userOp and action).
/// @dev Init data: `abi.encodePacked(uint32 maxUses, uint48 interval)` (10 bytes, both nonzero). Windows are
///      fixed and aligned to the Unix epoch: [k·interval, (k+1)·interval). The op claims the time it lands at
///      (WindowClaim: in the mode word of `execute` for the userOp check, as the last 6 bytes of the call for the
///      action check); the use is counted in that claim's window and the window is returned as
///      validAfter/validUntil, so validation reads no clock (ERC-7562 OP-011). The whole state is one slot keyed
///      (configId, multiplexer = msg.sender, account); checks only consume the caller's own counter.
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

    /// @notice Sets (maxUses, interval) and resets the counter. Reads no clock (it may run in validation).
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
            RateData({maxUses: maxUses, used: 0, interval: interval, windowStart: 0});
        emit IPolicy.PolicySet(configId, msg.sender, account);
    }

    /// @notice Consumes one use of the window claimed in the mode word of `userOp.callData`; 1 when that window is
    ///         exhausted, when the op is not `execute` (no claim) or the claim is before the window already counted.
    /// @dev Reverts `PolicyNotInitialized` for an unconfigured key.
    /// @param id The config id.
    /// @param userOp The user operation.
    function checkUserOpPolicy(ConfigId id, PackedUserOperation calldata userOp) external returns (uint256) {
        (bool claimed, uint256 claim) = WindowClaim.fromMode(userOp.callData);
        return _use(id, userOp.sender, claimed, claim);
    }

    /// @notice Consumes one use of the window claimed by the last 6 bytes of `data`; 1 when that window is
    ///         exhausted, `data` is shorter than 6 bytes or the claim is before the window already counted.
    /// @dev Reverts `PolicyNotInitialized` for an unconfigured key.
    /// @param id The config id.
    /// @param account The smart account.
    /// @param target Ignored.
    /// @param value Ignored.
    /// @param data The call, ending with the 6-byte claim.
    function checkAction(ConfigId id, address account, address target, uint256 value, bytes calldata data)
        external
        returns (uint256)
    {
        (target, value);
        (bool claimed, uint256 claim,) = WindowClaim.splitSuffix(data);
        return _use(id, account, claimed, claim);
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
        // A view, never called in validation: the clock is allowed here.
        uint256 current = block.timestamp - (block.timestamp % d.interval);
        bool rolled = current > d.windowStart;
        // casting to uint48 is safe: current <= block.timestamp < 2^48.
        // forge-lint: disable-next-line(unsafe-typecast)
        return (rolled ? 0 : d.used, d.maxUses, rolled ? uint48(current) : d.windowStart, d.interval);
    }

    /// @notice ERC-165: IERC165, IPolicy, IUserOpPolicy and IActionPolicy.
    /// @param interfaceId The queried interface id.
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return PolicyInterfaces.isSupported(interfaceId, true, true, false);
    }

    function _use(ConfigId id, address account, bool claimed, uint256 claim) internal returns (uint256) {
        RateData storage $ = $rate[id][msg.sender][account];
        RateData memory d = $;
        if (d.interval == 0) revert PolicyNotInitialized(id, msg.sender, account);
        if (!claimed) return PolicyResult.FAILED;
        (bool ok, uint256 start, uint256 validation) = WindowClaim.window(claim, d.interval);
        // Inclusion is sequential: a window before the one counted is over, and its counter is gone.
        if (!ok || start < d.windowStart) return PolicyResult.FAILED;
        uint32 used = start == d.windowStart ? d.used : 0;
        if (used >= d.maxUses) return PolicyResult.FAILED; // used + 1 > maxUses
        $.used = used + 1;
        // casting to uint48 is safe: start <= claim < 2^48.
        // forge-lint: disable-next-line(unsafe-typecast)
        if (start != d.windowStart) $.windowStart = uint48(start);
        return validation;
    }
}
