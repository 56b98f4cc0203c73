// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ConfigId} from "../smartsession/DataTypes.sol";
import {IPolicy, IActionPolicy} from "../smartsession/interfaces/IPolicy.sol";
import {PolicyResult} from "./lib/PolicyResult.sol";
import {PolicyInterfaces} from "./lib/PolicyInterfaces.sol";
import {ERC20CallParser} from "./lib/ERC20CallParser.sol";
import {TokenListStorage} from "./lib/TokenListStorage.sol";

/// @title ERC20SpendingLimitPolicy
/// @notice Canonical Smart Sessions ERC-20 spending limit (IActionPolicy): per token, the sum of transferred
///         and approved amounts may not exceed the configured limit.
/// @dev Init data: `abi.encode(address[] tokens, uint256[] limits)`. The token is the action `target`.
///      Per-token state is keyed (configId, multiplexer, token, account) and the token list is stored as
///      (configId, multiplexer, index, account) — the account is always the innermost key (ERC-7562 associated
///      storage). All writes are keyed by msg.sender, so only the multiplexer's own state is ever consumed.
contract ERC20SpendingLimitPolicy is IActionPolicy, TokenListStorage {
    /// @notice Emitted on every successful check.
    event TokenSpent(
        ConfigId id, address multiplexer, address token, address account, uint256 amount, uint256 remaining
    );

    /// @notice `tokens.length != limits.length`.
    error InvalidInitDataLength();
    /// @notice A token is the zero address.
    error InvalidTokenAddress(address token);
    /// @notice A limit is zero.
    error InvalidLimit(uint256 limit);

    struct TokenPolicyData {
        uint256 alreadySpent;
        uint256 approvedAmount;
        uint256 spendingLimit;
    }

    mapping(ConfigId => mapping(address multiplexer => mapping(address token => mapping(address account => TokenPolicyData))))
        internal $data;

    /// @notice Clears every token previously configured for (configId, msg.sender, account), then stores the new
    ///         tokens and limits with zero usage. A token listed twice keeps the last limit.
    /// @param account The smart account.
    /// @param configId The config id.
    /// @param initData `abi.encode(address[] tokens, uint256[] limits)`.
    function initializeWithMultiplexer(address account, ConfigId configId, bytes calldata initData) external {
        (address[] memory tokens, uint256[] memory limits) = abi.decode(initData, (address[], uint256[]));
        if (tokens.length != limits.length) revert InvalidInitDataLength();

        _clearTokens(configId, account);

        for (uint256 i; i < tokens.length; ++i) {
            address token = tokens[i];
            uint256 limit = limits[i];
            if (token == address(0)) revert InvalidTokenAddress(token);
            if (limit == 0) revert InvalidLimit(limit);
            TokenPolicyData storage $ = $data[configId][msg.sender][token][account];
            // A nonzero limit here can only come from this loop (all old entries were deleted): a duplicate.
            if ($.spendingLimit == 0) _appendToken(configId, account, token);
            $.spendingLimit = limit;
        }
        emit IPolicy.PolicySet(configId, msg.sender, account);
    }

    /// @notice Accounts an ERC-20 call on token `target`.
    /// @dev `value != 0` → 1; transfer / transferFrom add to alreadySpent (transferFrom to the account itself
    ///      counts 0); approve / increaseAllowance add to approvedAmount; any other selector → 1. Fails (1) when
    ///      `alreadySpent + approvedAmount > limit` (an unconfigured token has limit 0). Effective only for the
    ///      calling multiplexer's state.
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
        (ERC20CallParser.Kind kind, uint256 amount) = ERC20CallParser.parse(account, data);
        if (kind == ERC20CallParser.Kind.UNSUPPORTED) return PolicyResult.FAILED;
        if (target == address(0)) revert InvalidTokenAddress(target);

        uint256 remaining;
        {
            TokenPolicyData storage $ = $data[id][msg.sender][target][account];
            bool ok;
            (ok, remaining) = _account($, kind, amount);
            if (!ok) return PolicyResult.FAILED;
        }
        emit TokenSpent(id, msg.sender, target, account, amount, remaining);
        return PolicyResult.SUCCESS;
    }

    /// @dev Adds `amount` to the counter selected by `kind` unless the total would exceed the limit.
    function _account(TokenPolicyData storage $, ERC20CallParser.Kind kind, uint256 amount)
        internal
        returns (bool ok, uint256 remaining)
    {
        uint256 spent = $.alreadySpent;
        uint256 approved = $.approvedAmount;
        uint256 limit = $.spendingLimit;
        uint256 total = spent + approved; // both were accepted against limit: no overflow
        if (total > limit || amount > limit - total) return (false, 0);
        if (kind == ERC20CallParser.Kind.SPEND) $.alreadySpent = spent + amount;
        else $.approvedAmount = approved + amount;
        return (true, limit - total - amount);
    }

    /// @notice The state of one token for (id, multiplexer, account), in the canonical order.
    /// @dev Reverts `InvalidTokenAddress(token)` for a token without a configured limit, as the canonical policy does.
    /// @param id The config id.
    /// @param multiplexer The multiplexer.
    /// @param token The token.
    /// @param account The smart account.
    /// @return spendingLimit The configured limit.
    /// @return alreadySpent Sum of transferred amounts.
    /// @return approvedAmount Sum of approved amounts.
    function getPolicyData(ConfigId id, address multiplexer, address token, address account)
        external
        view
        returns (uint256 spendingLimit, uint256 alreadySpent, uint256 approvedAmount)
    {
        TokenPolicyData storage $ = $data[id][multiplexer][token][account];
        if ($.spendingLimit == 0) revert InvalidTokenAddress(token);
        return ($.spendingLimit, $.alreadySpent, $.approvedAmount);
    }

    /// @dev Re-init clears the old tokens' state through this hook.
    function _clearTokenState(ConfigId configId, address token, address account) internal override {
        delete $data[configId][msg.sender][token][account];
    }

    /// @notice ERC-165: IERC165, IPolicy and IActionPolicy.
    /// @param interfaceId The queried interface id.
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return PolicyInterfaces.isSupported(interfaceId, false, true, false);
    }
}
