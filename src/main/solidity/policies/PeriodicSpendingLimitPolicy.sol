// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ConfigId} from "../smartsession/DataTypes.sol";
import {IPolicy, IActionPolicy} from "../smartsession/interfaces/IPolicy.sol";
import {PolicyResult} from "./lib/PolicyResult.sol";
import {PolicyInterfaces} from "./lib/PolicyInterfaces.sol";
import {ERC20CallParser} from "./lib/ERC20CallParser.sol";
import {ConfiguredTokenList} from "./lib/ConfiguredTokenList.sol";
import {WindowClaim} from "./lib/WindowClaim.sol";

/// @title PeriodicSpendingLimitPolicy (Latchkey)
/// @notice Per-token ERC-20 allowance that refills every `period` seconds (IActionPolicy).
/// @dev Init data: `abi.encode(address[] tokens, uint256[] limits, uint48 period)`. All tokens share the period;
///      periods are fixed and aligned to the Unix epoch: [k·period, (k+1)·period). transfer, transferFrom (0 when
///      `to == account`), approve and increaseAllowance all add to one `used` counter. The call carries the time it
///      claims to land at as a 6-byte suffix (WindowClaim); the check accounts the period of that claim and returns
///      the period as validAfter/validUntil, so validation reads no clock (ERC-7562 OP-011) and the EntryPoint
///      rejects the op outside the period it was counted in. Unlike ERC20SpendingLimitPolicy, an unconfigured token
///      always fails. State keyed (configId, multiplexer = msg.sender, token, account) / (configId, multiplexer,
///      index, account); checks only consume the caller's own budget.
contract PeriodicSpendingLimitPolicy is IActionPolicy, ConfiguredTokenList {
    /// @notice Emitted on every successful check.
    event PeriodicTokenSpent(
        ConfigId id, address multiplexer, address token, address account, uint256 amount, uint256 remaining
    );

    /// @notice `tokens.length != limits.length`.
    error InvalidInitDataLength();
    /// @notice A token is the zero address.
    error InvalidTokenAddress(address token);
    /// @notice A limit is zero.
    error InvalidLimit(uint256 limit);
    /// @notice The period is zero.
    error InvalidPeriod();

    struct TokenBudget {
        uint256 limit;
        uint256 used;
        uint48 periodStart;
        uint48 period;
    }

    mapping(ConfigId => mapping(address multiplexer => mapping(address token => mapping(address account => TokenBudget))))
        internal $budget;

    /// @notice Clears every previously configured token, then sets the new budgets with `used = 0`. A token listed
    ///         twice keeps the last limit. Reads no clock (it may run in validation, ENABLE mode).
    /// @param account The smart account.
    /// @param configId The config id.
    /// @param initData `abi.encode(address[] tokens, uint256[] limits, uint48 period)`.
    function initializeWithMultiplexer(address account, ConfigId configId, bytes calldata initData) external {
        (address[] memory tokens, uint256[] memory limits, uint48 period) =
            abi.decode(initData, (address[], uint256[], uint48));
        if (tokens.length != limits.length) revert InvalidInitDataLength();
        if (period == 0) revert InvalidPeriod();

        _clearTokens(configId, account);

        for (uint256 i; i < tokens.length; ++i) {
            address token = tokens[i];
            uint256 limit = limits[i];
            if (token == address(0)) revert InvalidTokenAddress(token);
            if (limit == 0) revert InvalidLimit(limit);
            TokenBudget storage $ = $budget[configId][msg.sender][token][account];
            if ($.limit == 0) _appendToken(configId, account, token);
            $.limit = limit;
            $.period = period;
        }
        emit IPolicy.PolicySet(configId, msg.sender, account);
    }

    /// @notice Accounts an ERC-20 call on token `target` against the budget of the period its claim falls in.
    /// @dev `data` = ERC-20 call (exactly its static arguments) ‖ uint48 claimed time. `value != 0`, a missing
    ///      claim, extra or missing bytes, unsupported selectors, unconfigured tokens and a claim in a period before
    ///      the one already counted → 1. A later period starts from `used = 0`. Fails (1) when
    ///      `used + amount > limit`; else returns validAfter = period start, validUntil = its last second.
    /// @param id The config id.
    /// @param account The smart account.
    /// @param target The token.
    /// @param value Native value (must be 0).
    /// @param data The ERC-20 calldata.
    function checkAction(ConfigId id, address account, address target, uint256 value, bytes calldata data)
        external
        returns (uint256)
    {
        if (value != 0) return PolicyResult.FAILED;
        (bool parsed, uint256 amount, uint256 claim) = _parse(account, data);
        if (!parsed) return PolicyResult.FAILED;
        (bool ok, uint256 remaining, uint256 validation) = _spend($budget[id][msg.sender][target][account], amount, claim);
        if (!ok) return PolicyResult.FAILED;
        emit PeriodicTokenSpent(id, msg.sender, target, account, amount, remaining);
        return validation;
    }

    /// @notice Live budget of one token: an elapsed period reads as a fresh one (used 0, current periodStart).
    /// @param id The config id.
    /// @param multiplexer The multiplexer.
    /// @param token The token.
    /// @param account The smart account.
    /// @return used Spent + approved in the current period.
    /// @return limit Allowance per period (0 = not configured).
    /// @return periodStart Start of the current period.
    /// @return period Period length in seconds.
    function getBudget(ConfigId id, address multiplexer, address token, address account)
        external
        view
        returns (uint256 used, uint256 limit, uint48 periodStart, uint48 period)
    {
        TokenBudget memory b = $budget[id][multiplexer][token][account];
        if (b.limit == 0) return (0, 0, 0, 0);
        // A view, never called in validation: the clock is allowed here.
        uint256 current = block.timestamp - (block.timestamp % b.period);
        bool rolled = current > b.periodStart;
        // casting to uint48 is safe: current <= block.timestamp < 2^48.
        // forge-lint: disable-next-line(unsafe-typecast)
        return (rolled ? 0 : b.used, b.limit, rolled ? uint48(current) : b.periodStart, b.period);
    }

    /// @dev Re-init clears the old tokens' state through this hook.
    function _clearTokenState(ConfigId configId, address token, address account) internal override {
        delete $budget[configId][msg.sender][token][account];
    }

    /// @notice ERC-165: IERC165, IPolicy and IActionPolicy.
    /// @param interfaceId The queried interface id.
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return PolicyInterfaces.isSupported(interfaceId, false, true, false);
    }

    /// @dev `data` = exactly one supported ERC-20 call ‖ uint48 claim.
    function _parse(address account, bytes calldata data) internal pure returns (bool, uint256, uint256) {
        (bool claimed, uint256 claim, bytes calldata call) = WindowClaim.splitSuffix(data);
        if (!claimed || call.length != ERC20CallParser.encodedLength(call)) return (false, 0, 0);
        (ERC20CallParser.Kind kind, uint256 amount) = ERC20CallParser.parse(account, call);
        return (kind != ERC20CallParser.Kind.UNSUPPORTED, amount, claim);
    }

    function _spend(TokenBudget storage $, uint256 amount, uint256 claim) internal returns (bool, uint256, uint256) {
        uint256 limit = $.limit;
        if (limit == 0) return (false, 0, 0);
        (bool ok, uint256 start, uint256 validation) = WindowClaim.window(claim, $.period);
        uint256 counted = $.periodStart;
        // Inclusion is sequential: a period before the one counted is over, and its counter is gone.
        if (!ok || start < counted) return (false, 0, 0);
        uint256 used = start == counted ? $.used : 0;
        if (amount > limit - used) return (false, 0, 0); // used <= limit always holds
        $.used = used + amount;
        // casting to uint48 is safe: start <= claim < 2^48.
        // forge-lint: disable-next-line(unsafe-typecast)
        if (start != counted) $.periodStart = uint48(start);
        return (true, limit - used - amount, validation);
    }
}
