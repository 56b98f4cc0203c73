// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IEntryPoint} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {LatchkeyAccount} from "./LatchkeyAccount.sol";

/// @title LatchkeyAccountFactory
/// @notice Deploys {LatchkeyAccount}s as EIP-1167 minimal proxies (OpenZeppelin Clones) with CREATE2.
/// @dev Why clones and not ERC-1967 proxies: the account is not upgradeable (no UUPS logic), so the 45-byte EIP-1167
///      proxy is the cheapest correct choice (~41k less deployment gas than an ERC-1967 proxy, and no extra SLOAD of
///      the implementation slot on every call).
///      The CREATE2 salt is `keccak256(abi.encode(salt, keccak256(ownerValidatorInitData),
///      keccak256(smartSessionInitData)))`, so the address commits to the owner and session config: nobody can deploy
///      a different owner at someone's counterfactual address. Deployment and initialization are atomic.
///      Usable as an EntryPoint v0.7 `initCode` factory: `initCode = factory ‖ abi.encodeCall(createAccount, (...))`.
contract LatchkeyAccountFactory {
    /// @notice Emitted when a new account is deployed.
    event AccountCreated(address indexed account, bytes32 indexed salt);

    /// @notice The EntryPoint trusted by all accounts of this factory.
    IEntryPoint public immutable ENTRY_POINT;
    /// @notice The shared account implementation (deployed by this factory).
    LatchkeyAccount public immutable ACCOUNT_IMPLEMENTATION;
    /// @notice The owner validator installed in every account (e.g. OwnableValidator).
    address public immutable OWNER_VALIDATOR;
    /// @notice The SmartSession validator installed in every account (address(0) = none).
    address public immutable SMART_SESSION;

    /// @notice Deploys the factory and its account implementation.
    /// @param entryPoint_ The EntryPoint (v0.7).
    /// @param ownerValidator_ The owner validator module.
    /// @param smartSession_ The SmartSession module (installed as a type-1 validator), or address(0).
    constructor(IEntryPoint entryPoint_, address ownerValidator_, address smartSession_) {
        ENTRY_POINT = entryPoint_;
        OWNER_VALIDATOR = ownerValidator_;
        SMART_SESSION = smartSession_;
        ACCOUNT_IMPLEMENTATION = new LatchkeyAccount(entryPoint_, address(this));
    }

    /// @notice Deploys and initializes an account, or returns the existing one (idempotent).
    /// @param salt User-chosen salt (e.g. 0 for the first account of an owner).
    /// @param ownerValidatorInitData `onInstall` data of the owner validator (OwnableValidator:
    ///        `abi.encode(uint256 threshold, address[] owners)`).
    /// @param smartSessionInitData `onInstall` data of SmartSession (empty or `0x01 ‖ abi.encode(Session[])`).
    /// @return account The account address.
    function createAccount(bytes32 salt, bytes calldata ownerValidatorInitData, bytes calldata smartSessionInitData)
        external
        returns (address account)
    {
        bytes32 create2Salt = _create2Salt(salt, ownerValidatorInitData, smartSessionInitData);
        account = Clones.predictDeterministicAddress(address(ACCOUNT_IMPLEMENTATION), create2Salt);
        if (account.code.length != 0) return account;
        Clones.cloneDeterministic(address(ACCOUNT_IMPLEMENTATION), create2Salt);
        LatchkeyAccount(payable(account)).initialize(
            OWNER_VALIDATOR, ownerValidatorInitData, SMART_SESSION, smartSessionInitData
        );
        emit AccountCreated(account, salt);
    }

    /// @notice Counterfactual address of {createAccount} with the same arguments.
    /// @param salt User-chosen salt.
    /// @param ownerValidatorInitData Owner validator init data.
    /// @param smartSessionInitData SmartSession init data.
    /// @return The account address (deployed or not).
    function getAddress(bytes32 salt, bytes calldata ownerValidatorInitData, bytes calldata smartSessionInitData)
        external
        view
        returns (address)
    {
        return Clones.predictDeterministicAddress(
            address(ACCOUNT_IMPLEMENTATION), _create2Salt(salt, ownerValidatorInitData, smartSessionInitData)
        );
    }

    function _create2Salt(bytes32 salt, bytes calldata ownerValidatorInitData, bytes calldata smartSessionInitData)
        internal
        pure
        returns (bytes32)
    {
        return keccak256(abi.encode(salt, keccak256(ownerValidatorInitData), keccak256(smartSessionInitData)));
    }
}
