// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IEntryPoint, PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {MODULE_TYPE_VALIDATOR} from "@openzeppelin/contracts/interfaces/draft-IERC7579.sol";
import {AccountERC7579} from "@openzeppelin/contracts/account/extensions/draft-AccountERC7579.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

/// @title LatchkeyAccount
/// @notice ERC-7579 modular smart account (OpenZeppelin AccountERC7579) for EntryPoint v0.7, deployed as EIP-1167
///         clones by {LatchkeyAccountFactory}.
/// @dev - `entryPoint()` is an immutable set in the constructor (OZ defaults to v0.9, whose userOpHash is EIP-712 and
///        differs from v0.7's).
///      - User operations: the validator module is the top 20 bytes of `userOp.nonce` (nonce key = validator ‖ 4
///        free bytes); the module receives the RAW EntryPoint userOpHash (see {_signableUserOpHash}). An uninstalled
///        validator yields SIG_VALIDATION_FAILED.
///      - ERC-1271: `signature = validator (20) ‖ validatorSignature`; the hash is forwarded unchanged to
///        `validator.isValidSignatureWithSender(msg.sender, hash, validatorSignature)`.
///      - ERC-5267 `eip712Domain()`: name "Latchkey", version "1", chainId, verifyingContract = the account (fields
///        0x0f), so validators can do ERC-7739 nested typed-data signing against it.
///      - Initialization installs the owner validator and SmartSession (both type 1); only the factory that deployed
///        the implementation can initialize, and only once per clone.
contract LatchkeyAccount is AccountERC7579, EIP712, Initializable {
    /// @dev `initialize` called by someone other than the factory.
    error OnlyFactory(address caller);

    IEntryPoint private immutable _ENTRY_POINT;

    /// @notice The factory allowed to initialize clones of this implementation.
    address public immutable FACTORY;

    /// @notice Deploys the implementation. Clones share its immutables.
    /// @param entryPoint_ The ERC-4337 EntryPoint (v0.7 for Latchkey).
    /// @param factory_ The only address allowed to call {initialize}.
    constructor(IEntryPoint entryPoint_, address factory_) EIP712("Latchkey", "1") {
        _ENTRY_POINT = entryPoint_;
        FACTORY = factory_;
        _disableInitializers();
    }

    /// @notice One-time initialization of a clone: installs the owner validator and (if non-zero) SmartSession as
    ///         ERC-7579 validators (type 1).
    /// @param ownerValidator The owner validator module (e.g. OwnableValidator).
    /// @param ownerValidatorInitData Its `onInstall` data.
    /// @param smartSession The SmartSession module, or address(0) to skip.
    /// @param smartSessionInitData Its `onInstall` data.
    function initialize(
        address ownerValidator,
        bytes calldata ownerValidatorInitData,
        address smartSession,
        bytes calldata smartSessionInitData
    ) external initializer {
        if (msg.sender != FACTORY) revert OnlyFactory(msg.sender);
        _installModule(MODULE_TYPE_VALIDATOR, ownerValidator, ownerValidatorInitData);
        if (smartSession != address(0)) {
            _installModule(MODULE_TYPE_VALIDATOR, smartSession, smartSessionInitData);
        }
    }

    /// @notice The EntryPoint this account trusts.
    /// @return The immutable EntryPoint set at implementation deployment.
    function entryPoint() public view override returns (IEntryPoint) {
        return _ENTRY_POINT;
    }

    /// @notice ERC-7579 account id.
    /// @return "latchkey.account.0.1.0"
    function accountId() public pure override returns (string memory) {
        return "latchkey.account.0.1.0";
    }

    /// @dev EntryPoint v0.7's userOpHash is `keccak256(abi.encode(keccak(packed fields), entryPoint, chainId))`;
    ///      validator modules (OwnableValidator, SmartSession) expect exactly that raw hash, so it is forwarded
    ///      unchanged. Pinned here so a future OZ default (e.g. v0.8+ typed-data handling) cannot change it.
    function _signableUserOpHash(PackedUserOperation calldata, bytes32 userOpHash)
        internal
        pure
        override
        returns (bytes32)
    {
        return userOpHash;
    }
}
