// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// @title ValidationDataLib
/// @notice ERC-4337 validation data: validAfter (bits 208..255) ‖ validUntil (160..207) ‖ aggregator (0..159).
library ValidationDataLib {
    uint256 internal constant MASK160 = (1 << 160) - 1;
    uint256 internal constant MASK48 = (1 << 48) - 1;
    uint256 internal constant SIG_VALIDATION_FAILED = 1;

    /// @notice Intersects two validation data words (spec §2.6).
    /// @dev Conflicting nonzero aggregators give 1 (failure). validUntil 0 means "infinite" (0xffffffffffff).
    function intersect(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 aggA = a & MASK160;
        uint256 aggB = b & MASK160;
        if (aggA != aggB && aggA != 0 && aggB != 0) return SIG_VALIDATION_FAILED;
        uint256 afterA = a >> 208;
        uint256 afterB = b >> 208;
        uint256 untilA = (a >> 160) & MASK48;
        uint256 untilB = (b >> 160) & MASK48;
        if (untilA == 0) untilA = MASK48;
        if (untilB == 0) untilB = MASK48;
        uint256 validAfter = afterA > afterB ? afterA : afterB;
        uint256 validUntil = untilA < untilB ? untilA : untilB;
        return (validAfter << 208) | (validUntil << 160) | (aggA | aggB);
    }

    /// @notice True if the low 160 bits are nonzero (signature failure or an aggregator).
    function isFailed(uint256 vd) internal pure returns (bool) {
        return vd & MASK160 != 0;
    }
}
