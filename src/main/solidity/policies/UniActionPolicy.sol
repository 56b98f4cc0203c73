// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ConfigId} from "../smartsession/DataTypes.sol";
import {IPolicy, IActionPolicy} from "../smartsession/interfaces/IPolicy.sol";
import {PolicyResult} from "./lib/PolicyResult.sol";
import {PolicyInterfaces} from "./lib/PolicyInterfaces.sol";
import {CalldataReader} from "./lib/CalldataReader.sol";

// Struct and enum layouts are the canonical ones: init data is `abi.encode(ActionConfig)`, a fully static
// 98-word (3136-byte) tuple: valueLimitPerUse, length, then 16 × [condition, offset, isLimited, ref, limit, used].

/// @notice Limits applied to one rule's parameter: `used + param <= limit`.
struct LimitUsage {
    uint256 limit;
    uint256 used;
}

/// @notice Comparison of a calldata word (unsigned 256-bit) against a reference.
enum ParamCondition {
    EQUAL,
    GREATER_THAN,
    LESS_THAN,
    GREATER_THAN_OR_EQUAL,
    LESS_THAN_OR_EQUAL,
    NOT_EQUAL,
    IN_RANGE
}

/// @notice One rule: `param = data[4 + offset : 36 + offset]` compared to `ref` with `condition`.
struct ParamRule {
    ParamCondition condition;
    uint64 offset;
    bool isLimited;
    bytes32 ref;
    LimitUsage usage;
}

/// @notice Up to 16 rules; only the first `length` are active.
struct ParamRules {
    uint256 length;
    ParamRule[16] rules;
}

/// @notice Full UniActionPolicy config.
struct ActionConfig {
    uint256 valueLimitPerUse;
    ParamRules paramRules;
}

/// @title UniActionPolicy
/// @notice Canonical Smart Sessions "universal action" policy (IActionPolicy): per-argument conditions with
///         optional cumulative limits, plus a per-call native value cap.
/// @dev State is keyed (configId, multiplexer = msg.sender, account); the account is the innermost mapping key so
///      every slot is ERC-7562 "associated" with the account. `checkAction` writes only to the caller's own slot, so
///      a foreign caller can never consume another multiplexer's limits.
contract UniActionPolicy is IActionPolicy {
    using CalldataReader for bytes;

    /// @notice `value` exceeds the configured per-call native value limit.
    error ValueLimitExceeded(ConfigId id, uint256 value, uint256 limit);
    /// @notice The init data holds more than 16 rules.
    error TooManyRules(uint256 length);

    uint256 internal constant MAX_RULES = 16;
    uint256 internal constant LOW_128 = type(uint128).max;

    /// @notice The stored config of (configId, multiplexer, account), rules and their live `used` included: the
    ///         canonical public getter. The storage layout equals the canonical one too (the only state variable).
    mapping(ConfigId id => mapping(address multiplexer => mapping(address account => ActionConfig))) public
        actionConfigs;

    /// @notice Stores `abi.decode(initData, (ActionConfig))` for (configId, msg.sender, account), overwriting
    ///         every rule slot (rules at index >= length are cleared). `used` is copied as given.
    /// @dev Reverts `TooManyRules` if `length > 16`; malformed init data (bad enum / bool) reverts in abi.decode.
    /// @param account The smart account.
    /// @param configId The config id.
    /// @param initData `abi.encode(ActionConfig)`.
    function initializeWithMultiplexer(address account, ConfigId configId, bytes calldata initData) external {
        ActionConfig memory config = abi.decode(initData, (ActionConfig));
        uint256 length = config.paramRules.length;
        if (length > MAX_RULES) revert TooManyRules(length);
        ActionConfig storage $ = actionConfigs[configId][msg.sender][account];
        $.valueLimitPerUse = config.valueLimitPerUse;
        $.paramRules.length = length;
        for (uint256 i; i < MAX_RULES; ++i) {
            if (i < length) {
                $.paramRules.rules[i] = config.paramRules.rules[i];
            } else {
                delete $.paramRules.rules[i];
            }
        }
        emit IPolicy.PolicySet(configId, msg.sender, account);
    }

    /// @notice Checks `value` and every active rule against `data`; cumulative limits are consumed on success
    ///         of each rule (a later failing rule makes SmartSession revert, rolling the writes back).
    /// @dev Reverts `PolicyNotInitialized` when no rule is configured, `ValueLimitExceeded` when
    ///      `value > valueLimitPerUse`, and `CalldataReader.ArgumentOutOfBounds` for an offset outside `data`.
    ///      Only effective for the multiplexer calling it (state keyed by msg.sender).
    /// @param id The config id.
    /// @param account The smart account.
    /// @param target Ignored.
    /// @param value Native value of the call.
    /// @param data Calldata of the call.
    /// @return 0 when every rule passes, 1 otherwise.
    function checkAction(ConfigId id, address account, address target, uint256 value, bytes calldata data)
        external
        returns (uint256)
    {
        target;
        ActionConfig storage $ = actionConfigs[id][msg.sender][account];
        uint256 length = $.paramRules.length;
        if (length == 0) revert PolicyNotInitialized(id, msg.sender, account);
        uint256 valueLimit = $.valueLimitPerUse;
        if (value > valueLimit) revert ValueLimitExceeded(id, value, valueLimit);
        for (uint256 i; i < length; ++i) {
            if (!_checkRule($.paramRules.rules[i], data)) return PolicyResult.FAILED;
        }
        return PolicyResult.SUCCESS;
    }

    /// @notice ERC-165: IERC165, IPolicy and IActionPolicy.
    /// @param interfaceId The queried interface id.
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return PolicyInterfaces.isSupported(interfaceId, false, true, false);
    }

    function _checkRule(ParamRule storage rule, bytes calldata data) internal returns (bool) {
        uint256 param = uint256(data.argWord(rule.offset));
        uint256 ref = uint256(rule.ref);
        ParamCondition c = rule.condition;
        bool ok;
        if (c == ParamCondition.EQUAL) ok = param == ref;
        else if (c == ParamCondition.GREATER_THAN) ok = param > ref;
        else if (c == ParamCondition.LESS_THAN) ok = param < ref;
        else if (c == ParamCondition.GREATER_THAN_OR_EQUAL) ok = param >= ref;
        else if (c == ParamCondition.LESS_THAN_OR_EQUAL) ok = param <= ref;
        else if (c == ParamCondition.NOT_EQUAL) ok = param != ref;
        else ok = param >= (ref >> 128) && param <= (ref & LOW_128); // IN_RANGE, inclusive
        if (!ok) return false;
        if (rule.isLimited) {
            LimitUsage storage u = rule.usage;
            uint256 used = u.used;
            // Overflow-safe form of `used + param > limit`.
            uint256 limit = u.limit;
            if (used > limit || param > limit - used) return false;
            u.used = used + param;
        }
        return true;
    }
}
