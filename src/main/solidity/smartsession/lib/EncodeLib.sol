// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {LibZip} from "solady/utils/LibZip.sol";
import {EnableSession, PermissionId, SmartSessionMode} from "../DataTypes.sol";

/// @title EncodeLib
/// @notice userOp.signature layouts (spec §2.1).
///   USE:                 0x00 ‖ permissionId (32) ‖ sessionValidatorSignature
///   ENABLE/UNSAFE_ENABLE: mode ‖ FastLZ(abi.encode(EnableSession, bytes sessionValidatorSignature))
library EncodeLib {
    /// @notice Splits the mode byte off. A mode byte above 2 fails the enum conversion (Panic 0x21).
    function unpackMode(bytes calldata sig) internal pure returns (SmartSessionMode mode, bytes calldata packed) {
        mode = SmartSessionMode(uint8(sig[0]));
        packed = sig[1:];
    }

    /// @notice Decodes the USE payload (after the mode byte).
    function decodeUse(bytes calldata packed) internal pure returns (PermissionId permissionId, bytes calldata sig) {
        permissionId = PermissionId.wrap(bytes32(packed[0:32]));
        sig = packed[32:];
    }

    /// @notice Decompresses and decodes the ENABLE payload (after the mode byte).
    function decodeEnable(bytes calldata packed)
        internal
        pure
        returns (EnableSession memory enableData, bytes memory sig)
    {
        (enableData, sig) = abi.decode(decompress(packed), (EnableSession, bytes));
    }

    /// @notice solady FastLZ decompression of a calldata buffer.
    function decompress(bytes calldata compressed) internal pure returns (bytes memory) {
        return LibZip.flzDecompress(compressed);
    }

    /// @notice Builds a USE signature.
    function encodeUse(PermissionId permissionId, bytes memory sig) internal pure returns (bytes memory) {
        return abi.encodePacked(uint8(SmartSessionMode.USE), permissionId, sig);
    }

    /// @notice Builds an ENABLE / UNSAFE_ENABLE signature.
    function encodeEnable(SmartSessionMode mode, EnableSession memory enableData, bytes memory sig)
        internal
        pure
        returns (bytes memory)
    {
        return abi.encodePacked(uint8(mode), LibZip.flzCompress(abi.encode(enableData, sig)));
    }
}
