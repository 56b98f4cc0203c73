// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ConfigId} from "../../smartsession/DataTypes.sol";
import {TokenListStorage} from "./TokenListStorage.sol";

/// @title ConfiguredTokenList
/// @notice A per-token policy's token list (TokenListStorage) made enumerable from outside, so the wallet can list
///         live budgets of our own policies.
abstract contract ConfiguredTokenList is TokenListStorage {
    /// @notice The tokens currently configured for (id, multiplexer, account).
    /// @param id The config id.
    /// @param multiplexer The multiplexer.
    /// @param account The smart account.
    function getTokens(ConfigId id, address multiplexer, address account)
        external
        view
        returns (address[] memory tokens)
    {
        return _configuredTokens(id, multiplexer, account);
    }
}
