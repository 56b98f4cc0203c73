// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {ConfigId} from "../smartsession/DataTypes.sol";
import {IPolicy, IUserOpPolicy} from "../smartsession/interfaces/IPolicy.sol";
import {PolicyResult} from "./lib/PolicyResult.sol";
import {PolicyInterfaces} from "./lib/PolicyInterfaces.sol";

/// @title GasCostLimitPolicy (Latchkey)
/// @notice Cumulative cap on the maximum gas COST (wei) a session's user operations may commit (IUserOpPolicy).
/// @dev Init data: `abi.encode(uint256 costLimit)`, nonzero. Per op:
///      gas  = verificationGasLimit + callGasLimit + preVerificationGas
///             [+ paymasterVerificationGasLimit + paymasterPostOpGasLimit when paymasterAndData.length >= 52]
///      cost = gas × maxFeePerGas (the worst case the op can be charged: validation reads no BASEFEE, ERC-7562
///      OP-011). Fails (1) when `used + cost > limit` (or on arithmetic overflow), else `used += cost`. State keyed
///      (configId, multiplexer = msg.sender, account = userOp.sender).
contract GasCostLimitPolicy is IUserOpPolicy {
    /// @notice Init data shorter than 32 bytes.
    error InvalidInitDataLength();
    /// @notice The cost limit is zero.
    error InvalidLimit(uint256 limit);

    struct CostData {
        uint256 limit;
        uint256 used;
    }

    mapping(ConfigId => mapping(address multiplexer => mapping(address account => CostData))) internal $cost;

    /// @notice Sets the cost limit and resets `used` to 0 for (configId, msg.sender, account).
    /// @param account The smart account.
    /// @param configId The config id.
    /// @param initData `abi.encode(uint256 costLimit)`, costLimit != 0.
    function initializeWithMultiplexer(address account, ConfigId configId, bytes calldata initData) external {
        if (initData.length < 32) revert InvalidInitDataLength();
        uint256 limit = uint256(bytes32(initData[0:32]));
        if (limit == 0) revert InvalidLimit(limit);
        $cost[configId][msg.sender][account] = CostData({limit: limit, used: 0});
        emit IPolicy.PolicySet(configId, msg.sender, account);
    }

    /// @notice Accounts the op's maximum cost; 1 when the cumulative cost would exceed the limit.
    /// @dev Reverts `PolicyNotInitialized` for an unconfigured key.
    /// @param id The config id.
    /// @param userOp The user operation.
    function checkUserOpPolicy(ConfigId id, PackedUserOperation calldata userOp) external returns (uint256) {
        CostData storage $ = $cost[id][msg.sender][userOp.sender];
        uint256 limit = $.limit;
        if (limit == 0) revert PolicyNotInitialized(id, msg.sender, userOp.sender);
        (bool ok, uint256 cost) = maxCost(userOp);
        uint256 used = $.used;
        if (!ok || cost > limit - used) return PolicyResult.FAILED; // used <= limit always holds
        $.used = used + cost;
        return PolicyResult.SUCCESS;
    }

    /// @notice The maximum cost (wei) of `userOp`: all its gas limits at maxFeePerGas; ok = false on overflow.
    /// @param userOp The user operation.
    function maxCost(PackedUserOperation calldata userOp)
        public
        pure
        returns (bool ok, uint256 cost)
    {
        unchecked {
            bytes32 gasLimits = userOp.accountGasLimits; // verificationGasLimit(16) ‖ callGasLimit(16)
            bytes32 fees = userOp.gasFees; // maxPriorityFeePerGas(16) ‖ maxFeePerGas(16)
            // Both terms < 2^128; preVerificationGas is a full uint256, so the later additions are overflow-checked.
            uint256 gas = (uint256(gasLimits) >> 128) + uint256(uint128(uint256(gasLimits)));
            gas += userOp.preVerificationGas;
            if (gas < userOp.preVerificationGas) return (false, 0);
            bytes calldata pm = userOp.paymasterAndData;
            if (pm.length >= 52) {
                uint256 pmGas = uint256(uint128(bytes16(pm[20:36]))) + uint256(uint128(bytes16(pm[36:52])));
                if (gas + pmGas < gas) return (false, 0);
                gas += pmGas;
            }
            uint256 price = uint128(uint256(fees));
            if (gas != 0 && price > type(uint256).max / gas) return (false, 0);
            return (true, gas * price);
        }
    }

    /// @notice Usage of (id, multiplexer, account).
    /// @param id The config id.
    /// @param multiplexer The multiplexer.
    /// @param account The smart account.
    function getUsage(ConfigId id, address multiplexer, address account)
        external
        view
        returns (uint256 used, uint256 limit)
    {
        CostData storage $ = $cost[id][multiplexer][account];
        return ($.used, $.limit);
    }

    /// @notice ERC-165: IERC165, IPolicy and IUserOpPolicy.
    /// @param interfaceId The queried interface id.
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return PolicyInterfaces.isSupported(interfaceId, true, false, false);
    }
}
