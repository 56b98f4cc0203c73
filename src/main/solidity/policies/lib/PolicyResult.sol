// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// @title PolicyResult
/// @notice Return-value helpers shared by all Latchkey policies (ERC-4337 validation data layout).
/// @dev Layout: validAfter (uint48) in bits 208..255, validUntil (uint48) in bits 160..207,
///      aggregator / sigFailed in bits 0..159. A policy signals failure with 1 (any nonzero low 160 bits
///      makes SmartSession revert `PolicyViolation`).
library PolicyResult {
    /// @dev erc7579 VALIDATION_SUCCESS.
    uint256 internal constant SUCCESS = 0;
    /// @dev erc7579 VALIDATION_FAILED.
    uint256 internal constant FAILED = 1;

    /// @notice Packs a time window with sigFailed = false: `validAfter << 208 | validUntil << 160`.
    /// @param validUntil Last valid timestamp (0 = no expiry).
    /// @param validAfter First valid timestamp.
    function packTimeRange(uint48 validUntil, uint48 validAfter) internal pure returns (uint256) {
        return (uint256(validAfter) << 208) | (uint256(validUntil) << 160);
    }
}
