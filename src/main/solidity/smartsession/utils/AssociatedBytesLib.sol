// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// @title AssociatedBytesLib
/// @notice Stores a `bytes` value inline (length word followed by 32-byte chunks) in a struct that sits under an
///         account-keyed mapping, so every chunk is ERC-7562 associated storage of that account.
library AssociatedBytesLib {
    /// @notice The value is longer than the inline capacity.
    error AssociatedBytesTooLong(uint256 length);

    /// @dev 127 chunks keep every slot within keccak(account ‖ x) + 128.
    uint256 internal constant MAX_CHUNKS = 127;

    struct Bytes {
        uint256 length;
        bytes32[127] chunks;
    }

    /// @notice Overwrites the stored value with `data`.
    function store(Bytes storage self, bytes memory data) internal {
        uint256 len = data.length;
        uint256 chunks = (len + 31) >> 5;
        if (chunks > MAX_CHUNKS) revert AssociatedBytesTooLong(len);
        uint256 oldChunks = (self.length + 31) >> 5;
        self.length = len;
        for (uint256 i; i < chunks; ++i) {
            bytes32 w;
            assembly ("memory-safe") {
                w := mload(add(add(data, 0x20), shl(5, i)))
            }
            if (i == chunks - 1 && len & 31 != 0) {
                // zero the bytes past the end so a shorter later value leaves no garbage behind
                w &= bytes32(type(uint256).max << ((32 - (len & 31)) << 3));
            }
            self.chunks[i] = w;
        }
        for (uint256 i = chunks; i < oldChunks; ++i) {
            delete self.chunks[i];
        }
    }

    /// @notice Reads the stored value.
    function load(Bytes storage self) internal view returns (bytes memory data) {
        uint256 len = self.length;
        data = new bytes(len);
        uint256 chunks = (len + 31) >> 5;
        for (uint256 i; i < chunks; ++i) {
            bytes32 w = self.chunks[i];
            assembly ("memory-safe") {
                mstore(add(add(data, 0x20), shl(5, i)), w)
            }
        }
    }

    /// @notice Clears the stored value.
    function clear(Bytes storage self) internal {
        uint256 chunks = (self.length + 31) >> 5;
        for (uint256 i; i < chunks; ++i) {
            delete self.chunks[i];
        }
        self.length = 0;
    }
}
