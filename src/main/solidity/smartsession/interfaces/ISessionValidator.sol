// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IERC7579Module} from "@openzeppelin/contracts/interfaces/draft-IERC7579.sol";

/// @title ISessionValidator
/// @notice A stateless validator (ERC-7780 module type 7): SmartSession stores the session's validator
///         config and hands it back on every check, so the validator keeps no per-account state.
interface ISessionValidator is IERC7579Module {
    /// @notice Checks `sig` over `hash` against the signer set described by `data`.
    /// @param hash The hash that was signed (for user operations: the raw userOpHash).
    /// @param sig The signature bytes in the validator's own format.
    /// @param data The session's `sessionValidatorInitData`, verbatim.
    /// @return validSig True when the signature satisfies the config.
    function validateSignatureWithData(bytes32 hash, bytes calldata sig, bytes calldata data)
        external
        view
        returns (bool validSig);
}
