// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {Execution} from "@openzeppelin/contracts/interfaces/draft-IERC7579.sol";
import {ConfigId} from "../smartsession/DataTypes.sol";
import {IPolicy, IUserOpPolicy, IActionPolicy} from "../smartsession/interfaces/IPolicy.sol";
import {ExecutionLib} from "../smartsession/lib/ExecutionLib.sol";
import {PolicyResult} from "./lib/PolicyResult.sol";
import {PolicyInterfaces} from "./lib/PolicyInterfaces.sol";

/// @title ValueLimitPolicy
/// @notice Canonical Smart Sessions value limit (userOp and action): cumulative cap on native value sent.
/// @dev Init data: the first 32 bytes = `uint256 limit` (abi.encode), nonzero; `used` reset to 0. State keyed
///      (configId, multiplexer = msg.sender, account); checks only consume the caller's own counter.
///      The userOp path decodes ERC-7579 execute calldata with the shared strict ExecutionLib.
contract ValueLimitPolicy is IUserOpPolicy, IActionPolicy {
    /// @notice Init data shorter than 32 bytes.
    error InvalidInitDataLength();
    /// @notice The limit is zero.
    error InvalidLimit(uint256 limit);
    /// @notice The execute mode's call type is neither single (0x00) nor batch (0x01).
    error UnsupportedCallType(bytes1 callType);

    struct ValueLimitConfig {
        uint256 valueLimit;
        uint256 limitUsed;
    }

    /// @dev ERC-7579 execute(bytes32,bytes).
    bytes4 internal constant EXECUTE_SELECTOR = 0xe9ae5c53;
    bytes1 internal constant CALLTYPE_SINGLE = 0x00;
    bytes1 internal constant CALLTYPE_BATCH = 0x01;

    /// @notice (valueLimit, limitUsed) of (configId, multiplexer, account); the canonical public getter.
    mapping(ConfigId id => mapping(address multiplexer => mapping(address account => ValueLimitConfig))) public
        valueLimitConfigs;

    /// @notice Sets the limit and resets `used` to 0 for (configId, msg.sender, account).
    /// @param account The smart account.
    /// @param configId The config id.
    /// @param initData `abi.encode(uint256 limit)`, limit != 0; bytes after 32 are ignored.
    function initializeWithMultiplexer(address account, ConfigId configId, bytes calldata initData) external {
        if (initData.length < 32) revert InvalidInitDataLength();
        uint256 limit = uint256(bytes32(initData[0:32]));
        if (limit == 0) revert InvalidLimit(limit);
        valueLimitConfigs[configId][msg.sender][account] = ValueLimitConfig({valueLimit: limit, limitUsed: 0});
        emit IPolicy.PolicySet(configId, msg.sender, account);
    }

    /// @notice Accounts the native value of an ERC-7579 `execute` user operation.
    /// @dev Single → its value; batch → sum of values; other call types revert `UnsupportedCallType`; a
    ///      non-execute selector succeeds without accounting. Malformed calldata reverts `DecodingError()`.
    /// @param id The config id.
    /// @param userOp The user operation.
    function checkUserOpPolicy(ConfigId id, PackedUserOperation calldata userOp) external returns (uint256) {
        bytes calldata callData = userOp.callData;
        if (callData.length < 4 || bytes4(callData[0:4]) != EXECUTE_SELECTOR) return PolicyResult.SUCCESS;
        // The same strict decoder SmartSession uses, so policy and engine agree on what an execute call is.
        (bytes32 mode, bytes calldata executionCalldata) = ExecutionLib.decodeUserOpCallData(callData);
        bytes1 callType = mode[0];
        uint256 total;
        if (callType == CALLTYPE_SINGLE) {
            (, total,) = ExecutionLib.decodeSingle(executionCalldata);
        } else if (callType == CALLTYPE_BATCH) {
            Execution[] calldata executions = ExecutionLib.decodeBatch(executionCalldata);
            for (uint256 i; i < executions.length; ++i) {
                uint256 v = executions[i].value;
                if (v > type(uint256).max - total) return PolicyResult.FAILED;
                total += v;
            }
        } else {
            revert UnsupportedCallType(callType);
        }
        return _spend(id, userOp.sender, total);
    }

    /// @notice Accounts `value`; 1 when `used + value > limit`.
    /// @param id The config id.
    /// @param account The smart account.
    /// @param target Ignored.
    /// @param value Native value of the call.
    /// @param data Ignored.
    function checkAction(ConfigId id, address account, address target, uint256 value, bytes calldata data)
        external
        returns (uint256)
    {
        (target, data);
        return _spend(id, account, value);
    }

    /// @notice Native value consumed by (id, multiplexer, account) (canonical getter).
    /// @param id The config id.
    /// @param multiplexer The multiplexer.
    /// @param account The smart account.
    function getUsed(ConfigId id, address multiplexer, address account) external view returns (uint256) {
        return valueLimitConfigs[id][multiplexer][account].limitUsed;
    }

    /// @notice The configured limit of (id, multiplexer, account); 0 when not configured (canonical getter).
    /// @param id The config id.
    /// @param multiplexer The multiplexer.
    /// @param account The smart account.
    function getValueLimit(ConfigId id, address multiplexer, address account) external view returns (uint256) {
        return valueLimitConfigs[id][multiplexer][account].valueLimit;
    }

    /// @notice ERC-165: IERC165, IPolicy, IUserOpPolicy and IActionPolicy.
    /// @param interfaceId The queried interface id.
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return PolicyInterfaces.isSupported(interfaceId, true, true, false);
    }

    function _spend(ConfigId id, address account, uint256 amount) internal returns (uint256) {
        ValueLimitConfig storage $ = valueLimitConfigs[id][msg.sender][account];
        uint256 used = $.limitUsed;
        // used <= limit always holds; an unconfigured key has limit 0 and only accepts 0.
        if (amount > $.valueLimit - used) return PolicyResult.FAILED;
        $.limitUsed = used + amount;
        return PolicyResult.SUCCESS;
    }
}
