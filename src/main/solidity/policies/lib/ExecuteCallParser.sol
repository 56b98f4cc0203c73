// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ExecutionLib} from "../../smartsession/lib/ExecutionLib.sol";

/// @title ExecuteCallParser
/// @notice Strict split of `execute(bytes32 mode, bytes executionCalldata)` calldata (selector 0xe9ae5c53).
/// @dev Applies solc abi.decode bounds: at least 68 bytes, the bytes offset and length <= 2^64 - 1 and the
///      payload inside `callData`. Malformed input reverts `ExecutionLib.DecodingError()`.
library ExecuteCallParser {
    bytes4 internal constant EXECUTE_SELECTOR = 0xe9ae5c53;

    /// @notice Whether `callData` starts with the ERC-7579 `execute(bytes32,bytes)` selector.
    /// @param callData The user operation's callData.
    function isExecute(bytes calldata callData) internal pure returns (bool) {
        return callData.length >= 4 && bytes4(callData[0:4]) == EXECUTE_SELECTOR;
    }

    /// @notice Returns the mode and a calldata view of the execution calldata.
    /// @param callData `0xe9ae5c53 ‖ abi.encode(bytes32 mode, bytes executionCalldata)`.
    function decode(bytes calldata callData) internal pure returns (bytes32 mode, bytes calldata executionCalldata) {
        uint256 total = callData.length;
        if (total < 68) revert ExecutionLib.DecodingError();
        mode = bytes32(callData[4:36]);
        uint256 offset = uint256(bytes32(callData[36:68]));
        if (offset > type(uint64).max) revert ExecutionLib.DecodingError();
        uint256 lenPos = 4 + offset;
        if (lenPos > total - 32) revert ExecutionLib.DecodingError();
        uint256 len = uint256(bytes32(callData[lenPos:lenPos + 32]));
        if (len > type(uint64).max || len > total - lenPos - 32) revert ExecutionLib.DecodingError();
        executionCalldata = callData[lenPos + 32:lenPos + 32 + len];
    }
}
