// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ConfigId} from "../../smartsession/DataTypes.sol";

/// @title TokenListStorage
/// @notice The list of tokens a per-token policy is configured with, kept so that a re-init can clear every old
///         token (audit finding: re-init must reset all state). No external function: a policy whose ABI must equal
///         the canonical one (ERC20SpendingLimitPolicy has no `getTokens`) inherits only this.
/// @dev Stored as (configId, multiplexer, index, account): the account is the innermost key (ERC-7562
///      associated storage). Writes are keyed by msg.sender, the multiplexer.
abstract contract TokenListStorage {
    mapping(ConfigId => mapping(address multiplexer => mapping(uint256 index => mapping(address account => address))))
        internal $tokenAt;
    mapping(ConfigId => mapping(address multiplexer => mapping(address account => uint256))) internal $tokenCount;

    /// @dev The tokens currently configured for (id, multiplexer, account).
    function _configuredTokens(ConfigId id, address multiplexer, address account)
        internal
        view
        returns (address[] memory tokens)
    {
        uint256 n = $tokenCount[id][multiplexer][account];
        tokens = new address[](n);
        for (uint256 i; i < n; ++i) {
            tokens[i] = $tokenAt[id][multiplexer][i][account];
        }
    }

    /// @dev Forgets every token configured for (configId, msg.sender, account) and clears each one's state.
    function _clearTokens(ConfigId configId, address account) internal {
        uint256 oldCount = $tokenCount[configId][msg.sender][account];
        for (uint256 i; i < oldCount; ++i) {
            _clearTokenState(configId, $tokenAt[configId][msg.sender][i][account], account);
            delete $tokenAt[configId][msg.sender][i][account];
        }
        delete $tokenCount[configId][msg.sender][account];
    }

    /// @dev Appends `token` to the list of (configId, msg.sender, account); callers append each token once.
    function _appendToken(ConfigId configId, address account, address token) internal {
        uint256 index = $tokenCount[configId][msg.sender][account]++;
        $tokenAt[configId][msg.sender][index][account] = token;
    }

    /// @dev Deletes the policy's own per-token state of `token`.
    function _clearTokenState(ConfigId configId, address token, address account) internal virtual;
}
