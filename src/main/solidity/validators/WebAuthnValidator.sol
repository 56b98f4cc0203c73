// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {LibSort} from "solady/utils/LibSort.sol";
import {WebAuthn} from "@openzeppelin/contracts/utils/cryptography/WebAuthn.sol";
import {ISessionValidator} from "../smartsession/interfaces/ISessionValidator.sol";

/// @notice A P-256 passkey credential (stateless config entry).
struct WebAuthnCredential {
    uint256 pubKeyX;
    uint256 pubKeyY;
    bool requireUV;
}

/// @notice Stateless config of {WebAuthnValidator} (core-modules HEAD format).
/// @dev `credentialIds[i] == keccak256(abi.encode(credentialData[i].pubKeyX, credentialData[i].pubKeyY))`, strictly
///      ascending.
struct WebAuthVerificationContext {
    bool usePrecompile;
    uint256 threshold;
    bytes32[] credentialIds;
    WebAuthnCredential[] credentialData;
}

/// @notice One WebAuthn assertion (core-modules field order).
struct WebAuthnAuth {
    bytes authenticatorData;
    string clientDataJSON;
    uint256 challengeIndex;
    uint256 typeIndex;
    uint256 r;
    uint256 s;
}

/// @title WebAuthnValidator
/// @notice Stateless Smart Sessions validator (ERC-7780 type 7) for P-256 passkeys (WebAuthn assertions).
/// @dev `validateSignatureWithData(hash, sig, data)`:
///      - `data = abi.encode(WebAuthVerificationContext)`;
///      - `sig  = abi.encode(WebAuthnAuth[])`; `auth[i]` is checked against `credentialData[i]`;
///      - the WebAuthn challenge is `abi.encode(hash)` (32 bytes, base64url in clientDataJSON);
///      - valid iff at least `threshold` assertions verify (each index maps to one credential, so none counts twice).
///      Verification is OpenZeppelin `WebAuthn.verify` (type "webauthn.get", challenge, UP, optional UV, BE/BS
///      consistency, low-s P-256). `usePrecompile` is kept for config-format compatibility but is advisory: OZ P256
///      always tries the RIP-7212 precompile first and falls back to the Solidity verifier, so both settings accept
///      exactly the same signatures.
///      The module holds no state: `onInstall`/`onUninstall` are no-ops and it does not claim type 1.
contract WebAuthnValidator is ISessionValidator {
    /// @dev Module type id of a stateless (session) validator, ERC-7780.
    uint256 internal constant MODULE_TYPE_STATELESS_VALIDATOR = 7;

    /// @notice No-op: the validator is stateless.
    function onInstall(bytes calldata) external override {}

    /// @notice No-op: the validator is stateless.
    function onUninstall(bytes calldata) external override {}

    /// @notice ERC-7579 module type check.
    /// @param moduleTypeId The queried type id.
    /// @return True only for 7 (stateless validator).
    function isModuleType(uint256 moduleTypeId) external pure override returns (bool) {
        return moduleTypeId == MODULE_TYPE_STATELESS_VALIDATOR;
    }

    /// @notice Checks WebAuthn assertions over `hash` against the passkeys in `data`.
    /// @param hash The signed hash (raw userOpHash for sessions); the challenge is `abi.encode(hash)`.
    /// @param sig `abi.encode(WebAuthnAuth[])`.
    /// @param data `abi.encode(WebAuthVerificationContext)`.
    /// @return validSig False on an invalid config (threshold 0 or above the credential count, length mismatch,
    ///         unsorted/duplicate ids, ids not matching the keys) or when fewer than `threshold` assertions verify.
    function validateSignatureWithData(bytes32 hash, bytes calldata sig, bytes calldata data)
        external
        view
        override
        returns (bool validSig)
    {
        WebAuthVerificationContext memory ctx = abi.decode(data, (WebAuthVerificationContext));
        if (!_isValidContext(ctx)) return false;
        WebAuthnAuth[] memory auths = abi.decode(sig, (WebAuthnAuth[]));
        bytes memory challenge = abi.encode(hash);
        uint256 n = auths.length < ctx.credentialData.length ? auths.length : ctx.credentialData.length;
        uint256 valid;
        for (uint256 i; i < n; ++i) {
            WebAuthnCredential memory cred = ctx.credentialData[i];
            WebAuthnAuth memory a = auths[i];
            bool ok = WebAuthn.verify(
                challenge,
                WebAuthn.WebAuthnAuth({
                    r: bytes32(a.r),
                    s: bytes32(a.s),
                    challengeIndex: a.challengeIndex,
                    typeIndex: a.typeIndex,
                    authenticatorData: a.authenticatorData,
                    clientDataJSON: a.clientDataJSON
                }),
                bytes32(cred.pubKeyX),
                bytes32(cred.pubKeyY),
                cred.requireUV
            );
            if (ok && ++valid >= ctx.threshold) return true;
        }
        return false;
    }

    /// @notice The credential id of a passkey: `keccak256(abi.encode(pubKeyX, pubKeyY))`.
    /// @param pubKeyX P-256 public key x.
    /// @param pubKeyY P-256 public key y.
    /// @return The credential id.
    function credentialId(uint256 pubKeyX, uint256 pubKeyY) public pure returns (bytes32) {
        return keccak256(abi.encode(pubKeyX, pubKeyY));
    }

    function _isValidContext(WebAuthVerificationContext memory ctx) internal pure returns (bool) {
        uint256 n = ctx.credentialIds.length;
        if (ctx.threshold == 0 || ctx.threshold > n || ctx.credentialData.length != n) return false;
        if (!LibSort.isSortedAndUniquified(ctx.credentialIds)) return false;
        for (uint256 i; i < n; ++i) {
            WebAuthnCredential memory c = ctx.credentialData[i];
            if (ctx.credentialIds[i] != credentialId(c.pubKeyX, c.pubKeyY)) return false;
        }
        return true;
    }
}
