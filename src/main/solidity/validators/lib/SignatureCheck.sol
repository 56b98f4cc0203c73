// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ECDSA} from "solady/utils/ECDSA.sol";
import {LibSort} from "solady/utils/LibSort.sol";
import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";

/// @title SignatureCheck
/// @notice Recovers the signers of `n` concatenated 65-byte signatures (the "CheckNSignatures" format used by the
///         Rhinestone OwnableValidator).
/// @dev Each chunk is `r (32) ‖ s (32) ‖ v (1)`:
///      - `v == 0`: contract signer. `r` holds the signer address, `s` the byte offset (within the whole signature
///        blob) of a `uint256 length ‖ bytes` ERC-1271 signature. The signer must return the ERC-1271 magic value for
///        `isValidSignature(hash, blob)`, otherwise the call reverts.
///      - `v > 30`: `personal_sign` form, `ecrecover(toEthSignedMessageHash(hash), v - 4, r, s)`.
///      - otherwise: `ecrecover(hash, v, r, s)`.
///      Recovery uses solady `tryRecover`, which returns `address(0)` for invalid signatures and, like the canonical
///      implementation, does NOT reject high-s (malleable) signatures. Malleability is harmless here because the
///      recovered signer set is de-duplicated and replay is bounded by the EntryPoint nonce / the signed hash.
library SignatureCheck {
    /// @dev The signature blob is shorter than `65 * requiredSignatures`.
    error InvalidSignature();
    /// @dev A contract signature's offset/length points outside the signature blob or into the static part.
    error WrongContractSignatureFormat(uint256 s, uint256 contractSignatureLen, uint256 signaturesLen);
    /// @dev A contract signer did not return the ERC-1271 magic value.
    error WrongContractSignature(bytes contractSignature);

    /// @notice Recovers the signers of the first `requiredSignatures` chunks of `signatures`.
    /// @param hash The signed hash.
    /// @param signatures The concatenated signatures (plus any contract-signature blobs after the static part).
    /// @param requiredSignatures The number of 65-byte chunks to read.
    /// @return signers The recovered signers, in chunk order (may contain `address(0)` and duplicates).
    function recoverNSignatures(bytes32 hash, bytes calldata signatures, uint256 requiredSignatures)
        internal
        view
        returns (address[] memory signers)
    {
        uint256 staticLength = requiredSignatures * 65;
        if (signatures.length < staticLength) revert InvalidSignature();
        signers = new address[](requiredSignatures);
        for (uint256 i; i < requiredSignatures; ++i) {
            uint256 pos = i * 65;
            bytes32 r = bytes32(signatures[pos:pos + 32]);
            bytes32 s = bytes32(signatures[pos + 32:pos + 64]);
            uint8 v = uint8(signatures[pos + 64]);
            if (v == 0) {
                signers[i] = _checkContractSignature(hash, signatures, staticLength, r, s);
            } else if (v > 30) {
                signers[i] = ECDSA.tryRecover(ECDSA.toEthSignedMessageHash(hash), v - 4, r, s);
            } else {
                signers[i] = ECDSA.tryRecover(hash, v, r, s);
            }
        }
    }

    /// @notice Recovers signers and returns them sorted ascending with duplicates removed.
    /// @param hash The signed hash.
    /// @param signatures The concatenated signatures.
    /// @param requiredSignatures The number of 65-byte chunks to read.
    /// @return signers Sorted, unique recovered signers (may include `address(0)`, which callers must ignore).
    function recoverUniqueSorted(bytes32 hash, bytes calldata signatures, uint256 requiredSignatures)
        internal
        view
        returns (address[] memory signers)
    {
        signers = recoverNSignatures(hash, signatures, requiredSignatures);
        LibSort.sort(signers);
        LibSort.uniquifySorted(signers);
    }

    function _checkContractSignature(
        bytes32 hash,
        bytes calldata signatures,
        uint256 staticLength,
        bytes32 r,
        bytes32 s
    ) private view returns (address signer) {
        signer = address(uint160(uint256(r)));
        uint256 offset = uint256(s);
        uint256 total = signatures.length;
        // The blob must live after the static part and its length word must fit.
        if (offset < staticLength || offset > total || total - offset < 32) {
            revert WrongContractSignatureFormat(offset, 0, total);
        }
        uint256 blobLength = uint256(bytes32(signatures[offset:offset + 32]));
        if (blobLength > total - offset - 32) revert WrongContractSignatureFormat(offset, blobLength, total);
        bytes calldata blob = signatures[offset + 32:offset + 32 + blobLength];
        if (IERC1271(signer).isValidSignature(hash, blob) != IERC1271.isValidSignature.selector) {
            revert WrongContractSignature(blob);
        }
    }
}
