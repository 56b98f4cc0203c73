// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {Execution} from "@openzeppelin/contracts/interfaces/draft-IERC7579.sol";

/// @title ExecutionLib
/// @notice Strict decoding of ERC-7579 `executionCalldata` (the second argument of `execute(bytes32,bytes)`).
/// @dev single: abi.encodePacked(address target, uint256 value, bytes callData)  (20 + 32 + n bytes)
///      batch : abi.encode(Execution[])
///      Every offset and length of a batch is checked against the bounds of the given buffer (not just against
///      calldatasize), so a decoded batch can never read bytes from outside `executionCalldata`. Anything malformed
///      reverts `DecodingError()` (0xba597e7e). The accepted set is a subset of what `abi.decode(.., (Execution[]))`
///      accepts, and an accepted buffer decodes to the same values.
///      API is stable: also used by the policies (ValueLimitPolicy).
library ExecutionLib {
    /// @notice The execution calldata is malformed or points outside its own buffer.
    error DecodingError();

    /// @notice Decodes a single execution: target(20) ‖ value(32) ‖ callData.
    /// @param executionCalldata The packed single execution.
    /// @return target The call target.
    /// @return value The call value in wei.
    /// @return callData The remaining bytes (may be empty).
    function decodeSingle(bytes calldata executionCalldata)
        internal
        pure
        returns (address target, uint256 value, bytes calldata callData)
    {
        if (executionCalldata.length < 52) revert DecodingError();
        target = address(bytes20(executionCalldata[0:20]));
        value = uint256(bytes32(executionCalldata[20:52]));
        callData = executionCalldata[52:];
    }

    /// @notice Decodes and fully validates an `abi.encode(Execution[])` batch.
    /// @param executionCalldata The ABI-encoded batch.
    /// @return executions A calldata view of the batch; every element was bounds-checked.
    function decodeBatch(bytes calldata executionCalldata) internal pure returns (Execution[] calldata executions) {
        unchecked {
            uint256 end = executionCalldata.length;
            uint256 base;
            assembly ("memory-safe") {
                base := executionCalldata.offset
            }
            if (end < 0x20) revert DecodingError();
            uint256 arrayOffset = _word(base, 0);
            // The length word must lie inside the buffer.
            if (arrayOffset > end - 0x20) revert DecodingError();
            uint256 length = _word(base, arrayOffset);
            uint256 arrayStart = arrayOffset + 0x20; // <= end
            // The element offset table must lie inside the buffer.
            if (length > (end - arrayStart) >> 5) revert DecodingError();
            uint256 room = end - arrayStart;
            for (uint256 i; i < length; ++i) {
                uint256 elementOffset = _word(base, arrayStart + (i << 5));
                // The element head (target, value, callData offset) must lie inside the buffer.
                if (elementOffset > room || room - elementOffset < 0x60) revert DecodingError();
                uint256 element = arrayStart + elementOffset;
                // abi.decode rejects dirty address bits, so do we.
                if (_word(base, element) >> 160 != 0) revert DecodingError();
                uint256 dataOffset = _word(base, element + 0x40);
                uint256 elementRoom = end - element;
                // The bytes length word must lie inside the buffer.
                if (dataOffset > elementRoom || elementRoom - dataOffset < 0x20) revert DecodingError();
                uint256 dataStart = element + dataOffset + 0x20;
                // The bytes payload must lie inside the buffer.
                if (_word(base, element + dataOffset) > end - dataStart) revert DecodingError();
            }
            assembly ("memory-safe") {
                executions.offset := add(base, arrayStart)
                executions.length := length
            }
        }
    }

    /// @notice Strictly decodes `execute(bytes32 mode, bytes executionCalldata)` calldata (selector included).
    /// @dev Requires the 4-byte selector and the two head words (>= 68 bytes) and an in-bounds bytes argument.
    /// @param callData The full call data, starting with the selector (not checked here).
    /// @return mode The ERC-7579 execution mode.
    /// @return executionCalldata The `bytes` argument, as a calldata slice.
    function decodeUserOpCallData(bytes calldata callData)
        internal
        pure
        returns (bytes32 mode, bytes calldata executionCalldata)
    {
        unchecked {
            if (callData.length < 68) revert DecodingError();
            uint256 base;
            assembly ("memory-safe") {
                base := add(callData.offset, 4)
            }
            uint256 end = callData.length - 4;
            mode = bytes32(_word(base, 0));
            uint256 offset = _word(base, 0x20);
            if (offset > end - 0x20) revert DecodingError();
            uint256 length = _word(base, offset);
            if (length > end - offset - 0x20) revert DecodingError();
            assembly ("memory-safe") {
                executionCalldata.offset := add(base, add(offset, 0x20))
                executionCalldata.length := length
            }
        }
    }

    /// @dev Reads the calldata word at `base + pos` (the caller guarantees it is in bounds).
    function _word(uint256 base, uint256 pos) private pure returns (uint256 w) {
        assembly ("memory-safe") {
            w := calldataload(add(base, pos))
        }
    }
}
