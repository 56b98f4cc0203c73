// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// @title CalldataReader
/// @notice Bounds-checked reads of ABI argument words from a call's calldata (selector ‖ args).
library CalldataReader {
    /// @notice The requested argument word lies (partly) outside the calldata.
    error ArgumentOutOfBounds(uint256 offset, uint256 length);
    /// @notice An argument expected to be an address has nonzero upper 96 bits.
    error DirtyAddressArgument(uint256 offset);

    /// @notice Returns `data[4 + offset : 36 + offset]` as a word; reverts when out of range.
    /// @param data Calldata starting with a 4-byte selector.
    /// @param offset Byte offset counted from the first argument word.
    function argWord(bytes calldata data, uint256 offset) internal pure returns (bytes32 w) {
        // offset <= 2^64 in every caller path that matters; guard the addition anyway.
        if (offset > type(uint128).max || data.length < offset + 36) revert ArgumentOutOfBounds(offset, data.length);
        assembly ("memory-safe") {
            w := calldataload(add(add(data.offset, 4), offset))
        }
    }

    /// @notice Returns the `index`-th static argument word as uint256.
    /// @param data Calldata starting with a 4-byte selector.
    /// @param index Zero-based argument index.
    function argUint(bytes calldata data, uint256 index) internal pure returns (uint256) {
        return uint256(argWord(data, index * 32));
    }

    /// @notice Returns the `index`-th static argument as an address; reverts on dirty upper bits (like abi.decode).
    /// @param data Calldata starting with a 4-byte selector.
    /// @param index Zero-based argument index.
    function argAddress(bytes calldata data, uint256 index) internal pure returns (address) {
        uint256 w = uint256(argWord(data, index * 32));
        if (w >> 160 != 0) revert DirtyAddressArgument(index * 32);
        // casting to uint160 is safe: the upper 96 bits were checked to be zero above.
        // forge-lint: disable-next-line(unsafe-typecast)
        return address(uint160(w));
    }

    /// @notice The first four bytes of `data`, and whether there are at least four.
    /// @param data Any calldata.
    function selector(bytes calldata data) internal pure returns (bool ok, bytes4 sel) {
        if (data.length < 4) return (false, bytes4(0));
        return (true, bytes4(data[0:4]));
    }
}
